import { describe, expect, it } from 'vitest';
import { checkPriorityMatrix, DEFAULT_PRIORITY_MATRIX, derivePriority, LEVELS } from './priority.js';
import { allowedMoves, checkTransition, STATUSES, type TicketStatus, TRANSITIONS } from './ticket-lifecycle.js';
import { formatTicketNumber, parseTicketNumber } from './ticket-types.js';

const FULL = {
  assigneeId: 'u1',
  pendingReason: 'requester',
  resolutionCode: 'solved',
  resolutionNotes: 'restarted',
} as const;

describe('ticket lifecycle', () => {
  // The whole table, written out once more by hand: a change to TRANSITIONS must change this too.
  const expected: Record<TicketStatus, Record<string, string>> = {
    new: {
      assigned: 'staff,system',
      in_progress: 'staff',
      pending: 'staff',
      resolved: 'staff',
      cancelled: 'staff,requester',
    },
    assigned: { new: 'staff', in_progress: 'staff', pending: 'staff', resolved: 'staff', cancelled: 'staff,requester' },
    in_progress: { assigned: 'staff', pending: 'staff', resolved: 'staff', cancelled: 'staff' },
    pending: { in_progress: 'staff,system', assigned: 'staff', resolved: 'staff', cancelled: 'staff' },
    resolved: { closed: 'staff,requester,system', in_progress: 'staff,requester' },
    closed: {},
    cancelled: {},
  };

  for (const from of STATUSES) {
    for (const to of STATUSES) {
      if (from === to) continue;
      for (const actor of ['staff', 'requester', 'system'] as const) {
        const allowed = expected[from][to]?.split(',').includes(actor) ?? false;
        it(`${actor}: ${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
          expect(checkTransition(from, to, actor, FULL)).toEqual(
            allowed ? [] : [expect.objectContaining({ field: 'status' })],
          );
        });
      }
    }
  }

  it('matches the table the server enforces', () => {
    for (const from of STATUSES)
      expect(Object.keys(TRANSITIONS[from]).sort()).toEqual(Object.keys(expected[from]).sort());
  });

  it('asks for what each status needs', () => {
    expect(checkTransition('new', 'assigned', 'staff')).toEqual([{ field: 'assigneeId', message: expect.any(String) }]);
    expect(checkTransition('in_progress', 'pending', 'staff').map((p) => p.field)).toEqual(['pendingReason']);
    expect(checkTransition('in_progress', 'resolved', 'staff', { resolutionNotes: '  ' }).map((p) => p.field)).toEqual([
      'resolutionCode',
      'resolutionNotes',
    ]);
  });

  it('lists the moves open to each actor', () => {
    expect(allowedMoves('resolved', 'requester')).toEqual(['in_progress', 'closed']);
    expect(allowedMoves('closed', 'staff')).toEqual([]);
  });
});

describe('priority matrix', () => {
  it('derives priority from impact and urgency', () => {
    expect(derivePriority('high', 'high')).toBe(1);
    expect(derivePriority('medium', 'medium')).toBe(3);
    expect(derivePriority('low', 'low')).toBe(4);
    expect(derivePriority('high', 'low')).toBe(derivePriority('low', 'high'));
  });

  it('uses a configured matrix', () => {
    const strict = structuredClone(DEFAULT_PRIORITY_MATRIX);
    strict.medium.medium = 2;
    expect(derivePriority('medium', 'medium', strict)).toBe(2);
  });

  it('accepts the default matrix and refuses inverted or incomplete ones', () => {
    expect(checkPriorityMatrix(DEFAULT_PRIORITY_MATRIX)).toEqual([]);
    const inverted = structuredClone(DEFAULT_PRIORITY_MATRIX);
    inverted.low.high = 1;
    expect(checkPriorityMatrix(inverted)).toContain('impact medium must not rank below low at urgency high');
    const broken = structuredClone(DEFAULT_PRIORITY_MATRIX) as unknown as Record<string, Record<string, number>>;
    (broken.high as Record<string, number>).high = 7;
    expect(checkPriorityMatrix(broken as never)).toEqual(['high/high must be a priority from 1 to 4']);
    expect(LEVELS).toHaveLength(3);
  });
});

describe('ticket numbers', () => {
  it('formats and reads numbers per type', () => {
    expect(formatTicketNumber('incident', 123)).toBe('INC-000123');
    expect(formatTicketNumber('query', 1234567)).toBe('QRY-1234567');
    expect(parseTicketNumber('req-45')).toEqual({ type: 'request', sequence: 45 });
    expect(parseTicketNumber(' INC-000123 ')).toEqual({ type: 'incident', sequence: 123 });
    expect(parseTicketNumber('ABC-1')).toBeUndefined();
    expect(parseTicketNumber('printer broken')).toBeUndefined();
  });
});
