import { createRequire } from 'node:module';
import { splitEnglishCompound } from '../text/english-dictionary.js';
import { isPinyinName } from '../text/romanized-names.js';
import { englishPartsOfSpeech, type Analyzer } from '../text/index.js';
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
  /**
   * Below 1 when the concept is a guess: a word the index lacks read as a corpus word that sounds
   * the same (原助 → 援助: a typo from pinyin input). Its weight is multiplied by this.
   */
  discount?: number;
  /**
   * The dictionary words inside the word the user typed (高峰论坛 → 高峰, 论坛; 别有用心 → 有用,
   * 用心): they help find it, and a unit that holds only them holds part of it. The word is one
   * concept, whatever its length: its pieces do not count again.
   */
  parts?: readonly { term: string; alternatives: readonly string[] }[];
}

/**
 * Help for reading a question against one index, each optional: English words and phrases to
 * the index's Chinese words (CC-CEDICT restricted to the corpus), and corpus words that sound
 * like a word the index lacks (pinyin).
 */
export interface QueryAids {
  english?: (phrase: string) => readonly string[];
  homophones?: (word: string) => readonly { word: string; distance: 0 | 1 }[];
  /** Corpus words whose pinyin is a romanised name: `Hua Chunying` → 华春莹. */
  names?: (romanised: string) => readonly string[];
  /**
   * The documents that hold a word, as lists (ascending document numbers; one document may be in
   * several), how many documents there are, and how many postings a question may read: for
   * choosing a translation by its company.
   */
  documents?: {
    of: (term: string) => readonly Int32Array[];
    count: number;
    budget: number;
    /** Working arrays of `count` slots, reused by every question (stamps only grow; `held` is left zeroed). */
    scratch: { stamps: Int32Array; held: Int32Array; stamp: number };
  };
}

/** How much a word read as a homophone counts, by pinyin distance (0: same sound, 1: a common confusion). */
const HOMOPHONE_DISCOUNT = [0.8, 0.6] as const;
/** Longest English phrase looked up in the dictionary, in words. */
const DICTIONARY_MAX_WORDS = 3;

export interface AnalyzedQuery {
  concepts: QueryConcept[];
  /** True when the question was read as English and translated through the glossary. */
  english: boolean;
  /** What the question asks (intent, framing, actors). */
  question: QuestionAnalysis;
}

/**
 * English irregular verb forms and their base (wink-lexicon's table, from WordNet: held → hold,
 * came → come), loaded on the first English word: the whole lexicon would cost the bot ~45 MB.
 */
let irregularVerbs: Readonly<Record<string, string>> | undefined;
function baseOfIrregularVerb(word: string): string | undefined {
  irregularVerbs ??= createRequire(import.meta.url)('wink-lexicon/src/irregular-verbs.js') as Record<string, string>;
  return Object.hasOwn(irregularVerbs, word) ? irregularVerbs[word] : undefined;
}

