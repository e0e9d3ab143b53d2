import type { Role } from './roles.js';

/**
 * What a route may require. `public` and `authenticated` are the two pseudo-permissions:
 * no caller check at all, and "any signed-in user". Every other permission is granted by roles.
 */
export const PERMISSIONS = [
  'public',
  'authenticated',
  'organizations.read',
  'organizations.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'tickets.read',
  'tickets.create',
  'tickets.update',
  'tickets.work',
  'categories.manage',
  'settings.manage',
  'groups.manage',
  'procedures.read',
  'procedures.write',
  'agreements.manage',
  'supervision.read',
  'supervision.act',
  'mail.manage',
  'jobs.read',
  'webhooks.manage',
  'security.read',
  'quarantine.manage',
  'problems.read',
  'problems.work',
  'problems.manage',
  'surveys.read',
  'surveys.manage',
  'questionnaires.review',
  'surveyResults.read',
  'kpis.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Everyone raises, reads, replies to and updates tickets; what a requester may see and change
// is narrowed by the tenant scope and the lifecycle table, not by the route.
const TICKETS: Permission[] = ['tickets.read', 'tickets.create', 'tickets.update', 'procedures.read'];
const STAFF_READ: Permission[] = [
  'organizations.read',
  'users.read',
  ...TICKETS,
  'tickets.work',
  'procedures.write',
  'problems.read',
  'surveys.read',
  'surveyResults.read',
];
// Problems are the desk's own: every working role links incidents, writes notes and applies
// workarounds; specialists (who find causes), supervisors and admins record and move problems.
const PROBLEM_WORK: Permission[] = ['problems.work'];
const PROBLEM_MANAGE: Permission[] = ['problems.work', 'problems.manage'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // A requester reads only their own organization; the scope is applied in the query.
  requester: ['organizations.read', ...TICKETS],
  // Held together with requester: reviews (comments on, approves) the organization's questionnaires
  // and reads its campaigns' results (the scope to their organization is applied in the query).
  client_manager: ['questionnaires.review', 'surveyResults.read'],
  agent: [...STAFF_READ, ...PROBLEM_WORK],
  specialist: [...STAFF_READ, ...PROBLEM_MANAGE],
  // The supervisor answers for the agreed times, so keeps the agreements with the admin, watches
  // the board and makes commitments; the analyst reads the board, compliance and problems for the KPIs.
  supervisor: [
    ...STAFF_READ,
    ...PROBLEM_MANAGE,
    'audit.read',
    'agreements.manage',
    'supervision.read',
    'supervision.act',
    'surveys.manage',
    'kpis.manage',
  ],
  // The analysis unit runs the surveys with the clients and keeps the agreements' indicator targets.
  analyst: [...STAFF_READ, 'supervision.read', 'surveys.manage', 'kpis.manage'],
  admin: [
    ...STAFF_READ,
    ...PROBLEM_MANAGE,
    'organizations.manage',
    'users.manage',
    'audit.read',
    'categories.manage',
    'settings.manage',
    'groups.manage',
    'agreements.manage',
    'supervision.read',
    'supervision.act',
    'mail.manage',
    'jobs.read',
    'webhooks.manage',
    'security.read',
    'quarantine.manage',
    'surveys.manage',
    'kpis.manage',
  ],
};

export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
