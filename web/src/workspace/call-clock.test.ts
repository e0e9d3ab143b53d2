import { describe, expect, it } from 'vitest';
import { callSeconds, callState, endCall, IDLE, startCall } from './call-clock.js';

describe('the call clock', () => {
  it('stands at zero while no call is in progress', () => {
    expect(callState(IDLE)).toBe('idle');
    expect(callSeconds(IDLE, 1_000_000)).toBe(0);
    expect(endCall(IDLE, 5_000)).toBe(IDLE);
  });

  it('runs from the start, and keeps the length once the call ends', () => {
    const running = startCall(IDLE, 10_000);
    expect(callState(running)).toBe('running');
    expect(callSeconds(running, 75_900)).toBe(65);
    const ended = endCall(running, 190_000);
    expect(callState(ended)).toBe('ended');
    expect(callSeconds(ended, 999_000)).toBe(180);
  });

  it('keeps the first start when started again (picking the caller after "Start call")', () => {
    const running = startCall(IDLE, 10_000);
    expect(startCall(running, 40_000)).toBe(running);
  });

  it('starts afresh after an ended call, and never counts backwards', () => {
    const next = startCall(endCall(startCall(IDLE, 0), 60_000), 90_000);
    expect(next).toEqual({ startedAt: 90_000, endedAt: null });
    expect(callSeconds(next, 80_000)).toBe(0);
  });
});
