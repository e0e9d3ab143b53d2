import { describe, expect, it } from 'vitest';
import { generateIncidentNoise, seededRandom } from '../../test/support/incident-noise.js';
import { sendingFailures } from '../../test/support/planted-clusters.js';
import {
  blockKeyOf,
  type ClusterableIncident,
  DEFAULT_CLUSTER_SETTINGS,
  findIncidentClusters,
  type IncidentCluster,
  isCoveredByDismissals,
  isGrownBeyond,
} from './incident-clusters.js';

const AS_OF = new Date('2026-12-07T12:00:00Z');
const PLANTED_END = new Date('2026-12-07T09:00:00Z');

/** A week of noise over ten organizations, no topic more than four times in one: nothing recurs by itself. */
function noise(seed: number, count = 600): ClusterableIncident[] {
  return generateIncidentNoise({ seed, count, organizations: 10, asOf: AS_OF, days: 7, maxPerTopic: 4 });
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const ids = (clusters: IncidentCluster[]) => clusters.map((cluster) => cluster.incidentIds);

describe('the noise the tests plant clusters in', () => {
  it('is varied: texts hardly repeat, in both languages, across organizations, services and categories', () => {
    const incidents = noise(1);
    const texts = new Set(incidents.map((incident) => `${incident.subject}\n${incident.description}`));
    expect(texts.size).toBeGreaterThan(incidents.length * 0.95);
    expect(new Set(incidents.map((incident) => incident.organizationId)).size).toBe(10);
    expect(new Set(incidents.map((incident) => incident.categoryId)).size).toBeGreaterThan(60);
    expect(incidents.filter((incident) => /\b(the|my|is)\b/.test(incident.description)).length).toBeGreaterThan(100);
    expect(incidents.filter((incident) => /\b(el|la|los|las)\b/.test(incident.description)).length).toBeGreaterThan(
      200,
    );
  });
});

describe('findIncidentClusters', () => {
  it('finds a planted cluster in noise with exactly its members (twelve seeds of noise)', () => {
    const planted = sendingFailures('org01', PLANTED_END);
    const plantedIds = planted.map((incident) => incident.id);
    const others: IncidentCluster[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const clusters = findIncidentClusters([...noise(seed), ...planted], DEFAULT_CLUSTER_SETTINGS, AS_OF);
      expect(ids(clusters).filter((members) => members.some((id) => id.startsWith('planted')))).toEqual([plantedIds]);
      others.push(...clusters.filter((cluster) => !cluster.incidentIds[0]?.startsWith('planted')));
    }
    // The noise holds no topic five times in one organization; what it still groups is two
    // failures told in the same words (DEFAULT_CLUSTER_SETTINGS says how often).
    expect(others.length).toBeLessThanOrEqual(1);
  });

  it('gives the planted cluster its key, window and the terms that explain it', () => {
    const planted = sendingFailures('org01', PLANTED_END);
    const clusters = findIncidentClusters([...noise(1), ...planted], DEFAULT_CLUSTER_SETTINGS, AS_OF);
    const cluster = clusters.find((c) => c.incidentIds[0] === 'planted-0') as IncidentCluster;
    expect(cluster).toMatchObject({
      key: `org:org01/service:org01-mail/category:org01-mail-delivery/first:planted-0`,
      organizationId: 'org01',
      serviceId: 'org01-mail',
      categoryId: 'org01-mail-delivery',
      firstAt: '2026-12-03T05:00:00.000Z',
      lastAt: '2026-12-07T09:00:00.000Z',
    });
    // The evidence says what they share: the status code and the relay refusal, not the greetings.
    expect(cluster.sharedTerms).toContain('550');
    expect(cluster.sharedTerms.some((term) => term.startsWith('relay'))).toBe(true);
    expect(cluster.sharedTerms).not.toContain('hola');
    expect(cluster.cohesion).toBeGreaterThan(0.5);
  });

  it('leaves alone dissimilar incidents of the same organization, service and category', () => {
    const planted = sendingFailures('org01', PLANTED_END);
    const incidents = [...noise(4), ...planted];
    const sameBlock = incidents.filter(
      (incident) => incident.categoryId === 'org01-mail-delivery' && !incident.id.startsWith('planted'),
    );
    // Mail that will not arrive, mail stuck in the outbox, attachments too big, spam: the block's
    // other failures, some of them about sending too, none of them a 550.
    expect(sameBlock.length).toBeGreaterThan(10);
    expect(new Set(sameBlock.map((incident) => incident.id.split('-').slice(2).join('-'))).size).toBe(4);
    const clustered = findIncidentClusters(incidents, DEFAULT_CLUSTER_SETTINGS, AS_OF).flatMap(
      (cluster) => cluster.incidentIds,
    );
    expect(clustered.filter((id) => sameBlock.some((incident) => incident.id === id))).toEqual([]);
  });

  it('makes one cluster per organization of the same text, never one across organizations', () => {
    const first = sendingFailures('org01', PLANTED_END, 'first');
    const second = sendingFailures('org04', PLANTED_END, 'second');
    const clusters = findIncidentClusters([...noise(5), ...first, ...second], DEFAULT_CLUSTER_SETTINGS, AS_OF);
    expect(ids(clusters).sort()).toEqual([first.map((i) => i.id), second.map((i) => i.id)]);
    for (const cluster of clusters) expect(new Set(cluster.incidentIds.map((id) => id.split('-')[0])).size).toBe(1);
  });

  it('proposes nothing below the minimum, and counts only the window', () => {
    const planted = sendingFailures('org01', PLANTED_END);
    expect(findIncidentClusters([...noise(6), ...planted.slice(0, 4)], DEFAULT_CLUSTER_SETTINGS, AS_OF)).toEqual([]);
    // Six incidents, but spread so only four fall in the last seven days.
    const spread = planted.map((incident, i) => ({
      ...incident,
      createdAt: new Date(PLANTED_END.getTime() - (5 - i) * 2 * 86_400_000).toISOString(),
    }));
    expect(findIncidentClusters([...noise(6), ...spread], DEFAULT_CLUSTER_SETTINGS, AS_OF)).toEqual([]);
    // With a window of a fortnight they are one cluster again.
    const fortnight = findIncidentClusters(
      [...noise(6), ...spread],
      { ...DEFAULT_CLUSTER_SETTINGS, windowDays: 14 },
      AS_OF,
    );
    expect(ids(fortnight)).toEqual([spread.map((i) => i.id)]);
    // Incidents after asOf (a clock behind the data) are not counted either.
    expect(findIncidentClusters(planted, DEFAULT_CLUSTER_SETTINGS, new Date('2026-12-05T00:00:00Z'))).toEqual([]);
  });

  it('asks for more alike incidents as the similarity setting rises', () => {
    const planted = sendingFailures('org01', PLANTED_END);
    const incidents = [...noise(7), ...planted];
    expect(ids(findIncidentClusters(incidents, { ...DEFAULT_CLUSTER_SETTINGS, similarity: 0.9 }, AS_OF))).toEqual([]);
    expect(ids(findIncidentClusters(incidents, { ...DEFAULT_CLUSTER_SETTINGS, minIncidents: 7 }, AS_OF))).toEqual([]);
  });

  it('gives the same clusters, keys and terms whatever the order of the incidents', () => {
    const incidents = [...noise(8), ...sendingFailures('org01', PLANTED_END), ...sendingFailures('org02', AS_OF, 'b')];
    const expected = findIncidentClusters(incidents, DEFAULT_CLUSTER_SETTINGS, AS_OF);
    expect(expected).toHaveLength(2);
    for (const seed of [11, 12, 13]) {
      expect(findIncidentClusters(shuffled(incidents, seed), DEFAULT_CLUSTER_SETTINGS, AS_OF)).toEqual(expected);
    }
  });

  it('finds the same cluster in a block too large to compare every pair (candidate pairs from shared words)', () => {
    const planted = sendingFailures('org01', PLANTED_END);
    const incidents = [...noise(9), ...planted];
    const exact = findIncidentClusters(incidents, DEFAULT_CLUSTER_SETTINGS, AS_OF);
    const indexed = findIncidentClusters(incidents, { ...DEFAULT_CLUSTER_SETTINGS, maxPairwiseBlock: 3 }, AS_OF);
    expect(ids(indexed)).toEqual([planted.map((i) => i.id)]);
    expect(indexed).toEqual(exact);
  });

  it('groups no incident whose text holds nothing to compare (empty, or only greetings and numbers)', () => {
    const empty = sendingFailures('org01', PLANTED_END).map((incident, i) => ({
      ...incident,
      subject: i % 2 ? '' : 'Hola, gracias',
      description: i % 2 ? '' : 'INC-000123 #44 225551234',
    }));
    expect(findIncidentClusters([...noise(3), ...empty], DEFAULT_CLUSTER_SETTINGS, AS_OF)).toEqual(
      findIncidentClusters(noise(3), DEFAULT_CLUSTER_SETTINGS, AS_OF),
    );
    expect(findIncidentClusters(empty, DEFAULT_CLUSTER_SETTINGS, AS_OF)).toEqual([]);
  });

  it('reads createdAt as the PostgreSQL driver gives it (a Date) as well as an ISO string', () => {
    const planted = sendingFailures('org01', PLANTED_END);
    const asDates = planted.map((incident) => ({ ...incident, createdAt: new Date(incident.createdAt) }));
    const found = findIncidentClusters([...noise(2), ...asDates], DEFAULT_CLUSTER_SETTINGS, AS_OF);
    expect(found).toEqual(findIncidentClusters([...noise(2), ...planted], DEFAULT_CLUSTER_SETTINGS, AS_OF));
    expect(ids(found)).toContainEqual(planted.map((incident) => incident.id));
  });
});

describe('a dismissed cluster', () => {
  const planted = sendingFailures('org01', PLANTED_END);
  const cluster = findIncidentClusters([...noise(1), ...planted], DEFAULT_CLUSTER_SETTINGS, AS_OF).find(
    (found) => found.incidentIds[0] === 'planted-0',
  ) as IncidentCluster;
  const dismissed = { ...cluster, incidentIds: cluster.incidentIds.slice(0, 5) };

  it('is not proposed again while it holds only incidents a person already dismissed', () => {
    expect(isCoveredByDismissals(dismissed, [dismissed])).toBe(true);
    // Its first incident aged out of the window: still nothing new.
    expect(isCoveredByDismissals({ ...dismissed, incidentIds: dismissed.incidentIds.slice(1) }, [dismissed])).toBe(
      true,
    );
    expect(isGrownBeyond(dismissed, { incidentIds: dismissed.incidentIds.slice(1) })).toBe(false);
  });

  it('comes back when it grows by one alike incident', () => {
    expect(isGrownBeyond(dismissed, cluster)).toBe(true);
    expect(isCoveredByDismissals(cluster, [dismissed])).toBe(false);
  });

  it('is matched within its own organization, service and category only', () => {
    const elsewhere = { ...dismissed, organizationId: 'org02' };
    expect(blockKeyOf(elsewhere)).not.toBe(blockKeyOf(dismissed));
    expect(isCoveredByDismissals(dismissed, [elsewhere])).toBe(false);
  });
});
