import { convert, pinyin } from 'pinyin-pro';
import { CJK_ONLY } from './char-bigrams.js';

/**
 * Homophones for words typed with a pinyin input method: the typist picks a wrong character
 * with the right sound (援助 → 原助, 制裁 → 制才, 主权 → 主全), or confuses sounds that input
 * methods let users fold together (z/zh, c/ch, s/sh, n/l, an/ang, en/eng, in/ing).
 *
 * Pinyin comes from pinyin-pro, word by word, so that a vocabulary word's polyphonic characters
 * get the reading of that word (银行 yin hang, 行长 hang zhang). A looked-up word is a typo, so
 * its characters may stand for any of their readings: each character's other readings are
 * tried too, one character at a time.
 */

/** A vocabulary word that sounds like the looked-up word. */
export interface HomophoneMatch {
  word: string;
  /** 0: the same toneless pinyin; 1: the same once the fuzzy pairs are folded (z = zh, n = l, an = ang …). */
  distance: 0 | 1;
}

/** The vocabulary, indexed by sound. */
export interface HomophoneIndex {
  /** Number of vocabulary words indexed (Chinese words of 2+ characters with known pinyin). */
  readonly size: number;
  /**
   * Vocabulary words of the same length that sound like `word`, best first, without `word`
   * itself: distance 0 before 1; then fewer syllables differing by a fuzzy pair; then fewer
   * syllables with another tone; then matches of the word's usual reading before those of a
   * character's other reading; then the vocabulary's order. Words that are not 2+ Chinese
   * characters have no homophones (`[]`).
   *
   * @example createHomophoneIndex(['援助', '制裁']).lookup('原助') // → [{ word: '援助', distance: 0 }]
   */
  lookup(word: string): HomophoneMatch[];
}

/** A syllable: toneless pinyin (ü written ü) and tone (1-4, 0 for the neutral tone). */
interface Syllable {
  sound: string;
  tone: string;
}

/** One reading of a looked-up word: its syllables, and whether a character's other reading is used. */
interface Reading {
  syllables: Syllable[];
  alternate: boolean;
}

/** How close a vocabulary word (by its index) is to one reading of the looked-up word. */
interface Ranked {
  index: number;
  distance: 0 | 1;
  /** Syllables whose sounds differ (by a fuzzy pair: the index key is the same). */
  fuzzyDifferences: number;
  /** Syllables whose tones differ. */
  toneDifferences: number;
  /** Found through a character's other reading. */
  alternate: boolean;
}

const PINYIN_SYLLABLE = /^([a-zêü]+)([0-4])$/u;
/** Bound for the memos (they grow only with distinct characters and syllables: a few thousand). */
const MAX_MEMO = 30_000;

/** Folds the input methods' fuzzy pairs: zh → z, ch → c, sh → s, l → n, -ang → -an, -eng → -en, -ing → -in. */
function fuzzySound(sound: string): string {
  return sound
    .replace(/^([zcs])h/u, '$1')
    .replace(/^l/u, 'n')
    .replace(/([aei]n)g$/u, '$1');
}

/** pinyin-pro's `zhu4` → { sound: 'zhu', tone: '4' }; undefined for a character it has no pinyin for. */
function syllableOf(numbered: string): Syllable | undefined {
  const match = PINYIN_SYLLABLE.exec(numbered);
  return match ? { sound: match[1] ?? '', tone: match[2] ?? '' } : undefined;
}

/** Syllable with a tone mark → numbered (`zhāng` → `zhang1`, `de` → `de0`); a few thousand at most. */
const numberedOfMarked = new Map<string, string>();

function toNumbered(marked: string): string {
  let result = numberedOfMarked.get(marked);
  if (result === undefined) {
    result = convert(marked, { format: 'symbolToNum' });
    if (numberedOfMarked.size < MAX_MEMO) numberedOfMarked.set(marked, result);
  }
  return result;
}

/**
 * pinyin-pro's syllables of a word as a word (polyphonic characters read in context):
 * `['zhi4', 'cai2']`. Asked with tone marks, converted through a memo: three times faster
 * than pinyin-pro's own numbered output.
 */
function numberedPinyin(word: string): string[] {
  return pinyin(word, { type: 'array', toneSandhi: false }).map(toNumbered);
}

/** The syllables of a word as a word, or undefined when a character has no pinyin. */
function wordSyllables(word: string): Syllable[] | undefined {
  const numbered = numberedPinyin(word);
  if (numbered.length !== word.length) return undefined;
  const syllables: Syllable[] = [];
  for (const item of numbered) {
    const syllable = syllableOf(item);
    if (!syllable) return undefined;
    syllables.push(syllable);
  }
  return syllables;
}

/** Numbered syllable (`zhang3`) → its fuzzy sound (`zan`), '' for what is no syllable; a few thousand at most. */
const fuzzySoundOfNumbered = new Map<string, string>();

