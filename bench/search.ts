import type { Bench } from './lib/bench.js';
import { measureGets } from './lib/measure.js';
import type { Figure } from './lib/report.js';

const TARGET_P95_MS = 60;

/**
 * What agents type, from words the generator writes (cli/generator/vocabulary.ts): one in many
 * tickets, one in some, one in few, two words, and a prefix (the last word is matched as one,
 * for search-as-you-type).
 */
const QUERIES: { name: string; q: string }[] = [
  { name: 'a common word', q: 'error' },
  { name: 'a frequent word', q: 'impresora' },
  { name: 'a rare word', q: 'remuneraciones' },
  { name: 'two words', q: 'informe excel' },
  { name: 'a prefix', q: 'contras' },
  { name: 'an English word', q: 'printer' },
];

/** Full-text search from the queue: over every ticket, and within the open queue. */
export const benchSearch: Bench = async (run) => {
  const { harness } = run;
  const [agent] = await harness.usersWithRole('agent');
  if (!agent) throw new Error('No agent to sign in as');
  const session = await harness.signIn(agent.email);
  const figures: Figure[] = [];
  const per = Math.max(50, Math.round(run.samples / 2));
  for (const { name, q } of QUERIES) {
    const path = `/api/v1/tickets?queue=all&q=${encodeURIComponent(q)}`;
    const measured = await measureGets(run, session, `search: all tickets, ${name} (${q})`, [path], per);
    figures.push({
      bench: 'search',
      name: `all tickets, ${name} "${q}" p95`,
      unit: 'ms',
      mesa: measured.mesa.p95,
      sql: measured.sql.p95,
      target: TARGET_P95_MS,
      note: `p50 ${measured.mesa.p50.toFixed(1)} ms (SQL ${measured.sql.p50.toFixed(1)} ms), ${measured.items ?? 0} rows`,
    });
  }
  const mixed = QUERIES.map(({ q }) => `/api/v1/tickets?q=${encodeURIComponent(q)}`);
  const open = await measureGets(run, session, 'search: open queue, the words in turn', mixed);
  figures.push(
    {
      bench: 'search',
      name: 'open queue, the words in turn p50',
      unit: 'ms',
      mesa: open.mesa.p50,
      sql: open.sql.p50,
      target: null,
    },
    {
      bench: 'search',
      name: 'open queue, the words in turn p95',
      unit: 'ms',
      mesa: open.mesa.p95,
      sql: open.sql.p95,
      target: TARGET_P95_MS,
    },
  );
  return figures;
};
