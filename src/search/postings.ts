/**
 * The ranking index: BM25 over weighted fields, as minisearch 7 scores it to the last bit, over
 * compact postings (typed arrays), with top-k selection by MaxScore instead of a result object
 * for every matching document. See DESIGN.md ("The ranking index") for why it replaced
 * minisearch's index and search, and test/search/postings.test.ts for the proof that it ranks
 * exactly as minisearch does.
 *
 * Scoring (minisearch's, with its defaults k = 1.2, b = 0.7, d = 0.5): a term t in field f of
 * document d scores termBoost(t) × fieldBoost(f) × idf(t, f) × (d + tf (k + 1) / (tf + k (1 − b
 * + b · len(d, f) / avgLen(f)))), where idf counts the documents holding t in f and len is the
 * number of distinct terms of the field; a term's fields add up (in field order), terms add up
 * (in query order), the word query and the bigram query add up, and the sum is multiplied by
 * the number of distinct query terms the document matched. Ties keep minisearch's order: the
 * document first reached (first matching term, then field, then document order).
 */

/** minisearch's BM25 parameters (its defaults). */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** Fields of the index, in minisearch's field order. */
export const FIELDS = ['question', 'topic', 'text', 'people', 'bigrams'] as const;
export type Field = (typeof FIELDS)[number];
/** The fields a word is searched in (all but bigrams), in order. */
export const WORD_FIELDS: readonly Field[] = ['question', 'topic', 'text', 'people'];
const BIGRAMS = FIELDS.indexOf('bigrams');

/** One field's postings: for term t, documents docs[start[t] .. start[t+1]) (ascending) with their term frequencies. */
export interface FieldPostings {
  start: Int32Array;
  docs: Int32Array;
  frequencies: Uint16Array;
  /** Per document: the number of distinct terms of the field. */
  length: Int32Array;
  /** Mean of `length`, computed as minisearch computes it (a running mean, document by document). */
  averageLength: number;
  /** Per term: an upper bound of its BM25 score in this field over all documents (float32, rounded up). */
  maxScore: Float32Array;
}

/** The ranking index: a term dictionary and each field's postings. */
export interface PostingIndex {
  documentCount: number;
  /** Term → term id. */
  termIds: ReadonlyMap<string, number>;
  /** Per term id: the number of documents holding it in a word field (question, topic, text, people). */
  wordDocumentFrequency: Int32Array;
  fields: FieldPostings[];
}

/** BM25 of one posting, as minisearch's calcBM25Score computes it. */
function bm25(frequency: number, matching: number, total: number, length: number, averageLength: number): number {
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / averageLength)));
}

/** A growable Int32Array (the bench's bigram reference uses it too). */
export class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Builds the ranking index of documents given as their tokens per field (`tokens(doc, field)`,
 * in FIELDS order; a token may repeat). Documents are numbered from 0 in order.
 */
