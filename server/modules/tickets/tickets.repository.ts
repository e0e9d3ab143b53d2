import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { STAFF_ROLES } from '../../../domain/roles.js';
import { OPEN_STATUSES, type TicketStatus } from '../../../domain/tickets/ticket-lifecycle.js';
import type { TicketType } from '../../../domain/tickets/ticket-types.js';
import { nextCounterValue, nextCounterValueApart } from '../../db/counters.js';
import { keysetAfter, orderOf, rarelyTrue, type SortKey } from '../../db/dialect.js';
import type { DB, TicketRow } from '../../db/schema.js';

/** Who may see which tickets: null for staff (all), or a requester's own tickets and organization. */
export type TicketScope = { requesterId: string; organizationId: string } | null;

type TicketsEb = ExpressionBuilder<DB, 'tickets'>;

/** Tenant isolation, in the query: a requester sees their own tickets, or their organization's when it allows. */
export function scopeCondition(eb: TicketsEb, scope: TicketScope): Expression<SqlBool> {
  if (!scope) return sql<SqlBool>`1 = 1`;
  return eb.and([
    eb('tickets.organization_id', '=', scope.organizationId),
    eb.or([
      eb('tickets.requester_id', '=', scope.requesterId),
      eb.exists(
        eb
          .selectFrom('organizations')
          .select('organizations.id')
          .whereRef('organizations.id', '=', 'tickets.organization_id')
          .where('organizations.requesters_see_all_tickets', '=', 1),
      ),
    ]),
  ]);
}

/** Takes the next number of a type (server/db/counters.ts); inside the create transaction. */
export function nextSequence(db: Kysely<DB>, type: TicketType): Promise<number> {
  return nextCounterValue(db, type);
}

/** The next number taken before the creating transaction, where the engine takes counters apart. */
export function nextSequenceApart(db: Kysely<DB>, type: TicketType): Promise<number | undefined> {
  return nextCounterValueApart(db, type);
}

export function insertTicket(db: Kysely<DB>, row: TicketRow) {
  return db.insertInto('tickets').values(row).execute();
}

export function findTicket(db: Kysely<DB>, id: string, scope: TicketScope) {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, scope))
    .executeTakeFirst();
}

export async function ticketIdOfNumber(db: Kysely<DB>, number: string): Promise<string | null> {
  const row = await db.selectFrom('tickets').select('id').where('number', '=', number).executeTakeFirst();
  return row?.id ?? null;
}