/** Forms of an English word to look up, the word first: smearing → smear, exports → export, countries → country, held → hold. */
function englishForms(word: string): string[] {
  const forms = [word];
  const irregular = baseOfIrregularVerb(word);
  if (irregular !== undefined && irregular !== word) forms.push(irregular);
  if (word.length > 4 && word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.length > 4 && /(?:ch|sh|ss|x)es$/u.test(word)) forms.push(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  if (word.length > 5 && word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.length > 4 && word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  return forms;
}

/** An English word or phrase of a question read as corpus words: any of `alternatives` counts as finding it. */
export interface EnglishReading {
  /** The English as typed (lower case), or the glossary's term. */
  english: string;
  /** True for the dictionary's translations of an ordinary word, to be chosen by their company. */
  senses?: boolean;
  /** The Chinese words, the best first; the English word itself when nothing translates it. */
  alternatives: string[];
}

/** Most dictionary translations kept for one English word or phrase. */
const DICTIONARY_MAX_SENSES = 3;
/** Dictionary translations weighed against the question's other words before keeping DICTIONARY_MAX_SENSES. */
const DICTIONARY_CANDIDATES = 8;

/**
 * Reads an English question as corpus words, phrase by phrase, longest phrase first: the field
 * glossary (each of its terms a word of its own), else CC-CEDICT restricted to the corpus (the
 * headwords of the best kind of match, up to three, as forms of ONE concept: `strings` may be
 * 一系列 or 条件, and whichever a unit holds is the one meant), else a romanised name read
 * through its pinyin (Hua Chunying, or hua chunying as typed → 华春莹). Plural -s, -ing and -ed are tolerated; an
 * all-capital word (WHO, US, UN) is always looked up; other stop words are dropped; a word
 * without an entry stays as it is, so it counts as unmatched.
 *
 * @example translateEnglish(analyzer, 'What does China think of the new Cold War?').map((r) => r.alternatives[0]) // → ['中国', '新冷战']
 */
export function translateEnglish(analyzer: Analyzer, text: string, aids: QueryAids = {}): EnglishReading[] {
  const { glossary, glossaryMaxWords, englishStopWords: stopWords } = analyzer.lexicon;
  const isKnown = (lower: string): boolean => glossary.has(lower) || (aids.english?.(lower).length ?? 0) > 0;
  const words = (text.normalize('NFKC').replace(/['’]s\b/gu, '').match(/[A-Za-z0-9]+(?:[-.'–][A-Za-z0-9]+)*/g) ?? []).flatMap((word) =>
    splitEnglishCompound(word, isKnown),
  );
  const readings: EnglishReading[] = [];
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
        for (const term of terms) for (const chinese of analyzer.tokenizeExact(term)) readings.push({ english: phrase.join(' '), alternatives: [chinese] });
        matched = n;
      }
    }
    // A romanised name (two to four pinyin syllables in capitalised words, Hua Chunying): the corpus words that read so.
    for (let n = Math.min(3, words.length - i); n >= 2 && matched === 0 && aids.names; n--) {
      const phrase = words.slice(i, i + n);
      if (!phrase.every((w) => /^[A-Za-z][a-z]+$/u.test(w)) || !isPinyinName(phrase)) continue;
      const found = aids.names(phrase.join(' '));
      if (found.length > 0) {
        readings.push({ english: phrase.join(' ').toLowerCase(), alternatives: found.slice(0, DICTIONARY_MAX_SENSES) });
        matched = n;
      }
    }
    // Then the dictionary, longest phrase first: its translations are forms of one concept.
    for (let n = Math.min(DICTIONARY_MAX_WORDS, words.length - i); n >= 1 && matched === 0 && aids.english; n--) {
      const phrase = words.slice(i, i + n);
      if (n === 1 && !shouting && stopWords.has((phrase[0] ?? '').toLowerCase())) break;
      if (phrase.some((w) => stopWords.has(w.toLowerCase())) && n > 1) continue;
      const head = phrase.slice(0, -1);
      const found = (
        englishForms((phrase.at(-1) ?? '').toLowerCase())
          .map((form) => aids.english!([...head, form].join(' ')))
          .find((translations) => translations.length > 0) ?? []
      ).slice(0, DICTIONARY_CANDIDATES);
      if (found.length > 0) {
        readings.push({ english: phrase.join(' ').toLowerCase(), alternatives: found, senses: true });
        matched = n;
      }
    }
    // A one-word name the dictionary does not know (Xinjiang, Zhongnanhai; typed in lower case
    // too when it is no English word: hangzhou, lianghui).
    const nameLike = /^[A-Z][a-z]+$/u.test(word) || (/^[a-z]+$/u.test(word) && englishPartsOfSpeech(word).length === 0);
    if (matched === 0 && aids.names && nameLike && isPinyinName([word])) {
      const found = aids.names(word);
      if (found.length > 0) {
        readings.push({ english: word.toLowerCase(), alternatives: found.slice(0, DICTIONARY_MAX_SENSES) });
        matched = 1;
      }
    }
    if (matched === 0) {
      const lower = word.toLowerCase();
      if (shouting || !stopWords.has(lower)) readings.push({ english: lower, alternatives: [lower] });
      matched = 1;
    }
    i += matched;
  }
  return chooseSenses(readings, aids);
}

/**
 * Keeps, of each word's dictionary translations (up to DICTIONARY_CANDIDATES), the dictionary's
 * first and the others that keep most company with the question's other words in the corpus,
 * DICTIONARY_MAX_SENSES in all (query translation by co-occurrence): `met` beside 习近平 and 杭州
 * keeps 会见 and 会晤 rather than 遇到 and 满足. A translation's fit is the sum, over the other words
 * of the question, of the Dice overlap of the documents that hold it with the documents that
 * hold that word (any of its translations), each weighted by how rare that word is. Ties, and a
 * word no translation of which keeps any company, keep the dictionary's order.
 */
