import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Timestamps are ISO-8601 UTC strings on both engines (PostgreSQL stores
 * timestamptz; connect.ts parses it back to the same string form), so code above server/db
 * never sees a difference.
 */
type Timestamp = string;

export interface OrganizationTable {
  id: string;
  name: string;
  code: string;
  status: 'active' | 'inactive';
  requesters_see_all_tickets: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceTable {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  status: 'active' | 'inactive';
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  organization_id: string | null;
  status: 'active' | 'inactive';
  locale: 'es' | 'en' | null;
  phone: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_started_at: Timestamp;
}

export interface AuditEventTable {
  id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  organization_id: string | null;
  changes: string;
  request_id: string | null;
  ip: string | null;
}

export interface DB {
  organizations: OrganizationTable;
  services: ServiceTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventTable;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserRowUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type { Generated };
