import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Folds text into the key used for matching, never for display: NFKC (full-width letters,
 * digits and punctuation become half-width), traditional → simplified Chinese, lower case.
 *
 * @example normalizeForMatching('歐洲怎麼看中國？ＷＨＯ') // → '欧洲怎么看中国?who'
 */
export function normalizeForMatching(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}
