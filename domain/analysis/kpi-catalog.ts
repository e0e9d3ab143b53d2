import type { LocalizedText } from '../surveys/questionnaire.js';
import {
  DIMENSIONS,
  DURATION_MEASURES,
  type KpiDefinition,
  type KpiId,
  type KpiStatistic,
  type KpiVariant,
} from './kpi-kinds.js';

export * from './kpi-kinds.js';

/**
 * The indicator catalog (issue 21): every indicator the analysis unit measures, with the id the
 * API, the targets and the stored aggregates use (stable: never rename one), its names and formula
 * in Spanish and English, unit, which way is better, the statistic behind it, which tickets count
 * and in which month, the dimensions it breaks down by and its listed variants. Pure data: the
 * server serves it at GET /api/v1/kpis and `kpiValue` (monthly-aggregate.ts) computes each one.
 */
const ALL = DIMENSIONS;
const t = (es: string, en: string): LocalizedText => ({ es, en });

const byType: KpiVariant = { id: 'by_type', name: t('Por tipo', 'By type'), kind: 'by_dimension', dimension: 'type' };
const byChannel: KpiVariant = {
  id: 'by_channel',
  name: t('Por canal', 'By channel'),
  kind: 'by_dimension',
  dimension: 'channel',
};
const byPriority: KpiVariant = {
  id: 'by_priority',
  name: t('Por prioridad', 'By priority'),
  kind: 'by_dimension',
  dimension: 'priority',
};
const durationVariants: KpiVariant[] = [
  { id: 'median', name: t('Mediana', 'Median'), kind: 'measure', measure: 'median' },
  { id: 'p90', name: t('Percentil 90', '90th percentile'), kind: 'measure', measure: 'p90' },
  {
    id: 'within_target',
    name: t('% dentro del objetivo', '% within target'),
    kind: 'measure',
    measure: 'within_target',
  },
];
const duration = { kind: 'duration', measures: DURATION_MEASURES, headline: 'p90' } as const;
const proportion = (numerator: LocalizedText, denominator: LocalizedText): KpiStatistic => ({
  kind: 'proportion',
  numerator,
  denominator,
});

const RESOLVED = t(
  'Tickets resueltos en el mes (la resolución vigente; un ticket reabierto cuenta en el mes de su nueva resolución); los cancelados no cuentan',
  'Tickets resolved in the month (the resolution that stands; a reopened ticket counts in the month it is resolved again); cancelled ones do not count',
);

