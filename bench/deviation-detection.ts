/**
 * How well the deviation detector tells a change from noise, on generated monthly series:
 * 1,000 stable ones (means, proportions with over-dispersion, durations, counts; a third seasonal)
 * and 1,000 with a change planted at their end (2–3 σ shifts held 3–6 months, drifts growing to
 * 2.5–4 σ over 6–12 months, 3.5–5 σ one-month spikes). Each series is judged at its last month, as
 * the monthly analysis judges the month it closes. Pure computation: runs in a second or two.
 *
 *   npx tsx bench/deviation-detection.ts [--seed N] [--series N]
 *
 * Goals (issue 21): false alarms ≤ 2 % of stable series; planted changes found ≥ 95 %.
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
  options: { seed: { type: 'string', default: '21' }, series: { type: 'string', default: '1000' } },
});
const seed = Number(values.seed);
const count = Number(values.series);
const random = seededRandom(seed);

function generate(planted: boolean): GeneratedSeries[] {
  return Array.from({ length: count }, (_, i) =>
    generateSeries(random, {
      kind: KINDS[i % KINDS.length]!,
      length: integerBetween(random, 13, 36),
      seasonal: random() < 1 / 3,
      planted: planted ? randomPlanted(random) : undefined,
    }),
  );
}

/** Up or down, from the deviation's wording and the indicator's better direction. */
function wentUp(deviation: Deviation, generated: GeneratedSeries): boolean {
  return (deviation.direction === 'better') === (generated.better === 'up');
}

const TUNE = JSON.parse(process.env.TUNE ?? '{}');
const started = performance.now();
const stable = generate(false);
const changed = generate(true);

const tally = new Map<string, { total: number; hits: number }>();
const count1 = (key: string, hit: boolean) => {
  const entry = tally.get(key) ?? { total: 0, hits: 0 };
  entry.total++;
  if (hit) entry.hits++;
  tally.set(key, entry);
};

for (const generated of stable) {
  const alarmed =
    detectDeviations(generated.series, { kind: generated.kind, better: generated.better, ...TUNE }).length > 0;
  count1('stable', alarmed);
  count1(`stable ${generated.kind}`, alarmed);
  if (generated.seasonal) count1('stable seasonal', alarmed);
}
for (const generated of changed) {
  const planted = generated.planted!;
  const [deviation] = detectDeviations(generated.series, { kind: generated.kind, better: generated.better, ...TUNE });
  const found = deviation !== undefined && wentUp(deviation, generated) === planted.sigmas > 0;
  count1('planted', found);
  count1(`planted ${planted.kind}`, found);
  count1(`planted ${planted.kind} ${planted.months}`, found);
  count1(`planted ${generated.kind}`, found);
  if (generated.seasonal) count1('planted seasonal', found);
}
const elapsed = performance.now() - started;

const percent = (key: string) => {
  const entry = tally.get(key);
  return entry ? `${((100 * entry.hits) / entry.total).toFixed(1).padStart(5)} %  (${entry.hits}/${entry.total})` : '-';
};
console.log(`Deviation detection, seed ${seed}, ${count} stable and ${count} planted series, ${elapsed.toFixed(0)} ms`);
console.log(`  false alarms on stable series   ${percent('stable')}   goal ≤ 2 %`);
for (const kind of KINDS) console.log(`    ${kind.padEnd(28)} ${percent(`stable ${kind}`)}`);
console.log(`    ${'seasonal'.padEnd(28)} ${percent('stable seasonal')}`);
console.log(`  planted changes found           ${percent('planted')}   goal ≥ 95 %`);
for (const kind of ['shift', 'drift', 'spike']) console.log(`    ${kind.padEnd(28)} ${percent(`planted ${kind}`)}`);
if (process.env.TUNE)
  for (const key of [...tally.keys()].sort())
    if (/ \d+$/.test(key)) console.log(`    ${key.padEnd(28)} ${percent(key)}`);
for (const kind of KINDS) console.log(`    ${kind.padEnd(28)} ${percent(`planted ${kind}`)}`);
console.log(`    ${'seasonal'.padEnd(28)} ${percent('planted seasonal')}`);