export function buildPostingIndex(documentCount: number, tokens: (doc: number, field: number) => readonly string[]): PostingIndex {
  const termIds = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(term, id);
    }
    return id;
  };
  const pairs = FIELDS.map(() => ({ terms: new IntList(), docs: new IntList(), frequencies: new IntList() }));
  const lengths = FIELDS.map(() => new Int32Array(documentCount));
  const averages = FIELDS.map(() => 0);
  const seenInDoc = new IntList();
  let wordDf = new Int32Array(1024);
  let mark = new Int32Array(1024).fill(-1);
  for (let doc = 0; doc < documentCount; doc++) {
    seenInDoc.length = 0;
    for (let field = 0; field < FIELDS.length; field++) {
      const ids = Int32Array.from(tokens(doc, field), (term) => (term.length === 0 ? -1 : idOf(term)));
      ids.sort();
      let distinct = 0;
      for (let i = 0; i < ids.length; ) {
        const id = ids[i] ?? -1;
        let j = i + 1;
        while (j < ids.length && ids[j] === id) j++;
        distinct++;
        if (id >= 0) {
          const pair = pairs[field];
          pair?.terms.push(id);
          pair?.docs.push(doc);
          pair?.frequencies.push(Math.min(65_535, j - i));
          if (field !== BIGRAMS) {
            if (id >= mark.length) {
              const grownMark = new Int32Array(Math.max(id + 1, mark.length * 2)).fill(-1);
              grownMark.set(mark);
              mark = grownMark;
              const grownDf = new Int32Array(mark.length);
              grownDf.set(wordDf);
              wordDf = grownDf;
            }
            if (mark[id] !== doc) {
              mark[id] = doc;
              wordDf[id] = (wordDf[id] ?? 0) + 1;
            }
          }
        }
        i = j;
      }
      // minisearch's length is the number of distinct tokens; its mean a running one.
      (lengths[field] as Int32Array)[doc] = distinct;
      averages[field] = ((averages[field] ?? 0) * doc + distinct) / (doc + 1);
    }
  }
  const termCount = termIds.size;
  const fields = FIELDS.map((_, field): FieldPostings => {
    const pair = pairs[field] ?? { terms: new IntList(), docs: new IntList(), frequencies: new IntList() };
    const start = new Int32Array(termCount + 1);
    for (let i = 0; i < pair.terms.length; i++) start[(pair.terms.data[i] ?? 0) + 1]! += 1;
    for (let t = 0; t < termCount; t++) start[t + 1]! += start[t] ?? 0;
    const cursor = start.slice(0, termCount);
    const docs = new Int32Array(pair.terms.length);
    const frequencies = new Uint16Array(pair.terms.length);
    // Pairs come in document order, so each term's documents stay ascending.
    for (let i = 0; i < pair.terms.length; i++) {
      const at = cursor[pair.terms.data[i] ?? 0]!++;
      docs[at] = pair.docs.data[i] ?? 0;
      frequencies[at] = pair.frequencies.data[i] ?? 0;
    }
    const length = lengths[field] ?? new Int32Array(documentCount);
    const averageLength = averages[field] ?? 0;
    const maxScore = new Float32Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const from = start[t] ?? 0;
      const to = start[t + 1] ?? 0;
      let max = 0;
      for (let i = from; i < to; i++) max = Math.max(max, bm25(frequencies[i] ?? 0, to - from, documentCount, length[docs[i] ?? 0] ?? 0, averageLength));
      maxScore[t] = roundUp(max);
    }
    return { start, docs, frequencies, length, averageLength, maxScore };
  });
  return { documentCount, termIds, wordDocumentFrequency: wordDf.slice(0, termCount), fields };
}

/** The smallest float32 not below `value`, a little above it (a safe upper bound). */
function roundUp(value: number): number {
  const rounded = Math.fround(value * (1 + 1e-6));
  return rounded >= value ? rounded : Math.fround(value * (1 + 1e-5));
}

/** A ranking query: words (with their boost) searched in the word fields, bigrams in the bigram field. */
export interface RankingQuery {
  words: readonly { term: string; boost: number }[];
  grams: readonly string[];
  /** Field boosts (minisearch's `boost`; 0 or absent counts as 1). */
  fieldBoosts: Readonly<Record<Field, number>>;
}

/** A ranked document: its score and the query words it holds in a word field. */
export interface RankedDocument {
  doc: number;
  score: number;
  /** Query terms found in question, topic, text or people (minisearch's `match` in those fields). */
  matched: Set<string>;
}

/** One posting list of the query: a term in a field. */
interface QueryList {
  /** Position of the term in the query: words first, then grams. */
  term: number;
  /** Which distinct query string it is (a gram may be a word too): quality counts these. */
  key: number;
  field: number;
  /** Position of the field among the term's fields (minisearch's order). */
  fieldRank: number;
  multiplier: number;
  /** BM25's IDF of the term in the field. */
  idf: number;
  from: number;
  to: number;
  upperBound: number;
}

/** The first index in docs[from, to) whose document is ≥ doc (galloping, then binary search). */
function seek(docs: Int32Array, from: number, to: number, doc: number): number {
  if (from >= to || (docs[from] ?? 0) >= doc) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < to && (docs[hi] ?? 0) < doc) {
    lo = hi;
    step *= 2;
    hi = Math.min(to, hi + step);
  }
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if ((docs[mid] ?? 0) < doc) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** A document in the top k: its score, and where minisearch first reached it (which orders ties). */
interface Entry {
  doc: number;
  score: number;
  first: number;
}

/** Worse: a lower score, or an equal one reached later (minisearch keeps the first reached first). */
function worse(a: Entry, b: Entry): boolean {
  return a.score < b.score || (a.score === b.score && a.first > b.first);
}

/**
 * The best `k` documents for a query, best first, exactly as minisearch would rank them (same
 * scores to the bit, same order on ties), for documents `accept` lets through.
 *
 * MaxScore: the query's lists (a term in a field) are ordered by their score bound; the lists
 * whose bounds together cannot lift a document to the k-th best score so far are only looked
 * up (by galloping search) for documents found in the others. A candidate's score is first
 * summed in any order; only one that could enter the top k is summed again in minisearch's
 * order, which gives its exact score. No object is made for a document that does not enter.
 */
