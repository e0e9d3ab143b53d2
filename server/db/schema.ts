import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { JobOutcome } from '../../domain/contracts/jobs.js';
import type { SlaClockName, SlaState } from '../../domain/contracts/sla.js';
import type { CommitmentState, NotificationKind } from '../../domain/contracts/supervision.js';
import type { ProblemStatus } from '../../domain/problems/problem-lifecycle.js';
import type { ProcedureAudience, ProcedureStatus } from '../../domain/support/procedures.js';
import type { AssignmentStrategy, SupportLevel } from '../../domain/support/support-levels.js';
import type { Impact, Priority, Urgency } from '../../domain/tickets/priority.js';
import type { PendingReason, ResolutionCode, TicketStatus } from '../../domain/tickets/ticket-lifecycle.js';
import type { Channel, TicketType } from '../../domain/tickets/ticket-types.js';

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
  /** The phone number's digits, last first (domain/users/phone-numbers.ts): found by how it ends. */
  phone_key: ColumnType<string | null, string | null | undefined, string | null>;
  presence: ColumnType<'available' | 'away', 'available' | 'away' | undefined, 'available' | 'away'>;
  shift_calendar_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Since when a delivery report says mail to this address fails (server/modules/mail/bounce-recorder.ts). */
  mail_bounced_at: ColumnType<string | null, string | null | undefined, string | null>;
  mail_bounce_reason: ColumnType<string | null, string | null | undefined, string | null>;
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
  last_used_ip: string | null;
}

export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

/** A link sent to reset a forgotten password (server/modules/auth/password-reset.service.ts). */
export interface PasswordResetTable {
  id: string;
  user_id: string;
  /** SHA-256 of the link's secret; the secret itself is only in the mail. */
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  requested_ip: string | null;
}