/** Only if the ticket is still at `version`; returns the new row, or nothing when it moved on. */
export function updateTicket(db: Kysely<DB>, id: string, version: number, changes: Partial<TicketRow>) {
  return db
    .updateTable('tickets')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** A change that does not depend on what the caller saw (a new reply): bumps the version unconditionally. */
export function touchTicket(db: Kysely<DB>, id: string, changes: Partial<TicketRow>) {
  return db
    .updateTable('tickets')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteTags(db: Kysely<DB>, ticketId: string) {
  return db.deleteFrom('ticket_tags').where('ticket_id', '=', ticketId).execute();
}

export function insertTags(db: Kysely<DB>, ticketId: string, tags: readonly string[]) {
  if (tags.length === 0) return Promise.resolve();
  return db
    .insertInto('ticket_tags')
    .values(tags.map((tag) => ({ ticket_id: ticketId, tag })))
    .execute();
}

export function deleteWatchers(db: Kysely<DB>, ticketId: string) {
  return db.deleteFrom('ticket_watchers').where('ticket_id', '=', ticketId).execute();
}

export function insertWatchers(db: Kysely<DB>, ticketId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve();
  return db
    .insertInto('ticket_watchers')
    .values(userIds.map((user_id) => ({ ticket_id: ticketId, user_id })))
    .execute();
}

export function tagsOf(db: Kysely<DB>, ticketIds: string[]) {
  if (ticketIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ticket_tags')
    .select(['ticket_id', 'tag'])
    .where('ticket_id', 'in', ticketIds)
    .orderBy('tag')
    .execute();
}

/**
 * A ticket's watchers; `organizationId` (a requester's tenant scope) shows only the people of that
 * organization and the desk, whoever was added before watchers were confined to them.
 */
export function watchersOf(db: Kysely<DB>, ticketId: string, organizationId: string | null) {
  let query = db
    .selectFrom('ticket_watchers')
    .innerJoin('users', 'users.id', 'ticket_watchers.user_id')
    .select(['users.id', 'users.name'])
    .where('ticket_watchers.ticket_id', '=', ticketId);
  if (organizationId !== null) {
    query = query.where((eb) =>
      eb.or([
        eb('users.organization_id', '=', organizationId),
        eb.exists(
          eb
            .selectFrom('user_roles')
            .select('user_roles.user_id')
            .whereRef('user_roles.user_id', '=', 'users.id')
            .where('user_roles.role', 'in', [...STAFF_ROLES]),
        ),
      ]),
    );
  }
  return query.orderBy('users.name').execute();
}

export interface TicketListFilter {
  scope: TicketScope;
  id?: string | undefined;
  statuses?: readonly TicketStatus[] | undefined;
  priorities?: readonly number[] | undefined;
  types?: readonly string[] | undefined;
  channels?: readonly string[] | undefined;
  organizationId?: string | undefined;
  serviceId?: string | undefined;
  categoryId?: string | undefined;
  assigneeId?: string | null | undefined;
  requesterId?: string | undefined;
  groupIds?: string[] | undefined;
  tag?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  text?: Expression<SqlBool> | undefined;
  number?: string | undefined;
  levels?: readonly string[] | undefined;
  slaStates?: readonly string[] | undefined;
  /** Put on the supervisors' list by the escalation matrix. */
  escalatedToSupervision?: boolean | undefined;
  withOpenCommitment?: boolean | undefined;
  sort: readonly SortKey[];
  after?: (string | number | null)[] | undefined;
  limit: number;
}

/** Which tickets a list holds, whatever its order and page. */
export type TicketListCondition = Omit<TicketListFilter, 'sort' | 'after' | 'limit'>;

/**
 * One page of a queue, with the names a list shows, in one query, chosen page first: the inner
 * query picks the page's ids from `tickets` alone (scope, filters, search, cursor, sort, limit),
 * so each engine can walk one index in the list's order and stop at `limit`; only those rows are
 * then joined to the names. Joining first made SQLite join and sort every candidate (the whole
 * open backlog, every search match) and PostgreSQL plan an eight-table join on every request.
 */
export function listTickets(db: Kysely<DB>, filter: TicketListFilter) {
  const page = pageOfTickets(db, filter);
  // A cross join keeps the page the outer loop (SQLite never reorders one), and the names come
  // from one-row subqueries rather than joins: without them SQLite would rather walk a whole index
  // of `tickets` (or of organizations) and look each row up in the page, and PostgreSQL would
  // plan an eight-table join on every request. Every non-null reference is a foreign key, so a
  // subquery finds what an inner join did.
  let query = db
    .selectFrom(page.as('page'))
    .crossJoin('tickets')
    .whereRef('tickets.id', '=', 'page.id')
    .selectAll('tickets')
    .select(ticketNames((column) => sql.ref(`tickets.${column}`)));
  // Ordered by the page's own copy of the sort keys, which the page already holds.
  for (const key of filter.sort) query = query.orderBy(sql.ref(pageColumn(key)), orderOf(key));
  return query.execute();
}

/**
 * A ticket row already in hand (one just written) with the names a list shows, read without
 * reading the ticket again: the same one-row subqueries, given the ids as values.
 */
export async function withNames(db: Kysely<DB>, ticket: TicketRow): Promise<TicketListRow> {
  const names = await db.selectNoFrom(ticketNames((column) => sql.val(ticket[column]))).executeTakeFirstOrThrow();
  return { ...ticket, ...names };
}

type ReferenceColumn =
  | 'requester_id'
  | 'organization_id'
  | 'service_id'
  | 'category_id'
  | 'assignee_id'
  | 'created_by_id'
  | 'group_id';

/** The names of what a ticket refers to, as one-row subqueries on the id `idOf` gives for each column. */
function ticketNames(idOf: (column: ReferenceColumn) => Expression<unknown>) {
  // `column` of the `table` row the ticket's `reference` column points to.
  const referenced = <T>(table: keyof DB, column: string, reference: ReferenceColumn) =>
    sql<T>`(select ${sql.ref(`${table}.${column}`)} from ${sql.table(table)} where ${sql.ref(`${table}.id`)} = ${idOf(reference)})`;
  return [
    referenced<string>('users', 'name', 'requester_id').as('requester_name'),
    referenced<string>('users', 'email', 'requester_id').as('requester_email'),
    referenced<string>('organizations', 'name', 'organization_id').as('organization_name'),
    referenced<string | null>('services', 'name', 'service_id').as('service_name'),
    referenced<string | null>('categories', 'name', 'category_id').as('category_name'),
    referenced<string | null>('users', 'name', 'assignee_id').as('assignee_name'),
    referenced<string>('users', 'name', 'created_by_id').as('creator_name'),
    referenced<string | null>('support_groups', 'name', 'group_id').as('group_name'),
  ];
}

/** A sort key (a column of `tickets`) as the page's subquery names it. */
function pageColumn(key: SortKey): string {
  return `page.${key.column.replace(/^tickets\./, '')}`;
}

/** The ids of one page, in order: a query on `tickets` alone. */
function pageOfTickets(db: Kysely<DB>, filter: TicketListFilter) {
  // The id and the sort keys, so the outer query orders the page without reading `tickets` again.
  const columns = [...new Set(['tickets.id', ...filter.sort.map((key) => key.column)])];
  let query = listed(
    db,
    db.selectFrom('tickets').select(columns.map((column) => sql.ref(column).as(column.replace(/^tickets\./, '')))),
    filter,
  );
  if (filter.after) {
    const after = filter.after;
    query = query.where(() => keysetAfter(filter.sort, after));
  }
  for (const key of filter.sort) query = query.orderBy(sql.ref(key.column), orderOf(key));
  return query.limit(filter.limit);
}

/**
 * How many tickets a list holds, counting no further than `cap` + 1: the same conditions as the
 * list (so the same indexes serve it), stopped after that many rows, so a queue's count costs
 * the same at a thousand tickets as at millions. More than `cap` comes back as `cap` + 1.
 */
export async function countTickets(db: Kysely<DB>, filter: TicketListCondition, cap: number): Promise<number> {
  const capped = listed(db, db.selectFrom('tickets').select('tickets.id'), filter).limit(cap + 1);
  const row = await db
    .selectFrom(capped.as('capped'))
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A query on `tickets` narrowed to what a list holds: the caller's scope, the filters, the search. */
function listed<O>(
  db: Kysely<DB>,
  from: SelectQueryBuilder<DB, 'tickets', O>,
  filter: TicketListCondition,
): SelectQueryBuilder<DB, 'tickets', O> {
  let query = from.where((eb) => scopeCondition(eb, filter.scope));
  if (filter.id) query = query.where('tickets.id', '=', filter.id);
  if (filter.statuses?.length) {
    const statuses = new Set(filter.statuses);
    if (statuses.size === OPEN_STATUSES.length && OPEN_STATUSES.every((status) => statuses.has(status))) {
      // The open statuses as literals, exactly as the partial indexes on open tickets name them
      // (migration 0012): a query's literals can prove such an index's condition, its parameters
      // cannot. Said once: a second, equivalent condition would make both engines multiply the
      // two selectivities and expect a hundredth of the open tickets.
      const literals = sql.join(OPEN_STATUSES.map((status) => sql.lit(status)));
      query = query.where(rarelyTrue(db, sql<SqlBool>`tickets.status in (${literals})`));
    } else query = query.where('tickets.status', 'in', [...statuses]);
  }
  if (filter.priorities?.length) query = query.where('tickets.priority', 'in', filter.priorities as never);
  if (filter.types?.length) query = query.where('tickets.type', 'in', filter.types as never);
  if (filter.channels?.length) query = query.where('tickets.channel', 'in', filter.channels as never);
  if (filter.organizationId) query = query.where('tickets.organization_id', '=', filter.organizationId);
  if (filter.serviceId) query = query.where('tickets.service_id', '=', filter.serviceId);
  if (filter.categoryId) query = query.where('tickets.category_id', '=', filter.categoryId);
  if (filter.assigneeId === null) query = query.where('tickets.assignee_id', 'is', null);
  else if (filter.assigneeId) query = query.where('tickets.assignee_id', '=', filter.assigneeId);
  if (filter.requesterId) query = query.where('tickets.requester_id', '=', filter.requesterId);
  if (filter.groupIds) query = query.where('tickets.group_id', 'in', filter.groupIds.length ? filter.groupIds : ['']);
  if (filter.createdFrom) query = query.where('tickets.created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('tickets.created_at', '<', filter.createdTo);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where('tickets.id', 'in', (eb) =>
      eb.selectFrom('ticket_tags').select('ticket_id').where('tag', '=', tag),
    );
  }
  if (filter.number) query = query.where('tickets.number', '=', filter.number);
  if (filter.levels?.length) query = query.where('tickets.level', 'in', filter.levels as never);
  if (filter.slaStates?.length) query = query.where('tickets.sla_state', 'in', filter.slaStates as never);
  if (filter.escalatedToSupervision) query = query.where('tickets.sla_escalated_at', 'is not', null);
  if (filter.withOpenCommitment) {
    query = query.where('tickets.id', 'in', (eb) =>
      eb.selectFrom('commitments').select('ticket_id').where('state', '=', 'open'),
    );
  }
  if (filter.text) {
    const text = filter.text;
    query = query.where(() => text);
  }
  return query;
}

export type TicketListRow = Awaited<ReturnType<typeof listTickets>>[number];

export function resolvedBefore(db: Kysely<DB>, before: string, limit: number) {
  return db
    .selectFrom('tickets')
    .select(['id', 'version'])
    .where('status', '=', 'resolved')
    .where('resolved_at', '<', before)
    .orderBy('resolved_at')
    .limit(limit)
    .execute();
}

/** Stores derived SLA columns; not a change of its own, so the version stays. */
export function setDeadlines(db: Kysely<DB>, id: string, columns: Partial<TicketRow>) {
  return db.updateTable('tickets').set(columns).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
