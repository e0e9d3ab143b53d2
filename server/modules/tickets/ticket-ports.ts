import type { Kysely } from 'kysely';
import type { SlaExplanation } from '../../../domain/contracts/sla.js';
import type { KnownIssue, TicketProblemRef } from '../../../domain/contracts/tickets.js';
import type { StatusChange } from '../../../domain/sla/sla-clock.js';
import type { RouteDecision, SupportLevel } from '../../../domain/support/support-levels.js';
import type { DB, TicketRow } from '../../db/schema.js';

/*
 * What the tickets module asks of modules above it. `sla` and `support` act on tickets (the
 * detection job, escalations), so tickets may not import them back: it names here what it needs,
 * they implement it (SlaService, RoutingService), and `buildServices` hands them in.
 */

/** The SLA columns a ticket stores, so queues, the board and the detection job never recompute on read. */
export type SlaColumns = Pick<
  TicketRow,
  | 'agreement_id'
  | 'first_response_due_at'
  | 'resolution_due_at'
  | 'next_due_at'
  | 'first_response_met'
  | 'resolution_met'
  | 'first_response_minutes'
  | 'resolution_minutes'
  | 'sla_state'
  | 'sla_check_at'
>;

export const NO_SLA: SlaColumns = {
  agreement_id: null,
  first_response_due_at: null,
  resolution_due_at: null,
  next_due_at: null,
  first_response_met: null,
  resolution_met: null,
  first_response_minutes: null,
  resolution_minutes: null,
  sla_state: null,
  sla_check_at: null,
};

/** The SLA clock as tickets use it: deadlines to store with each change, and why they are what they are. */
export interface TicketDeadlines {
  deadlinesFor(db: Kysely<DB>, ticket: TicketRow, history: StatusChange[], isNew?: boolean): Promise<SlaColumns>;
  explain(db: Kysely<DB>, ticket: TicketRow, history: StatusChange[]): Promise<SlaExplanation>;
}

export interface NewTicketFacts {
  organizationId: string;
  serviceId: string | null;
  categoryId: string | null;
  type: string;
  channel: string;
  /** A group the way in names outright (a mailbox's group), before any rule. */
  groupId?: string | null;
}

export interface Placement {
  groupId: string | null;
  level: SupportLevel | null;
  assigneeId: string | null;
  reason: string;
}

/** Routing and assignment as tickets use them: where a new ticket lands, and the groups a person works in. */
export interface TicketPlacement {
  /** The group a new ticket lands in, and why. */
  target(db: Kysely<DB>, facts: NewTicketFacts): Promise<RouteDecision>;
  /** Before the creating transaction: the group's turn, where counters are taken apart. */
  turnApart(db: Kysely<DB>, groupId: string | null): Promise<number | undefined>;
  /** Inside the creating transaction: who in the target group takes the new ticket. */
  place(trx: Kysely<DB>, target: RouteDecision, turnTaken?: number): Promise<Placement>;
  groupIdsOfUser(db: Kysely<DB>, userId: string): Promise<string[]>;
}

/**
 * The problems behind a ticket, as its page shows them (implemented by the problems module, which
 * links incidents through `TicketsService.annotate`): named to the desk, and to the requester only
 * as a known issue in public words.
 */
export interface TicketProblems {
  behind(db: Kysely<DB>, ticketId: string): Promise<{ problems: TicketProblemRef[]; knownIssue: KnownIssue | null }>;
}

export const NO_PROBLEMS: TicketProblems = { behind: async () => ({ problems: [], knownIssue: null }) };
