import * as OpenCC from 'opencc-js';

// Hong Kong and Taiwan variant characters (衞, 綫, 裏) as well as standard traditional ones.
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toSimplified = (text: string): string => fromTaiwan(fromHongKong(text));

/**
 * Folds text into the key used for matching, never for display: NFKC (full-width letters,
 * digits and punctuation become half-width), traditional → simplified Chinese (with Hong Kong
 * and Taiwan variant characters), lower case.
 *
 * @example normalizeForMatching('歐洲怎麼看中國？ＷＨＯ') // → '欧洲怎么看中国?who'
 */
export function normalizeForMatching(text: string): string {
  return foldScript(text).toLowerCase();
}

/**
 * NFKC and traditional → simplified, case kept: for reading a question (`WHO` stays an acronym).
 *
 * @example foldScript('歐洲怎麼看ＷＨＯ') // → '欧洲怎么看WHO'
 */
export function foldScript(text: string): string {
  return toSimplified(text.normalize('NFKC'));
}
