/**
 * The best one-to-one assignment of rows to columns on a score matrix (the Hungarian method,
 * Kuhn–Munkres, O(n³)): the pairs whose scores sum highest. A pair may be forbidden (null), and
 * any row or column may stay unpaired, which scores 0; so only pairs scoring above 0 are worth
 * making, and a pair is never made at the cost of two better ones.
 * `bestAssignment([[3, 2], [2, null]])` → `[[0, 1], [1, 0]]` (2 + 2 beats 3 alone);
 * `bestAssignment([[3, 1], [1, null]])` → `[[0, 0]]`.
 */
export function bestAssignment(scores: readonly (readonly (number | null)[])[]): [row: number, column: number][] {
  const rows = scores.length;
  const columns = rows === 0 ? 0 : Math.max(...scores.map((row) => row.length));
  if (rows === 0 || columns === 0) return [];
  // Square cost matrix: real rows and columns, plus one "unpaired" slot for each (cost 0).
  const n = rows + columns;
  const forbidden = 1e9;
  const cost = (i: number, j: number): number => {
    if (i < rows && j < columns) {
      const score = scores[i]![j];
      return score === null || score === undefined ? forbidden : -score;
    }
    return 0;
  };
  // Potentials-based Hungarian algorithm (1-indexed, as usually written).
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i += 1) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= n; j += 1) {
        if (used[j]) continue;
        const current = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (current < minv[j]!) {
          minv[j] = current;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j += 1) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= n; j += 1) {
    const i = p[j]! - 1;
    if (i < rows && j - 1 < columns && cost(i, j - 1) < 0) pairs.push([i, j - 1]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
