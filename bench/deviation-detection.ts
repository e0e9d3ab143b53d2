/**
 * How well the deviation detector tells a change from noise, on generated monthly series:
 * 1,000 stable ones (means, proportions with over-dispersion, durations, counts; a third seasonal)
 * and 1,000 with a change planted at their end (2–3 σ shifts held 4–8 months, drifts growing to
 * 3–4 σ over 6–12 months, 5–7 σ one-month spikes; and, apart, the same caught young: see
 * randomPlanted). Each series is judged at its last month, as the monthly analysis judges the month
 * it closes. Pure computation: runs in a few seconds.
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

function generate(planted?: 'goal' | 'early'): GeneratedSeries[] {
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

const started = performance.now();
const stable = generate();
const changed = generate('goal');
const early = generate('early');

const tally = new Map<string, { total: number; hits: number }>();
const count1 = (key: string, hit: boolean) => {
  const entry = tally.get(key) ?? { total: 0, hits: 0 };
  entry.total++;
  if (hit) entry.hits++;
  tally.set(key, entry);
};

for (const generated of stable) {
  const alarmed = detectDeviations(generated.series, { kind: generated.kind, better: generated.better }).length > 0;
  count1('stable', alarmed);
  count1(`stable ${generated.kind}`, alarmed);
  if (generated.seasonal) count1('stable seasonal', alarmed);
}
function judgePlanted(series: GeneratedSeries[], prefix: string) {
  for (const generated of series) {
    const planted = generated.planted!;
    const [deviation] = detectDeviations(generated.series, { kind: generated.kind, better: generated.better });
    const found = deviation !== undefined && wentUp(deviation, generated) === planted.sigmas > 0;
    count1(prefix, found);
    count1(`${prefix} ${planted.kind}`, found);
    if (planted.kind === 'shift') count1(`${prefix} shift held ${planted.months} months`, found);
    count1(`${prefix} ${generated.kind}`, found);
    if (generated.seasonal) count1(`${prefix} seasonal`, found);
  }
}
judgePlanted(changed, 'planted');
judgePlanted(early, 'early');
const elapsed = performance.now() - started;

const percent = (key: string) => {
  const entry = tally.get(key);
  return entry ? `${((100 * entry.hits) / entry.total).toFixed(1).padStart(5)} %  (${entry.hits}/${entry.total})` : '-';
};
console.log(`Deviation detection, seed ${seed}, ${count} stable and ${count} planted series, ${elapsed.toFixed(0)} ms`);
console.log(`  false alarms on stable series   ${percent('stable')}   goal ≤ 2 %`);
for (const kind of KINDS) console.log(`    ${kind.padEnd(28)} ${percent(`stable ${kind}`)}`);
console.log(`    ${'seasonal'.padEnd(28)} ${percent('stable seasonal')}`);
for (const [prefix, title] of [
  ['planted', 'planted changes found           '],
  ['early', 'the same caught young (no goal) '],
] as const) {
  console.log(`  ${title}${percent(prefix)}${prefix === 'planted' ? '   goal ≥ 95 %' : ''}`);
  for (const kind of ['shift', 'drift', 'spike']) console.log(`    ${kind.padEnd(28)} ${percent(`${prefix} ${kind}`)}`);
  for (const key of [...tally.keys()].sort()) {
    if (key.startsWith(`${prefix} shift held`))
      console.log(`      ${key.slice(prefix.length + 7).padEnd(26)} ${percent(key)}`);
  }
  for (const kind of KINDS) console.log(`    ${kind.padEnd(28)} ${percent(`${prefix} ${kind}`)}`);
  console.log(`    ${'seasonal'.padEnd(28)} ${percent(`${prefix} seasonal`)}`);
}
