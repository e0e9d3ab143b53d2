import type { Harness } from './harness.js';
import type { Figure } from './report.js';

/** What every benchmark gets: the running server, how long and how much to measure, where to say what it does. */
export interface BenchRun {
  harness: Harness;
  /** Seconds per autocannon run. */
  durationSeconds: number;
  /** Sequential requests per measured case. */
  samples: number;
  seed: number;
  /** Progress, on stderr so --json output stays clean. */
  log(message: string): void;
}

export type Bench = (run: BenchRun) => Promise<Figure[]>;

/** Milliseconds as "12.3 ms" for progress lines. */
export function ms(value: number): string {
  return `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}
