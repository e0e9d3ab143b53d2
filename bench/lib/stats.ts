import { performance } from 'node:perf_hooks';

/** The q-th percentile (0..100) of samples, nearest-rank on a sorted copy. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const total = samples.reduce((sum, value) => sum + value, 0);
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    mean: samples.length ? total / samples.length : Number.NaN,
    max: samples.length ? samples.reduce((most, value) => Math.max(most, value), -Infinity) : Number.NaN,
  };
}

/** Milliseconds taken by `work`. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/**
 * Runs `work(i)` `warmup` times untimed, then `count` times one after another, and answers the
 * duration of each timed run in milliseconds. A slow case stops early, once warming up has taken
 * a fifth of `budgetMs` or the timed runs all of it (but never before 20 samples).
 */
export async function sample(
  count: number,
  work: (i: number) => Promise<unknown>,
  warmup = 0,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<number[]> {
  const warmupEnd = performance.now() + budgetMs / 5;
  for (let i = 0; i < warmup && performance.now() < warmupEnd; i++) await work(i);
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  for (let i = 0; i < count; i++) {
    if (samples.length >= MIN_SAMPLES && performance.now() > end) break;
    const start = performance.now();
    await work(warmup + i);
    samples.push(performance.now() - start);
  }
  return samples;
}

const MIN_SAMPLES = 20;

/** A seeded stream of numbers in [0, 1), so two runs pick the same tickets and words. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}
