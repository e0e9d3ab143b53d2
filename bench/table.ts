import { readFileSync } from 'node:fs';
import type { BenchContext, FigureResult } from './lib/report.js';

/**
 * The figures table of docs/performance.md, from the JSON of several runs:
 * `npx tsx bench/table.ts sqlite-100k.json sqlite-1m.json postgres-100k.json postgres-1m.json`.
 * One row per figure, one column per run: Mesa / SQL only (×SQL), and whether the target is met.
 */
interface Run extends BenchContext {
  figures: FigureResult[];
}

const runs = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Run);
if (runs.length === 0) {
  console.error('Usage: npx tsx bench/table.ts RUN.json…  (each from npm run bench -- all --json)');
  process.exit(1);
}

/** PostgreSQL's target is twice SQLite's (half, for throughput): the SQLite one back. */
function undoubled(figure: FigureResult): number | null {
  if (figure.target === null) return null;
  return figure.unit === 'req/s' ? figure.target * 2 : figure.target / 2;
}

const number = (value: number, unit: FigureResult['unit']) => {
  if (unit === 'count') return String(Math.round(value));
  if (value >= 100) return value.toFixed(0);
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
};

function cell(figure: FigureResult | undefined): string {
  if (!figure) return '—';
  let text = number(figure.mesa, figure.unit);
  if (figure.sql !== null) text += ` / ${number(figure.sql, figure.unit)}`;
  if (figure.ratio !== null) text += ` (${figure.ratio.toFixed(1)}×)`;
  if (figure.met === false) text += ' **missed**';
  return text;
}

const key = (figure: FigureResult) => `${figure.bench}\u0000${figure.name}`;
/** Each figure once, in the order the runs give them, with its SQLite target (a run states its own engine's). */
const rows = new Map<string, { figure: FigureResult; target: number | null }>();
for (const run of runs)
  for (const figure of run.figures) {
    if (rows.has(key(figure))) continue;
    rows.set(key(figure), { figure, target: run.engine === 'sqlite' ? figure.target : undoubled(figure) });
  }

const columns = runs.map(
  (run) => `${run.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${run.tickets.toLocaleString('en-US')}`,
);
const lines = [
  `| bench | figure | target (SQLite) | ${columns.join(' | ')} |`,
  `|---|---|---|${runs.map(() => '---:').join('|')}|`,
];
for (const { figure, target } of rows.values()) {
  const sqliteTarget =
    target === null ? '' : `${figure.unit === 'req/s' ? '≥' : '≤'} ${number(target, figure.unit)} ${figure.unit}`;
  const cells = runs.map((run) => cell(run.figures.find((f) => key(f) === key(figure))));
  lines.push(`| ${figure.bench} | ${figure.name} (${figure.unit}) | ${sqliteTarget} | ${cells.join(' | ')} |`);
}
console.log(lines.join('\n'));
