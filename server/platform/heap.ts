import { setFlagsFromString } from 'node:v8';

/**
 * How much the JavaScript heap may grow past what survived one full collection before the next.
 *
 * V8 picks that factor itself, up to 4×, and a busy server gets the highest: under a burst of
 * ticket creations, requests waiting for their commit are promoted to the old generation and die
 * there, so at a million tickets the heap swelled from 46 MB to about 200 MB of garbage before a
 * single full collection, and the process peaked at 415 MB. Growing by a fifth keeps the heap near
 * what is live (peak 258–313 MB in the same benchmarks). The full collections it adds took garbage
 * collection from 3 % to 7 % of a creation's CPU profile, with no loss of throughput measured (on
 * a faster machine, against 100 %: the same throughput, 8–12 % more CPU a creation in a profiling
 * script, 40 MB less at the peak). docs/performance.md ("Memory", "Ticket creation") has the figures.
 *
 * This changes when V8 collects, never how much it may hold: a large report still gets the memory
 * it needs, which a cap on the heap (--max-old-space-size) would refuse by crashing the process.
 */
const HEAP_GROWING_PERCENT = 20;

/** For the server process: called before it starts serving. */
export function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