export function rankTop(index: PostingIndex, query: RankingQuery, k: number, accept?: (doc: number) => boolean): RankedDocument[] {
  if (k <= 0) return [];
  const lists: QueryList[] = [];
  const keys = new Map<string, number>();
  const documentCount = index.documentCount;
  const add = (term: string, position: number, fields: readonly number[], boost: number) => {
    const id = index.termIds.get(term);
    if (id === undefined) return;
    fields.forEach((field, fieldRank) => {
      const postings = index.fields[field];
      if (!postings) return;
      const from = postings.start[id] ?? 0;
      const to = postings.start[id + 1] ?? 0;
      if (from === to) return;
      let key = keys.get(term);
      if (key === undefined) {
        key = keys.size;
        keys.set(term, key);
      }
      // minisearch: termWeight (1) × termBoost × fieldBoost × docBoost (1) × BM25.
      const multiplier = boost * (query.fieldBoosts[FIELDS[field] ?? 'text'] || 1);
      const matching = to - from;
      const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      lists.push({ term: position, key, field, fieldRank, multiplier, idf, from, to, upperBound: multiplier * (postings.maxScore[id] ?? 0) * (1 + 1e-9) });
    });
  };
  const wordFields = WORD_FIELDS.map((field) => FIELDS.indexOf(field));
  query.words.forEach(({ term, boost }, i) => add(term, i, wordFields, boost));
  query.grams.forEach((gram, j) => add(gram, query.words.length + j, [BIGRAMS], 1));
  if (lists.length === 0) return [];

  // Lists by ascending bound; bounds[i]: the most a document found only in lists[0..i] can score.
  lists.sort((a, b) => a.upperBound - b.upperBound);
  const count = lists.length;
  const bounds = new Float64Array(count);
  // For lists[0..i]: the sum of their bounds, and how many distinct terms they hold.
  const boundSums = new Float64Array(count);
  const keyCounts = new Int32Array(count);
  const keysSoFar = new Set<number>();
  let boundSum = 0;
  lists.forEach((list, i) => {
    boundSum += list.upperBound;
    keysSoFar.add(list.key);
    boundSums[i] = boundSum;
    keyCounts[i] = keysSoFar.size;
    bounds[i] = boundSum * keysSoFar.size * (1 + 1e-9);
  });
  // Summing order (minisearch's): by term, then by field.
  const order = Int32Array.from(lists.keys()).sort((a, b) => (lists[a] as QueryList).term - (lists[b] as QueryList).term || (lists[a] as QueryList).fieldRank - (lists[b] as QueryList).fieldRank);
  const postingsOf = lists.map((list) => index.fields[list.field] as FieldPostings);
  const cursor = Int32Array.from(lists, (list) => list.from);
  const contribution = new Float64Array(count);
  const hit = new Uint8Array(count);
  const keyStamp = new Int32Array(keys.size).fill(-1);
  const wordCount = query.words.length;
  const heap: Entry[] = [];
  let essential = 0; // lists[essential ..] are essential

  // A candidate's contributions, summed as they come (its exact score is summed again in order).
  let approximate = 0;
  let distinct = 0;
  const score = (i: number, at: number, doc: number): void => {
    const list = lists[i] as QueryList;
    const postings = postingsOf[i] as FieldPostings;
    const frequency = postings.frequencies[at] ?? 0;
    const length = postings.length[doc] ?? 0;
    // minisearch's calcBM25Score, with its IDF computed once for the list.
    const raw = list.idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / postings.averageLength)));
    const value = list.multiplier * raw;
    contribution[i] = value;
    hit[i] = 1;
    approximate += value;
    if (keyStamp[list.key] !== doc) {
      keyStamp[list.key] = doc;
      distinct++;
    }
  };

  for (;;) {
    // The next candidate: the smallest current document of the essential lists.
    let doc = documentCount;
    for (let i = essential; i < count; i++) {
      const at = cursor[i] ?? 0;
      if (at < (lists[i] as QueryList).to) doc = Math.min(doc, (postingsOf[i] as FieldPostings).docs[at] ?? documentCount);
    }
    if (doc === documentCount) break;
    approximate = 0;
    distinct = 0;
    // The essential lists first: those at the candidate give their score and move on.
    for (let i = essential; i < count; i++) {
      const at = cursor[i] ?? 0;
      if (at < (lists[i] as QueryList).to && (postingsOf[i] as FieldPostings).docs[at] === doc) {
        score(i, at, doc);
        cursor[i] = at + 1;
      } else {
        hit[i] = 0;
      }
    }
    // Then, only if the non-essential lists could still lift it into the top k, look it up in them.
    const full = heap.length === k;
    if (full && essential > 0 && (approximate + (boundSums[essential - 1] ?? 0)) * (distinct + (keyCounts[essential - 1] ?? 0)) * (1 + 1e-9) < (heap[0] as Entry).score) continue;
    for (let i = 0; i < essential; i++) {
      const list = lists[i] as QueryList;
      const postings = postingsOf[i] as FieldPostings;
      const at = seek(postings.docs, cursor[i] ?? 0, list.to, doc);
      cursor[i] = at;
      if (at < list.to && postings.docs[at] === doc) score(i, at, doc);
      else hit[i] = 0;
    }
    if (accept && !accept(doc)) continue;
    // Summed in another order the score differs by a few units in the last place at most.
    if (full && approximate * distinct * (1 + 1e-9) < (heap[0] as Entry).score) continue;
    const entry = exactEntry(lists, order, contribution, hit, wordCount, distinct, doc, documentCount);
    if (!full) {
      heap.push(entry);
      siftUp(heap, heap.length - 1);
    } else if (worse(heap[0] as Entry, entry)) {
      heap[0] = entry;
      siftDown(heap, 0);
    } else {
      continue;
    }
    // A higher k-th score makes more lists non-essential.
    if (heap.length === k) {
      const theta = (heap[0] as Entry).score;
      while (essential < count && (bounds[essential] ?? Infinity) < theta) essential++;
    }
  }
  heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  return heap.map(({ doc, score }) => ({ doc, score, matched: matchedWords(index, query, doc) }));
}

