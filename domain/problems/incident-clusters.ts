import { vectorize } from './incident-vectors.js';
import { similarGroups } from './similar-groups.js';
import { type TermMemo, termsOf } from './text-similarity.js';

/**
 * Recurring incidents (issue 19, item 6): incidents of one organization, service and category whose
 * texts are alike, enough of them within a few days to propose a problem behind them.
 *
 * Pure and deterministic: the same incidents, in any order, give the same clusters with the same
 * keys, on either database. The problems module's job reads the recent window (created in the
 * last `windowDays`, type incident, not already linked to a problem), turns descriptions into
 * plain text, and calls `findIncidentClusters`; a cluster whose incidents were all in a dismissed
 * one is dropped with `isCoveredByDismissals`.
 *
 * How: incidents are blocked by organization / service / category in one pass; within a block,
 * TF-IDF vectors of words and character trigrams (incident-vectors.ts) are compared pair by pair
 * (or, in a block larger than `maxPairwiseBlock`, only pairs sharing one of their heaviest words),
 * alike pairs are joined and the groups tightened around their centroid (similar-groups.ts).
 */

export interface ClusterableIncident {
  id: string;
  organizationId: string;
  serviceId: string | null;
  categoryId: string | null;
  /** ISO 8601, or a Date as the PostgreSQL driver gives it. */
  createdAt: string | Date;
  subject: string;
  /** Plain text (the caller turns the description's HTML into text). */
  description: string;
}

export interface ClusterSettings {
  /** Only incidents created in the last this many days count. */
  windowDays: number;
  /** A cluster needs at least this many incidents to be proposed. */
  minIncidents: number;
  /** How alike (cosine, 0–1) two incidents must be to join: see DEFAULT_CLUSTER_SETTINGS. */
  similarity: number;
  /** Up to this many incidents in one block every pair is compared; above it, candidate pairs only. */
  maxPairwiseBlock?: number;
}

/** What a desk's settings may hold, for the contract's schema. */
export const CLUSTER_SETTINGS_LIMITS = {
  windowDays: { min: 1, max: 30 },
  minIncidents: { min: 2, max: 100 },
  similarity: { min: 0.1, max: 0.95 },
} as const;

/**
 * Five in seven days, as issue 19 suggests. The similarity was chosen on the tests' noise (twelve
 * seeds of 600 incidents with a planted cluster): at 0.35 the planted cluster was found exactly
 * every time and the noise made one cluster of its own in all (two mailbox failures of one
 * organization told in the same words); at 0.3 it made 21 and lost the planted one 5 times in 12;
 * at 0.4 the planted cluster lost its English member. The same failure told in two languages
 * scores 0.2–0.35 between pairs, in one 0.3–0.6; two failures of one service mostly under 0.2.
 */
export const DEFAULT_CLUSTER_SETTINGS: Readonly<Required<ClusterSettings>> = {
  windowDays: 7,
  minIncidents: 5,
  similarity: 0.35,
  maxPairwiseBlock: 2_000,
};

export interface IncidentCluster {
  /**
   * Stable while the cluster's first incident stays in it: organization, service and category of
   * the block and the id of its earliest incident (by creation time, then id),
   * `org:<id>/service:<id|->/category:<id|->/first:<incident id>`. A run tomorrow that finds the
   * same cluster, grown or not, gives the same key, so a pending candidate is updated rather than
   * proposed twice. Whether a dismissed cluster may come back is decided by its incidents, not its
   * key: see isCoveredByDismissals.
   */
  key: string;
  organizationId: string;
  serviceId: string | null;
  categoryId: string | null;
  /** By creation time, then id. */
  incidentIds: string[];
  firstAt: string;
  lastAt: string;
  /** The words most of the incidents share, heaviest first, as the incidents wrote them. */
  sharedTerms: string[];
  /** The mean cosine of the incidents to the cluster's centroid (0–1): how alike they are. */
  cohesion: number;
}

const DAY_MS = 86_400_000;
const SHARED_TERMS = 6;

interface Prepared {
  incident: ClusterableIncident;
  at: number;
  block: string;
}

/**
 * The clusters among `incidents` created in the `windowDays` up to `asOf`, with at least
 * `minIncidents` members each, ordered by size (largest first), then first incident, then key.
 */
export function findIncidentClusters(
  incidents: readonly ClusterableIncident[],
  settings: ClusterSettings,
  asOf: Date,
): IncidentCluster[] {
  const options = { ...DEFAULT_CLUSTER_SETTINGS, ...settings };
  const since = asOf.getTime() - options.windowDays * DAY_MS;
  const prepared: Prepared[] = [];
  for (const incident of incidents) {
    const at = new Date(incident.createdAt).getTime();
    if (!(at > since && at <= asOf.getTime())) continue;
    prepared.push({ incident, at, block: blockKeyOf(incident) });
  }
  // The canonical order everything below follows, so the input's order cannot change a result.
  prepared.sort((a, b) => a.at - b.at || compare(a.incident.id, b.incident.id));

  const blocks = new Map<string, number[]>();
  prepared.forEach((entry, index) => {
    const members = blocks.get(entry.block);
    if (members) members.push(index);
    else blocks.set(entry.block, [index]);
  });
  // Only blocks that could hold a cluster are worth vectorizing, but every incident in the window
  // counts for the words' rarity, so that rarity does not depend on which blocks were busy.
  const vectorized = vectorize(prepared.map((entry) => entry.incident));

  const clusters: IncidentCluster[] = [];
  for (const members of blocks.values()) {
    if (members.length < options.minIncidents) continue;
    const groups = similarGroups(
      members.map((index) => vectorized.vectors[index]!),
      vectorized,
      { threshold: options.similarity, minSize: options.minIncidents, maxPairwiseBlock: options.maxPairwiseBlock },
    );
    for (const group of groups) {
      const indexes = group.map((g) => members[g] as number);
      clusters.push(describe(indexes, prepared, vectorized));
    }
  }
  return clusters.sort(
    (a, b) => b.incidentIds.length - a.incidentIds.length || compare(a.firstAt, b.firstAt) || compare(a.key, b.key),
  );
}

