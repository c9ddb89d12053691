import type { Analyzer } from '../text/index.js';
import { bodyOf } from './parse-transcript.js';
import type { DedupedTranscript } from './remove-duplicates.js';
import { addToBag, contentWords, joinedNames, specificityOf, synonymClasses, WordModel, type Bag } from './word-model.js';

/** The content words of every kept paragraph of a transcript, and how to weigh them. */
export interface TranscriptWords {
  /** The content words of a paragraph (by id), after its label, counted; the field's synonyms as one word (美方 as 美国). */
  bag(id: number): Bag;
  /**
   * Search terms of a paragraph (by id): the analyzer's tokens (a long word with its sub-words,
   * 回到过去 → 回到, 过去, 回到过去; folded; no stop words) and the names jieba cut into single
   * characters, joined (伊/核 → 伊核, `joinedNames`), with their field synonyms.
   */
  terms(id: number): ReadonlySet<string>;
  /** The paragraph's own search terms (as cut, before synonyms) that are, or have a synonym that is, one of `terms`. */
  naming(id: number, terms: { has(term: string): boolean }): string[];
  /** True for a proper name: a place, person or organisation (jieba's ns, nr, nt, nz): 埃及, 联合国. */
  isName(term: string): boolean;
  /** How many of the transcript's kept answer paragraphs use a search term. */
  termFrequency(term: string): number;
  /** How many kept answer paragraphs (not questions) the transcript has. */
  paragraphCount: number;
  /** How specific a word is in Chinese at large (see `specificityOf`). */
  specificity(word: string): number;
  /** A word as the transcript writes it: a synonym class by the first of its words the transcript uses. */
  shown(word: string): string;
  /** A word model over these documents (bags), weighing words by specificity too. */
  model(documents: readonly Bag[]): WordModel;
}

/** Reads the words of a deduplicated transcript once, for the stages that weigh content. */
export function readTranscriptWords(transcript: DedupedTranscript, analyzer: Analyzer): TranscriptWords {
  const ids = [...new Set(transcript.sequence)];
  const classOf = synonymClasses(analyzer.lexicon.synonyms);
  // A class of synonyms is as specific as the least specific of its words that the transcript uses.
  const weights = new Map<string, number>();
  const display = new Map<string, string>();
  const words = new Map(
    ids.map((id) => [
      id,
      contentWords(bodyOf(transcript.paragraphs[id]!), analyzer).map((word) => {
        const key = classOf(word);
        if (!display.has(key)) display.set(key, word);
        weights.set(key, Math.min(weights.get(key) ?? Number.POSITIVE_INFINITY, specificityOf(word, analyzer)));
        return key;
      }),
    ]),
  );
  const bags = new Map(ids.map((id) => [id, addToBag(new Map(), words.get(id)!)]));
  // Search terms with their field synonyms (援助 → 帮助, 援手 …; 美方 → 美国, 中美 …), as search expands a query.
  const { synonyms } = analyzer.lexicon;
  const tokensOf = new Map(
    ids.map((id) => {
      const body = bodyOf(transcript.paragraphs[id]!);
      // A name jieba cut into single characters (中/拉, 伊/核) is a term as the word model reads it.
      return [id, [...analyzer.tokenize(body).filter((term) => Array.from(term).length >= 2 || synonyms.has(term)), ...joinedNames(body, analyzer)]];
    }),
  );
  const terms = new Map(ids.map((id) => [id, new Set(tokensOf.get(id)!.flatMap((term) => [term, ...(synonyms.get(term) ?? [])]))]));
  const answers = ids.filter((id) => transcript.paragraphs[id]!.kind !== 'question');
  const termFrequency = new Map<string, number>();
  for (const id of answers) for (const term of terms.get(id)!) termFrequency.set(term, (termFrequency.get(term) ?? 0) + 1);
  const weightOf = (word: string): number => {
    let weight = weights.get(word);
    if (weight === undefined) weights.set(word, (weight = specificityOf(word, analyzer)));
    return weight;
  };
  const names = new Map<string, boolean>();
  const isName = (term: string): boolean => {
    let known = names.get(term);
    if (known === undefined) {
      const tagged = analyzer.tag(term);
      names.set(term, (known = tagged.length === 1 && /^n[srtz]/u.test(tagged[0]!.tag)));
    }
    return known;
  };
  return {
    isName,
    bag: (id) => bags.get(id) ?? new Map(),
    terms: (id) => terms.get(id) ?? new Set(),
    naming: (id, wanted) => [...new Set((tokensOf.get(id) ?? []).filter((token) => wanted.has(token) || (synonyms.get(token) ?? []).some((synonym) => wanted.has(synonym))))],
    termFrequency: (term) => termFrequency.get(term) ?? 0,
    paragraphCount: answers.length,
    specificity: (word) => specificityOf(word, analyzer),
    shown: (word) => display.get(word) ?? word,
    model: (documents) => new WordModel(documents, weightOf),
  };
}
