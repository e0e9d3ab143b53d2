import type { TicketType } from '../../domain/tickets/ticket-types.js';
import { type Random, weighted } from './random.js';
import { type Change, iso, type Story } from './story.js';
import {
  ESCALATION_SUMMARIES,
  type Language,
  NOTES,
  REQUESTER_REPLIES,
  RESOLUTION_NOTES,
  STAFF_REPLIES,
} from './vocabulary.js';
import type { Group, Person, Target, World } from './world.js';

/**
 * What happens to a ticket after it is raised, step by step as the services would record it:
 * taken, answered, worked, maybe escalated to L2 and paused, resolved and closed — or resolved on
 * first contact, or cancelled. Each step comes some minutes after the last; the story stops at
 * `now`, so old tickets end closed and recent ones are still open.
 */
export interface TicketState {
  status: string;
  pendingReason: string | null;
  resolutionCode: string | null;
  resolutionNotes: string | null;
  assignee: Person | null;
  group: Group;
  level: 'L1' | 'L2' | 'L3';
  /** When the ticket arrived at its current level, for that level's internal target. */
  levelSince: number;
  resolvedLevel: string | null;
  resolvedAt: number | null;
  closedAt: number | null;
  escalated: number;
}

export interface CaseFacts {
  language: Language;
  type: TicketType;
  family: number;
  requester: Person;
  target: Target;
}

const PENDING = weighted<string>([
  ['requester', 60],
  ['third_party', 30],
  ['scheduled', 10],
]);
// How long a ticket waits on each: the requester answers within hours, vendors and dates take days.
const PENDING_MINUTES: Record<string, number> = { requester: 240, third_party: 2160, scheduled: 4320 };
const RESOLUTION_CODES = weighted<string>([
  ['solved', 80],
  ['workaround', 12],
  ['not_reproducible', 4],
  ['duplicate', 2],
  ['no_response', 2],
]);
const ESCALATION_CHANCE: Record<TicketType, number> = { incident: 0.18, request: 0.08, query: 0.03 };
const REOPEN_DAYS = 7;

/** A new ticket's assignee as the group's strategy picks it: in turn, the least loaded, or nobody. */
export function assignWithin(random: Random, group: Group): Person | null {
  if (group.assignment === 'manual' || group.members.length === 0) return null;
  if (group.assignment === 'round_robin') return group.members[group.turn++ % group.members.length] ?? null;
  return random.pick(group.members);
}

export class Lifecycle {
  constructor(
    private readonly random: Random,
    private readonly world: World,
    private readonly story: Story,
    private readonly t: TicketState,
    private readonly c: CaseFacts,
  ) {}

  /** Resolved while the caller was on the line; often by a procedure; closed days later. */
  firstContact(agent: Person): void {
    if (this.random.chance(0.6)) this.applyProcedure(agent, 'L1');
    this.close();
  }

  /** The requester changed their mind. */
  cancel(): void {
    if (!this.story.advance(this.random.logNormal(30, 1))) return;
    this.setStatus(this.c.requester.id, 'cancelled');
    this.t.closedAt = this.story.at;
  }

  work(): void {
    const { random, story, t, c } = this;
    let assignee = t.assignee;
    if (!assignee) {
      if (!story.advance(random.logNormal(40, 1.3))) return;
      assignee = this.take(t.group);
      this.setStatus(assignee.id, 'assigned', [{ field: 'assigneeId', from: null, to: assignee.id }]);
    }
    if (!story.advance(random.logNormal(c.target.firstResponse * 0.3, 0.9))) return;
    story.message('reply', assignee, random.pick(STAFF_REPLIES[c.language]), true);
    let messages = 1;
    if (!story.advance(random.logNormal(5, 0.8))) return;
    this.setStatus(assignee.id, 'in_progress');
    if (random.chance(0.3)) {
      if (!story.advance(random.logNormal(20, 1))) return;
      story.message('note', assignee, random.pick(NOTES[c.language]), true);
      messages += 1;
    }
    if (t.group.level === 'L1' && random.chance(ESCALATION_CHANCE[c.type])) {
      if (!story.advance(random.logNormal(45, 1))) return;
      const specialist = this.escalate(assignee);
      if (!specialist) return;
      assignee = specialist;
      if (random.chance(0.5) && story.advance(random.logNormal(40, 1))) {
        story.message('note', assignee, random.pick(NOTES[c.language]), true);
        messages += 1;
      }
    }
    if (random.chance(0.2)) {
      if (!story.advance(random.logNormal(60, 1))) return;
      const reason = PENDING.draw(random);
      this.setStatus(assignee.id, 'pending', [], reason);
      if (!story.advance(random.logNormal(PENDING_MINUTES[reason] ?? 240, 1.1))) return;
      if (reason === 'requester') {
        // The requester's answer puts the ticket back to work (Mesa makes that move, not a person).
        story.message('reply', c.requester, random.pick(REQUESTER_REPLIES[c.language]), false);
        messages += 1;
        this.setStatus(null, 'in_progress');
      } else this.setStatus(assignee.id, 'in_progress');
    }
    while (messages < 6 && random.chance(0.35)) {
      if (!story.advance(random.logNormal(90, 1))) return;
      const fromRequester = random.chance(0.5);
      const texts = fromRequester ? REQUESTER_REPLIES : STAFF_REPLIES;
      story.message('reply', fromRequester ? c.requester : assignee, random.pick(texts[c.language]), !fromRequester);
      messages += 1;
    }
    // Resolution time counts from creation; pauses and the steps so far only push it later. A few
    // cases drag on for days or weeks (parts, vendors, changes), a very few for months: the
    // desk's open backlog, and its oldest corner.
    const tail = random.next();
    const slow = tail < 0.02 ? 40 + random.next() * 360 : tail < 0.09 ? 5 + random.next() * 35 : 1;
    const resolveAt =
      (story.history[0]?.at ?? story.at) + random.logNormal(c.target.resolution * 0.35, 1) * slow * 60_000;
    if (random.chance(0.12)) this.applyProcedure(assignee, t.level === 'L2' ? 'L2' : 'L1');
    if (!story.advance(Math.max(2, (resolveAt - story.at) / 60_000))) return;
    t.resolutionCode = RESOLUTION_CODES.draw(random);
    t.resolutionNotes = random.pick(RESOLUTION_NOTES[c.language]);
    this.setStatus(assignee.id, 'resolved', [
      { field: 'resolutionCode', from: null, to: t.resolutionCode },
      { field: 'resolutionNotes', from: null, to: t.resolutionNotes },
    ]);
    t.resolvedAt = story.at;
    t.resolvedLevel = t.level;
    this.close();
  }