export const KPI_CATALOG: readonly KpiDefinition[] = [
  {
    id: 'volume',
    name: t('Volumen de tickets', 'Ticket volume'),
    formula: t('Número de tickets creados en el mes', 'Number of tickets created in the month'),
    unit: 'count',
    better: 'none',
    statistic: { kind: 'count' },
    population: t(
      'Todos los tickets, importados o nativos, incluidos los cancelados',
      'Every ticket, imported or native, cancelled ones included',
    ),
    countsIn: 'created',
    breakdowns: ALL,
    variants: [byType, byChannel],
  },
  {
    id: 'tickets_per_user',
    name: t('Tickets por usuario', 'Tickets per user'),
    formula: t(
      'Tickets creados en el mes ÷ usuarios de la organización',
      'Tickets created in the month ÷ the organization’s users',
    ),
    unit: 'count',
    better: 'none',
    statistic: {
      kind: 'rate',
      numerator: t('tickets creados', 'tickets created'),
      denominator: t('usuarios de la organización', 'users of the organization'),
    },
    population: t('Todos los tickets creados en el mes', 'Every ticket created in the month'),
    countsIn: 'created',
    breakdowns: ['service', 'category', 'channel', 'type', 'priority'],
    variants: [byType],
  },
  {
    id: 'fcr',
    name: t('Resolución en el primer contacto', 'First-contact resolution'),
    formula: t('Resueltos en el primer contacto ÷ resueltos', 'Resolved at first contact ÷ resolved'),
    unit: 'ratio',
    better: 'up',
    statistic: proportion(
      t('resueltos en el primer contacto', 'resolved at first contact'),
      t('resueltos', 'resolved'),
    ),
    population: RESOLVED,
    countsIn: 'resolved',
    breakdowns: ALL,
    variants: [byChannel],
  },
  {
    id: 'l1_resolution',
    name: t('Resolución en nivel 1', 'Level 1 resolution'),
    formula: t('Resueltos en N1 sin escalar ÷ resueltos', 'Resolved at L1 without escalation ÷ resolved'),
    unit: 'ratio',
    better: 'up',
    statistic: proportion(
      t('resueltos en N1 sin escalar', 'resolved at L1 without escalation'),
      t('resueltos', 'resolved'),
    ),
    population: RESOLVED,
    countsIn: 'resolved',
    breakdowns: ALL,
    variants: [],
  },
  {
    id: 'escalation_rate',
    name: t('Tasa de escalamiento', 'Escalation rate'),
    formula: t(
      'Resueltos que subieron de nivel al menos una vez ÷ resueltos',
      'Resolved that moved up a level at least once ÷ resolved',
    ),
    unit: 'ratio',
    better: 'down',
    statistic: proportion(t('escalados', 'escalated'), t('resueltos', 'resolved')),
    population: RESOLVED,
    countsIn: 'resolved',
    breakdowns: ALL,
    variants: [],
  },
  {
    id: 'first_response_time',
    name: t('Tiempo de primera respuesta', 'First response time'),
    formula: t(
      'Minutos hábiles desde la creación hasta la primera respuesta pública (o la resolución, si fue antes), sin las pausas',
      'Business minutes from creation to the first public reply (or the resolution, when sooner), pauses left out',
    ),
    unit: 'business_minutes',
    better: 'down',
    statistic: duration,
    population: t('Tickets respondidos en el mes', 'Tickets answered in the month'),
    countsIn: 'first_response',
    breakdowns: ALL,
    variants: [...durationVariants, byPriority],
  },
  {
    id: 'resolution_time',
    name: t('Tiempo de resolución', 'Resolution time'),
    formula: t(
      'Minutos hábiles desde la creación hasta la resolución, sin las pausas ni el tiempo resuelto antes de una reapertura',
      'Business minutes from creation to resolution, leaving out pauses and the time spent resolved before a reopening',
    ),
    unit: 'business_minutes',
    better: 'down',
    statistic: duration,
    population: RESOLVED,
    countsIn: 'resolved',
    breakdowns: ALL,
    variants: [...durationVariants, byPriority],
  },
  {
    id: 'sla_response',
    name: t('Cumplimiento SLA de respuesta', 'SLA response compliance'),
    formula: t(
      'Primeras respuestas dentro del objetivo ÷ primeras respuestas con objetivo',
      'First responses within target ÷ first responses with a target',
    ),
    unit: 'ratio',
    better: 'up',
    statistic: proportion(t('cumplidos', 'met'), t('con objetivo de respuesta', 'with a response target')),
    population: t('Tickets respondidos en el mes bajo un acuerdo', 'Tickets answered in the month under an agreement'),
    countsIn: 'first_response',
    breakdowns: ALL,
    variants: [byPriority],
  },
  {
    id: 'sla_resolution',
    name: t('Cumplimiento SLA de resolución', 'SLA resolution compliance'),
    formula: t(
      'Resoluciones dentro del objetivo ÷ resoluciones con objetivo',
      'Resolutions within target ÷ resolutions with a target',
    ),
    unit: 'ratio',
    better: 'up',
    statistic: proportion(t('cumplidos', 'met'), t('con objetivo de resolución', 'with a resolution target')),
    population: RESOLVED,
    countsIn: 'resolved',
    breakdowns: ALL,
    variants: [byPriority],
  },
  {
    id: 'commitments_kept',
    name: t('Compromisos cumplidos', 'Commitments kept'),
    formula: t(
      'Compromisos cumplidos ÷ compromisos cumplidos o incumplidos',
      'Commitments kept ÷ commitments kept or broken',
    ),
    unit: 'ratio',
    better: 'up',
    statistic: proportion(t('cumplidos', 'kept'), t('cumplidos o incumplidos', 'kept or broken')),
    population: t(
      'Fechas prometidas en tickets atrasados, en el mes en que se cumplieron o vencieron (las reemplazadas no cuentan)',
      'Dates promised on late tickets, in the month they were kept or broken (superseded ones do not count)',
    ),
    countsIn: 'commitment_settled',
    breakdowns: ALL,
    variants: [],
  },
  {
    id: 'backlog',
    name: t('Tickets pendientes', 'Backlog'),
    formula: t('Tickets abiertos al cierre del mes, por antigüedad', 'Tickets open at the month’s close, by age'),
    unit: 'count',
    better: 'down',
    statistic: { kind: 'count' },
    population: t(
      'Tickets creados antes del cierre del mes y no resueltos, cerrados ni cancelados en ese momento',
      'Tickets created before the month’s close and not resolved, closed or cancelled at that moment',
    ),
    countsIn: 'month_end',
    breakdowns: ALL,
    variants: [{ id: 'aging', name: t('Por antigüedad', 'By age'), kind: 'aging_buckets' }],
  },
  {
    id: 'reopen_rate',
    name: t('Tasa de reapertura', 'Reopen rate'),
    formula: t(
      'Resoluciones reabiertas dentro del plazo ÷ resoluciones',
      'Resolutions reopened within the window ÷ resolutions',
    ),
    unit: 'ratio',
    better: 'down',
    statistic: proportion(
      t('reabiertas dentro del plazo', 'reopened within the window'),
      t('resoluciones', 'resolutions'),
    ),
    population: t(
      'Cada resolución, en el mes de esa resolución original aunque la reapertura llegue el mes siguiente',
      'Every resolution, in the month of that original resolution even when the reopening comes the next month',
    ),
    countsIn: 'original_resolution',
    breakdowns: ALL,
    variants: [],
  },
  {
    id: 'csat',
    name: t('Satisfacción (CSAT)', 'Satisfaction (CSAT)'),
    formula: t(
      'Media de las valoraciones 1–5 de la encuesta del ticket; y % de 4 y 5',
      'Mean of the ticket survey’s 1–5 ratings; and % of 4s and 5s',
    ),
    unit: 'score',
    better: 'up',
    statistic: { kind: 'mean', scale: { min: 1, max: 5 }, alsoTopTwoBox: true },
    population: t('Encuestas de ticket respondidas en el mes', 'Ticket surveys answered in the month'),
    countsIn: 'survey_answered',
    breakdowns: ALL,
    variants: [{ id: 'top_two_box', name: t('% de 4 y 5', '% of 4s and 5s'), kind: 'measure', measure: 'top_two_box' }],
  },
  {
    id: 'survey_index',
    name: t('Índice de satisfacción de campaña', 'Campaign satisfaction index'),
    formula: t(
      'Índice 0–100 de la campaña: (media 1–5 − 1) ÷ 4 × 100',
      'The campaign’s 0–100 index: (1–5 mean − 1) ÷ 4 × 100',
    ),
    unit: 'score',
    better: 'up',
    statistic: { kind: 'mean', scale: { min: 0, max: 100 } },
    population: t('Valoraciones de las campañas cerradas en el mes', 'Ratings of the campaigns closed in the month'),
    countsIn: 'campaign_closed',
    breakdowns: [],
    variants: [],
  },
  {
    id: 'nps',
    name: t('Net Promoter Score', 'Net Promoter Score'),
    formula: t('% promotores (9–10) − % detractores (0–6)', '% promoters (9–10) − % detractors (0–6)'),
    unit: 'score',
    better: 'up',
    statistic: { kind: 'mean', scale: { min: -100, max: 100 } },
    population: t(
      'Respuestas 0–10 de las campañas cerradas en el mes',
      '0–10 answers of the campaigns closed in the month',
    ),
    countsIn: 'campaign_closed',
    breakdowns: [],
    variants: [],
  },
  {
    id: 'procedure_fcr',
    name: t('Resolución en el primer contacto con procedimiento', 'First-contact resolution with a procedure'),
    formula: t(
      'Resueltos en el primer contacto ÷ resueltos, entre los que aplicaron un procedimiento en el primer contacto',
      'Resolved at first contact ÷ resolved, among those where a procedure was applied at first contact',
    ),
    unit: 'ratio',
    better: 'up',
    statistic: proportion(
      t('resueltos en el primer contacto', 'resolved at first contact'),
      t('resueltos con procedimiento', 'resolved with a procedure'),
    ),
    population: t(
      'Tickets resueltos en el mes con un procedimiento aplicado en el primer contacto',
      'Tickets resolved in the month with a procedure applied at first contact',
    ),
    countsIn: 'resolved',
    breakdowns: ALL,
    variants: [],
  },
  {
    id: 'problem_resolution_time',
    name: t('Tiempo de resolución de problemas', 'Problem resolution time'),
    formula: t(
      'Minutos hábiles desde el registro del problema hasta su resolución',
      'Business minutes from recording the problem to its resolution',
    ),
    unit: 'business_minutes',
    better: 'down',
    statistic: duration,
    population: t(
      'Problemas resueltos en el mes, en cada organización con incidentes vinculados',
      'Problems resolved in the month, in every organization with linked incidents',
    ),
    countsIn: 'problem_resolved',
    breakdowns: ['group', 'priority'],
    variants: durationVariants,
  },
  {
    id: 'problem_incidents',
    name: t('Incidentes vinculados a problemas', 'Incidents linked to problems'),
    formula: t(
      'Incidentes creados en el mes vinculados a un problema ÷ incidentes creados',
      'Incidents created in the month linked to a problem ÷ incidents created',
    ),
    unit: 'ratio',
    better: 'none',
    statistic: proportion(t('vinculados a un problema', 'linked to a problem'), t('incidentes', 'incidents')),
    population: t('Incidentes creados en el mes', 'Incidents created in the month'),
    countsIn: 'created',
    breakdowns: ['service', 'category', 'group', 'channel', 'priority', 'agent'],
    variants: [{ id: 'count', name: t('Número vinculado', 'Number linked'), kind: 'measure', measure: 'count' }],
  },
];

const BY_ID = new Map(KPI_CATALOG.map((kpi) => [kpi.id, kpi]));

export function kpiById(id: KpiId): KpiDefinition {
  return BY_ID.get(id) as KpiDefinition;
}

export function isKpiId(id: string): id is KpiId {
  return BY_ID.has(id as KpiId);
}
