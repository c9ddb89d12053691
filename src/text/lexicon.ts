import { readFileSync } from 'node:fs';
import { normalizeForMatching } from './normalize.js';

/**
 * The search's data files, parsed. Each parser is pure (text in, structure out) and throws
 * `text: …` naming the file and line of a malformed entry; `loadLexicon` reads the files.
 */

/** Synonym rules: for each term, the terms a query for it is expanded to (itself included or not). */
export type SynonymMap = ReadonlyMap<string, readonly string[]>;

/** English phrase (lower case, words joined by one space) → Chinese query terms. */
export type Glossary = ReadonlyMap<string, readonly string[]>;

/** Everything the tokenizer and the query analysis need from `index-data/search/`. */
export interface Lexicon {
  stopWords: ReadonlySet<string>;
  /** Lower-case English stop words, for English questions only. */
  englishStopWords: ReadonlySet<string>;
  synonyms: SynonymMap;
  glossary: Glossary;
  /** Longest glossary phrase, in words. */
  glossaryMaxWords: number;
  /** Every term named in the synonym rules (to be cut whole by jieba). */
  synonymTerms: readonly string[];
}

/** Lines of a data file without `#` comments and blank lines, with their 1-based line numbers. */
function contentLines(text: string): { line: string; number: number }[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.replace(/(^|\s)#.*$/, '').trim(), number: i + 1 }))
    .filter(({ line }) => line.length > 0);
}

/** Parses a stop-word list (one word a line). Words are folded like any matched text. */
export function parseStopWords(text: string): Set<string> {
  return new Set(contentLines(text).map(({ line }) => normalizeForMatching(line)));
}

/**
 * Parses synonyms in the Solr / Elasticsearch "solr" format, with `expand = true`:
 * - `a, b, c`: each of a, b, c expands to all three;
 * - `a, b => c, d`: a and b are replaced by c and d (write `a => a, c` to keep a).
 * Rules add up when a term appears in several lines.
 *
 * @example parseSynonyms('美国, 美方\n倒退 => 倒退, 倒车').get('美方') // → ['美方', '美国']
 */
export function parseSynonyms(text: string, fileName = 'synonyms'): Map<string, string[]> {
  const rules = new Map<string, Set<string>>();
  const add = (from: string, to: readonly string[]): void => {
    const set = rules.get(from) ?? new Set<string>([from]);
    if (!rules.has(from)) rules.set(from, set);
    for (const term of to) set.add(term);
  };
  const explicit = new Map<string, Set<string>>();
  for (const { line, number } of contentLines(text)) {
    const parts = line.split('=>');
    if (parts.length > 2) throw new Error(`text: ${fileName}:${number}: more than one "=>" in "${line}"`);
    const terms = (side: string): string[] =>
      side
        .split(',')
        .map((term) => normalizeForMatching(term.trim()))
        .filter((term) => term.length > 0);
    if (parts.length === 2) {
      const from = terms(parts[0] ?? '');
      const to = terms(parts[1] ?? '');
      if (from.length === 0 || to.length === 0) {
        throw new Error(`text: ${fileName}:${number}: "=>" needs terms on both sides in "${line}"`);
      }
      for (const term of from) {
        const set = explicit.get(term) ?? new Set<string>();
        explicit.set(term, set);
        for (const target of to) set.add(target);
      }
    } else {
      const group = terms(line);
      if (group.length < 2) throw new Error(`text: ${fileName}:${number}: a synonym line needs two terms or more: "${line}"`);
      for (const term of group) add(term, group);
    }
  }
  const equivalent = new Map<string, string[]>();
  for (const [term, set] of rules) equivalent.set(term, [...set]);
  const result = new Map(equivalent);
  // An explicit mapping replaces the term, as in Solr; equivalences (not other mappings) of
  // its targets still apply, so the result does not depend on the order of the lines.
  for (const [term, targets] of explicit) {
    const expanded = new Set<string>();
    for (const target of targets) for (const t of equivalent.get(target) ?? [target]) expanded.add(t);
    result.set(term, [...targets, ...[...expanded].filter((t) => !targets.has(t))]);
  }
  return result;
}

/**
 * Parses the English glossary: `english phrase<TAB>中文 词 …` a line.
 * Phrases are lower-cased with their words joined by one space.
 *
 * @example parseGlossary('cold war\t冷战 新冷战').get('cold war') // → ['冷战', '新冷战']
 */
export function parseGlossary(text: string, fileName = 'glossary'): Map<string, string[]> {
  const glossary = new Map<string, string[]>();
  for (const { line, number } of contentLines(text)) {
    const [english, chinese, ...rest] = line.split('\t');
    if (english === undefined || chinese === undefined || rest.length > 0) {
      throw new Error(`text: ${fileName}:${number}: expected "english<TAB>中文", got "${line}"`);
    }
    const phrase = english.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
    const terms = chinese.split(/\s+/).filter(Boolean).map(normalizeForMatching);
    if (phrase.length === 0 || terms.length === 0) {
      throw new Error(`text: ${fileName}:${number}: empty side in "${line}"`);
    }
    glossary.set(phrase, [...(glossary.get(phrase) ?? []), ...terms]);
  }
  return glossary;
}

function readData(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`text: cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Reads and parses the stop-word lists, synonyms and glossary named in the options. */
export function loadLexicon(paths: {
  stopWordsPath: string;
  englishStopWordsPath: string;
  synonymsPath: string;
  glossaryPath: string;
}): Lexicon {
  const stopWords = parseStopWords(readData(paths.stopWordsPath));
  const englishStopWords = parseStopWords(readData(paths.englishStopWordsPath));
  const synonyms = parseSynonyms(readData(paths.synonymsPath), paths.synonymsPath);
  const glossary = parseGlossary(readData(paths.glossaryPath), paths.glossaryPath);
  const synonymTerms = new Set<string>();
  for (const [term, targets] of synonyms) {
    synonymTerms.add(term);
    for (const target of targets) synonymTerms.add(target);
  }
  let glossaryMaxWords = 1;
  for (const phrase of glossary.keys()) glossaryMaxWords = Math.max(glossaryMaxWords, phrase.split(' ').length);
  return { stopWords, englishStopWords, synonyms, glossary, glossaryMaxWords, synonymTerms: [...synonymTerms] };
}
