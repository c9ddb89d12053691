import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { CJK_ONLY, LATIN_OR_DIGIT, RUN } from './char-bigrams.js';
import { Jieba } from './jieba.js';
import { jiebaDataPaths, loadJiebaData } from './jieba-data.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { normalizeForMatching } from './normalize.js';

/**
 * The text analyzer shared by ingest and search: one value, created once by the entry point
 * (CLI, bot, test) and passed in, as orama passes its tokenizer and lunr its pipeline.
 *
 * Stages, in order: fold for matching (normalize.ts: NFKC, traditional → simplified, lower
 * case) → split into runs (Latin words and numbers whole, Chinese runs to jieba) → cut
 * (jieba's `cutForSearch`, with the field dictionary) → drop stop words. `specificity` says
 * how informative a word is in Chinese at large (jieba's IDF).
 */
export interface Analyzer {
  /** The stop words, synonyms and glossary of the analyzer's data files. */
  readonly lexicon: Lexicon;
  /** The files it was created from (see AnalyzerFiles). */
  readonly files: Readonly<AnalyzerFiles>;
  /**
   * Folded text → every matching token, stop words included (jieba's search mode: a long word
   * and its dictionary sub-words). `cut('中美关系')` → `['中美', '关系', '中美关系']`.
   */
  cut(folded: string): string[];
  /**
   * Source text → the tokens that are indexed and searched: folded, cut, no stop words.
   * The same text in traditional or simplified script gives the same tokens.
   * `tokenize('中方如何評價中美關係？')` → `['中美', '关系', '中美关系']`.
   */
  tokenize(text: string): string[];
  /** `tokenize` of text folded already (normalizeForMatching): the same tokens, without folding it again. */
  tokenizeFolded(folded: string): string[];
  /** jieba's exact-mode words of a text (no sub-words): `words('英国会不会制裁')` → `['英国', '会', '不会', '制裁']`. */
  words(text: string): string[];
  /**
   * Like `tokenize`, in jieba's exact mode: each word once, without the dictionary sub-words
   * that search mode adds (英国会不会 gives no 国会). For reading questions.
   * `tokenizeExact('中方如何評價中美關係？')` → `['中美关系']`.
   */
  tokenizeExact(text: string): string[];
  /** jieba's words with their part of speech (n 名词, vn, ns 地名, v 动词 …). */
  tag(text: string): { word: string; tag: string }[];
  /** Every dictionary word inside a (folded) word, as jieba's full mode finds them. */
  cutAll(word: string): string[];
  /**
   * How specific a word is in Chinese at large, about 0..1.5: jieba's IDF of it over jieba's
   * mean IDF; 1 for words jieba has no IDF for (names, new terms, Latin words); 0.2 for a single
   * character the synonyms do not name; 0.05 for words on jieba's own stop list.
   * `specificity('进行')` → 0.32.
   */
  specificity(term: string): number;
  /**
   * Adds words (names of speakers and outlets) to the dictionary when jieba would split them;
   * the words stay for every later cut (jieba's dictionary is one per process).
   */
  addWords(words: readonly string[]): void;
}

