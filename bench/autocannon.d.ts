// The few parts of autocannon 9 the benchmarks use (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface Histogram {
    recordValue(value: number): void;
    recordValueWithExpectedInterval(value: number, expectedInterval: number): void;
    reset(): void;
    destroy(): void;
    /** Marks a histogram autocannon must not encode. */
    __custom: true;
  }

  export interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: { method?: string; path?: string; body?: string; headers?: Record<string, string> }[];
    idReplacement?: boolean;
    connections?: number;
    duration?: number;
    amount?: number;
    overallRate?: number;
    ignoreCoordinatedOmission?: boolean;
    excludeErrorStats?: boolean;
    skipAggregateResult?: boolean;
    histograms?: { latencies?: Histogram; requests?: Histogram; throughput?: Histogram };
    timeout?: number;
  }

  export interface RawResult {
    totalCompletedRequests: number;
    totalRequests: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    duration: number;
  }

  export interface Instance extends EventEmitter, PromiseLike<RawResult> {
    stop(): void;
  }

  export default function autocannon(options: Options): Instance;
}
