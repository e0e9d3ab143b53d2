import { DEFAULT_PRIORITY_MATRIX, type Impact, type Urgency } from '../../domain/tickets/priority.js';
import { isOpen, type TicketStatus } from '../../domain/tickets/ticket-lifecycle.js';
import { type Channel, formatTicketNumber, TICKET_TYPES, type TicketType } from '../../domain/tickets/ticket-types.js';
import type { Batch } from '../../server/db/bulk-load/tables.js';
import { indexedPublicText } from '../../server/db/ticket-search.js';
import { CASES, capitalize, fill } from './cases.js';
import { LEVEL_MINUTES } from './clients.js';
import type { IdMaker } from './ids.js';
import { assignWithin, Lifecycle, type TicketState } from './lifecycle.js';
import { type Random, Weighted, weighted } from './random.js';
import { approximateSla, type SlaFiring } from './sla-approx.js';
import { escapeHtml, iso, isoOrNull, Story } from './story.js';
import { FIRST_NAMES, LAST_NAMES, PLACES, RESOLUTION_NOTES, SYSTEMS, TAGS } from './vocabulary.js';
import type { Category, Group, Organization, Person, World } from './world.js';

const TYPES = weighted<TicketType>([
  ['incident', 60],
  ['request', 30],
  ['query', 10],
]);
const CHANNELS = weighted<Channel>([
  ['phone', 30],
  ['email', 28],
  ['portal', 25],
  ['chat', 9],
  ['walk_in', 5],
  ['api', 3],
]);
const IMPACTS = weighted<Impact>([
  ['high', 15],
  ['medium', 55],
  ['low', 30],
]);
const URGENCIES = weighted<Urgency>([
  ['high', 20],
  ['medium', 50],
  ['low', 30],
]);
const SLA_EVENT = { warning: 'sla_warning', breach: 'sla_breach', escalation: 'sla_escalation', ola: 'ola_exceeded' };

/** Makes tickets one at a time, each with its whole story, numbered on from the database's counters. */
export class TicketFactory {
  private readonly organizations: Weighted<Organization>;
  private readonly categories = new Map<number, Category[]>();
  readonly sequences: Record<TicketType, number>;

  constructor(
    private readonly random: Random,
    private readonly ids: IdMaker,
    private readonly world: World,
    private readonly now: number,
    counters: Record<TicketType, number>,
  ) {
    this.organizations = new Weighted(world.organizations, world.organizationWeights);
    for (const category of world.categories) {
      this.categories.set(category.family, [...(this.categories.get(category.family) ?? []), category]);
    }
    this.sequences = { ...counters };
  }

