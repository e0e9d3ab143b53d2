/**
 * One line of a benchmark's table: what Mesa did, the same SQL run without Mesa, their ratio,
 * and the target from issue 7 when there is one.
 */
export interface Figure {
  bench: string;
  name: string;
  unit: 'ms' | 'req/s' | 'MB' | 'count';
  mesa: number;
  /** The same statements on the same driver, without Mesa; null when there is no SQL counterpart. */
  sql: number | null;
  /** The target: at most (for ms and MB) or at least (for req/s). */
  target: number | null;
  note?: string;
}

export interface BenchContext {
  engine: 'sqlite' | 'postgres';
  tickets: number;
}

export interface FigureResult extends Figure {
  /** Mesa ÷ SQL for times, SQL ÷ Mesa for throughput: how many times the bare SQL Mesa costs. */
  ratio: number | null;
  met: boolean | null;
}

/** Issue 7 allows PostgreSQL twice the SQLite targets: twice the time and memory, half the throughput. */
export function targetFor(figure: Figure, engine: BenchContext['engine']): number | null {
  if (figure.target === null || engine === 'sqlite') return figure.target;
  return figure.unit === 'req/s' ? figure.target / 2 : figure.target * 2;
}

export function evaluate(given: Figure, engine: BenchContext['engine']): FigureResult {
  const figure = { ...given, target: targetFor(given, engine) };
  let ratio: number | null = null;
  if (figure.sql !== null && figure.sql > 0 && figure.mesa > 0) {
    ratio = figure.unit === 'req/s' ? figure.sql / figure.mesa : figure.mesa / figure.sql;
  }
  let met: boolean | null = null;
  if (figure.target !== null)
    met = figure.unit === 'req/s' ? figure.mesa >= figure.target : figure.mesa <= figure.target;
  return { ...figure, ratio, met };
}

function format(value: number | null, unit: Figure['unit']): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'count') return String(Math.round(value));
  if (unit === 'req/s' || unit === 'MB') return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function targetText(figure: FigureResult): string {
  if (figure.target === null) return '';
  const sign = figure.unit === 'req/s' ? '≥' : '≤';
  return `${sign} ${format(figure.target, figure.unit)} ${figure.met ? 'met' : 'MISSED'}`;
}

/** A plain-text table, one row per figure. */
export function renderTable(context: BenchContext, figures: readonly FigureResult[]): string {
  const header = ['bench', 'figure', 'unit', 'Mesa', 'SQL only', '×SQL', 'target'];
  const rows = figures.map((f) => [
    f.bench,
    f.name,
    f.unit,
    format(f.mesa, f.unit),
    format(f.sql, f.unit),
    f.ratio === null ? '' : `${f.ratio.toFixed(1)}×`,
    targetText(f),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 3 && i <= 5 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.bench} ${f.name}: ${f.note}`);
  return [
    `Mesa benchmarks — ${context.engine}, ${context.tickets.toLocaleString('en-US')} tickets${
      context.engine === 'postgres' ? ' (targets: twice the SQLite ones, as issue 7 allows)' : ''
    }`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(notes.length ? ['', 'notes:', ...notes] : []),
  ].join('\n');
}
