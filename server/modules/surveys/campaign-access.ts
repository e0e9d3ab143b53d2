import { rolesGrant } from '../../../domain/permissions.js';
import type { RequestContext } from '../../platform/request-context.js';

/**
 * Whose campaigns a caller may read: the desk (surveys.read) every organization's, a client
 * manager their own organization's only, anyone else none. The repositories apply the scope in
 * the query, so a campaign outside it is simply not found.
 */
export type CampaignScope = { organizationId: string | undefined } | null;

export function campaignScopeOf(ctx: RequestContext): CampaignScope {
  const principal = ctx.principal;
  if (!principal) return null;
  if (rolesGrant(principal.roles, 'surveys.read')) return { organizationId: undefined };
  if (principal.roles.includes('client_manager') && principal.organizationId)
    return { organizationId: principal.organizationId };
  return null;
}
