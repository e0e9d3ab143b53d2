import type { FieldError } from './field-error.js';

/** The people Mesa serves. A requester belongs to one client organization; staff may hold several roles. */
export const ROLES = ['requester', 'agent', 'specialist', 'supervisor', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ROLES.filter((role) => role !== 'requester') as Exclude<Role, 'requester'>[];

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== 'requester');
}

/**
 * Whether someone works tickets (takes, answers, writes procedures): every staff role but the
 * analyst's, who reads the board and compliance. Menus follow it; the permissions do not yet.
 */
export function worksTickets(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== 'requester' && role !== 'analyst');
}

/**
 * The one rule about role combinations: a requester is exactly that and belongs to an
 * organization; staff hold one or more staff roles and belong to none (they serve all clients).
 */
export function checkRoleAssignment(
  roles: readonly Role[],
  organizationId: string | null,
): FieldError<'roles' | 'organizationId'>[] {
  if (roles.length === 0) return [{ field: 'roles', message: 'must hold at least one role' }];
  if (new Set(roles).size !== roles.length) return [{ field: 'roles', message: 'must not repeat a role' }];
  if (roles.includes('requester')) {
    const issues: FieldError<'roles' | 'organizationId'>[] = [];
    if (roles.length > 1) issues.push({ field: 'roles', message: 'a requester cannot also hold a staff role' });
    if (!organizationId)
      issues.push({ field: 'organizationId', message: 'a requester must belong to an organization' });
    return issues;
  }
  if (organizationId) return [{ field: 'organizationId', message: 'staff do not belong to a client organization' }];
  return [];
}