export interface SecurityEventTable {
  id: string;
  at: Timestamp;
  kind: string;
  user_id: string | null;
  email: string | null;
  actor_user_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: string;
  request_id: string | null;
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

export interface SettingTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface CategoryTable {
  id: string;
  parent_id: string | null;
  service_id: string | null;
  name: string;
  status: 'active' | 'inactive';
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TicketCounterTable {
  type: string;
  last_value: number;
}

export interface TicketTable {
  id: string;
  number: string;
  type: TicketType;
  sequence: number;
  search_key: number;
  subject: string;
  description_html: string;
  requester_id: string;
  organization_id: string;
  service_id: string | null;
  category_id: string | null;
  channel: Channel;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  priority_overridden: number;
  priority_reason: string | null;
  status: TicketStatus;
  pending_reason: PendingReason | null;
  resolution_code: ResolutionCode | null;
  resolution_notes: string | null;
  assignee_id: string | null;
  created_by_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  first_response_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  version: number;
  group_id: string | null;
  level: SupportLevel | null;
  resolved_level: SupportLevel | null;
  escalated: number;
  first_contact: number;
  agreement_id: string | null;
  first_response_due_at: Timestamp | null;
  resolution_due_at: Timestamp | null;
  next_due_at: Timestamp | null;
  first_response_met: number | null;
  resolution_met: number | null;
  first_response_minutes: number | null;
  resolution_minutes: number | null;
  sla_state: SlaState | null;
  sla_check_at: Timestamp | null;
  sla_escalated_at: Timestamp | null;
}

export interface TicketTagTable {
  ticket_id: string;
  tag: string;
}

export interface TicketWatcherTable {
  ticket_id: string;
  user_id: string;
}

export interface TicketMessageTable {
  id: string;
  ticket_id: string;
  kind: 'reply' | 'note';
  author_id: string;
  body_html: string;
  created_at: Timestamp;
}

export interface AttachmentTable {
  id: string;
  ticket_id: string | null;
  message_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  internal: number;
  uploaded_by_id: string;
  created_at: Timestamp;
  /** A problem's own file (migration 0027); such files have no ticket. */
  problem_id: string | null;
}

export interface TicketEventTable {
  id: string;
  ticket_id: string;
  at: Timestamp;
  actor_id: string | null;
  kind: string;
  internal: number;
  message_id: string | null;
  changes: string;
  request_id: string | null;
}

export interface TicketLinkTable {
  id: string;
  ticket_id: string;
  other_ticket_id: string;
  kind: 'related' | 'duplicate_of' | 'child_of';
  created_by_id: string;
  created_at: Timestamp;
}

export interface SupportGroupTable {
  id: string;
  name: string;
  level: SupportLevel;
  specialty: string | null;
  lead_id: string | null;
  assignment: AssignmentStrategy;
  is_default: number;
  status: 'active' | 'inactive';
  turn: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GroupMemberTable {
  group_id: string;
  user_id: string;
}

export interface GroupCoverageTable {
  id: string;
  group_id: string;
  organization_id: string | null;
  service_id: string | null;
  category_id: string | null;
}

export interface RoutingRuleTable {
  id: string;
  name: string;
  position: number;
  active: number;
  organization_id: string | null;
  service_id: string | null;
  category_id: string | null;
  type: TicketType | null;
  channel: Channel | null;
  group_id: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EscalationTable {
  id: string;
  ticket_id: string;
  kind: 'escalation' | 'return' | 'transfer';
  from_group_id: string | null;
  to_group_id: string;
  from_level: SupportLevel | null;
  to_level: SupportLevel;
  summary: string;
  actor_id: string | null;
  at: Timestamp;
}

export interface ProcedureTable {
  id: string;
  search_key: number;
  audience: ProcedureAudience;
  specialty: string | null;
  status: ProcedureStatus;
  latest_version: number;
  published_version: number | null;
  author_id: string;
  reviewer_id: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProcedureVersionTable {
  procedure_id: string;
  number: number;
  title: string;
  summary: string;
  steps: string;
  author_id: string;
  created_at: Timestamp;
}

export interface ProcedureScopeTable {
  procedure_id: string;
  service_id: string | null;
  category_id: string | null;
}

export interface ProcedureApplicationTable {
  id: string;
  procedure_id: string;
  procedure_version: number;
  ticket_id: string;
  applied_by_id: string;
  at: Timestamp;
}

export interface CannedResponseTable {
  id: string;
  title: string;
  body_html: string;
  owner_id: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarTable {
  id: string;
  name: string;
  time_zone: string;
  weekly: string;
  holidays: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgreementTable {
  id: string;
  organization_id: string;
  name: string;
  calendar_id: string;
  service_ids: string;
  targets: string;
  pausing_reasons: string;
  warn_at: string;
  level_minutes: string;
  escalations: string;
  /** JSON: [{ priority, resolutionMinutes }], the standards for problem reports (migration 0029). */
  problem_targets: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SlaFiringTable {
  ticket_id: string;
  key: string;
  fired_at: Timestamp;
}

/** The warnings, breach and escalation levels already fired on a problem (migration 0029). */
export interface ProblemSlaFiringTable {
  problem_id: string;
  key: string;
  fired_at: Timestamp;
}

/** A date promised for a late ticket. Migration 0029 made room for problems (`problem_id`, `ticket_id` nullable in the table). */
export interface CommitmentTable {
  id: string;
  /** One of the two is set: a ticket's commitment or a problem report's (0029). */
  ticket_id: string | null;
  problem_id: string | null;
  promised_at: Timestamp;
  warn_at: Timestamp;
  note: string;
  told_requester: number;
  state: CommitmentState;
  warned_at: Timestamp | null;
  broken_at: Timestamp | null;
  settled_at: Timestamp | null;
  created_by_id: string;
  created_at: Timestamp;
}

/** About a ticket. Migration 0029 made room for problems (`problem_id`, `ticket_id` nullable in the table). */
export interface NotificationTable {
  id: string;
  user_id: string;
  /** Exactly one of ticket_id and problem_id. */
  ticket_id: string | null;
  problem_id: string | null;
  kind: NotificationKind;
  target: SlaClockName | null;
  percent: number | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface SlaRecalculationTable {
  id: string;
  organization_id: string;
  after_id: string | null;
  tickets_done: number;
  requested_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface MailboxTable {
  id: string;
  address: string;
  name: string;
  organization_id: string | null;
  service_id: string | null;
  group_id: string | null;
  /** Where someone unknown from an unmapped domain becomes a requester; null: the message waits ('failed'). */
  unknown_sender_organization_id: string | null;
  active: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MailDomainTable {
  domain: string;
  organization_id: string;
  created_at: Timestamp;
}

export type InboundStatus = 'received' | 'processed' | 'ignored' | 'failed';

export interface InboundMailTable {
  id: string;
  via: 'smtp' | 'http' | 'imap';
  received_at: Timestamp;
  envelope_from: string | null;
  envelope_to: string;
  fingerprint: string;
  message_id: string | null;
  from_address: string | null;
  subject: string | null;
  size: number;
  raw_key: string;
  status: InboundStatus;
  reason: string | null;
  ticket_id: string | null;
  /** bounce: a delivery report recorded on the ticket whose notice it answers. */
  outcome: 'ticket' | 'reply' | 'bounce' | null;
  attempts: number;
  processed_at: Timestamp | null;
}

export interface OutboundMailTable {
  id: string;
  ticket_id: string | null;
  event: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  references: string | null;
  auto_submitted: 'auto-generated' | 'auto-replied';
  /** bounced: sent, then a delivery report said it failed. */
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'bounced';
  attempts: number;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface DB {
  organizations: OrganizationTable;
  services: ServiceTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  password_resets: PasswordResetTable;
  security_events: SecurityEventTable;
  audit_events: AuditEventTable;
  settings: SettingTable;
  categories: CategoryTable;
  ticket_counters: TicketCounterTable;
  tickets: TicketTable;
  ticket_tags: TicketTagTable;
  ticket_watchers: TicketWatcherTable;
  ticket_messages: TicketMessageTable;
  attachments: AttachmentTable;
  ticket_events: TicketEventTable;
  ticket_links: TicketLinkTable;
  support_groups: SupportGroupTable;
  group_members: GroupMemberTable;
  group_coverage: GroupCoverageTable;
  routing_rules: RoutingRuleTable;
  escalations: EscalationTable;
  procedures: ProcedureTable;
  procedure_versions: ProcedureVersionTable;
  procedure_scopes: ProcedureScopeTable;
  procedure_applications: ProcedureApplicationTable;
  canned_responses: CannedResponseTable;
  calendars: CalendarTable;
  agreements: AgreementTable;
  sla_firings: SlaFiringTable;
  commitments: CommitmentTable;
  notifications: NotificationTable;
  sla_recalculations: SlaRecalculationTable;
  mailboxes: MailboxTable;
  mail_domains: MailDomainTable;
  inbound_mail: InboundMailTable;
  outbound_mail: OutboundMailTable;
  config_generation: ConfigGenerationTable;
  job_runs: JobRunTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  mfa_totp: MfaTotpTable;
  mfa_recovery_codes: MfaRecoveryCodeTable;
  mfa_challenges: MfaChallengeTable;
  identity_providers: IdentityProviderTable;
  oidc_sign_ins: OidcSignInTable;
  user_identities: UserIdentityTable;
  quarantined_files: QuarantinedFileTable;
  withheld_files: WithheldFileTable;
  problems: ProblemTable;
  problem_organizations: ProblemOrganizationTable;
  problem_services: ProblemServiceTable;
  problem_incidents: ProblemIncidentTable;
  problem_events: ProblemEventTable;
  problem_candidates: ProblemCandidateTable;
  problem_incident_resolutions: ProblemIncidentResolutionTable;
  problem_incident_resolution_items: ProblemIncidentResolutionItemTable;
  problem_sla_firings: ProblemSlaFiringTable;
  ticket_survey_settings: TicketSurveySettingsTable;
  ticket_surveys: TicketSurveyTable;
  questionnaires: QuestionnaireTable;
  questionnaire_versions: QuestionnaireVersionTable;
  questionnaire_comments: QuestionnaireCommentTable;
  campaigns: CampaignTable;
  campaign_invitations: CampaignInvitationTable;
  campaign_responses: CampaignResponseTable;
  kpi_target_versions: KpiTargetVersionTable;
}

/** A problem record (ITIL problem management), numbered PRB-000123 from `ticket_counters`. */
export interface ProblemTable {
  id: string;
  number: string;
  sequence: number;
  subject: string;
  description_html: string;
  status: ProblemStatus;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  group_id: string | null;
  owner_id: string | null;
  symptom_html: string | null;
  cause_html: string | null;
  business_impact_html: string | null;
  workaround_desk_html: string | null;
  workaround_public_html: string | null;
  permanent_fix_html: string | null;
  /** JSON: [{ kind, reference, url }]. */
  fix_references: string;
  workaround_applications: number;
  created_by_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  known_error_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  version: number;
  // The resolution-time standard of the strictest agreement among the affected organizations (0029).
  agreement_id: string | null;
  resolution_due_at: Timestamp | null;
  resolution_met: number | null;
  resolution_minutes: number | null;
  sla_state: SlaState | null;
  sla_check_at: Timestamp | null;
  sla_escalated_at: Timestamp | null;
}
export type ProblemRow = Selectable<ProblemTable>;

export interface ProblemOrganizationTable {
  problem_id: string;
  organization_id: string;
}

export interface ProblemServiceTable {
  problem_id: string;
  service_id: string;
}

/** An incident behind a problem; one problem per incident, so the ticket is the key. */
export interface ProblemIncidentTable {
  ticket_id: string;
  problem_id: string;
  linked_by_id: string | null;
  linked_at: Timestamp;
}

export interface ProblemEventTable {
  id: string;
  problem_id: string;
  at: Timestamp;
  actor_id: string | null;
  kind: string;
  body_html: string | null;
  /** JSON: [{ field, from, to }]. */
  changes: string;
  request_id: string | null;
}

/** Recurring incidents the `problem_candidates` job proposes as a problem (migration 0028). */
export interface ProblemCandidateTable {
  id: string;
  key: string;
  organization_id: string;
  service_id: string | null;
  category_id: string | null;
  /** JSON array of ticket ids, by creation time. */
  incident_ids: string;
  first_at: Timestamp;
  last_at: Timestamp;
  window_days: number;
  /** JSON array of words. */
  shared_terms: string;
  status: 'pending' | 'accepted' | 'dismissed';
  problem_id: string | null;
  decided_by_id: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type ProblemCandidateRow = Selectable<ProblemCandidateTable>;

/** A request to resolve a problem's open incidents, worked through by the `problem_resolutions` job. */
export interface ProblemIncidentResolutionTable {
  id: string;
  problem_id: string;
  requested_by_id: string;
  /** JSON { es, en }, or null for the catalog's wording. */
  message: string | null;
  status: 'running' | 'done';
  total: number;
  resolved: number;
  skipped: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}
export type ProblemIncidentResolutionRow = Selectable<ProblemIncidentResolutionTable>;

export interface ProblemIncidentResolutionItemTable {
  resolution_id: string;
  ticket_id: string;
  state: 'pending' | 'messaged' | 'resolved' | 'skipped';
  updated_at: Timestamp;
}

/** A person's TOTP authenticator; it counts once `confirmed_at` is set. */
export interface MfaTotpTable {
  user_id: string;
  secret: string;
  confirmed_at: Timestamp | null;
  /** The last 30-second step accepted, so a code works once. */
  last_step: number | null;
  failures: ColumnType<number, number | undefined, number>;
  failures_started_at: Timestamp | null;
  created_at: Timestamp;
}

export interface MfaRecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

/** A sign-in between the password and the second factor; the id is the challenge's hash. */
export interface MfaChallengeTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
}

/** An OpenID Connect provider people sign in with: for staff (no organization) or one organization. */
export interface IdentityProviderTable {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  organization_id: string | null;
  role_claim: string | null;
  /** JSON: claim value → role name. */
  role_mapping: string;
  default_role: string;
  enabled: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A sign-in sent to a provider and not back yet; the id is the hash of its state. */
export interface OidcSignInTable {
  id: string;
  provider_id: string;
  code_verifier: string;
  nonce: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface UserIdentityTable {
  provider_id: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
}

/**
 * A file of a received mail the desk did not store, named on the ticket. Its bytes are the
 * part_index-th file mail-reader.ts reads from the inbound mail's stored raw message.
 */
export interface WithheldFileTable {
  id: string;
  ticket_id: string;
  /** The reply it came with; null for the ticket's own description. */
  message_id: string | null;
  inbound_mail_id: string;
  part_index: number;
  file_name: string;
  size: number;
  /** executable, svg, unknown_type, too_large, archive, infected… (domain/contracts/withheld-files.ts). */
  reason: string;
  /** The refusal as the checks worded it, in English, for the log. */
  detail: string;
  created_at: Timestamp;
}

/** A file refused as infected; its bytes are under storage_key (quarantine/…), never served. */
export interface QuarantinedFileTable {
  id: string;
  /** The ticket it was sent to, when it was sent to one (mail names it in the ticket's text). */
  ticket_id: string | null;
  file_name: string;
  size: number;
  sha256: string;
  storage_key: string;
  /** What the virus scanner named, e.g. "Win.Test.EICAR_HDB-1". */
  signature: string;
  uploaded_by_id: string;
  /** The request (or `mail:<inbound id>`) that brought it. */
  request_id: string | null;
  created_at: Timestamp;
}

/** A background job's run; the id is the job and its slot (server/platform/jobs.ts). */
export interface JobRunTable {
  id: string;
  job: string;
  instance: string;
  slot_at: Timestamp;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  duration_ms: number | null;
  outcome: JobOutcome;
  /** JSON: what the run did, e.g. {"fired": 3}. */
  counts: string;
  error: string | null;
}

/** One row: a stamp replaced by triggers whenever configuration changes (see server/db/config-cache.ts). */
export interface ConfigGenerationTable {
  stamp: string;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserRowUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type SecurityEventRow = Selectable<SecurityEventTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type TicketRow = Selectable<TicketTable>;
export type TicketMessageRow = Selectable<TicketMessageTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type QuarantinedFileRow = Selectable<QuarantinedFileTable>;
export type TicketEventRow = Selectable<TicketEventTable>;
export type MfaTotpRow = Selectable<MfaTotpTable>;
export type IdentityProviderRow = Selectable<IdentityProviderTable>;
export type { Generated };

/** An endpoint told of ticket events (server/modules/webhooks). */
export interface WebhookTable {
  id: string;
  url: string;
  description: string;
  /** JSON array of WebhookEvent. */
  events: string;
  /** Signs deliveries (HMAC-SHA256); never shown after creation. */
  secret: string;
  active: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  event: string;
  ticket_id: string | null;
  /** The JSON body sent, fixed when the change committed. */
  payload: string;
  status: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Timestamp;
  last_error: string | null;
  response_status: number | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}
export type WebhookRow = Selectable<WebhookTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;

/** An agreement's satisfaction survey after each ticket (migration 0030). */
export interface TicketSurveySettingsTable {
  agreement_id: string;
  enabled: number;
  /** JSON: the ticket types asked about. */
  ticket_types: string;
  /** JSON: the questionnaire document (domain/surveys/questionnaire.ts), at most four questions. */
  document: string;
  ask_again_after_reopen: number;
  /** A rating at or below this tells the group lead and the supervisors. */
  low_rating: number;
  /** JSON: the months (1–12) the agreement's survey campaigns go out; [5, 11] by default (0033). */
  campaign_months: string;
  version: number;
  updated_by_id: string | null;
  updated_at: Timestamp;
}

/** One survey per resolution of a ticket, with the questions as asked and, once answered, the answers. */
export interface TicketSurveyTable {
  id: string;
  ticket_id: string;
  resolved_at: Timestamp;
  document: string;
  /** SHA-256 of the mailed link's token; null until a link is mailed. */
  token_hash: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  answered_at: Timestamp | null;
  /** The signed-in requester who answered on the portal; null by the mailed link. */
  answered_by_id: string | null;
  answers: string | null;
  rating: number | null;
  comment: string | null;
}
export type TicketSurveyRow = Selectable<TicketSurveyTable>;

/** One organization's questionnaire, designed with its client managers. */
export interface QuestionnaireTable {
  id: string;
  organization_id: string;
  title: string;
  created_by_id: string | null;
  created_at: Timestamp;
}
export type QuestionnaireRow = Selectable<QuestionnaireTable>;

/** A numbered version of a questionnaire; its id stays the same for life, so a campaign can freeze it. */
export interface QuestionnaireVersionTable {
  id: string;
  questionnaire_id: string;
  number: number;
  /** draft | shared | approved | superseded (domain/surveys/questionnaire-versions.ts). */
  state: string;
  /** JSON: the questionnaire document (domain/surveys/questionnaire.ts). */
  document: string;
  based_on_number: number | null;
  /** Bumped by each edit of a draft: the `version` a PATCH must send. */
  revision: number;
  created_by_id: string | null;
  created_at: Timestamp;
  updated_by_id: string | null;
  updated_at: Timestamp;
  shared_by_id: string | null;
  shared_at: Timestamp | null;
  approved_by_id: string | null;
  approved_at: Timestamp | null;
  superseded_at: Timestamp | null;
}
export type QuestionnaireVersionRow = Selectable<QuestionnaireVersionTable>;

export interface QuestionnaireCommentTable {
  id: string;
  version_id: string;
  author_id: string;
  body: string;
  created_at: Timestamp;
}

/** A survey campaign of one organization, on a frozen approved questionnaire version. */
export interface CampaignTable {
  id: string;
  organization_id: string;
  questionnaire_version_id: string;
  name: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  anonymous: number;
  /** draft | scheduled | open | closed */
  state: string;
  /** JSON: { onlyUserIds?: string[], excludeUserIds?: string[] } */
  audience: string;
  created_by_id: string | null;
  created_at: Timestamp;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** Remind those who have not answered this many days before the close; null: never by itself (0033). */
  reminder_days_before_close: number | null;
  /** When the automatic reminder was claimed and sent; null until then (0033). */
  reminded_at: Timestamp | null;
}
export type CampaignRow = Selectable<CampaignTable>;

/** One invited person: a single-use token (only its hash), expiring at the close. */
export interface CampaignInvitationTable {
  id: string;
  campaign_id: string;
  user_id: string;
  token_hash: string;
  locale: string;
  expires_at: Timestamp;
  invited_at: Timestamp;
  reminded_at: Timestamp | null;
  answered_at: Timestamp | null;
}
export type CampaignInvitationRow = Selectable<CampaignInvitationTable>;

/** A campaign response; in anonymous mode neither invitation_id nor user_id is kept. */
export interface CampaignResponseTable {
  id: string;
  campaign_id: string;
  invitation_id: string | null;
  user_id: string | null;
  /** JSON: grouped profile fields ({ organizationId, role, language, services }), never who. */
  profile: string;
  answers: string;
  created_at: Timestamp;
}

/** One version of an agreement's indicator targets; never edited, a change is a new version. */
export interface KpiTargetVersionTable {
  id: string;
  agreement_id: string;
  version: number;
  /** "YYYY-MM": the first month this version judges. */
  valid_from: string;
  /** JSON: { kpiId: { target, amber, red } } (domain/analysis/kpi-targets.ts). */
  targets: string;
  created_at: Timestamp;
  created_by_id: string | null;
}
export type KpiTargetVersionRow = Selectable<KpiTargetVersionTable>;
