import { normalizeForMatching, type Analyzer } from '../text/index.js';

/**
 * The words ingest weighs as evidence of what a paragraph is about, and how much each weighs:
 * a word says more the rarer it is in this transcript and the more specific it is in Chinese
 * at large (`Analyzer.specificity`: 全球, 合作, 发展 say little anywhere). Texts are read folded,
 * so traditional and simplified transcripts weigh alike.
 */

/** A word below this specificity in Chinese at large is no evidence at all (进行, 问题, 我们). */
const MIN_SPECIFICITY = 0.25;
/** Specificity is capped: a name jieba does not know is as specific as a rare word, no more. */
const MAX_SPECIFICITY = 1.2;

/** A bag of words: word → count. */
export type Bag = Map<string, number>;

/** A run of Chinese characters, or a Latin word or number (folded text). */
const RUN = /[a-z0-9]+(?:[-.'][a-z0-9]+)*|[\u3400-\u9fff\uf900-\ufaff]+/gu;

/**
 * The content words of a text, with repeats: jieba's words of its Chinese runs (folded), Latin
 * words and numbers of three digits or more (2030, 600) whole; less stop words, single
 * characters and words too common in Chinese to say anything.
 * `contentWords('中美关系出现的困难', analyzer)` → `['中美关系', '出现', '困难']` (as jieba cuts it).
 */
export function contentWords(text: string, analyzer: Analyzer): string[] {
  const { stopWords } = analyzer.lexicon;
  const words: string[] = [];
  for (const [run] of normalizeForMatching(text).matchAll(RUN)) {
    if (/^[a-z0-9]/u.test(run)) {
      if (/^[a-z]{2,}|^[0-9]{3,}$/u.test(run) && !stopWords.has(run)) words.push(run);
      continue;
    }
    for (const word of joinSingleCharacters(analyzer.words(run), analyzer)) {
      if (word.length >= 2 && !stopWords.has(word) && analyzer.specificity(word) >= MIN_SPECIFICITY) words.push(word);
    }
  }
  return words;
}

/**
 * Words the field's synonyms make one (美方, 美国, 中美 …; 非洲, 非方, 中非 …), each mapped to one
 * of them: the classes joined by every synonym rule of the lexicon.
 */
export function synonymClasses(synonyms: Analyzer['lexicon']['synonyms']): (word: string) => string {
  const parent = new Map<string, string>();
  const find = (word: string): string => {
    const up = parent.get(word);
    if (up === undefined || up === word) return word;
    const root = find(up);
    parent.set(word, root);
    return root;
  };
  for (const [term, targets] of synonyms) {
    for (const target of targets) {
      const [a, b] = [find(term), find(target)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  return find;
}

/**
 * Parts of speech (jieba's tags) of single characters that never belong to a name or
 * abbreviation: prepositions, adverbs, numerals, conjunctions, particles, pronouns, measures,
 * directions (同, 已, 两, 和, 的, 我, 个, 中).
 */
const FUNCTION_TAG = /^(?:p|d|m|c|u|r|q|f|y|e|o|x)/u;

/** Per analyzer: whether a single character can be part of a name jieba does not know. */
const joinable = new WeakMap<Analyzer, Map<string, boolean>>();

function canJoin(character: string, analyzer: Analyzer): boolean {
  let memo = joinable.get(analyzer);
  if (memo === undefined) joinable.set(analyzer, (memo = new Map()));
  let known = memo.get(character);
  if (known === undefined) {
    const tags = analyzer.tag(character);
    known = !analyzer.lexicon.stopWords.has(character) && tags.length === 1 && !FUNCTION_TAG.test(tags[0]!.tag);
    memo.set(character, known);
  }
  return known;
}

/**
 * Joins runs of single characters jieba could not make a word of (伊/核 → 伊核, 缓/债 → 缓债,
 * 俄/乌 → 俄乌): an abbreviation or name it does not know, which would otherwise be lost as
 * single characters. A function character (同, 已, 两, 的 …) ends a run.
 * `joinSingleCharacters(['推动', '伊', '核', '问题'], analyzer)` → `['推动', '伊核', '问题']`.
 */
export function joinSingleCharacters(words: readonly string[], analyzer: Analyzer): string[] {
  const out: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run.length > 0) out.push(run);
    run = '';
  };
  for (const word of words) {
    if (Array.from(word).length === 1 && canJoin(word, analyzer)) {
      run += word;
      continue;
    }
    flush();
    out.push(word);
  }
  flush();
  return out;
}

/**
 * The names and abbreviations of a text that jieba cut into single characters, joined
 * (`joinSingleCharacters`), folded; the words jieba knows are left out:
 * `joinedNames('推动伊核问题，缓债倡议', analyzer)` → `['伊核', '缓债']`.
 */
export function joinedNames(text: string, analyzer: Analyzer): string[] {
  const names: string[] = [];
  for (const [run] of normalizeForMatching(text).matchAll(RUN)) {
    if (/^[a-z0-9]/u.test(run)) continue;
    const cut = analyzer.words(run);
    for (const word of joinSingleCharacters(cut, analyzer)) if (Array.from(word).length >= 2 && !cut.includes(word)) names.push(word);
  }
  return names;
}

/** Adds words to a bag, each `times` times. */
export function addToBag(bag: Bag, words: readonly string[], times = 1): Bag {
  for (const word of words) bag.set(word, (bag.get(word) ?? 0) + times);
  return bag;
}


/** The sum of bags. */
export function mergeBags(bags: readonly Bag[]): Bag {
  const sum: Bag = new Map();
  for (const bag of bags) for (const [word, count] of bag) sum.set(word, (sum.get(word) ?? 0) + count);
  return sum;
}

/** Total count of a bag. */
export function bagSize(bag: Bag): number {
  let size = 0;
  for (const count of bag.values()) size += count;
  return size;
}

/** How specific a word is in Chinese at large, clipped to 0..MAX_SPECIFICITY. */
export function specificityOf(word: string, analyzer: Analyzer): number {
  return Math.min(MAX_SPECIFICITY, Math.max(0, analyzer.specificity(word)));
}

/** A sparse weighted vector: word → weight. */
export type WordVector = Map<string, number>;

/**
 * TF-IDF over a set of documents (the bags of words of a transcript's answers), each word also
 * weighted by its specificity in Chinese at large: a word every answer uses weighs nothing, a
 * word of one answer weighs most, and broad words (全球, 合作, 发展) weigh little wherever they
 * stand. `similarity` is the cosine of two weighted vectors, so one shared word among many
 * is little evidence, and an answer's length neither helps nor hurts it.
 */
export class WordModel {
  private readonly documentFrequency = new Map<string, number>();
  private documents: number;

  constructor(
    documents: readonly Bag[],
    private readonly weightOf: (word: string) => number,
  ) {
    this.documents = documents.length;
    for (const bag of documents) for (const word of bag.keys()) this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
  }

  /**
   * The same model with one document replaced (`before` by `after`, e.g. an answer less the
   * paragraphs being judged, so that they do not make their own words look common).
   */
  replacing(before: Bag, after: Bag): WordModel {
    const model = new WordModel([], this.weightOf);
    model.documents = this.documents;
    for (const [word, count] of this.documentFrequency) model.documentFrequency.set(word, count);
    for (const word of before.keys()) if (!after.has(word)) model.documentFrequency.set(word, (model.documentFrequency.get(word) ?? 1) - 1);
    for (const word of after.keys()) if (!before.has(word)) model.documentFrequency.set(word, (model.documentFrequency.get(word) ?? 0) + 1);
    return model;
  }

  /** How telling a word is: IDF over the documents times its specificity. */
  weight(word: string): number {
    return Math.log((this.documents + 1) / ((this.documentFrequency.get(word) ?? 0) + 0.5)) * this.weightOf(word);
  }

  /** The weighted vector of a bag (sublinear term frequency). */
  vector(bag: Bag): WordVector {
    const vector: WordVector = new Map();
    for (const [word, count] of bag) {
      const weight = (1 + Math.log(count)) * this.weight(word);
      if (weight > 0) vector.set(word, weight);
    }
    return vector;
  }

  /** Cosine similarity of two bags' vectors, 0..1. */
  similarity(a: Bag, b: Bag): number {
    return cosine(this.vector(a), this.vector(b));
  }

  /** The length of a bag's weighted vector. */
  norm(bag: Bag): number {
    let sum = 0;
    for (const value of this.vector(bag).values()) sum += value * value;
    return Math.sqrt(sum);
  }

  /**
   * The similarity of a text (`a`) with a document (`b`) as evidence, shrunk for a text that says
   * little: the cosine, with `prior` (the length of a typical paragraph's vector) added to the
   * text's length, so that a short paragraph sharing one word with an answer is little evidence
   * that it belongs there, and a long one sharing many is nearly its full cosine.
   */
  evidence(a: Bag, b: Bag, prior: number): number {
    const [va, vb] = [this.vector(a), this.vector(b)];
    let [dot, normA, normB] = [0, 0, 0];
    for (const value of va.values()) normA += value * value;
    for (const value of vb.values()) normB += value * value;
    if (normA === 0 || normB === 0) return 0;
    for (const [word, value] of va) {
      const other = vb.get(word);
      if (other !== undefined) dot += value * other;
    }
    return dot / Math.sqrt((normA + prior * prior) * normB);
  }

  /** The words two bags share, most telling first: for reports. */
  telling(a: Bag, b: Bag, limit = 5): string[] {
    return [...a.keys()]
      .filter((word) => b.has(word) && this.weight(word) > 0)
      .sort((x, y) => this.weight(y) - this.weight(x) || x.localeCompare(y))
      .slice(0, limit);
  }
}

/** Cosine similarity of two sparse vectors, 0 when either is empty. */
export function cosine(a: WordVector, b: WordVector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const value of a.values()) normA += value * value;
  for (const value of b.values()) normB += value * value;
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [word, value] of small) {
    const other = large.get(word);
    if (other !== undefined) dot += value * other;
  }
  return dot / Math.sqrt(normA * normB);
}
