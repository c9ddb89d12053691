/**
 * Content similarity for ingest decisions: TF-IDF weighted characters and character bigrams (and whole
 * Latin words and numbers), compared by cosine. Characters and bigrams need no dictionary, so the pipeline
 * works on any transcript. Punctuation and white space are ignored.
 */

/** Sparse term vector. */
export type TermVector = Map<string, number>;

const WORD = /[\p{Script=Han}]+|[A-Za-z]+|[0-9]+(?:\.[0-9]+)?/gu;

/** Han characters and character bigrams, plus Latin words and numbers whole. `features('中美关系')` → 中, 中美, 美, 美关, 关, 关系, 系. */
export function features(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const run = Array.from(match[0]);
    if (!/\p{Script=Han}/u.test(run[0]!)) {
      out.push(match[0].toLowerCase());
      continue;
    }
    for (let i = 0; i < run.length; i += 1) {
      out.push(run[i]!);
      if (i + 1 < run.length) out.push(run[i]! + run[i + 1]!);
    }
  }
  return out;
}

/** Document frequencies over a set of texts, for IDF weights. */
export class TermWeights {
  private readonly documentFrequency = new Map<string, number>();
  private readonly documents: number;

  constructor(texts: readonly string[]) {
    this.documents = texts.length;
    for (const text of texts) {
      for (const term of new Set(features(text))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }

  /** Smoothed IDF; a term never seen weighs like one seen once. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 1;
    return Math.log(1 + this.documents / df);
  }

  /** TF-IDF vector of a text (sublinear term frequency). */
  vector(text: string): TermVector {
    const counts = new Map<string, number>();
    for (const term of features(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector: TermVector = new Map();
    for (const [term, count] of counts) vector.set(term, (1 + Math.log(count)) * this.idf(term));
    return vector;
  }
}

/** Cosine similarity of two sparse vectors, 0 when either is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const value of a.values()) normA += value * value;
  for (const value of b.values()) normB += value * value;
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [term, value] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += value * other;
  }
  return dot / Math.sqrt(normA * normB);
}

/** Sum of two or more vectors. */
export function addVectors(...vectors: TermVector[]): TermVector {
  const sum: TermVector = new Map();
  for (const vector of vectors) {
    for (const [term, value] of vector) sum.set(term, (sum.get(term) ?? 0) + value);
  }
  return sum;
}

/** Levenshtein distance over code points, giving up (returning `limit + 1`) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[y.length]!;
}
