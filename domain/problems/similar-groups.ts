import type { SparseVector } from './incident-vectors.js';

/**
 * Groups of alike vectors within one block (one organization, service and category), by index into
 * `vectors`. Pure and order-free: indexes are visited ascending, so the same vectors in the same
 * order always give the same groups.
 *
 * 1. Edges join two incidents whose cosine reaches `threshold`.
 * 2. Connected components of those edges are the first groups.
 * 3. A component is tightened: while members' cosine to the group's centroid is below the
 *    threshold, the least alike leave (connected by one loose edge, they would drag two topics
 *    together), one a round while few, a quarter of them while many; those that left are grouped
 *    again among themselves, by their own edges.
 */
export interface GroupingOptions {
  threshold: number;
  /** Groups smaller than this are not returned (nor tightened). */
  minSize: number;
  /** Up to this many incidents a block compares every pair; above it, only candidate pairs. */
  maxPairwiseBlock: number;
}

/** How many of an incident's heaviest words find its candidate pairs in a block too large for every pair. */
const CANDIDATE_WORDS = 8;
/** A word in more incidents than this in one block tells them apart from nothing: not used to find pairs. */
const MAX_POSTINGS = 1_000;

export function similarGroups(
  vectors: readonly SparseVector[],
  space: { dimension: number; isWordFeature(id: number): boolean },
  options: GroupingOptions,
): number[][] {
  const n = vectors.length;
  if (n < options.minSize) return [];
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  // Incident i spread over a dense array, so each dot product with it walks only the other vector.
  const dense = new Float64Array(space.dimension);
  let spread = -1;
  const link = (i: number, j: number) => {
    if (spread !== i) {
      if (spread >= 0) scatter(dense, vectors[spread] as SparseVector, 0);
      scatter(dense, vectors[i] as SparseVector, 1);
      spread = i;
    }
    if (denseDot(dense, vectors[j] as SparseVector) >= options.threshold) {
      (neighbours[i] as number[]).push(j);
      (neighbours[j] as number[]).push(i);
    }
  };
  if (n <= options.maxPairwiseBlock) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) link(i, j);
  } else {
    forEachCandidatePair(vectors, space.isWordFeature, link);
  }
  if (spread >= 0) scatter(dense, vectors[spread] as SparseVector, 0);

  const groups: number[][] = [];
  const pending = components(
    Array.from({ length: n }, (_, i) => i),
    neighbours,
  );
  while (pending.length > 0) {
    const group = pending.shift() as number[];
    if (group.length < options.minSize) continue;
    const { kept, left } = tighten(group, vectors, dense, options.threshold);
    if (kept.length >= options.minSize) groups.push(kept);
    if (left.length >= options.minSize) pending.push(...components(left, neighbours));
  }
  return groups.sort((a, b) => (a[0] as number) - (b[0] as number));
}

/**
 * Pairs sharing one of their heaviest words, each pair once (i < j): an inverted index over the
 * block, so a block of tens of thousands costs what its alike pairs cost, not its square.
 */
function forEachCandidatePair(
  vectors: readonly SparseVector[],
  isWordFeature: (id: number) => boolean,
  visit: (i: number, j: number) => void,
): void {
  const heaviest = vectors.map((vector) => {
    const words: number[] = [];
    for (let k = 0; k < vector.ids.length; k++) if (isWordFeature(vector.ids[k] as number)) words.push(k);
    words.sort((a, b) => (vector.weights[b] as number) - (vector.weights[a] as number) || a - b);
    return words.slice(0, CANDIDATE_WORDS).map((k) => vector.ids[k] as number);
  });
  const postings = new Map<number, number[]>();
  heaviest.forEach((features, i) => {
    for (const feature of features) {
      let list = postings.get(feature);
      if (!list) {
        list = [];
        postings.set(feature, list);
      }
      list.push(i);
    }
  });
  const seenBy = new Int32Array(vectors.length).fill(-1);
  heaviest.forEach((features, i) => {
    for (const feature of features) {
      const list = postings.get(feature) as number[];
      if (list.length > MAX_POSTINGS) continue;
      for (const j of list) {
        if (j <= i || seenBy[j] === i) continue;
        seenBy[j] = i;
        visit(i, j);
      }
    }
  });
}

/** Connected components of `members` through `neighbours`, each ascending, in order of their first member. */
function components(members: readonly number[], neighbours: readonly number[][]): number[][] {
  const inSet = new Set(members);
  const seen = new Set<number>();
  const found: number[][] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    seen.add(start);
    const component: number[] = [];
    const stack = [start];
    while (stack.length > 0) {
      const at = stack.pop() as number;
      component.push(at);
      for (const next of neighbours[at] as number[]) {
        if (inSet.has(next) && !seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    found.push(component.sort((a, b) => a - b));
  }
  return found;
}

/**
 * The group without the members less alike to its centroid than `threshold`, the least alike
 * taken out first. The centroid is kept in `centroid` (a dense array, all zeros on entry and on return) and
 * updated as members leave, so each round costs one pass over the members.
 */
function tighten(
  group: readonly number[],
  vectors: readonly SparseVector[],
  centroid: Float64Array,
  threshold: number,
): { kept: number[]; left: number[] } {
  const kept = [...group];
  const left: number[] = [];
  for (const index of kept) scatter(centroid, vectors[index] as SparseVector, 1, true);
  // |c|² = c·c = Σ over members of v·c, as c is their sum.
  let norm2 = 0;
  for (const index of kept) norm2 += denseDot(centroid, vectors[index] as SparseVector);
  while (kept.length > 1) {
    const norm = Math.sqrt(norm2);
    const below: { m: number; similarity: number }[] = [];
    for (let m = 0; m < kept.length; m++) {
      const similarity = denseDot(centroid, vectors[kept[m] as number] as SparseVector) / norm;
      if (similarity < threshold) below.push({ m, similarity });
    }
    if (below.length === 0) break;
    // The least alike first; ties go to the later incident, as the earlier ones started the cluster.
    below.sort((a, b) => a.similarity - b.similarity || b.m - a.m);
    // One at a time while few are below (each departure moves the centroid); a quarter of them at
    // once when many are, so a component of hundreds takes tens of rounds, not hundreds.
    const leaving = below.slice(0, Math.max(1, Math.floor(below.length / 4))).map((entry) => entry.m);
    for (const m of leaving.sort((a, b) => b - a)) {
      const [index] = kept.splice(m, 1) as [number];
      left.push(index);
      const vector = vectors[index] as SparseVector;
      for (let k = 0; k < vector.ids.length; k++) {
        const id = vector.ids[k] as number;
        const before = centroid[id] as number;
        const after = before - (vector.weights[k] as number);
        norm2 += after * after - before * before;
        centroid[id] = after;
      }
    }
  }
  for (const index of group) scatter(centroid, vectors[index] as SparseVector, 0);
  return { kept, left: left.sort((a, b) => a - b) };
}

/** Writes `vector` into `dense` (times `factor`), adds it when `add`, or clears its entries when factor is 0. */
function scatter(dense: Float64Array, vector: SparseVector, factor: number, add = false): void {
  for (let k = 0; k < vector.ids.length; k++) {
    const id = vector.ids[k] as number;
    const value = (vector.weights[k] as number) * factor;
    dense[id] = add ? (dense[id] as number) + value : value;
  }
}

function denseDot(dense: Float64Array, vector: SparseVector): number {
  let sum = 0;
  for (let k = 0; k < vector.ids.length; k++)
    sum += (dense[vector.ids[k] as number] as number) * (vector.weights[k] as number);
  return sum;
}
