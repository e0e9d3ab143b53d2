import { type Static, Type } from 'typebox';
import type { Priority } from '../tickets/priority.js';

const Cell = Type.Unsafe<Priority>({ type: 'integer', minimum: 1, maximum: 4 });
const Row = Type.Object({ high: Cell, medium: Cell, low: Cell }, { additionalProperties: false });

export const TicketSettings = Type.Object(
  {
    priorityMatrix: Type.Object(
      { high: Row, medium: Row, low: Row },
      { additionalProperties: false, description: 'priorityMatrix[impact][urgency], 1 critical … 4 low' },
    ),
    reopenDays: Type.Integer({
      minimum: 0,
      maximum: 90,
      description: 'Days a requester may reopen a resolved ticket; after them it closes by itself',
    }),
  },
  { additionalProperties: false },
);

export type TicketSettings = Static<typeof TicketSettings>;