/** The data files an analyzer is made of. */
export interface AnalyzerFiles {
  /** jieba user dictionary, cppjieba's format: `word freq tag` a line, no comments. */
  userDictPath: string;
  /** Stop words: one a line, `#` comments; removed from indexed text and from queries. */
  stopWordsPath: string;
  /** English stop words: one a line; dropped from English questions before the glossary lookup. */
  englishStopWordsPath: string;
  /** Synonyms in the Solr format (`a, b, c` and `a, b => c`). */
  synonymsPath: string;
  /** English → Chinese glossary: `english phrase<TAB>中文 词 …`, `#` comments. */
  glossaryPath: string;
  /** jieba's main dictionary; undefined: the one nodejieba ships. */
  dictPath?: string | undefined;
  /** jieba's IDF file; undefined: the one nodejieba ships. */
  idfPath?: string | undefined;
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
/** Queries are user text: the specificity memo is bounded. */
const MAX_MEMO = 100_000;

/** The dictionary jieba was loaded with in this process (jieba holds one per process). */
let loadedDictionary: string | undefined;
const created = new Map<string, Analyzer>();

function dictionaryKey(files: Readonly<AnalyzerFiles>): string {
  return JSON.stringify([files.dictPath ?? null, files.idfPath ?? null, files.userDictPath]);
}

/**
 * Creates the analyzer of a set of data files: reads and parses them (`text: …` errors name
 * the file and line), loads jieba with the user dictionary, and adds the synonym and glossary
 * words jieba would split (words it already knows keep their trained weight).
 * jieba's dictionary is one per process, so creating an analyzer with other jieba dictionaries
 * than an earlier one throws; the same files give the same analyzer value.
 */
export function createAnalyzer(files: Readonly<AnalyzerFiles>): Analyzer {
  const fileKey = JSON.stringify(files);
  const existing = created.get(fileKey);
  if (existing) return existing;
  const key = dictionaryKey(files);
  if (loadedDictionary !== undefined && loadedDictionary !== key) {
    throw new Error(`text: jieba is already loaded with other dictionaries in this process (${loadedDictionary}); cannot load ${key}`);
  }
  const lexicon = loadLexicon(files);
  if (loadedDictionary === undefined) {
    try {
      nodejieba.load({
        userDict: files.userDictPath,
        ...(files.dictPath ? { dict: files.dictPath } : {}),
        ...(files.idfPath ? { idfDict: files.idfPath } : {}),
      });
    } catch (error) {
      throw new Error(`text: cannot load jieba with ${key}: ${(error as Error).message}`);
    }
    loadedDictionary = key;
  }
  const analyzer = analyzerOf(lexicon, files, nodejieba);
  analyzer.addWords([...lexicon.synonymTerms, ...[...lexicon.glossary.values()].flat()]);
  created.set(fileKey, analyzer);
  return analyzer;
}

const compact = new Map<string, Analyzer>();

/**
 * The same analyzer as createAnalyzer, on jieba.ts instead of nodejieba: the same cuts, tags
 * and weights (test/text/jieba.test.ts), from the full dictionary compiled into typed arrays
 * (about 14 MB instead of 243, read from a cache file in milliseconds; jieba-data.ts). Not
 * bound to the process: any number may live beside nodejieba. What the bot answers with;
 * build-index keeps nodejieba. The same files give the same analyzer value.
 */
export function createCompactAnalyzer(files: Readonly<AnalyzerFiles>): Analyzer {
  const fileKey = JSON.stringify(files);
  const existing = compact.get(fileKey);
  if (existing) return existing;
  const lexicon = loadLexicon(files);
  let userDict: string;
  try {
    userDict = readFileSync(files.userDictPath, 'utf8');
  } catch (error) {
    throw new Error(`text: cannot read ${files.userDictPath}: ${(error as Error).message}`);
  }
  const jieba = new Jieba(loadJiebaData(jiebaDataPaths(files)), userDict);
  const analyzer = analyzerOf(lexicon, files, jieba);
  analyzer.addWords([...lexicon.synonymTerms, ...[...lexicon.glossary.values()].flat()]);
  compact.set(fileKey, analyzer);
  return analyzer;
}

/** What an analyzer needs of jieba: nodejieba's functions, or a Jieba of jieba.ts. */
interface Segmenter {
  cut(sentence: string): string[];
  cutForSearch(sentence: string): string[];
  cutAll(sentence: string): string[];
  tag(sentence: string): { word: string; tag: string }[];
  extract(sentence: string, topN: number): { word: string; weight: number }[];
  insertWord(word: string): boolean;
}

function analyzerOf(lexicon: Lexicon, files: Readonly<AnalyzerFiles>, jieba: Segmenter): Analyzer {
  const memo = new Map<string, number>();
  const cut = (folded: string): string[] => {
    const tokens: string[] = [];
    for (const match of folded.matchAll(RUN)) {
      const run = match[0];
      if (LATIN_OR_DIGIT.test(run)) tokens.push(run);
      else for (const word of jieba.cutForSearch(run)) tokens.push(word);
    }
    return tokens;
  };
  const specificity = (term: string): number => {
    const cached = memo.get(term);
    if (cached !== undefined) return cached;
    let idf = JIEBA_MEAN_IDF;
    if (CJK_ONLY.test(term) && term.length === 1 && !lexicon.synonyms.has(term)) {
      idf = SINGLE_CHARACTER_SPECIFICITY * JIEBA_MEAN_IDF;
    } else if (CJK_ONLY.test(term) && term.length >= 2) {
      const keywords = jieba.extract(term, 1);
      const [top] = keywords;
      if (keywords.length === 0) idf = STOP_SPECIFICITY * JIEBA_MEAN_IDF;
      else if (top && top.word === term) idf = top.weight;
    }
    if (memo.size > MAX_MEMO) memo.clear();
    const value = idf / JIEBA_MEAN_IDF;
    memo.set(term, value);
    return value;
  };
  return {
    lexicon,
    files,
    cut,
    tokenize: (text) => cut(normalizeForMatching(text)).filter((token) => !lexicon.stopWords.has(token)),
    tokenizeFolded: (folded) => cut(folded).filter((token) => !lexicon.stopWords.has(token)),
    tokenizeExact: (text) => {
      const tokens: string[] = [];
      for (const match of normalizeForMatching(text).matchAll(RUN)) {
        const run = match[0];
        if (LATIN_OR_DIGIT.test(run)) tokens.push(run);
        else for (const word of jieba.cut(run)) tokens.push(word);
      }
      return tokens.filter((token) => !lexicon.stopWords.has(token));
    },
    words: (text) => jieba.cut(text),
    tag: (text) => jieba.tag(text),
    cutAll: (word) => jieba.cutAll(word),
    specificity,
    addWords(words) {
      for (const word of new Set(words.map(normalizeForMatching))) {
        if (word.length >= 2 && CJK_ONLY.test(word) && jieba.cut(word).length > 1) {
          jieba.insertWord(word);
          memo.delete(word);
        }
      }
    },
  };
}
