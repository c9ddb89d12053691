/**
 * `npm run calibrate`: fits the confidence calibrations of src/search/options.ts on the TUNING
 * half of the evaluation suite (never the held-out half): one for yes-or-no questions about an
 * action, one for the others. Prints both, with the precision of each calibrated band for both
 * halves. Paste the printed tables into SEARCH_OPTIONS.
 */
import { readFileSync } from 'node:fs';
import { buildSuiteIndex, evaluate, parseEvalSet, suiteFiles, type EvalResult } from '../src/cli/eval.js';
import { calibrate, fitCalibration } from '../src/search/calibration.js';
import { SEARCH_OPTIONS } from '../src/search/index.js';
import { createDefaultAnalyzer } from '../src/text/index.js';

const analyzer = createDefaultAnalyzer();
const raw = buildSuiteIndex(analyzer, undefined, { ...SEARCH_OPTIONS, calibration: [], whetherCalibration: [], thresholds: { ...SEARCH_OPTIONS.thresholds, minConfidence: 0 } });
const files = suiteFiles();
const results = (half: 'tuning' | 'holdout'): EvalResult[] =>
  evaluate(raw, files[half].flatMap((file) => parseEvalSet(readFileSync(file, 'utf8'), file)));
/** Raw confidence, right or not, and whether the question is a yes-or-no one about an action (its own table). */
type Sample = { confidence: number; right: boolean; whether: boolean };
const samples = (list: EvalResult[]): Sample[] =>
  list
    .filter((result) => result.answer.status === 'answered')
    .map((result) => ({ confidence: result.answer.answer?.confidence ?? 0, right: result.right, whether: result.answer.analysis?.whether !== undefined }));
const fit = (list: Sample[]) => fitCalibration(list.map(({ confidence, right }) => [confidence, right] as const));
const print = (table: readonly (readonly [number, number])[]) => `[${table.map(([x, y]) => `[${x}, ${y}]`).join(', ')}]`;

const tuning = samples(results('tuning'));
const table = fit(tuning.filter((sample) => !sample.whether));
const whetherTable = fit(tuning.filter((sample) => sample.whether));
console.log(`calibration: ${print(table)},`);
console.log(`whetherCalibration: ${print(whetherTable)},`);
for (const [half, list] of [['tuning', tuning], ['holdout', samples(results('holdout'))]] as const) {
  const bands = new Map<number, { n: number; right: number; meanConfidence: number }>();
  for (const { confidence, right, whether } of list) {
    const calibrated = calibrate(whether ? whetherTable : table, confidence);
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