/**
 * A candidate's score from its contributions, summed in minisearch's order: within a term by
 * field, the word terms in query order, the gram terms in query order, then words + grams,
 * times the number of distinct terms matched; and where minisearch first reached it.
 */
function exactEntry(
  lists: readonly QueryList[],
  order: Int32Array,
  contribution: Float64Array,
  hit: Uint8Array,
  wordCount: number,
  distinct: number,
  doc: number,
  documentCount: number,
): Entry {
  let words = 0;
  let grams = 0;
  let hasWords = false;
  let hasGrams = false;
  let term = -1;
  let termScore = 0;
  let first = -1;
  // One pass in summing order; a term's sum joins the words' or the grams' when the next term starts.
  for (let n = 0; n <= order.length; n++) {
    const i = n < order.length ? (order[n] ?? 0) : -1;
    if (i >= 0 && !hit[i]) continue;
    const list = i >= 0 ? (lists[i] as QueryList) : undefined;
    if (list === undefined || list.term !== term) {
      if (term >= 0 && term < wordCount) {
        words = hasWords ? words + termScore : termScore;
        hasWords = true;
      } else if (term >= 0) {
        grams = hasGrams ? grams + termScore : termScore;
        hasGrams = true;
      }
      if (list === undefined) break;
      // minisearch's insertion order: first term reached, then its first field, then document order.
      if (first < 0) first = (list.term * 8 + list.fieldRank) * (documentCount + 1) + doc;
      term = list.term;
      termScore = contribution[i] ?? 0;
    } else {
      termScore += contribution[i] ?? 0;
    }
  }
  const total = hasWords && hasGrams ? words + grams : hasWords ? words : grams;
  return { doc, score: total * distinct, first };
}

/** The query words a document holds in a word field, as minisearch's `match` shows them (a gram match of the same string overrides it). */
function matchedWords(index: PostingIndex, query: RankingQuery, doc: number): Set<string> {
  const holds = (term: string, field: number) => {
    const id = index.termIds.get(term);
    const postings = index.fields[field];
    if (id === undefined || !postings) return false;
    const from = postings.start[id] ?? 0;
    const to = postings.start[id + 1] ?? 0;
    const at = seek(postings.docs, from, to, doc);
    return at < to && postings.docs[at] === doc;
  };
  const matched = new Set<string>();
  for (const { term } of query.words) if (WORD_FIELDS.some((field) => holds(term, FIELDS.indexOf(field)))) matched.add(term);
  for (const gram of query.grams) if (holds(gram, BIGRAMS)) matched.delete(gram);
  return matched;
}

function siftUp(heap: Entry[], at: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!worse(heap[at] as Entry, heap[parent] as Entry)) break;
    [heap[at], heap[parent]] = [heap[parent] as Entry, heap[at] as Entry];
    at = parent;
  }
}

function siftDown(heap: Entry[], at: number): void {
  for (;;) {
    const left = at * 2 + 1;
    const right = left + 1;
    let worst = at;
    if (left < heap.length && worse(heap[left] as Entry, heap[worst] as Entry)) worst = left;
    if (right < heap.length && worse(heap[right] as Entry, heap[worst] as Entry)) worst = right;
    if (worst === at) return;
    [heap[at], heap[worst]] = [heap[worst] as Entry, heap[at] as Entry];
    at = worst;
  }
}
