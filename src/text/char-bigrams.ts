/** A Latin word or number (with inner `-`, `.`, `'`), or a run of Chinese characters. */
export const RUN = /[a-z0-9]+(?:[-.'][a-z0-9]+)*|[\u3400-\u9fff\uf900-\ufaff]+/gu;
/** A run that starts with a Latin letter or a digit. */
export const LATIN_OR_DIGIT = /^[a-z0-9]/;
/** Chinese characters only. */
export const CJK_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

/**
 * Character bigrams of the Chinese runs of already-folded text (a single character stays as
 * it is): the fallback for words that jieba cuts differently in two texts.
 *
 * @example charBigrams('溯源问题') // → ['溯源', '源问', '问题']
 */
export function charBigrams(normalized: string): string[] {
  const grams: string[] = [];
  for (const match of normalized.matchAll(RUN)) {
    const run = match[0];
    if (LATIN_OR_DIGIT.test(run)) continue;
    if (run.length === 1) grams.push(run);
    for (let i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
  }
  return grams;
}
