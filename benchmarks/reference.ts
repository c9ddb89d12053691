import type { IndexFile } from '../src/types.js';
import { IntList } from '../src/search/postings.js';

/**
 * The floor the benchmark compares the pipeline with: character-bigram BM25 (k1 1.2, b 0.75)
 * over an inverted index of typed arrays, with top-10 selection. No dictionary, no folding
 * beyond NFKC and lower case, no coverage, no decision: the least a lexical search of these
 * documents has to do. Each document is a unit (question, topic, paragraphs) or an
 * unanswered question, as in the pipeline.
 */
export interface BigramReference {
  /** The best 10 documents (positions: units first, then unanswered questions), best first. */
  search(question: string): number[];
  documentCount: number;
  termCount: number;
}

const K1 = 1.2;
const B = 0.75;
const TOP = 10;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const LATIN = /[a-z0-9]/u;

/** Calls `emit` with each term of a text: its Chinese character bigrams and Latin words. */
function eachTerm(text: string, emit: (term: string) => void): void {
  const folded = text.normalize('NFKC').toLowerCase();
  let latin = '';
  for (let i = 0; i < folded.length; i++) {
    const char = folded[i] ?? '';
    if (LATIN.test(char)) {
      latin += char;
      continue;
    }
    if (latin) emit(latin);
    latin = '';
    const next = folded[i + 1] ?? '';
    if (CJK.test(char) && CJK.test(next)) emit(char + next);
  }
  if (latin) emit(latin);
}

/** Builds the reference index of an index file. */
export function createBigramReference(file: IndexFile): BigramReference {
  const texts = [
    ...file.units.map((unit) => `${unit.question ?? ''}\n${unit.topic}\n${unit.paragraphs.join('\n')}`),
    ...file.unanswered.map((question) => `${question.question}\n${question.topic}`),
  ];
  const termIds = new Map<string, number>();
  const pairTerms = new IntList();
  const pairDocs = new IntList();
  const docLength = new Int32Array(texts.length);
  texts.forEach((text, doc) => {
    eachTerm(text, (term) => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
      }
      pairTerms.push(id);
      pairDocs.push(doc);
      docLength[doc] = (docLength[doc] ?? 0) + 1;
    });
  });
  // Counting sort of the (term, doc) pairs by term; docs stay in order within a term, so equal
  // neighbours are one posting with its term frequency.
  const termCount = termIds.size;
  const start = new Int32Array(termCount + 1);
  for (let i = 0; i < pairTerms.length; i++) start[(pairTerms.data[i] ?? 0) + 1]! += 1;
  for (let t = 0; t < termCount; t++) start[t + 1]! += start[t] ?? 0;
  const cursor = start.slice(0, termCount);
  const sortedDocs = new Int32Array(pairTerms.length);
  for (let i = 0; i < pairTerms.length; i++) {
    const term = pairTerms.data[i] ?? 0;
    sortedDocs[cursor[term]!++] = pairDocs.data[i] ?? 0;
  }
  const offsets = new Int32Array(termCount + 1);
  const docs = new Int32Array(sortedDocs.length);
  const frequencies = new Uint16Array(sortedDocs.length);
  let postings = 0;
  for (let t = 0; t < termCount; t++) {
    offsets[t] = postings;
    let previous = -1;
    for (let i = start[t] ?? 0; i < (start[t + 1] ?? 0); i++) {
      const doc = sortedDocs[i] ?? 0;
      if (doc === previous) frequencies[postings - 1] = Math.min(65_535, (frequencies[postings - 1] ?? 0) + 1);
      else {
        docs[postings] = doc;
        frequencies[postings] = 1;
        postings++;
        previous = doc;
      }
    }
  }
  offsets[termCount] = postings;
  let total = 0;
  for (const length of docLength) total += length;
  const averageLength = texts.length > 0 ? total / texts.length : 1;
  const lengthNorm = new Float32Array(texts.length);
  for (let doc = 0; doc < texts.length; doc++) lengthNorm[doc] = K1 * (1 - B + (B * (docLength[doc] ?? 0)) / averageLength);
  const scores = new Float64Array(texts.length);
  const touched = new IntList();

  const search = (question: string): number[] => {
    const terms = new Set<number>();
    eachTerm(question, (term) => {
      const id = termIds.get(term);
      if (id !== undefined) terms.add(id);
    });
    touched.length = 0;
    for (const term of terms) {
      const from = offsets[term] ?? 0;
      const to = offsets[term + 1] ?? 0;
      const idf = Math.log(1 + (texts.length - (to - from) + 0.5) / (to - from + 0.5));
      for (let i = from; i < to; i++) {
        const doc = docs[i] ?? 0;
        const tf = frequencies[i] ?? 0;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (idf * tf * (K1 + 1)) / (tf + (lengthNorm[doc] ?? 1));
      }
    }
    // Top 10 by insertion into a sorted array of at most 10 (a heap does no better at 10).
    const best: number[] = [];
    for (let i = 0; i < touched.length; i++) {
      const doc = touched.data[i] ?? 0;
      const score = scores[doc] ?? 0;
      if (best.length === TOP) {
        if (score <= (scores[best[TOP - 1] ?? 0] ?? 0)) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && (scores[best[at - 1] ?? 0] ?? 0) < score) at--;
      best.splice(at, 0, doc);
    }
    for (let i = 0; i < touched.length; i++) scores[touched.data[i] ?? 0] = 0;
    return best;
  };
  return { search, documentCount: texts.length, termCount };
}
