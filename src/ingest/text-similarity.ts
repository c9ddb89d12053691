/**
 * Surface similarity for deduplication: the characters and character bigrams of a text (and its
 * whole Latin words and numbers), and the edit distance of two texts. They need no dictionary, so
 * they work on any transcript. Word-level similarity for placing paragraphs is in word-model.ts.
 */

const WORD = /[\p{Script=Han}]+|[A-Za-z]+|[0-9]+(?:\.[0-9]+)?/gu;

/** Han characters and character bigrams, plus Latin words and numbers whole. `features('中美关系')` → 中, 中美, 美, 美关, 关, 关系, 系. */
export function features(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const run = Array.from(match[0]);
    if (!/\p{Script=Han}/u.test(run[0]!)) {
      out.push(match[0].toLowerCase());
      continue;
    }
    for (let i = 0; i < run.length; i += 1) {
      out.push(run[i]!);
      if (i + 1 < run.length) out.push(run[i]! + run[i + 1]!);
    }
  }
  return out;
}

/** Levenshtein distance over code points, giving up (returning `limit + 1`) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[y.length]!;
}
