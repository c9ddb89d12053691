/**
 * `npm run calibrate`: fits the confidence calibration of src/search/options.ts on the TUNING
 * half of the evaluation suite (never the held-out half) and prints it, with the precision of
 * each band before and after, for both halves. Paste the printed table into SEARCH_OPTIONS.
 */
import { readFileSync } from 'node:fs';
import { buildSuiteIndex, evaluate, parseEvalSet, suiteFiles, type EvalResult } from '../src/cli/eval.js';
import { calibrate, fitCalibration } from '../src/search/calibration.js';
import { SEARCH_OPTIONS } from '../src/search/index.js';
import { createDefaultAnalyzer } from '../src/text/index.js';

const analyzer = createDefaultAnalyzer();
const raw = buildSuiteIndex(analyzer, undefined, { ...SEARCH_OPTIONS, calibration: [], thresholds: { ...SEARCH_OPTIONS.thresholds, minConfidence: 0 } });
const files = suiteFiles();
const results = (half: 'tuning' | 'holdout'): EvalResult[] =>
  evaluate(raw, files[half].flatMap((file) => parseEvalSet(readFileSync(file, 'utf8'), file)));
const samples = (list: EvalResult[]): [number, boolean][] =>
  list.filter((result) => result.answer.status === 'answered').map((result) => [result.answer.answer?.confidence ?? 0, result.right]);

const tuning = samples(results('tuning'));
const table = fitCalibration(tuning);
console.log(`calibration: [${table.map(([x, y]) => `[${x}, ${y}]`).join(', ')}],`);
for (const [half, list] of [['tuning', tuning], ['holdout', samples(results('holdout'))]] as const) {
  const bands = new Map<number, { n: number; right: number; meanConfidence: number }>();
  for (const [confidence, right] of list) {
    const calibrated = calibrate(table, confidence);
    const band = Math.min(9, Math.floor(calibrated * 10));
    const row = bands.get(band) ?? { n: 0, right: 0, meanConfidence: 0 };
    row.n += 1;
    row.right += right ? 1 : 0;
    row.meanConfidence += calibrated;
    bands.set(band, row);
  }
  const rows = [...bands].sort((a, b) => a[0] - b[0]).map(([band, row]) => `[${(band / 10).toFixed(1)},${((band + 1) / 10).toFixed(1)}) ${row.right}/${row.n} (mean confidence ${(row.meanConfidence / row.n).toFixed(2)})`);
  console.log(`${half}: ${rows.join('  ')}`);
}