  private take(group: Group): Person {
    const person = this.random.pick(group.members);
    this.t.assignee = person;
    return person;
  }

  /** Functional escalation to the L2 specialty of the case: the record, the event, the new holder. */
  private escalate(from: Person): Person | null {
    const { random, story, t, c, world } = this;
    const to = world.l2.find((g) => g.family === Math.min(c.family, world.l2.length - 1)) ?? world.l2[0];
    if (!to) return from;
    const summary = random.pick(ESCALATION_SUMMARIES[c.language]);
    const next = assignWithin(random, to);
    story.event('escalated', from.id, true, [
      { field: 'assigneeId', from: from.id, to: next?.id ?? null },
      { field: 'level', from: 'L1', to: 'L2' },
      { field: 'group', from: t.group.name, to: to.name },
      { field: 'summary', from: null, to: summary },
    ]);
    story.batch.escalations.push(
      story.ids.next(story.at),
      story.ticketId,
      'escalation',
      t.group.id,
      to.id,
      t.group.level,
      to.level,
      summary,
      from.id,
      iso(story.at),
    );
    Object.assign(t, { group: to, level: 'L2', escalated: 1, levelSince: story.at, assignee: next });
    if (next) return next;
    // Nobody in the group took it yet: one of them picks it from the group's queue.
    if (!story.advance(random.logNormal(30, 1))) return null;
    const specialist = this.take(to);
    story.event('assigned', specialist.id, true, [{ field: 'assigneeId', from: null, to: specialist.id }]);
    return specialist;
  }

  /** A status change as the ticket service records it: the fields that moved, in their order. */
  private setStatus(actor: string | null, status: string, extra: Change[] = [], pendingReason: string | null = null) {
    const { t, story } = this;
    const changes: Change[] = [{ field: 'status', from: t.status, to: status }];
    if (t.status === 'pending') changes.push({ field: 'pendingReason', from: t.pendingReason, to: null });
    if (status === 'pending') changes.push({ field: 'pendingReason', from: null, to: pendingReason });
    changes.push(...extra);
    story.event('status_changed', actor, false, changes);
    t.status = status;
    t.pendingReason = status === 'pending' ? pendingReason : null;
    story.status(status, t.pendingReason);
  }

  private applyProcedure(by: Person, audience: 'L1' | 'L2'): void {
    const { story, world } = this;
    const fitting = world.procedures.filter((p) => p.audience === audience);
    const procedure = fitting.find((p) => p.family === this.c.family) ?? this.random.pick(fitting);
    if (!procedure || !story.advance(1)) return;
    story.batch.procedure_applications.push(
      story.ids.next(story.at),
      procedure.id,
      1,
      story.ticketId,
      by.id,
      iso(story.at),
    );
    story.event('procedure_applied', by.id, true, [
      { field: 'procedure', from: null, to: { id: procedure.id, title: procedure.title, version: 1 } },
    ]);
  }

  /** The requester confirms within days, or Mesa closes it when the reopening window ends. */
  private close(): void {
    const { random, story } = this;
    if (random.chance(0.35)) {
      if (!story.advance(Math.min(random.logNormal(600, 1), REOPEN_DAYS * 1440 - 60))) return;
      this.setStatus(this.c.requester.id, 'closed');
    } else {
      if (!story.advance(REOPEN_DAYS * 1440 + random.int(1, 15))) return;
      this.setStatus(null, 'closed');
    }
    this.t.closedAt = story.at;
  }
}