  make(createdAt: number, batch: Batch): void {
    const { random, world } = this;
    const organization = this.organizations.draw(random);
    const language = organization.language;
    const type = TYPES.draw(random);
    const template = random.pick(CASES[language][type]);
    const requester = random.pick(organization.requesters);
    const slots = {
      system: random.pick(SYSTEMS[language]),
      place: random.pick(PLACES[language]),
      n: random.int(2, 9),
      person: `${random.pick(FIRST_NAMES[language])} ${random.pick(LAST_NAMES[language])}`,
    };
    const subject = capitalize(fill(template.subject, slots));
    const description = fill(template.description, slots);
    const service = random.pick(organization.services);
    const categories = this.categories.get(template.family) ?? [];
    const category = random.chance(0.9) && categories.length > 0 ? random.pick(categories) : null;
    const channel = CHANNELS.draw(random);
    const impact = IMPACTS.draw(random);
    const urgency = URGENCIES.draw(random);
    const priority = DEFAULT_PRIORITY_MATRIX[impact][urgency];
    const target = organization.targets[priority] ?? { firstResponse: 240, resolution: 2880 };
    const sequence = ++this.sequences[type];
    const number = formatTicketNumber(type, sequence);
    const searchKey = sequence * 4 + TICKET_TYPES.indexOf(type);
    const ticketId = this.ids.next(createdAt);

    const { group, reason } = this.route(organization, category);
    const staffChannel = channel === 'phone' || channel === 'chat' || channel === 'walk_in';
    const taker = group.level === 'L1' ? group : world.l1Default;
    const creator: Person = staffChannel ? random.pick(taker.members) : requester;
    const placed = assignWithin(random, group);
    const firstContact = staffChannel && type !== 'request' && group.level === 'L1' && random.chance(0.35);
    const tags = random.chance(0.15) ? [...new Set([random.pick(TAGS), random.pick(TAGS)])].sort() : [];
    const t: TicketState = {
      status: firstContact ? 'resolved' : placed ? 'assigned' : 'new',
      pendingReason: null,
      resolutionCode: firstContact ? 'solved' : null,
      resolutionNotes: firstContact ? random.pick(RESOLUTION_NOTES[language]) : null,
      // Resolved on the call by whoever took it.
      assignee: firstContact ? creator : placed,
      group,
      level: group.level,
      levelSince: createdAt,
      resolvedLevel: firstContact ? group.level : null,
      resolvedAt: firstContact ? createdAt : null,
      closedAt: null,
      escalated: 0,
    };

    const story = new Story(batch, this.ids, ticketId, createdAt, this.now);
    // As changedFields({}, …) writes it: every tracked field from nothing, then the tags and routing.
    const created = {
      status: t.status,
      pendingReason: null,
      resolutionCode: t.resolutionCode,
      resolutionNotes: t.resolutionNotes,
      assigneeId: t.assignee?.id ?? null,
      subject,
      type,
      serviceId: service.id,
      categoryId: category?.id ?? null,
      channel,
      impact,
      urgency,
      priority,
      priorityReason: null,
      groupId: group.id,
      level: group.level,
      tags,
    };
    story.event(
      'created',
      creator.id,
      false,
      [
        ...Object.entries(created).map(([field, to]) => ({ field, from: null, to })),
        { field: 'routing', from: null, to: reason },
      ],
      null,
      false,
    );
    story.status(t.status);
    if (firstContact) story.firstResponseAt = createdAt;
    for (const tag of tags) batch.ticket_tags.push(ticketId, tag);

    const lifecycle = new Lifecycle(random, world, story, t, {
      language,
      type,
      family: template.family,
      requester,
      target,
    });
    if (firstContact) lifecycle.firstContact(creator);
    else if (random.chance(0.02)) lifecycle.cancel();
    else lifecycle.work();

    const olaMinutes = t.level === 'L1' ? LEVEL_MINUTES.L1 : null;
    const sla = approximateSla({
      createdAt,
      history: story.history,
      firstResponseAt: story.firstResponseAt,
      target,
      ola: olaMinutes ? { level: t.level, minutes: olaMinutes, since: t.levelSince } : null,
      now: this.now,
    });
    for (const firing of sla.fired) {
      batch.sla_firings.push(ticketId, firing.key, iso(firing.at));
      // Every firing is recorded; of a target settled since, the timeline keeps breaches and
      // escalations but not the warnings before them (a fifth of all events, and what matters least).
      if (firing.kind === 'warning' && firing.settled) continue;
      story.eventAt(firing.at, SLA_EVENT[firing.kind], this.firingChanges(firing, t));
    }

    batch.tickets.push(
      ticketId,
      number,
      type,
      sequence,
      searchKey,
      subject,
      `<p>${escapeHtml(description)}</p>`,
      requester.id,
      organization.id,
      service.id,
      category?.id ?? null,
      channel,
      impact,
      urgency,
      priority,
      0,
      null,
      t.status,
      t.pendingReason,
      t.resolutionCode,
      t.resolutionNotes,
      t.assignee?.id ?? null,
      creator.id,
      iso(createdAt),
      iso(story.updatedAt),
      isoOrNull(story.firstResponseAt),
      isoOrNull(t.resolvedAt),
      isoOrNull(t.closedAt),
      story.version,
      t.group.id,
      t.level,
      t.resolvedLevel,
      t.escalated,
      firstContact ? 1 : 0,
      organization.agreementId,
      isoOrNull(sla.firstResponseDueAt),
      isoOrNull(sla.resolutionDueAt),
      isoOrNull(sla.nextDueAt),
      sla.firstResponseMet,
      sla.resolutionMet,
      sla.firstResponseMinutes,
      sla.resolutionMinutes,
      sla.state,
      isoOrNull(sla.checkAt),
      isoOrNull(sla.escalatedAt),
    );
    // As TicketHistory.reindex writes it: number, subject, description and replies public (with
    // the open tickets' word while open); notes internal.
    batch.ticketSearch.push(
      ticketId,
      searchKey,
      indexedPublicText([number, subject, description, ...story.replies].join('\n'), isOpen(t.status as TicketStatus)),
      story.notes.join('\n'),
    );
  }

  /** Where routing places a new ticket: a rule, the L1 group covering the organization, or the default one. */
  private route(organization: Organization, category: Category | null): { group: Group; reason: string } {
    if (category?.ruleGroup) return { group: category.ruleGroup, reason: `rule "${category.ruleName}" (position 10)` };
    if (organization.international)
      return { group: this.world.l1International, reason: 'the L1 group covering the organization' };
    return { group: this.world.l1Default, reason: 'the default L1 group' };
  }

  /** What the detection job writes on the timeline for a firing, and whom it told. */
  private firingChanges(firing: SlaFiring, t: TicketState) {
    const people = new Set<string>();
    const { notify } = firing;
    if (notify.includes('assignee') && t.assignee) people.add(t.assignee.name);
    if ((notify.includes('group_lead') || (notify.includes('assignee') && !t.assignee)) && t.group.lead)
      people.add(t.group.lead.name);
    if (notify.includes('supervisors')) for (const s of this.world.supervisors) people.add(s.name);
    return [
      { field: 'target', from: null, to: firing.target },
      { field: 'percent', from: null, to: firing.percent },
      ...(firing.escalate ? [{ field: 'escalated', from: null, to: true }] : []),
      ...(firing.kind === 'ola' ? [{ field: 'level', from: null, to: firing.key.slice('ola:'.length) }] : []),
      { field: 'notified', from: null, to: [...people].sort() },
    ];
  }
}
