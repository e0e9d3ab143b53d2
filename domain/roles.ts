import type { FieldError } from './field-error.js';

/**
 * The people Mesa serves. A requester belongs to one client organization, and may also be one of
 * its client managers (who review the organization's questionnaires); staff may hold several roles.
 */
export const ROLES = ['requester', 'client_manager', 'agent', 'specialist', 'supervisor', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles of a client organization's people; every other role is the desk's. */
export const CLIENT_ROLES = ['requester', 'client_manager'] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];
const isClientRole = (role: Role): role is ClientRole => (CLIENT_ROLES as readonly Role[]).includes(role);

export const STAFF_ROLES = ROLES.filter((role) => !isClientRole(role)) as Exclude<Role, ClientRole>[];

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((role) => !isClientRole(role));
}

/**
 * Whether someone works tickets (takes, answers, writes procedures): every staff role but the
 * analyst's, who reads the board and compliance. Menus follow it; the permissions do not yet.
 */
export function worksTickets(roles: readonly Role[]): boolean {
  return roles.some((role) => !isClientRole(role) && role !== 'analyst');
}

/**
 * The one rule about role combinations: a client's person is a requester of one organization and
 * may also be its client manager, nothing more; staff hold one or more staff roles and belong to
 * none (they serve all clients).
 */
export function checkRoleAssignment(
  roles: readonly Role[],
  organizationId: string | null,
): FieldError<'roles' | 'organizationId'>[] {
  if (roles.length === 0) return [{ field: 'roles', message: 'must hold at least one role' }];
  if (new Set(roles).size !== roles.length) return [{ field: 'roles', message: 'must not repeat a role' }];
  if (roles.some(isClientRole)) {
    const issues: FieldError<'roles' | 'organizationId'>[] = [];
    if (!roles.includes('requester'))
      issues.push({ field: 'roles', message: 'a client manager is also a requester of the organization' });
    else if (!roles.every(isClientRole))
      issues.push({ field: 'roles', message: 'a requester cannot also hold a staff role' });
    if (!organizationId)
      issues.push({ field: 'organizationId', message: 'a requester must belong to an organization' });
    return issues;
  }
  if (organizationId) return [{ field: 'organizationId', message: 'staff do not belong to a client organization' }];
  return [];
}
