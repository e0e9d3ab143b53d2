import type { DB } from '../schema.js';

/**
 * The tables the generator fills, each as its columns in the order rows are written and the
 * PostgreSQL type of each (`text`, `int`, or `ts` for timestamptz; SQLite stores all three as
 * text or integer). Rows travel as plain arrays in this order: no object per row, no key lookups.
 */
type ColumnType = 'text' | 'int' | 'ts';
type Columns<T extends keyof DB> = readonly (readonly [keyof DB[T] & string, ColumnType])[];

export interface TableSpec {
  name: string;
  columns: readonly (readonly [string, ColumnType])[];
}

function table<T extends keyof DB>(name: T, columns: Columns<T>): TableSpec {
  return { name, columns };
}

export const TABLES = {
  organizations: table('organizations', [
    ['id', 'text'],
    ['name', 'text'],
    ['code', 'text'],
    ['status', 'text'],
    ['requesters_see_all_tickets', 'int'],
    ['version', 'int'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]),
  services: table('services', [
    ['id', 'text'],
    ['organization_id', 'text'],
    ['name', 'text'],
    ['description', 'text'],
    ['status', 'text'],
    ['version', 'int'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]),
  mail_domains: table('mail_domains', [
    ['domain', 'text'],
    ['organization_id', 'text'],
    ['created_at', 'ts'],
  ]),
  calendars: table('calendars', [
    ['id', 'text'],
    ['name', 'text'],
    ['time_zone', 'text'],
    ['weekly', 'text'],
    ['holidays', 'text'],
    ['version', 'int'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]),
  agreements: table('agreements', [
    ['id', 'text'],
    ['organization_id', 'text'],
    ['name', 'text'],
    ['calendar_id', 'text'],
    ['service_ids', 'text'],
    ['targets', 'text'],
    ['pausing_reasons', 'text'],
    ['warn_at', 'text'],
    ['level_minutes', 'text'],
    ['escalations', 'text'],
    ['version', 'int'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]),
  users: table('users', [
    ['id', 'text'],
    ['email', 'text'],
    ['name', 'text'],
    ['password_hash', 'text'],
    ['organization_id', 'text'],
    ['status', 'text'],
    ['locale', 'text'],
    ['phone', 'text'],
    ['presence', 'text'],
    ['version', 'int'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]),
  user_roles: table('user_roles', [
    ['user_id', 'text'],
    ['role', 'text'],
  ]),
  categories: table('categories', [
    ['id', 'text'],
    ['parent_id', 'text'],
    ['service_id', 'text'],
    ['name', 'text'],
    ['status', 'text'],
    ['version', 'int'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]),
  support_groups: table('support_groups', [
    ['id', 'text'],
    ['name', 'text'],
    ['level', 'text'],
    ['specialty', 'text'],
    ['lead_id', 'text'],
    ['assignment', 'text'],
    ['is_default', 'int'],
    ['status', 'text'],
    ['turn', 'int'],
    ['version', 'int'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]),
  group_members: table('group_members', [
    ['group_id', 'text'],
    ['user_id', 'text'],
  ]),
  group_coverage: table('group_coverage', [
    ['id', 'text'],
    ['group_id', 'text'],
    ['organization_id', 'text'],
    ['service_id', 'text'],
    ['category_id', 'text'],
  ]),
  routing_rules: table('routing_rules', [
    ['id', 'text'],
    ['name', 'text'],
    ['position', 'int'],
    ['active', 'int'],
    ['organization_id', 'text'],
    ['service_id', 'text'],
    ['category_id', 'text'],
    ['type', 'text'],
    ['channel', 'text'],
    ['group_id', 'text'],
    ['version', 'int'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]),
  procedures: table('procedures', [
    ['id', 'text'],
    ['search_key', 'int'],
    ['audience', 'text'],
    ['specialty', 'text'],
    ['status', 'text'],
    ['latest_version', 'int'],
    ['published_version', 'int'],
    ['author_id', 'text'],
    ['reviewer_id', 'text'],
    ['version', 'int'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]),
  procedure_versions: table('procedure_versions', [
    ['procedure_id', 'text'],
    ['number', 'int'],
    ['title', 'text'],
    ['summary', 'text'],
    ['steps', 'text'],
    ['author_id', 'text'],
    ['created_at', 'ts'],
  ]),
  tickets: table('tickets', [
    ['id', 'text'],
    ['number', 'text'],
    ['type', 'text'],
    ['sequence', 'int'],
    ['search_key', 'int'],
    ['subject', 'text'],
    ['description_html', 'text'],
    ['requester_id', 'text'],
    ['organization_id', 'text'],
    ['service_id', 'text'],
    ['category_id', 'text'],
    ['channel', 'text'],
    ['impact', 'text'],
    ['urgency', 'text'],
    ['priority', 'int'],
    ['priority_overridden', 'int'],
    ['priority_reason', 'text'],
    ['status', 'text'],
    ['pending_reason', 'text'],
    ['resolution_code', 'text'],
    ['resolution_notes', 'text'],
    ['assignee_id', 'text'],
    ['created_by_id', 'text'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
    ['first_response_at', 'ts'],
    ['resolved_at', 'ts'],
    ['closed_at', 'ts'],
    ['version', 'int'],
    ['group_id', 'text'],
    ['level', 'text'],
    ['resolved_level', 'text'],
    ['escalated', 'int'],
    ['first_contact', 'int'],
    ['agreement_id', 'text'],
    ['first_response_due_at', 'ts'],
    ['resolution_due_at', 'ts'],
    ['next_due_at', 'ts'],
    ['first_response_met', 'int'],
    ['resolution_met', 'int'],
    ['first_response_minutes', 'int'],
    ['resolution_minutes', 'int'],
    ['sla_state', 'text'],
    ['sla_check_at', 'ts'],
    ['sla_escalated_at', 'ts'],
  ]),
  ticket_tags: table('ticket_tags', [
    ['ticket_id', 'text'],
    ['tag', 'text'],
  ]),
  ticket_messages: table('ticket_messages', [
    ['id', 'text'],
    ['ticket_id', 'text'],
    ['kind', 'text'],
    ['author_id', 'text'],
    ['body_html', 'text'],
    ['created_at', 'ts'],
  ]),
  ticket_events: table('ticket_events', [
    ['id', 'text'],
    ['ticket_id', 'text'],
    ['at', 'ts'],
    ['actor_id', 'text'],
    ['kind', 'text'],
    ['internal', 'int'],
    ['message_id', 'text'],
    ['changes', 'text'],
    ['request_id', 'text'],
  ]),
  escalations: table('escalations', [
    ['id', 'text'],
    ['ticket_id', 'text'],
    ['kind', 'text'],
    ['from_group_id', 'text'],
    ['to_group_id', 'text'],
    ['from_level', 'text'],
    ['to_level', 'text'],
    ['summary', 'text'],
    ['actor_id', 'text'],
    ['at', 'ts'],
  ]),
  procedure_applications: table('procedure_applications', [
    ['id', 'text'],
    ['procedure_id', 'text'],
    ['procedure_version', 'int'],
    ['ticket_id', 'text'],
    ['applied_by_id', 'text'],
    ['at', 'ts'],
  ]),
  sla_firings: table('sla_firings', [
    ['ticket_id', 'text'],
    ['key', 'text'],
    ['fired_at', 'ts'],
  ]),
} as const;

export type TableName = keyof typeof TABLES;

/**
 * The tickets' indexes kept up to date during a load, the others being set aside and built again
 * at the end: new entries of these land at one end, or on one key (null), so they are as cheap to
 * keep as to rebuild.
 */
export const KEPT_DURING_LOAD = new Set([
  'tickets_created_idx',
  'tickets_next_due_idx',
  'tickets_sla_check_idx',
  'tickets_sla_state_idx',
]);

/**
 * One batch of rows for every table, each table's rows laid end to end in one flat array (row r
 * is values [r·width, (r+1)·width)): no array per row to allocate, collect or copy to the writer
 * thread. Tables are written in the order of TABLES, parents first. The full-text rows are apart
 * because each engine writes them its own way (see server/db/ticket-search.ts and
 * procedure-search.ts): [ticket id, search key, public text, internal text] and
 * [procedure id, search key, title, body].
 */
export type Batch = { [T in TableName]: unknown[] } & { ticketSearch: unknown[]; procedureSearch: unknown[] };

export const SEARCH_WIDTH = 4;

export function emptyBatch(): Batch {
  const batch = Object.fromEntries(Object.keys(TABLES).map((name) => [name, []])) as unknown as Batch;
  batch.ticketSearch = [];
  batch.procedureSearch = [];
  return batch;
}

export function rowCount(batch: Batch): number {
  let rows = (batch.ticketSearch.length + batch.procedureSearch.length) / SEARCH_WIDTH;
  for (const name of Object.keys(TABLES) as TableName[]) rows += batch[name].length / TABLES[name].columns.length;
  return rows;
}
