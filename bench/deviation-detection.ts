/**
 * How well the deviation detector tells a change from noise, on generated monthly series:
 * 1,000 stable ones (means, proportions with over-dispersion, durations, counts; a third seasonal)
 * and 1,000 with a change planted at their end (2–3 σ shifts held 4–8 months, drifts growing to
 * 3–4 σ over 6–12 months, 5–7 σ one-month spikes; and, apart, the same caught young: see
 * randomPlanted). Each series is judged at its last month, as the monthly analysis judges the month
 * it closes. Pure computation: a second or two per seed.
 *
 *   npx tsx bench/deviation-detection.ts [--seed N | --seeds 1,2,3,4,5] [--series N]
 *
 * Goals (issue 21): false alarms ≤ 2 % of stable series; planted changes found ≥ 95 %.
 * The rules were tuned on seed 21 (the default); seeds 1–5 are the held-out check.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Deviation } from '../domain/analysis/deviation-drift.js';
import { detectDeviations } from '../domain/analysis/deviation-drift.js';
import {
  type GeneratedSeries,
  generateSeries,
  integerBetween,
  KINDS,
  randomPlanted,
  seededRandom,
} from '../test/support/deviation-series.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '21' },
    seeds: { type: 'string' },
    series: { type: 'string' },
  },
});
const count = Number(values.series ?? '1000');

type Tally = Map<string, { total: number; hits: number }>;

function generate(random: () => number, planted?: 'goal' | 'early'): GeneratedSeries[] {
  return Array.from({ length: count }, (_, i) =>
    generateSeries(random, {
      kind: KINDS[i % KINDS.length]!,
      length: integerBetween(random, 13, 36),
      seasonal: random() < 1 / 3,
      planted: planted ? randomPlanted(random, planted) : undefined,
    }),
  );
}

/** Up or down, from the deviation's wording and the indicator's better direction. */
function wentUp(deviation: Deviation, generated: GeneratedSeries): boolean {
  return (deviation.direction === 'better') === (generated.better === 'up');
}

function run(seed: number): { tally: Tally; elapsed: number } {
  const random = seededRandom(seed);
  const started = performance.now();
  const stable = generate(random);
  const changed = generate(random, 'goal');
  const early = generate(random, 'early');
  const tally: Tally = new Map();
  const add = (key: string, hit: boolean) => {
    const entry = tally.get(key) ?? { total: 0, hits: 0 };
    entry.total++;
    if (hit) entry.hits++;
    tally.set(key, entry);
  };
  const judge = (generated: GeneratedSeries) =>
    detectDeviations(generated.series, { kind: generated.kind, better: generated.better })[0];

  for (const generated of stable) {
    const deviation = judge(generated);
    add('stable', deviation !== undefined);
    add(`stable ${generated.kind}`, deviation !== undefined);
    if (generated.seasonal) add('stable seasonal', deviation !== undefined);
    // Which rule raised each false alarm: their rates add up, so each must keep to its share.
    for (const rule of RULES) add(`stable by ${rule}`, deviation?.rule === rule);
  }
  for (const [series, prefix] of [
    [changed, 'planted'],
    [early, 'early'],
  ] as const) {
    for (const generated of series) {
      const planted = generated.planted!;
      const deviation = judge(generated);
      const found = deviation !== undefined && wentUp(deviation, generated) === planted.sigmas > 0;
      add(prefix, found);
      add(`${prefix} ${planted.kind}`, found);
      if (planted.kind === 'shift') add(`${prefix} shift held ${planted.months} months`, found);
      add(`${prefix} ${generated.kind}`, found);
      if (generated.seasonal) add(`${prefix} seasonal`, found);
      for (const rule of RULES) add(`${prefix} by ${rule}`, found && deviation?.rule === rule);
    }
  }
  return { tally, elapsed: performance.now() - started };
}

const RULES = ['jump', 'cusum', 'ewma', 'runs'] as const;

function percent(tally: Tally, key: string): string {
  const entry = tally.get(key);
  return entry ? `${((100 * entry.hits) / entry.total).toFixed(1).padStart(5)} %  (${entry.hits}/${entry.total})` : '-';
}

function printBreakdown(seed: number) {
  const { tally, elapsed } = run(seed);
  const p = (key: string) => percent(tally, key);
  console.log(
    `Deviation detection, seed ${seed}, ${count} stable and ${count} planted series, ${elapsed.toFixed(0)} ms`,
  );
  console.log(`  false alarms on stable series   ${p('stable')}   goal ≤ 2 %`);
  for (const kind of KINDS) console.log(`    ${kind.padEnd(28)} ${p(`stable ${kind}`)}`);
  console.log(`    ${'seasonal'.padEnd(28)} ${p('stable seasonal')}`);
  for (const rule of RULES) console.log(`    raised by ${rule.padEnd(18)} ${p(`stable by ${rule}`)}`);
  for (const [prefix, title] of [
    ['planted', 'planted changes found           '],
    ['early', 'the same caught young (no goal) '],
  ] as const) {
    console.log(`  ${title}${p(prefix)}${prefix === 'planted' ? '   goal ≥ 95 %' : ''}`);
    for (const kind of ['shift', 'drift', 'spike']) console.log(`    ${kind.padEnd(28)} ${p(`${prefix} ${kind}`)}`);
    for (const key of [...tally.keys()].sort()) {
      if (key.startsWith(`${prefix} shift held`))
        console.log(`      ${key.slice(prefix.length + 7).padEnd(26)} ${p(key)}`);
    }
    for (const kind of KINDS) console.log(`    ${kind.padEnd(28)} ${p(`${prefix} ${kind}`)}`);
    console.log(`    ${'seasonal'.padEnd(28)} ${p(`${prefix} seasonal`)}`);
    for (const rule of RULES) console.log(`    found first by ${rule.padEnd(13)} ${p(`${prefix} by ${rule}`)}`);
  }
}

/** One line a seed: the two goals and the hardest parts of the mix. */
function printSummary(seeds: number[]) {
  const columns = ['stable', 'planted', 'planted shift', 'planted drift', 'planted spike', 'planted seasonal', 'early'];
  console.log(
    `Deviation detection, ${count} stable and ${count} planted series a seed (goals: stable ≤ 2 %, planted ≥ 95 %)`,
  );
  console.log(`  seed  ${columns.map((c) => c.padEnd(16)).join(' ')}`);
  for (const seed of seeds) {
    const { tally } = run(seed);
    const cells = columns.map((key) => {
      const entry = tally.get(key)!;
      return `${((100 * entry.hits) / entry.total).toFixed(1)} %`.padEnd(16);
    });
    console.log(`  ${String(seed).padStart(4)}  ${cells.join(' ')}`);
  }
}

if (values.seeds) printSummary(values.seeds.split(',').map(Number));
else printBreakdown(Number(values.seed));
