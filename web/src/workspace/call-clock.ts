/**
 * The clock of one call: it runs from the call's start (a caller picked, or "Start call") to its
 * end (the ticket created), and not while the console waits for the next call. Times are ms.
 */
export interface CallClock {
  startedAt: number | null;
  endedAt: number | null;
}

export const IDLE: CallClock = { startedAt: null, endedAt: null };

export type CallState = 'idle' | 'running' | 'ended';

export function callState(clock: CallClock): CallState {
  if (clock.startedAt === null) return 'idle';
  return clock.endedAt === null ? 'running' : 'ended';
}

/** Starts a call at `now`; a call already running keeps its start. */
export function startCall(clock: CallClock, now: number): CallClock {
  return callState(clock) === 'running' ? clock : { startedAt: now, endedAt: null };
}

/** Stops a running call at `now`, keeping its length on screen; anything else is left as it is. */
export function endCall(clock: CallClock, now: number): CallClock {
  return callState(clock) === 'running' ? { ...clock, endedAt: now } : clock;
}

/** Whole seconds the call has lasted at `now` (its full length once ended; 0 while idle). */
export function callSeconds(clock: CallClock, now: number): number {
  if (clock.startedAt === null) return 0;
  const until = clock.endedAt ?? now;
  return Math.max(0, Math.floor((until - clock.startedAt) / 1000));
}
