import { type Static, Type } from 'typebox';
import { ROLES } from '../roles.js';
import type { Priority } from '../tickets/priority.js';
import { RoleSchema } from './auth.js';

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

/** Desk-wide sign-in security an admin sets (PUT /settings/security). */
export const SecuritySettingsBody = Type.Object(
  {
    mfaRequiredFor: Type.Array(RoleSchema, {
      uniqueItems: true,
      maxItems: ROLES.length,
      description: 'Roles that must sign in with a second factor; a person without one is sent to enrol first',
    }),
  },
  { additionalProperties: false },
);

export const SecuritySettings = Type.Object({
  mfaRequiredFor: Type.Array(RoleSchema),
  setByEnvironment: Type.Boolean({
    description: 'MESA_MFA_REQUIRED_FOR is set on the server: it wins, and the desk setting cannot be changed here',
  }),
});

export type SecuritySettingsBody = Static<typeof SecuritySettingsBody>;
export type SecuritySettings = Static<typeof SecuritySettings>;
