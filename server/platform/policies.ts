import { type Permission, rolesGrant } from '../../domain/permissions.js';
import { isStaff, type Role } from '../../domain/roles.js';
import { AppError } from './errors.js';
import type { Principal, RequestContext } from './request-context.js';

/**
 * The one policy module. Routes declare a permission (checked before the handler runs);
 * services ask for the tenant scope and apply it in their queries.
 */
export function checkPermission(principal: Principal | null, permission: Permission): void {
  if (permission === 'public') return;
  if (!principal) throw new AppError('unauthenticated');
  if (!rolesGrant(principal.roles, permission))
    throw new AppError('forbidden', `Requires the ${permission} permission`);
}

/**
 * The organization a caller is confined to: a requester sees only their own organization;
 * staff (and internal jobs) see every organization, shown as null. Every reader applies it in its
 * query: organizations and services, categories and procedures (those of the organization's
 * services, and the ones for every service), the watchers a requester is shown.
 */
export function organizationScope(ctx: RequestContext): string | null {
  const principal = ctx.principal;
  if (!principal || isStaff(principal.roles)) return null;
  // A requester without an organization must see nothing, so scope them to an impossible id.
  return principal.organizationId ?? '\u0000none';
}

/**
 * Whether a person may be brought into an organization's data (a ticket's watchers): staff serve
 * every organization; anyone else only their own, so a requester never learns of another's people.
 */
export function belongsToOrganization(
  person: { roles: readonly Role[]; organizationId: string | null },
  organizationId: string,
): boolean {
  return isStaff(person.roles) || person.organizationId === organizationId;
}

/**
 * Whether two tickets may be merged: a merge resolves one into the other and tells its requester
 * the survivor's number, so both must belong to one organization. Staff may still relate tickets
 * of different organizations for their own analysis; the links a requester sees are confined by
 * `ticketScope`, and those link events are internal.
 */
export function mayMerge(a: { organization_id: string }, b: { organization_id: string }): boolean {
  return a.organization_id === b.organization_id;
}

/** The tickets a caller may see: null for staff; a requester's own (and, if allowed, their organization's). */
export function ticketScope(ctx: RequestContext): { requesterId: string; organizationId: string } | null {
  const principal = ctx.principal;
  if (!principal || isStaff(principal.roles)) return null;
  return { requesterId: principal.userId, organizationId: principal.organizationId ?? '\u0000none' };
}

export function isStaffContext(ctx: RequestContext): boolean {
  return ctx.principal !== null && isStaff(ctx.principal.roles);
}

/**
 * Whether a live update about a ticket may reach this person: staff hear of every change; a
 * requester only of public changes to tickets they may see (their own, or their organization's
 * when it allows).
 */
export function canSeeTicketChange(
  principal: Principal,
  organizationSharesTickets: boolean,
  change: { internal: boolean; organizationId: string; requesterId: string },
): boolean {
  if (isStaff(principal.roles)) return true;
  if (change.internal || change.organizationId !== principal.organizationId) return false;
  return change.requesterId === principal.userId || organizationSharesTickets;
}
