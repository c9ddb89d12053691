import type { Analyzer } from '../text/index.js';
import { analyzeQuestion, isEnglish, languageRuns, type QuestionAnalysis } from './question-analysis.js';

export { isEnglish };

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
  /** What the question asks (intent, framing, actors). */
  question: QuestionAnalysis;
}

/** Forms of an English word to look up, the word first: smearing → smear, exports → export. */
function englishForms(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  if (word.length > 5 && word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.length > 4 && word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  return forms;
}

/**
 * Translates an English question into query tokens with the glossary: longest phrase first,
 * plural -s, -ing and -ed tolerated. An all-capital word (WHO, US, UN) is always looked up; other stop
 * words are dropped; a word without an entry stays as it is, so it counts as unmatched.
 *
 * @example translateEnglish(analyzer, 'What does China think of the new Cold War?') // → ['中国', '新冷战']
 */
export function translateEnglish(analyzer: Analyzer, text: string): string[] {
  const { glossary, glossaryMaxWords, englishStopWords: stopWords } = analyzer.lexicon;
  const { tokenize } = analyzer;
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
      const head = phrase.slice(0, -1);
      const terms = englishForms(phrase[n - 1] ?? '')
        .map((form) => glossary.get([...head, form].join(' ')))
        .find((found) => found !== undefined);
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
 * Second look at the words of a question that no document contains, because jieba (its HMM
 * for unknown words, or its dictionary) glued a particle to a word: 和普京 → 普京 when the index
 * knows 普京; 是从 → nothing, being made only of stop characters. Other words stay as they are
 * and count as not found.
 */
export function refineUnknownTokens(analyzer: Analyzer, tokens: readonly string[], known: (term: string) => boolean): string[] {
  const { stopWords, synonyms } = analyzer.lexicon;
  const refined: string[] = [];
  for (const token of tokens) {
    if (known(token) || synonyms.has(token) || token.length < 2 || !/^[\u3400-\u9fff\uf900-\ufaff]+$/u.test(token)) {
      refined.push(token);
      continue;
    }
    if ([...token].every((char) => stopWords.has(char))) continue;
    const pieces = analyzer.cutAll(token).filter((piece) => piece !== token && piece.length >= 2 && known(piece));
    if (pieces.length > 0) refined.push(...pieces);
    else refined.push(token);
  }
  return refined;
}

/**
 * Analyses a question (question-analysis.ts) and reads its topic words from what is left once
 * the framing is removed: an English question through the glossary; otherwise each run in its
 * own language (Chinese through the tokenizer, a Latin run through the glossary, so `中印
 * border` keeps 中印 and finds 边境). Words the index does not know get a second look
 * (refineUnknownTokens); each distinct token becomes a concept with its synonyms. `known` tells
 * whether the index contains a term; `chinaSide` names who speaks for China in the index.
 *
 * @example analyzeQuery(analyzer, '俄罗斯那边现在跟中国关系咋样').concepts.map((c) => c.term)
 *   // → ['罗斯', '俄罗斯', '中国', '关系']
 */
export function analyzeQuery(
  analyzer: Analyzer,
  text: string,
  known: (term: string) => boolean = () => true,
  chinaSide: ReadonlySet<string> = new Set(),
): AnalyzedQuery {
  const { synonyms } = analyzer.lexicon;
  const question = analyzeQuestion(analyzer, text, chinaSide);
  const { english, core } = question;
  const read = english
    ? translateEnglish(analyzer, core)
    : languageRuns(core).flatMap((run) => (run.language === 'zh' ? analyzer.tokenizeExact(run.text) : translateEnglish(analyzer, run.text)));
  const tokens = refineUnknownTokens(analyzer, read, known);
  const seen = new Set<string>();
  const concepts: QueryConcept[] = [];
  for (const term of tokens) {
    if (seen.has(term)) continue;
    seen.add(term);
    concepts.push({ term, alternatives: synonyms.get(term) ?? [term] });
  }
  return { concepts, english, question };
}
