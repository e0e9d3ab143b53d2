import { type TermMemo, termsOf, trigramsOf } from './text-similarity.js';

/**
 * TF-IDF vectors of incident texts, computed in process: one sparse unit vector per incident, so
 * the cosine of two incidents is the dot product of their vectors.
 *
 * Each vector has two halves: the incident's words and the character trigrams of those words.
 * Their dot product is `WORD_SHARE × cos(words) + (1 − WORD_SHARE) × cos(trigrams)`: words make it
 * precise ("550" and "relay" are shared or not), trigrams make it forgiving of the ways people
 * write one thing ("envío", "enviar", "enviando"; a typo).
 */
export const WORD_SHARE = 0.5;
/** The subject says what is wrong in a few words; the description wanders. */
const SUBJECT_WEIGHT = 2;

export interface IncidentText {
  subject: string;
  description: string;
}

/** A sparse vector: feature ids ascending, with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface Vectorized {
  vectors: SparseVector[];
  /** One more than the largest feature id: the size of a dense array indexed by feature. */
  dimension: number;
  /** The inverse document frequency of a word key, over all the incidents given. */
  wordIdf(key: string): number;
  /** Whether a feature id is a word's (even) or a trigram's (odd). */
  isWordFeature(id: number): boolean;
}

/** Term key → count, the subject's terms counting double. */
export function termCounts(text: IncidentText, memo: TermMemo = new Map()): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { key } of termsOf(text.subject, memo)) counts.set(key, (counts.get(key) ?? 0) + SUBJECT_WEIGHT);
  for (const { key } of termsOf(text.description, memo)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Smoothed inverse document frequency, as if the window held `IDF_PRIOR` more incidents sharing no
 * word with these: on a quiet desk, where the week's six incidents are all the same failure, their
 * words still weigh (with the plain formula a word in every incident weighs nothing); on a busy
 * one the prior is lost among thousands. The words every desk mail carries ("adjunto",
 * "pantalla", "restarted") still weigh far less than the ones that say what failed.
 */
const IDF_PRIOR = 100;
function idf(total: number, documentFrequency: number): number {
  return Math.log((total + 1 + IDF_PRIOR) / (documentFrequency + 1));
}

/**
 * The vectors of `texts`, in their order. Feature ids are given in order of first appearance, so
 * the same texts in the same order give bit-for-bit the same vectors (the caller sorts them).
 * Written for tens of thousands of incidents: each distinct word is folded and cut into trigrams
 * once, and a vector is built in typed arrays without a map per incident.
 */
export function vectorize(texts: readonly IncidentText[]): Vectorized {
  const memo: TermMemo = new Map();
  const terms = texts.map((text) => termCounts(text, memo));

  // Words get even ids, trigrams odd ones: one id space, sorted as one.
  const words = new Map<string, { word: number; grams: number[] }>();
  const gramIds = new Map<string, number>();
  const wordDf: number[] = [];
  const gramDf: number[] = [];
  const gramSeenIn: number[] = [];
  const gramCount: number[] = [];
  const wordLists: Int32Array[] = [];
  const wordCounts: Float64Array[] = [];
  const gramLists: Int32Array[] = [];
  const gramCounts: Float64Array[] = [];
  terms.forEach((doc, d) => {
    const wordList = new Int32Array(doc.size);
    const wordCount = new Float64Array(doc.size);
    const grams: number[] = [];
    let w = 0;
    for (const [key, count] of doc) {
      let entry = words.get(key);
      if (!entry) {
        entry = { word: wordDf.length, grams: [] };
        wordDf.push(0);
        for (const gram of trigramsOf(key)) {
          let g = gramIds.get(gram);
          if (g === undefined) {
            g = gramDf.length;
            gramIds.set(gram, g);
            gramDf.push(0);
            gramSeenIn.push(-1);
            gramCount.push(0);
          }
          entry.grams.push(g);
        }
        words.set(key, entry);
      }
      wordDf[entry.word] = (wordDf[entry.word] as number) + 1;
      wordList[w] = entry.word;
      wordCount[w++] = count;
      for (const g of entry.grams) {
        if (gramSeenIn[g] !== d) {
          gramSeenIn[g] = d;
          gramCount[g] = 0;
          gramDf[g] = (gramDf[g] as number) + 1;
          grams.push(g);
        }
        gramCount[g] = (gramCount[g] as number) + count;
      }
    }
    wordLists.push(wordList);
    wordCounts.push(wordCount);
    gramLists.push(Int32Array.from(grams));
    gramCounts.push(Float64Array.from(grams, (g) => gramCount[g] as number));
  });

  const total = texts.length;
  const vectors = terms.map((_, d) => {
    const wordsPart = weighted(wordLists[d] as Int32Array, wordCounts[d] as Float64Array, wordDf, total, WORD_SHARE, 0);
    const gramsPart = weighted(
      gramLists[d] as Int32Array,
      gramCounts[d] as Float64Array,
      gramDf,
      total,
      1 - WORD_SHARE,
      1,
    );
    return merge(wordsPart, gramsPart);
  });

  return {
    vectors,
    dimension: 2 * Math.max(wordDf.length, gramDf.length),
    wordIdf: (key) => idf(total, words.get(key) === undefined ? 0 : (wordDf[words.get(key)!.word] as number)),
    isWordFeature: (id) => id % 2 === 0,
  };
}

/** One half of a vector: sublinear term frequency × rarity, scaled to a norm of √share, ids ascending. */
function weighted(
  indexes: Int32Array,
  counts: Float64Array,
  df: readonly number[],
  total: number,
  share: number,
  parity: 0 | 1,
): SparseVector {
  const order = Array.from(indexes.keys()).sort((a, b) => (indexes[a] as number) - (indexes[b] as number));
  const ids = new Int32Array(order.length);
  const weights = new Float64Array(order.length);
  let norm = 0;
  order.forEach((k, i) => {
    const index = indexes[k] as number;
    const weight = (1 + Math.log(counts[k] as number)) * idf(total, df[index] as number);
    ids[i] = index * 2 + parity;
    weights[i] = weight;
    norm += weight * weight;
  });
  const scale = norm > 0 ? Math.sqrt(share / norm) : 0;
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) * scale;
  return { ids, weights };
}

/** Two vectors with no id in common as one, ids ascending. */
function merge(a: SparseVector, b: SparseVector): SparseVector {
  const ids = new Int32Array(a.ids.length + b.ids.length);
  const weights = new Float64Array(ids.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < ids.length; k++) {
    const takeA = j >= b.ids.length || (i < a.ids.length && (a.ids[i] as number) < (b.ids[j] as number));
    ids[k] = takeA ? (a.ids[i] as number) : (b.ids[j] as number);
    weights[k] = takeA ? (a.weights[i++] as number) : (b.weights[j++] as number);
  }
  return { ids, weights };
}

/** The dot product of two sparse vectors (their cosine, as both are unit vectors). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const aIds = a.ids;
  const bIds = b.ids;
  while (i < aIds.length && j < bIds.length) {
    const x = aIds[i] as number;
    const y = bIds[j] as number;
    if (x === y) {
      sum += (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return sum;
}
