/**
 * Confidence calibration: the raw confidence of a decision (coverage × (0.5 + margin / 2)) mapped
 * to the share of answers given at that raw confidence that were right, on the tuning half of
 * the evaluation suite. The map is monotone (isotonic regression, pool adjacent violators) and
 * piecewise linear between its points; `npm run calibrate` fits it again and prints the table.
 */

/** [raw, calibrated] points, raw ascending; fitted by benchmarks/calibrate.ts on the tuning half. */
export type CalibrationTable = readonly (readonly [number, number])[];

/**
 * Maps a raw confidence through a calibration table: linear between points, flat beyond the ends.
 *
 * @example calibrate([[0.2, 0.3], [0.8, 0.9]], 0.5) // → 0.6
 */
export function calibrate(table: CalibrationTable, raw: number): number {
  const first = table[0];
  const last = table.at(-1);
  if (!first || !last) return raw;
  if (raw <= first[0]) return first[1];
  if (raw >= last[0]) return last[1];
  for (let i = 1; i < table.length; i++) {
    const [x1, y1] = table[i]!;
    const [x0, y0] = table[i - 1]!;
    if (raw <= x1) return x1 === x0 ? y1 : y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
  }
  return last[1];
}

/**
 * Fits a calibration table from (raw confidence, right) pairs: pool adjacent violators over the
 * pairs sorted by raw confidence, one point per pooled block at its mean raw confidence.
 *
 * @example fitCalibration([[0.3, false], [0.5, true], [0.9, true]]) // → [[0.3, 0], [0.5, 1], [0.9, 1]]
 */
export function fitCalibration(samples: readonly (readonly [number, boolean])[]): [number, number][] {
  const blocks: { sumX: number; sumY: number; n: number }[] = [];
  for (const [x, right] of [...samples].sort((a, b) => a[0] - b[0])) {
    blocks.push({ sumX: x, sumY: right ? 1 : 0, n: 1 });
    while (blocks.length > 1) {
      const b = blocks.at(-1)!;
      const a = blocks.at(-2)!;
      if (a.sumY / a.n <= b.sumY / b.n) break;
      blocks.splice(-2, 2, { sumX: a.sumX + b.sumX, sumY: a.sumY + b.sumY, n: a.n + b.n });
    }
  }
  const points = blocks.map((block): [number, number] => [round(block.sumX / block.n), round(block.sumY / block.n)]);
  // A flat run needs only its two ends.
  return points.filter((point, i) => i === 0 || i === points.length - 1 || point[1] !== points[i - 1]![1] || point[1] !== points[i + 1]![1]);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
