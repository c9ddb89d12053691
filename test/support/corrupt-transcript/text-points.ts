/**
 * Where a paragraph may be broken: positions are counted in characters (code points), so a
 * position p splits `text` into its first p characters and the rest.
 */

/** Punctuation, symbols and spaces: a split never lands next to one of these when it is "mid-word". */
const NOT_WORD = /[\p{P}\p{S}\s]/u;

/** Marks that end a sentence: a piece ending in one would look like a finished paragraph. */
const SENTENCE_END = new Set(Array.from('。！？!?；;…：:'));

/** Commas after which a transcript line is often broken. */
const COMMAS = new Set(Array.from('，、,'));

const isWord = (char: string | undefined): boolean => char !== undefined && !NOT_WORD.test(char);

/** The characters of a text (code points, so that no surrogate pair is cut). */
export function charsOf(text: string): string[] {
  return Array.from(text);
}

/** `[head, tail]` of a text split after `position` characters. */
export function splitAt(text: string, position: number): [string, string] {
  const chars = charsOf(text);
  return [chars.slice(0, position).join(''), chars.slice(position).join('')];
}

/**
 * Positions inside a word: both neighbours are letters, digits or Han characters, and each
 * side keeps at least two characters. `midWordSplits('改革完善。')` → [2].
 */
export function midWordSplits(text: string): number[] {
  const chars = charsOf(text);
  const positions: number[] = [];
  for (let p = 2; p <= chars.length - 2; p++) if (isWord(chars[p - 1]) && isWord(chars[p])) positions.push(p);
  return positions;
}

/** Positions right after a `，` or `、` that leave a word to start the rest. `commaSplits('甲乙，丙丁。')` → [3]. */
export function commaSplits(text: string): number[] {
  const chars = charsOf(text);
  const positions: number[] = [];
  for (let p = 2; p <= chars.length - 2; p++) if (COMMAS.has(chars[p - 1]!) && isWord(chars[p])) positions.push(p);
  return positions;
}

/**
 * Positions a truncated copy may end at: not right after a sentence end, leaving at least two
 * characters on each side, within the given share of the text.
 */
export function cutPoints(text: string, minShare = 0.15, maxShare = 0.85): number[] {
  const chars = charsOf(text);
  const positions: number[] = [];
  for (let p = Math.max(2, Math.ceil(chars.length * minShare)); p <= Math.min(chars.length - 2, Math.floor(chars.length * maxShare)); p++) {
    if (!SENTENCE_END.has(chars[p - 1]!)) positions.push(p);
  }
  return positions;
}

/**
 * Where a trailing fragment holding 30-70 % of the text may start: after a `，` when there is
 * one in range (`afterComma`), else at any word character (`anywhere`).
 */
export function suffixStarts(text: string, minShare = 0.3, maxShare = 0.7): { afterComma: number[]; anywhere: number[] } {
  const chars = charsOf(text);
  const afterComma: number[] = [];
  const anywhere: number[] = [];
  for (let p = 1; p < chars.length; p++) {
    const share = (chars.length - p) / chars.length;
    if (share < minShare || share > maxShare) continue;
    if (chars[p - 1] === '，' && isWord(chars[p])) afterComma.push(p);
    if (isWord(chars[p])) anywhere.push(p);
  }
  return { afterComma, anywhere };
}

/** Character bigrams of the Han text of a paragraph, for topic overlap. */
export function bigramsOf(text: string): Set<string> {
  const bigrams = new Set<string>();
  const chars = charsOf(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    if (/\p{Script=Han}/u.test(chars[i]!) && /\p{Script=Han}/u.test(chars[i + 1]!)) bigrams.add(chars[i]! + chars[i + 1]!);
  }
  return bigrams;
}
