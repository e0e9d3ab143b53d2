import type { SupportLevel } from '../../domain/support/support-levels.js';
import { type Batch, emptyBatch } from '../../server/db/bulk-load/tables.js';
import { CATEGORY_TREE, SPECIALTIES } from './cases.js';
import { buildOrganizations } from './clients.js';
import { PROCEDURES } from './desk-text.js';
import type { IdMaker } from './ids.js';
import type { Random } from './random.js';
import { FIRST_NAMES, LAST_NAMES, type Language } from './vocabulary.js';

/**
 * The desk the tickets happen in: client organizations with services, agreements and requesters;
 * the staff in L1 and L2 groups; categories, a routing rule and published procedures. Written
 * first, in one batch, and kept in memory (a few thousand rows) for the tickets to refer to.
 */
export interface Person {
  id: string;
  name: string;
}

export interface Target {
  firstResponse: number;
  resolution: number;
}

export interface Organization {
  id: string;
  name: string;
  language: Language;
  services: { id: string; name: string }[];
  requesters: Person[];
  agreementId: string;
  /** Business minutes per priority (1–4) and type, as the agreement's targets say. */
  targets: Record<number, Target>;
  /** Whether its L1 tickets go to the international group (coverage) or the default one. */
  international: boolean;
}

export interface Group {
  id: string;
  name: string;
  level: SupportLevel;
  family: number | null;
  assignment: 'manual' | 'round_robin' | 'load';
  members: Person[];
  lead: Person | null;
  turn: number;
}

export interface Category {
  id: string;
  family: number;
  /** The rule that sends this category straight to L2, if any. */
  ruleGroup: Group | null;
  ruleName: string | null;
}

export interface Procedure {
  id: string;
  title: string;
  audience: 'L1' | 'L2' | 'requesters';
  family: number;
}

export interface World {
  organizations: Organization[];
  organizationWeights: number[];
  l1Default: Group;
  l1International: Group;
  l2: Group[];
  categories: Category[];
  procedures: Procedure[];
  supervisors: Person[];
  staffEmails: { role: string; email: string }[];
  requesterEmails: string[];
}

/** What every part of the world is written with: the seed's stream, the batch, ids and the setup time. */
export interface WorldContext {
  random: Random;
  batch: Batch;
  id: () => string;
  iso: string;
}

export interface WorldOptions {
  organizations: number;
  requestersPerOrganization: number;
  passwordHash: string;
  /** When the desk was set up: before the first ticket. */
  at: number;
  hasDefaultGroup: boolean;
  firstProcedureKey: number;
}

const STAFF_PLAN = [
  ['agent', 24],
  ['specialist', 12],
  ['supervisor', 4],
  ['analyst', 2],
  ['admin', 1],
] as const;