/**
 * Whether `current` has an incident the dismissed cluster did not: a dismissed cluster that grew
 * is proposed again.
 */
export function isGrownBeyond(
  dismissed: { incidentIds: readonly string[] },
  current: { incidentIds: readonly string[] },
): boolean {
  const before = new Set(dismissed.incidentIds);
  return current.incidentIds.some((id) => !before.has(id));
}

/**
 * Whether every incident of `current` was in some dismissed cluster of the same block: then it is
 * what a person already dismissed (perhaps with some incidents aged out of the window) and is not
 * proposed. One new alike incident is enough to propose it again.
 */
export function isCoveredByDismissals(
  current: Pick<IncidentCluster, 'organizationId' | 'serviceId' | 'categoryId' | 'incidentIds'>,
  dismissed: readonly Pick<IncidentCluster, 'organizationId' | 'serviceId' | 'categoryId' | 'incidentIds'>[],
): boolean {
  const block = blockKeyOf(current);
  const covered = dismissed.filter((cluster) => blockKeyOf(cluster) === block);
  return !isGrownBeyond({ incidentIds: covered.flatMap((cluster) => cluster.incidentIds) }, current);
}

/** The block an incident falls in: its organization, service and category. */
export function blockKeyOf(incident: Pick<ClusterableIncident, 'organizationId' | 'serviceId' | 'categoryId'>): string {
  return `org:${incident.organizationId}/service:${incident.serviceId ?? '-'}/category:${incident.categoryId ?? '-'}`;
}

function describe(
  indexes: readonly number[],
  prepared: readonly Prepared[],
  vectorized: ReturnType<typeof vectorize>,
): IncidentCluster {
  const first = prepared[indexes[0] as number] as Prepared;
  const last = prepared[indexes[indexes.length - 1] as number] as Prepared;
  return {
    key: `${first.block}/first:${first.incident.id}`,
    organizationId: first.incident.organizationId,
    serviceId: first.incident.serviceId,
    categoryId: first.incident.categoryId,
    incidentIds: indexes.map((index) => (prepared[index] as Prepared).incident.id),
    firstAt: new Date(first.at).toISOString(),
    lastAt: new Date(last.at).toISOString(),
    sharedTerms: sharedTerms(indexes, prepared, vectorized),
    cohesion: cohesion(indexes, vectorized),
  };
}

/**
 * Words in at least half the incidents (and two), weighed by how many share them times their
 * rarity; each shown as most incidents wrote it. The few members' texts are read again here, so
 * the vectors of the whole window need not keep how each word was written.
 */
function sharedTerms(
  indexes: readonly number[],
  prepared: readonly Prepared[],
  vectorized: ReturnType<typeof vectorize>,
): string[] {
  const present = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  const memo: TermMemo = new Map();
  for (const index of indexes) {
    const { subject, description } = (prepared[index] as Prepared).incident;
    const seen = new Set<string>();
    for (const { key, surface } of [...termsOf(subject, memo), ...termsOf(description, memo)]) {
      if (!seen.has(key)) {
        seen.add(key);
        present.set(key, (present.get(key) ?? 0) + 1);
      }
      const counts = forms.get(key) ?? new Map<string, number>();
      counts.set(surface, (counts.get(surface) ?? 0) + 1);
      forms.set(key, counts);
    }
  }
  const needed = Math.max(2, Math.ceil(indexes.length / 2));
  return [...present]
    .filter(([, count]) => count >= needed)
    .map(([key, count]) => ({ key, score: (count / indexes.length) * vectorized.wordIdf(key) }))
    .sort((a, b) => b.score - a.score || compare(a.key, b.key))
    .slice(0, SHARED_TERMS)
    .map(({ key }) => {
      const counts = [...(forms.get(key) as Map<string, number>)];
      counts.sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
      return (counts[0] as [string, number])[0];
    });
}

function cohesion(indexes: readonly number[], vectorized: ReturnType<typeof vectorize>): number {
  const centroid = new Map<number, number>();
  for (const index of indexes) {
    const vector = vectorized.vectors[index]!;
    vector.ids.forEach((id, k) => {
      centroid.set(id, (centroid.get(id) ?? 0) + (vector.weights[k] as number));
    });
  }
  const norm = Math.sqrt([...centroid.values()].reduce((sum, w) => sum + w * w, 0));
  let total = 0;
  for (const index of indexes) {
    const vector = vectorized.vectors[index]!;
    let sum = 0;
    vector.ids.forEach((id, k) => {
      sum += (vector.weights[k] as number) * (centroid.get(id) ?? 0);
    });
    total += sum / norm;
  }
  return Math.round((total / indexes.length) * 1000) / 1000;
}

/** Code-point order, not the locale's: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