function chooseSenses(readings: EnglishReading[], aids: QueryAids): EnglishReading[] {
  const documents = aids.documents;
  const trim = (reading: EnglishReading): EnglishReading => ({ english: reading.english, alternatives: reading.alternatives.slice(0, DICTIONARY_MAX_SENSES) });
  if (!documents || !readings.some((reading) => reading.senses && reading.alternatives.length > DICTIONARY_MAX_SENSES)) return readings.map(trim);
  // Linear in the postings read, with no copy: a word's documents come as its fields' lists (a
  // document may stand in several), each visited once per word by stamping it. The words are read
  // rarest first within the query's postings budget, as the ranking reads them; a commoner word
  // past it keeps no company (it says little of which sense is meant, and costs the most).
  const lists = new Map<string, readonly Int32Array[]>();
  const postings = new Map<string, number>();
  for (const term of new Set(readings.flatMap((reading) => reading.alternatives))) {
    const found = documents.of(term);
    lists.set(term, found);
    postings.set(term, found.reduce((sum, list) => sum + list.length, 0));
  }
  let spent = 0;
  for (const [term, size] of [...postings].sort((a, b) => a[1] - b[1])) {
    spent += size;
    if (spent > documents.budget) lists.delete(term);
  }
  // The index's two scratch arrays, one slot a document, kept from question to question (fresh
  // ones for each English question made the collector's tail): stamps only grow; the mask is
  // cleared of what this question set before it returns.
  const { stamps, held } = documents.scratch;
  const eachDocument = (term: string, visit: (doc: number) => void): void => {
    const stamp = ++documents.scratch.stamp;
    for (const list of lists.get(term) ?? []) {
      for (const doc of list) {
        if (stamps[doc] === stamp) continue;
        stamps[doc] = stamp;
        visit(doc);
      }
    }
  };
  try {
    return chooseByCompany(readings, trim, eachDocument, held, documents.count);
  } finally {
    for (const term of lists.keys()) eachDocument(term, (doc) => (held[doc] = 0));
  }
}

/** chooseSenses' reckoning, on the documents `eachDocument` gives a word and a zeroed mask `held`. */
function chooseByCompany(
  readings: EnglishReading[],
  trim: (reading: EnglishReading) => EnglishReading,
  eachDocument: (term: string, visit: (doc: number) => void) => void,
  held: Int32Array,
  documentCount: number,
): EnglishReading[] {
  // Each reading's documents (those holding any of its translations) as one bit of a mask per
  // document, and its weight; readings past the mask's 31 bits keep no company.
  const context = readings.map((reading, j) => {
    if (j >= 31) return { size: 0, weight: 0 };
    let size = 0;
    for (const term of reading.alternatives) {
      eachDocument(term, (doc) => {
        if ((held[doc]! & (1 << j)) === 0) size++;
        held[doc] = held[doc]! | (1 << j);
      });
    }
    return { size, weight: size > 0 ? Math.log(documentCount / size) : 0 };
  });
  return readings.map((reading, position) => {
    if (!reading.senses || reading.alternatives.length <= DICTIONARY_MAX_SENSES) return trim(reading);
    const fit = reading.alternatives.map((term, order) => {
      let count = 0;
      const shared = new Array<number>(context.length).fill(0);
      eachDocument(term, (doc) => {
        count++;
        const bits = held[doc]!;
        for (let j = 0; j < context.length && j < 31; j++) if ((bits & (1 << j)) !== 0) shared[j]!++;
      });
      let sum = 0;
      context.forEach((other, j) => {
        if (j === position || other.weight <= 0 || count === 0) return;
        sum += (other.weight * 2 * shared[j]!) / (count + other.size);
      });
      return { term, order, sum };
    });
    if (fit.every((candidate) => candidate.sum === 0)) return trim(reading);
    const [first, ...rest] = fit;
    rest.sort((a, b) => b.sum - a.sum || a.order - b.order);
    return { english: reading.english, alternatives: [first!, ...rest].slice(0, DICTIONARY_MAX_SENSES).map((candidate) => candidate.term) };
  });
}

/** True when jieba's dictionary holds the word (its full mode finds it whole). */
function isDictionaryWord(analyzer: Analyzer, word: string): boolean {
  return word.length >= 2 && analyzer.cutAll(word).includes(word);
}

/** Corpus words that sound like a word the index lacks: the same-sounding ones, else the nearly same (at most two). */
function soundsLike(term: string, aids: QueryAids): { word: string; distance: 0 | 1 }[] {
  if (!aids.homophones || !CJK_WORD.test(term)) return [];
  const found = aids.homophones(term);
  const best = found[0]?.distance;
  return found.filter((match) => match.distance === best).slice(0, 2);
}

const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/u;
const CJK_CHAR_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]$/u;

/**
 * jieba cuts a typo it does not know into single characters (疫描 → 疫, 描): two such characters
 * in a row that the index does not know as one word but that sound like a corpus word are read
 * as that one word.
 */
function mergeTypoPieces(analyzer: Analyzer, tokens: readonly string[], known: (term: string) => boolean, aids: QueryAids): string[] {
  if (!aids.homophones) return [...tokens];
  const { stopWords } = analyzer.lexicon;
  const merged: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]];
    const single = (token: string | undefined): token is string => token !== undefined && CJK_CHAR_ONLY.test(token) && !stopWords.has(token);
    if (single(a) && single(b) && !known(a + b) && !isDictionaryWord(analyzer, a + b) && aids.homophones(a + b).length > 0) {
      merged.push(a + b);
      i++;
    } else merged.push(a);
  }
  return merged;
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
    refined.push(...pieces);
    // What the known pieces leave uncovered still has to be found (今天天气: 今天 is known, 天气 is
    // not), unless it is only stop characters (和普京: 和).
    if (uncovered(analyzer, token, pieces).length > 0) refined.push(token);
  }
  return refined;
}