/** The index key of a word's numbered pinyin, or undefined when an item is no syllable. */
function fuzzyKeyOfNumbered(numbered: readonly string[]): string | undefined {
  const sounds: string[] = [];
  for (const item of numbered) {
    let sound = fuzzySoundOfNumbered.get(item);
    if (sound === undefined) {
      const syllable = syllableOf(item);
      sound = syllable ? fuzzySound(syllable.sound) : '';
      if (fuzzySoundOfNumbered.size < MAX_MEMO) fuzzySoundOfNumbered.set(item, sound);
    }
    if (sound === '') return undefined;
    sounds.push(sound);
  }
  return sounds.join(' ');
}

const characterReadings = new Map<string, Syllable[]>();

/** Every reading of one character (行: hang, xing, heng …), memoised. */
function readingsOfCharacter(character: string): Syllable[] {
  const cached = characterReadings.get(character);
  if (cached) return cached;
  const readings = pinyin(character, { toneType: 'num', type: 'array', multiple: true })
    .map(syllableOf)
    .filter((syllable): syllable is Syllable => syllable !== undefined);
  if (characterReadings.size >= MAX_MEMO) characterReadings.clear();
  characterReadings.set(character, readings);
  return readings;
}

/** The word's usual reading, then each reading with one character read another way. */
function readingsOf(word: string): Reading[] {
  const usual = wordSyllables(word);
  if (!usual) return [];
  const readings: Reading[] = [{ syllables: usual, alternate: false }];
  [...word].forEach((character, position) => {
    const seen = new Set([usual[position]?.sound]);
    for (const other of readingsOfCharacter(character)) {
      if (seen.has(other.sound)) continue;
      seen.add(other.sound);
      readings.push({ syllables: usual.map((syllable, i) => (i === position ? other : syllable)), alternate: true });
    }
  });
  return readings;
}

/** The key of the index: syllables with the fuzzy pairs folded (a word's exact homophones share it too). */
const fuzzyKey = (syllables: readonly Syllable[]): string => syllables.map((s) => fuzzySound(s.sound)).join(' ');

function addTo(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/** Orders two rankings of candidates: the better one first. */
function compareRanked(a: Ranked, b: Ranked): number {
  return (
    a.distance - b.distance ||
    a.fuzzyDifferences - b.fuzzyDifferences ||
    a.toneDifferences - b.toneDifferences ||
    Number(a.alternate) - Number(b.alternate) ||
    a.index - b.index
  );
}

/**
 * Indexes a vocabulary (the corpus's words, already folded for matching) by sound. Only Chinese
 * words of two or more characters are indexed; duplicates count once, at their first place.
 *
 * @example
 * const homophones = createHomophoneIndex(['援助', '制裁', '主权']);
 * homophones.lookup('制才') // → [{ word: '制裁', distance: 0 }]
 * homophones.lookup('主全') // → [{ word: '主权', distance: 0 }]
 */
export function createHomophoneIndex(vocabulary: Iterable<string>): HomophoneIndex {
  const words: string[] = [];
  // `zhi4 cai2` a word: one string each holds far less memory than syllable objects.
  const pinyinOf: string[] = [];
  const byFuzzySound = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const word of vocabulary) {
    if (seen.has(word) || word.length < 2 || !CJK_ONLY.test(word)) continue;
    seen.add(word);
    const numbered = numberedPinyin(word);
    const key = numbered.length === word.length ? fuzzyKeyOfNumbered(numbered) : undefined;
    if (key === undefined) continue;
    const index = words.length;
    words.push(word);
    pinyinOf.push(numbered.join(' '));
    addTo(byFuzzySound, key, index);
  }

  const rank = (index: number, reading: Reading): Ranked => {
    const target = (pinyinOf[index] ?? '').split(' ').map(syllableOf);
    let fuzzyDifferences = 0;
    let toneDifferences = 0;
    reading.syllables.forEach((syllable, i) => {
      if (syllable.sound !== target[i]?.sound) fuzzyDifferences++;
      if (syllable.tone !== target[i]?.tone) toneDifferences++;
    });
    return { index, distance: fuzzyDifferences === 0 ? 0 : 1, fuzzyDifferences, toneDifferences, alternate: reading.alternate };
  };

  return {
    size: words.length,
    lookup(word) {
      if (word.length < 2 || !CJK_ONLY.test(word)) return [];
      const best = new Map<number, Ranked>();
      for (const reading of readingsOf(word)) {
        for (const index of byFuzzySound.get(fuzzyKey(reading.syllables)) ?? []) {
          if (words[index] === word) continue;
          const ranked = rank(index, reading);
          const previous = best.get(index);
          if (!previous || compareRanked(ranked, previous) < 0) best.set(index, ranked);
        }
      }
      return [...best.values()].sort(compareRanked).map((ranked) => ({ word: words[ranked.index] ?? '', distance: ranked.distance }));
    },
  };
}
