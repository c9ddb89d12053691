import nodejieba from 'nodejieba';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { normalizeForMatching } from './normalize.js';
import { SEARCH_OPTIONS } from './options.js';

/**
 * The text pipeline shared by indexing and querying, as ordered stages:
 * 1. fold for matching (NFKC, traditional → simplified, lower case; see normalize.ts);
 * 2. split into runs: Latin words and numbers are kept whole (`gdp`, `covid-19`, `120`),
 *    Chinese runs go to jieba's `cutForSearch` (which also emits the dictionary sub-words
 *    of a long word: 中美关系 → 中美, 关系, 中美关系);
 * 3. drop punctuation, spaces and stop words.
 */

let lexicon: Lexicon | undefined;

/**
 * The lexicon of `SEARCH_OPTIONS`, loaded once. jieba is loaded here, once, with the user
 * dictionary, before any cut; words of the synonym file and the glossary that jieba would
 * split are then added to its dictionary (words it already knows keep their trained weight).
 */
export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const loaded = loadLexicon(SEARCH_OPTIONS);
  try {
    nodejieba.load({ userDict: SEARCH_OPTIONS.userDictPath });
  } catch (error) {
    throw new Error(`search: cannot load jieba with ${SEARCH_OPTIONS.userDictPath}: ${(error as Error).message}`);
  }
  const vocabulary = new Set([...loaded.synonymTerms, ...[...loaded.glossary.values()].flat()]);
  for (const term of vocabulary) {
    if (!CJK_ONLY.test(term)) continue;
    if (nodejieba.cut(term).length > 1) nodejieba.insertWord(term);
  }
  lexicon = loaded;
  return lexicon;
}

const CJK_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;
/** A Latin word or number (with inner `-`, `.`, `'`), or a run of Chinese characters. */
const RUN = /[a-z0-9]+(?:[-.'][a-z0-9]+)*|[\u3400-\u9fff\uf900-\ufaff]+/gu;
const LATIN_OR_DIGIT = /^[a-z0-9]/;

/**
 * Cuts already-folded text into matching tokens, stop words included (for callers that need
 * every piece, such as the best-paragraph scorer).
 */
export function cutNormalized(normalized: string): string[] {
  getLexicon();
  const tokens: string[] = [];
  for (const match of normalized.matchAll(RUN)) {
    const run = match[0];
    if (LATIN_OR_DIGIT.test(run)) tokens.push(run);
    else for (const word of nodejieba.cutForSearch(run)) tokens.push(word);
  }
  return tokens;
}

/**
 * Turns text into the tokens that are indexed and searched: folded, cut, without stop words.
 * Deterministic; the same text in traditional or simplified script gives the same tokens.
 *
 * @example tokenize('中方如何評價中美關係？') // → ['中美', '关系', '中美关系']
 * @example tokenize('三国GDP占全球') // → ['三国', 'gdp', '占', '全球']
 */
export function tokenize(text: string): string[] {
  const { stopWords } = getLexicon();
  return cutNormalized(normalizeForMatching(text)).filter((token) => !stopWords.has(token));
}

/**
 * Character bigrams of the Chinese runs of already-folded text (a single character stays as
 * it is): the fallback for words that jieba cuts differently in the query and the text.
 *
 * @example charBigrams('溯源问题') // → ['溯源', '源问', '问题']
 */
export function charBigrams(normalized: string): string[] {
  const grams: string[] = [];
  for (const match of normalized.matchAll(RUN)) {
    const run = match[0];
    if (LATIN_OR_DIGIT.test(run)) continue;
    if (run.length === 1) grams.push(run);
    for (let i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
  }
  return grams;
}

/** Mean IDF of jieba's bundled idf.utf8: jieba's own weight for a word it has no IDF for. */
const JIEBA_MEAN_IDF = 11.739204307083542;
/**
 * Specificity of a lone character that the lexicon does not name (老, 看, 事): jieba's keyword
 * extractor ignores single characters; they are mostly verbs and particles of the question.
 */
const SINGLE_CHARACTER_SPECIFICITY = 0.2;
/** Specificity of a word on jieba's stop list: next to nothing. */
const STOP_SPECIFICITY = 0.05;
const specificityCache = new Map<string, number>();

/**
 * How specific a word is in Chinese at large: jieba's IDF of it (from the idf.utf8 loaded with
 * its dictionary) divided by jieba's mean IDF; 1 for words jieba has no IDF for (names, new
 * terms, Latin words); less for single characters the synonyms do not name, and next to
 * nothing for words on jieba's own stop list (别的, 那边), which its keyword extractor refuses.
 *
 * @example generalSpecificity('进行') // → 0.32 (3.73 / 11.74)
 */
export function generalSpecificity(term: string): number {
  const cached = specificityCache.get(term);
  if (cached !== undefined) return cached;
  getLexicon();
  let idf = JIEBA_MEAN_IDF;
  if (CJK_ONLY.test(term) && term.length === 1 && !getLexicon().synonyms.has(term)) {
    idf = SINGLE_CHARACTER_SPECIFICITY * JIEBA_MEAN_IDF;
  } else if (CJK_ONLY.test(term) && term.length >= 2) {
    const keywords = nodejieba.extract(term, 1);
    const [top] = keywords;
    if (keywords.length === 0) idf = STOP_SPECIFICITY * JIEBA_MEAN_IDF;
    else if (top && top.word === term) idf = top.weight;
  }
  const specificity = idf / JIEBA_MEAN_IDF;
  // Queries are user text: keep the memo bounded.
  if (specificityCache.size > 100_000) specificityCache.clear();
  specificityCache.set(term, specificity);
  return specificity;
}

/** Every dictionary word inside a (folded) word, as jieba's full mode finds them. */
export function cutAllWords(word: string): string[] {
  getLexicon();
  return nodejieba.cutAll(word);
}

/**
 * Adds words (names of speakers and outlets) to jieba's dictionary when jieba would split
 * them. jieba is process-global: the words stay for every later cut, which only makes those
 * names whole wherever they appear.
 */
export function addWordsToDictionary(words: readonly string[]): void {
  getLexicon();
  for (const word of new Set(words.map(normalizeForMatching))) {
    if (word.length >= 2 && CJK_ONLY.test(word) && nodejieba.cut(word).length > 1) nodejieba.insertWord(word);
  }
}