/** The runs of a word's characters that none of the pieces covers, stop characters dropped: 今天天气 with 今天 → 天气. */
function uncovered(analyzer: Analyzer, word: string, pieces: readonly string[]): string[] {
  const covered = new Set<number>();
  for (const piece of pieces) {
    if (piece === word) continue;
    for (let at = word.indexOf(piece); at >= 0; at = word.indexOf(piece, at + 1)) for (let i = 0; i < piece.length; i++) covered.add(at + i);
  }
  const runs = [...word].map((char, i) => (covered.has(i) || analyzer.lexicon.stopWords.has(char) ? ' ' : char)).join('');
  return runs.split(' ').filter((run) => run.length > 0);
}

/**
 * Analyses a question (question-analysis.ts) and reads its topic words from what is left once
 * the framing is removed: an English question through the glossary; otherwise each run in its
 * own language (Chinese through the tokenizer, a Latin run through the glossary, so `中印
 * border` keeps 中印 and finds 边境). Words the index does not know get a second look
 * (refineUnknownTokens); each distinct word as typed becomes a concept with its synonyms, its
 * dictionary pieces its parts. `known` tells whether the index contains a term; `chinaSide`
 * names who speaks for China in the index.
 *
 * @example analyzeQuery(analyzer, '俄罗斯那边现在跟中国关系咋样').concepts.map((c) => c.term)
 *   // → ['俄罗斯', '中国', '关系']
 */
export function analyzeQuery(
  analyzer: Analyzer,
  text: string,
  known: (term: string) => boolean = () => true,
  chinaSide: ReadonlySet<string> = new Set(),
  aids: QueryAids = {},
): AnalyzedQuery {
  const { synonyms } = analyzer.lexicon;
  const question = analyzeQuestion(analyzer, text, chinaSide);
  const { english, core } = question;
  // The words as typed (jieba's exact mode), each made one concept with its pieces as parts; an
  // English word or phrase is one concept whichever of its translations a unit holds.
  const readings: EnglishReading[] = english
    ? translateEnglish(analyzer, core, aids)
    : languageRuns(core).flatMap((run) =>
        run.language === 'zh' ? analyzer.tokenizeExact(run.text).map((word) => ({ english: '', alternatives: [word] })) : translateEnglish(analyzer, run.text, aids),
      );
  const translations = new Map<string, readonly string[]>();
  const read: string[] = [];
  for (const reading of readings) {
    const [first, ...others] = reading.alternatives;
    if (first === undefined) continue;
    read.push(first);
    if (others.length > 0) translations.set(first, reading.alternatives);
  }
  const seen = new Set<string>();
  const concepts: QueryConcept[] = [];
  for (const word of mergeTypoPieces(analyzer, read, known, aids)) {
    // A word the index lacks gets a second look (和普京 → 普京; 别有用心 → its known pieces).
    const refined = refineUnknownTokens(analyzer, [word], known);
    if (refined.length === 0) continue;
    const term = refined.length === 1 ? refined[0]! : word;
    if (seen.has(term)) continue;
    seen.add(term);
    // The pieces of a word the index lacks include what its known pieces leave uncovered (今天天气 →
    // 今天 and 天气), so that holding 今天 is holding a small part of it.
    const pieces =
      refined.length > 1 ? [...refined.filter((piece) => piece !== term), ...uncovered(analyzer, term, refined)] : analyzer.tokenize(term).filter((piece) => piece !== term);
    const parts = [...new Set(pieces)].filter((piece) => !seen.has(piece)).map((piece) => ({ term: piece, alternatives: synonyms.get(piece) ?? [piece] }));
    const withParts = parts.length > 0 ? { parts } : {};
    // A word of the general dictionary that the corpus lacks (几份, 冷链) is a word, not a typo to read by its sound.
    const sounds = known(term) || synonyms.has(term) || isDictionaryWord(analyzer, term) ? [] : soundsLike(term, aids);
    if (sounds.length > 0) {
      const alternatives = [...new Set(sounds.flatMap(({ word: sound }) => synonyms.get(sound) ?? [sound]))];
      concepts.push({ term, alternatives, discount: HOMOPHONE_DISCOUNT[sounds[0]!.distance], ...withParts });
      continue;
    }
    const forms = (translations.get(term) ?? [term]).flatMap((form) => synonyms.get(form) ?? [form]);
    concepts.push({ term, alternatives: [...new Set(forms)], ...withParts });
  }
  return { concepts, english, question };
}
