import type { ClusterableIncident } from '../../domain/problems/incident-clusters.js';
import { FRAMES, QUOTED, SLOTS, TOPICS, type Topic } from './incident-topics.js';

/**
 * Realistic incident noise for the recurring-incident tests and benchmark: incidents of several
 * organizations, services and categories, in Spanish and English, each a topic of its category told
 * in one of its ways, with a greeting, context, what was tried and a closing drawn around it, and
 * now and then a reply's quoted history. Seeded, so a seed always gives the same incidents.
 */
export interface NoiseOptions {
  seed: number;
  count: number;
  organizations: number;
  /** The incidents fall in the `days` before `asOf`. */
  asOf: Date;
  days: number;
  /**
   * At most this many incidents of one topic per organization (null: no cap). Below the cluster
   * threshold, the noise alone holds no recurring incident, so whatever is found was planted.
   */
  maxPerTopic: number | null;
  /** Prefix of the ids, to tell several noises apart. */
  idPrefix?: string;
}

/** Services per organization, as service ids: `<org>-<service>`; categories `<org>-<service>-<category>`. */
export function serviceIdOf(organizationId: string, service: string): string {
  return `${organizationId}-${service}`;
}

export function categoryIdOf(organizationId: string, service: string, category: string): string {
  return `${organizationId}-${service}-${category}`;
}

/** xorshift32: the seeded stream the benches use too. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export function generateIncidentNoise(options: NoiseOptions): ClusterableIncident[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const perTopic = new Map<string, number>();
  const incidents: ClusterableIncident[] = [];
  const spanMs = options.days * 86_400_000;
  let attempts = 0;
  while (incidents.length < options.count) {
    if (++attempts > options.count * 50) throw new Error('The topic cap leaves room for fewer incidents');
    const org = Math.floor(random() * options.organizations);
    const organizationId = `org${String(org).padStart(2, '0')}`;
    const topic = pick(TOPICS);
    const capKey = `${organizationId}/${topic.id}`;
    const seen = perTopic.get(capKey) ?? 0;
    if (options.maxPerTopic !== null && seen >= options.maxPerTopic) continue;
    perTopic.set(capKey, seen + 1);
    // Every third organization writes in English, and a tenth of the others' incidents are too.
    const language = org % 3 === 2 || random() < 0.1 ? 'en' : 'es';
    const n = () => String(100 + Math.floor(random() * 9_900));
    const fill = (text: string) =>
      text
        .replaceAll('{app}', pick(SLOTS.app[topic.service] ?? ['the app']))
        .replaceAll('{place}', pick(SLOTS.place))
        .replaceAll('{person}', pick(SLOTS.person))
        .replaceAll('{device}', pick(SLOTS.device))
        .replaceAll('{time}', pick(SLOTS.time[language]))
        .replaceAll('{n}', n());
    incidents.push({
      // The topic in the id lets a test tell which incidents are about the same thing.
      id: `${options.idPrefix ?? 'noise'}-${String(incidents.length).padStart(6, '0')}-${topic.id}`,
      organizationId,
      serviceId: serviceIdOf(organizationId, topic.service),
      categoryId: categoryIdOf(organizationId, topic.service, topic.category),
      createdAt: new Date(options.asOf.getTime() - Math.floor(random() * spanMs)).toISOString(),
      subject: fill(pick(topic[language].subjects)),
      description: fill(describe(topic, language, pick, random)),
    });
  }
  return incidents;
}

function describe(
  topic: Topic,
  language: 'es' | 'en',
  pick: <T>(items: readonly T[]) => T,
  random: () => number,
): string {
  const frames = FRAMES[language];
  const parts = [
    pick(frames.greetings),
    pick(topic[language].statements),
    pick(frames.context),
    pick(frames.tried),
    pick(frames.closings),
  ].filter(Boolean);
  const body = parts.join(random() < 0.5 ? '\n' : ' ');
  return random() < 0.2 ? body + pick(QUOTED[language]) : body;
}
