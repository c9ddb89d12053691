import { getLexicon, tokenize } from './tokenize.js';
import { normalizeForMatching } from './normalize.js';

/**
 * Query analysis: the user's text → the concepts to look for. A concept is one informative
 * word of the question with the terms that count as finding it (itself and its synonyms).
 */
export interface QueryConcept {
  /** The word as it came out of the tokenizer (or the glossary, for English). */
  term: string;
  /** Terms that count as this concept in a unit: the term (unless a `=>` rule replaced it) and its synonyms. */
  alternatives: readonly string[];
}

export interface AnalyzedQuery {
  concepts: QueryConcept[];
  /** True when the question was read as English and translated through the glossary. */
  english: boolean;
}

const LATIN_LETTER = /[a-z]/giu;
const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/gu;

/** True when the text has more Latin letters than Chinese characters (and some of them). */
export function isEnglish(text: string): boolean {
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  return latin >= 2 && latin > cjk;
}

/** Singular of a simple English plural, for glossary lookups. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/**
 * Translates an English question into query tokens with the glossary: longest phrase first,
 * plural -s tolerated. An all-capital word (WHO, US, UN) is always looked up; other stop
 * words are dropped; a word without an entry stays as it is, so it counts as unmatched.
 *
 * @example translateEnglish('What does China think of the new Cold War?') // → ['中国', '新冷战']
 */
export function translateEnglish(text: string): string[] {
  const { glossary, glossaryMaxWords, stopWords } = getLexicon();
  const words = text.normalize('NFKC').match(/[A-Za-z0-9]+(?:[-.'][A-Za-z0-9]+)*/g) ?? [];
  const tokens: string[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    const shouting = word.length >= 2 && word === word.toUpperCase() && /[A-Z]/.test(word);
    let matched = 0;
    for (let n = Math.min(glossaryMaxWords, words.length - i); n >= 1 && matched === 0; n--) {
      const phrase = words.slice(i, i + n).map((w) => w.toLowerCase());
      if (n === 1 && !shouting && stopWords.has(phrase[0] ?? '')) break;
      const exact = glossary.get(phrase.join(' '));
      const terms = exact ?? glossary.get([...phrase.slice(0, -1), singular(phrase[n - 1] ?? '')].join(' '));
      if (terms) {
        tokens.push(...terms.flatMap((term) => tokenize(term)));
        matched = n;
      }
    }
    if (matched === 0) {
      const lower = word.toLowerCase();
      if (shouting || !stopWords.has(lower)) tokens.push(...tokenize(lower));
      matched = 1;
    }
    i += matched;
  }
  return tokens;
}

/**
 * Analyses a question: English through the glossary, anything else through the tokenizer;
 * each distinct token becomes a concept with its synonyms.
 *
 * @example analyzeQuery('俄罗斯那边现在跟中国关系咋样').concepts.map((c) => c.term)
 *   // → ['罗斯', '俄罗斯', '中国', '关系']
 */
export function analyzeQuery(text: string): AnalyzedQuery {
  const { synonyms } = getLexicon();
  const english = isEnglish(normalizeForMatching(text));
  const tokens = english ? translateEnglish(text) : tokenize(text);
  const seen = new Set<string>();
  const concepts: QueryConcept[] = [];
  for (const term of tokens) {
    if (seen.has(term)) continue;
    seen.add(term);
    concepts.push({ term, alternatives: synonyms.get(term) ?? [term] });
  }
  return { concepts, english };
}
