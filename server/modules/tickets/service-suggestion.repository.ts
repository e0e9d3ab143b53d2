import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { scopeCondition, type TicketScope } from './tickets.repository.js';

/**
 * A requester's latest tickets that had a service, newest first, with that service and category
 * as they may be used today: only tickets of the organization the requester belongs to now,
 * whose service is that organization's and active, so a person who moved from another client
 * never brings its services along. A category is kept only while active and valid for the
 * service. Walks `tickets_requester_idx` (requester, updated) and stops at `limit`.
 */
export function recentServicesOfRequester(db: Kysely<DB>, requesterId: string, scope: TicketScope, limit: number) {
  return db
    .selectFrom('tickets')
    .innerJoin('users', 'users.id', 'tickets.requester_id')
    .innerJoin('services', 'services.id', 'tickets.service_id')
    .leftJoin('categories', (join) =>
      join
        .onRef('categories.id', '=', 'tickets.category_id')
        .on('categories.status', '=', 'active')
        .on((eb) =>
          eb.or([eb('categories.service_id', 'is', null), eb('categories.service_id', '=', eb.ref('services.id'))]),
        ),
    )
    .select([
      'services.id as service_id',
      'services.name as service_name',
      'categories.id as category_id',
      'categories.name as category_name',
    ])
    .where('tickets.requester_id', '=', requesterId)
    .whereRef('tickets.organization_id', '=', 'users.organization_id')
    .whereRef('services.organization_id', '=', 'users.organization_id')
    .where('services.status', '=', 'active')
    .where((eb) => scopeCondition(eb, scope))
    .orderBy('tickets.updated_at', 'desc')
    .orderBy('tickets.id', 'desc')
    .limit(limit)
    .execute();
}
