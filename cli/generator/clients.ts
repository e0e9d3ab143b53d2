import { DEFAULT_ESCALATIONS, DEFAULT_WARN_AT } from '../../domain/sla/agreement-rules.js';
import { ORGANIZATION_NAMES, SERVICE_NAMES } from './desk-text.js';
import { FIRST_NAMES, LAST_NAMES, type Language, slug } from './vocabulary.js';
import type { Group, Organization, Person, Target, WorldContext } from './world.js';

/**
 * The desk's clients: organizations with their mail domain, services, agreement and requesters.
 * Spanish-speaking ones keep office hours in Santiago; English-speaking ones (and every fifth) are
 * served around the clock, with tighter targets, by the international L1 group.
 */
const OFFICE_TARGETS: Record<number, Target> = {
  1: { firstResponse: 15, resolution: 240 },
  2: { firstResponse: 30, resolution: 480 },
  3: { firstResponse: 120, resolution: 1440 },
  4: { firstResponse: 240, resolution: 2880 },
};
const ROUND_THE_CLOCK_TARGETS: Record<number, Target> = {
  1: { firstResponse: 15, resolution: 120 },
  2: { firstResponse: 30, resolution: 240 },
  3: { firstResponse: 60, resolution: 480 },
  4: { firstResponse: 120, resolution: 960 },
};

// L1 may hold a ticket one working day (OLA) before it should be solved or escalated.
export const LEVEL_MINUTES = { L1: 480, L2: null } as const;

export function buildOrganizations(
  context: WorldContext,
  plan: {
    count: number;
    requesters: number;
    passwordHash: string;
    calendars: { office: string; always: string };
    international: Group;
  },
) {
  const { random, batch, id, iso } = context;
  const organizations: Organization[] = [];
  const organizationWeights: number[] = [];
  const requesterEmails: string[] = [];
  const usedNames = new Set<string>();
  for (let i = 1; i <= plan.count; i++) {
    const language: Language = i % 3 === 0 ? 'en' : 'es';
    const base = ORGANIZATION_NAMES[language][Math.floor(i / 3) % ORGANIZATION_NAMES[language].length] as string;
    const name = usedNames.has(base) ? `${base} ${i}` : base;
    usedNames.add(name);
    const organizationId = id();
    const domain = `${slug(name)}.example`;
    batch.organizations.push(
      organizationId,
      name,
      `GEN${String(i).padStart(3, '0')}`,
      'active',
      i % 4 === 0 ? 1 : 0,
      1,
      iso,
      iso,
    );
    batch.mail_domains.push(domain, organizationId, iso);
    const pool = SERVICE_NAMES[language];
    const serviceCount = random.int(3, Math.min(6, pool.length));
    const offset = random.int(0, pool.length - 1);
    const services = [];
    for (let s = 0; s < serviceCount; s++) {
      const [serviceName, description] = pool[(offset + s) % pool.length] as [string, string];
      const service = { id: id(), name: serviceName };
      batch.services.push(service.id, organizationId, serviceName, description, 'active', 1, iso, iso);
      services.push(service);
    }
    const roundTheClock = i % 5 === 0 || language === 'en';
    const calendarId = roundTheClock ? plan.calendars.always : plan.calendars.office;
    const targets = roundTheClock ? ROUND_THE_CLOCK_TARGETS : OFFICE_TARGETS;
    const agreementId = id();
    batch.agreements.push(
      agreementId,
      organizationId,
      roundTheClock ? 'Support 24×7' : 'Acuerdo de servicio',
      calendarId,
      '[]',
      JSON.stringify(
        Object.entries(targets).map(([p, t]) => ({
          priority: Number(p),
          firstResponseMinutes: t.firstResponse,
          resolutionMinutes: t.resolution,
        })),
      ),
      JSON.stringify(['requester', 'third_party']),
      JSON.stringify([...DEFAULT_WARN_AT].sort()),
      JSON.stringify(LEVEL_MINUTES),
      JSON.stringify(DEFAULT_ESCALATIONS),
      1,
      iso,
      iso,
    );
    const requesters: Person[] = [];
    for (let r = 1; r <= plan.requesters; r++) {
      const first = random.pick(FIRST_NAMES[language]);
      const last = random.pick(LAST_NAMES[language]);
      const person = { id: id(), name: `${first} ${last}` };
      const email = `${slug(first)}.${slug(last)}.${r}@${domain}`;
      batch.users.push(
        person.id,
        email,
        person.name,
        plan.passwordHash,
        organizationId,
        'active',
        language,
        null,
        'available',
        1,
        iso,
        iso,
      );
      batch.user_roles.push(person.id, 'requester');
      requesters.push(person);
      if (r === 1) requesterEmails.push(email);
    }
    const international = language === 'en';
    if (international) batch.group_coverage.push(id(), plan.international.id, organizationId, null, null);
    organizations.push({
      id: organizationId,
      name,
      language,
      services,
      requesters,
      agreementId,
      targets,
      international,
    });
    // A few large clients and a long tail, as desks have.
    organizationWeights.push(1 / i ** 0.8);
  }
  return { organizations, organizationWeights, requesterEmails };
}