export function buildWorld(random: Random, ids: IdMaker, options: WorldOptions): { world: World; batch: Batch } {
  const batch = emptyBatch();
  const at = options.at;
  const iso = new Date(at).toISOString();
  const id = () => ids.next(at);
  const context: WorldContext = { random, batch, id, iso };

  // Staff: emails say their role, so benches and tests can sign in as one.
  const staff: Record<string, Person[]> = {};
  const staffEmails: World['staffEmails'] = [];
  for (const [role, count] of STAFF_PLAN) {
    staff[role] = [];
    for (let i = 1; i <= count; i++) {
      const language: Language = random.chance(0.75) ? 'es' : 'en';
      const person = { id: id(), name: `${random.pick(FIRST_NAMES[language])} ${random.pick(LAST_NAMES[language])}` };
      const email = `${role}${String(i).padStart(2, '0')}@mesa.example`;
      batch.users.push(
        person.id,
        email,
        person.name,
        options.passwordHash,
        null,
        'active',
        language,
        null,
        'available',
        1,
        iso,
        iso,
      );
      batch.user_roles.push(person.id, role);
      staff[role].push(person);
      staffEmails.push({ role, email });
    }
  }
  const agents = staff.agent as Person[];
  const specialists = staff.specialist as Person[];
  const supervisors = staff.supervisor as Person[];

  const calendars = {
    office: {
      id: id(),
      name: 'Horario de oficina (Santiago)',
      zone: 'America/Santiago',
      days: [1, 2, 3, 4, 5],
      start: '08:30',
      end: '18:30',
    },
    always: {
      id: id(),
      name: 'Around the clock (UTC)',
      zone: 'UTC',
      days: [1, 2, 3, 4, 5, 6, 7],
      start: '00:00',
      end: '24:00',
    },
  };
  for (const c of Object.values(calendars)) {
    const weekly = Object.fromEntries(c.days.map((d) => [d, [{ start: c.start, end: c.end }]]));
    batch.calendars.push(c.id, c.name, c.zone, JSON.stringify(weekly), '[]', 1, iso, iso);
  }

  const groups = (
    name: string,
    level: SupportLevel,
    family: number | null,
    assignment: Group['assignment'],
    members: Person[],
    lead: Person | null,
    isDefault: boolean,
  ): Group => {
    const group: Group = { id: id(), name, level, family, assignment, members, lead, turn: 0 };
    batch.support_groups.push(
      group.id,
      name,
      level,
      family === null ? null : (SPECIALTIES[family]?.name ?? null),
      lead?.id ?? null,
      assignment,
      isDefault ? 1 : 0,
      'active',
      0,
      1,
      iso,
      iso,
    );
    for (const member of members) batch.group_members.push(group.id, member.id);
    return group;
  };
  const l1Default = groups(
    'N1 Mesa central',
    'L1',
    null,
    'round_robin',
    agents.slice(0, 16),
    supervisors[0] ?? null,
    !options.hasDefaultGroup,
  );
  const l1International = groups(
    'N1 International desk',
    'L1',
    null,
    'manual',
    agents.slice(16),
    supervisors[1] ?? null,
    false,
  );
  const l2 = SPECIALTIES.map((specialty, i) =>
    groups(
      `N2 ${specialty.name}`,
      'L2',
      specialty.family,
      i % 2 === 0 ? 'load' : 'manual',
      specialists.slice(i * 3, i * 3 + 3),
      supervisors[(i % 2) + 2] ?? null,
      false,
    ),
  );

  const categories: Category[] = [];
  CATEGORY_TREE.forEach(([parentName, children], family) => {
    const parentId = id();
    batch.categories.push(parentId, null, null, parentName, 'active', 1, iso, iso);
    for (const child of children) {
      const categoryId = id();
      batch.categories.push(categoryId, parentId, null, child, 'active', 1, iso, iso);
      categories.push({ id: categoryId, family, ruleGroup: null, ruleName: null });
    }
  });
  // Network outages go straight to the network specialists.
  const network = categories.find((c) => c.family === 2);
  const networkGroup = l2.find((g) => g.family === 2);
  if (network && networkGroup) {
    network.ruleGroup = networkGroup;
    network.ruleName = 'Red directo a N2';
    batch.routing_rules.push(
      id(),
      network.ruleName,
      10,
      1,
      null,
      null,
      network.id,
      null,
      null,
      networkGroup.id,
      1,
      iso,
      iso,
    );
  }

  const { organizations, organizationWeights, requesterEmails } = buildOrganizations(context, {
    count: options.organizations,
    requesters: options.requestersPerOrganization,
    passwordHash: options.passwordHash,
    calendars: { office: calendars.office.id, always: calendars.always.id },
    international: l1International,
  });

  const procedures: Procedure[] = [];
  let searchKey = options.firstProcedureKey;
  const author = agents[0] as Person;
  const reviewer = supervisors[0] as Person;
  for (const p of PROCEDURES) {
    searchKey += 1;
    const procedure = { id: id(), title: p.title, audience: p.audience, family: p.family };
    const specialty = p.audience === 'L2' ? (SPECIALTIES.find((s) => s.family === p.family)?.name ?? null) : null;
    batch.procedures.push(
      procedure.id,
      searchKey,
      p.audience,
      specialty,
      'published',
      1,
      1,
      author.id,
      reviewer.id,
      1,
      iso,
      iso,
    );
    batch.procedure_versions.push(procedure.id, 1, p.title, p.summary, JSON.stringify(p.steps), author.id, iso);
    batch.procedureSearch.push(procedure.id, searchKey, p.title, [p.summary, ...p.steps].join('\n'));
    procedures.push(procedure);
  }

  return {
    world: {
      organizations,
      organizationWeights,
      l1Default,
      l1International,
      l2,
      categories,
      procedures,
      supervisors,
      staffEmails,
      requesterEmails,
    },
    batch,
  };
}
