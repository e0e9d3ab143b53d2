import type { UpdateTicketBody } from '../../../domain/contracts/tickets.js';
import { isStaff } from '../../../domain/roles.js';
import type { TicketRow } from '../../db/schema.js';
import { validationError } from '../../platform/errors.js';
import { belongsToOrganization } from '../../platform/policies.js';
import type { TicketsDeps } from './tickets-deps.js';

/**
 * What a change names that lives elsewhere, checked before it is applied: the assignee a member of
 * the desk, the service the ticket's organization's, the category usable there, the watchers people
 * of the ticket's organization or of the desk.
 */
export async function checkChangeReferences(
  deps: Pick<TicketsDeps, 'users' | 'organizations' | 'categories'>,
  current: TicketRow,
  requested: Omit<UpdateTicketBody, 'version'>,
): Promise<void> {
  const { users, organizations, categories } = deps;
  if (requested.assigneeId) {
    const assignee = await users.findActiveById(requested.assigneeId);
    if (!assignee || !isStaff(assignee.roles)) {
      throw validationError([{ field: 'assigneeId', message: 'must be an active member of the desk' }]);
    }
  }
  const serviceId = requested.serviceId === undefined ? current.service_id : requested.serviceId;
  if (requested.serviceId) {
    const service = await organizations.findService(requested.serviceId);
    if (!service || service.organizationId !== current.organization_id) {
      throw validationError([{ field: 'serviceId', message: "is not a service of the ticket's organization" }]);
    }
  }
  const categoryId = requested.categoryId === undefined ? current.category_id : requested.categoryId;
  if (categoryId && (requested.categoryId !== undefined || requested.serviceId !== undefined)) {
    await categories.checkUsable(categoryId, serviceId);
  }
  for (const watcherId of requested.watcherIds ?? []) {
    const watcher = await users.findActiveById(watcherId);
    if (!watcher) throw validationError([{ field: 'watcherIds', message: `no such person ${watcherId}` }]);
    // The ticket shows its watchers to its requester: never a person of another organization.
    if (!belongsToOrganization(watcher, current.organization_id)) {
      throw validationError([
        { field: 'watcherIds', message: `${watcherId} is neither of the ticket's organization nor of the desk` },
      ]);
    }
  }
}
