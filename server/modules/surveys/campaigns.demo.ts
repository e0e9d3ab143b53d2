import type { Answers } from '../../../domain/surveys/answers.js';
import { NOT_APPLICABLE } from '../../../domain/surveys/questionnaire.js';
import type { DemoMoment } from '../../platform/module.js';
import { actingAs } from '../auth/auth.service.js';
import type { UsersService } from '../users/users.service.js';
import type { CampaignsService } from './campaigns.service.js';
import type { QuestionnairesService } from './questionnaires.service.js';

const DAY = 86_400_000;

// The clinic's staff who use the service: invited to the campaigns, no password (they answer by link).
const FIRST_NAMES = ['Camila', 'Matías', 'Sofía', 'Benjamín', 'Isidora', 'Tomás', 'Antonia', 'Joaquín', 'Florencia'];
const LAST_NAMES = ['González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez'];
const clinicStaff = () =>
  FIRST_NAMES.flatMap((first, i) =>
    LAST_NAMES.map((last, j) => ({
      name: `${first} ${last}`,
      email: `${first}.${last}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .concat('@clinica-andina.demo'),
      // A few work in English (visiting specialists): the breakdown by language has two groups.
      locale: (i + j) % 7 === 0 ? ('en' as const) : ('es' as const),
    })),
  );
const DEMO_ORGANIZATION_EMAIL = 'lucia.fernandez@clinica-andina.demo';
const DESK_EMAIL = 'pablo.mendez@mesa.demo';
const ADMIN_EMAIL = 'admin@mesa.demo';

/** A small seeded generator (mulberry32): the same demo every time, without Math.random. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Free text with themes that recur, so the analysis finds them: waiting, updates, phone, kind staff.
const IMPROVE_BEFORE = [
  'Responder más rápido; a veces pasan dos días sin respuesta.',
  'Que avisen cómo va el caso, nunca sé si alguien lo está viendo.',
  'El teléfono suena y nadie contesta en la mañana.',
  'Más rapidez en la primera respuesta.',
  'Avisar cuando cambian el estado del ticket.',
  'Los tiempos de respuesta son muy largos en urgencias.',
  'La gente es amable, pero demoran mucho.',
];
const IMPROVE_AFTER = [
  'Ahora responden rápido, pero el teléfono sigue ocupado a veces.',
  'Me gustaría que el portal mostrara mejor el avance.',
  'Muy buena atención, siguen así.',
  'Que la solución quede bien a la primera; tuve que reabrir un caso.',
  'Responden en el día, se nota el cambio.',
  'El personal es amable y ahora avisan del avance.',
];

/** One person's answers; `responsiveness` moves the two responsiveness questions, the rest stays alike. */
function answersOf(random: () => number, responsiveness: number, improve: string[]): Answers {
  const rate = (mean: number) => Math.min(5, Math.max(1, Math.round(mean + (random() - 0.5) * 2.2)));
  const overall = rate(3.6 + (responsiveness - 3) * 0.3);
  const answers: Answers = {
    resolved_right: rate(3.7),
    promises_kept: rate(3.5),
    quick_answer: rate(responsiveness),
    kept_informed: rate(responsiveness - 0.2),
    knowledge: rate(4),
    trust: rate(4.3),
    understood: rate(3.8),
    courtesy: rate(4.5),
    channels: { phone: rate(3), email: rate(3.9), portal: random() < 0.2 ? NOT_APPLICABLE : rate(3.8) },
    easy: rate(3.6),
    overall,
    recommend: Math.min(10, Math.max(0, Math.round(overall * 2 - 1 + (random() - 0.5) * 3))),
  };
  if (overall <= 2) answers.low_reason = random() < 0.7 ? 'time' : 'communication';
  if (random() < 0.6) answers.improve = improve[Math.floor(random() * improve.length)] ?? '';
  return answers;
}

/**
 * Two closed survey campaigns of Clínica Andina six months apart, on its approved default
 * questionnaire: the second one answers noticeably better on responsiveness and about the same on
 * the rest, so the results page has a flagged change to show. The clinic's staff (45 people without
 * a password) are invited for real; about two thirds answer each time.
 */
export async function seedDemoCampaigns(
  services: { campaigns: CampaignsService; questionnaires: QuestionnairesService; users: UsersService },
  { clock, now }: DemoMoment,
) {
  const manager = await services.users.findByEmail(DEMO_ORGANIZATION_EMAIL);
  const analyst = await services.users.findByEmail(DESK_EMAIL);
  const admin = await services.users.findByEmail(ADMIN_EMAIL);
  if (!manager?.organizationId || !analyst || !admin) return;
  const organizationId = manager.organizationId;
  const desk = actingAs(analyst);
  // Lucía, the clinic's client manager, approves its questionnaire.
  const clientManager = actingAs(manager);
  for (const person of clinicStaff())
    await services.users.create(actingAs(admin), { ...person, roles: ['requester'], organizationId });

  clock.set(new Date(now.getTime() - 240 * DAY));
  const questionnaire = await services.questionnaires.create(desk, { organizationId, title: 'Encuesta semestral' });
  await services.questionnaires.share(desk, questionnaire.id, 1);
  const approved = await services.questionnaires.approve(clientManager, questionnaire.id, 1);

  const random = seeded(20261208);
  const rounds = [
    { name: 'Encuesta semestral 1', opensDaysAgo: 230, respondents: 31, responsiveness: 2.9, improve: IMPROVE_BEFORE },
    { name: 'Encuesta semestral 2', opensDaysAgo: 48, respondents: 36, responsiveness: 4.1, improve: IMPROVE_AFTER },
  ];
  for (const round of rounds) {
    const opensAt = now.getTime() - round.opensDaysAgo * DAY;
    clock.set(new Date(opensAt - 2 * DAY));
    const campaign = await services.campaigns.create(desk, {
      organizationId,
      questionnaireVersionId: approved.id,
      name: round.name,
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(opensAt + 21 * DAY).toISOString(),
      anonymous: true,
      reminderDaysBeforeClose: 7,
    });
    clock.set(new Date(opensAt));
    await services.campaigns.open(desk, campaign.id);
    const responses = Array.from({ length: round.respondents }, (_, i) => ({
      answers: answersOf(random, round.responsiveness, round.improve),
      at: new Date(opensAt + Math.floor((i / round.respondents) * 20 * DAY) + 3_600_000),
    }));
    await services.campaigns.addDemoResponses(campaign.id, responses);
    clock.set(new Date(opensAt + 21 * DAY + 600_000));
    await services.campaigns.close(desk, campaign.id);
  }
  clock.set(now);
}
