import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/index-file.js';
import { createDefaultAnalyzer } from '../src/text/index.js';
import {
  breakdownByDefect,
  runCorruptionBenchmark,
  summarize,
  type BenchmarkSummary,
  type DefectBreakdownRow,
  type Half,
  type VariantResult,
} from '../test/support/corrupt-transcript/run-benchmark.js';
import type { FailedUnit } from '../test/support/corrupt-transcript/score-ingest.js';

/**
 * `npm run eval:ingest -- [--variants N] [--seed S] [--half tuning|holdout|all] [--fixtures DIR] [--json] [--verbose]`
 *
 * The ingest corruption benchmark: every clean fixture transcript of
 * test/fixtures/transcripts/{tuning,holdout}/ (with its `.truth.json`) is ingested as it is
 * (variant 0) and as N seeded corrupted variants (test/support/corrupt-transcript/), and each
 * result is scored against what ingest should yield. Prints one table (rows: metrics; columns:
 * tuning, holdout, all), then, for the tuning half only, failing units by the defect kinds of
 * their variant. `--verbose` prints each failing unit of tuning variants; held-out failures are
 * never printed (they must not steer the algorithms). `--json`: the same figures as one object.
 */

/** Where the halves are read from unless `--fixtures` names another folder (e.g. a snapshot of them, to compare runs while the set grows). */
const DEFAULT_FIXTURES = resolve(PROJECT_ROOT, 'test/fixtures/transcripts');

/** Variants per transcript by default: with a dozen transcripts, over 300 in all. */
const DEFAULT_VARIANTS = 30;

const { values } = parseArgs({
  options: {
    variants: { type: 'string', default: String(DEFAULT_VARIANTS) },
    seed: { type: 'string', default: '1' },
    half: { type: 'string', default: 'all' },
    fixtures: { type: 'string', default: DEFAULT_FIXTURES },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`eval-ingest: ${message}\n`);
  process.exit(1);
}

const variants = Number(values.variants);
const seed = Number(values.seed);
if (!Number.isInteger(variants) || variants < 0) fail(`--variants must be a whole number ≥ 0, not "${values.variants}".`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, not "${values.seed}".`);
if (!['tuning', 'holdout', 'all'].includes(values.half)) fail(`--half must be tuning, holdout or all, not "${values.half}".`);
const FIXTURES = resolve(values.fixtures);
const halves: Half[] = values.half === 'all' ? ['tuning', 'holdout'] : [values.half as Half];

/** The figures of one column of the table. */
interface HalfFigures {
  transcripts: number;
  variants: number;
  crashes: number;
  unitsExactlyRight: Rate;
  paragraphsInWrongUnit: Rate;
  questionsPairedRight: Rate;
  unansweredRecognised: Rate;
  falseUnanswered: number;
  corruptKept: number;
  sentencesLost: number;
  sentences: number;
  englishInChineseParagraphs: number;
  translationsRight: Rate;
  ingestMs: number;
  ingestMsPerVariant: number;
}

interface Rate {
  n: number;
  of: number;
  /** n / of, or null when there is nothing to count. */
  rate: number | null;
}

const rate = (n: number, of: number): Rate => ({ n, of, rate: of === 0 ? null : n / of });

function figuresOf(summary: BenchmarkSummary): HalfFigures {
  const { score } = summary;
  return {
    transcripts: summary.transcripts,
    variants: summary.variants,
    crashes: summary.crashes,
    unitsExactlyRight: rate(score.exactUnits, score.truthUnits),
    paragraphsInWrongUnit: rate(score.wrongUnitParagraphs, score.truthParagraphs),
    questionsPairedRight: rate(score.pairedQuestions, score.truthUnits),
    unansweredRecognised: rate(score.foundUnanswered, score.truthUnanswered),
    falseUnanswered: score.falseUnanswered,
    corruptKept: score.foreignKept,
    sentencesLost: score.sentencesLost,
    sentences: score.truthSentences,
    englishInChineseParagraphs: score.englishParagraphs,
    translationsRight: rate(score.translationsRight, score.translationUnits),
    ingestMs: Math.round(summary.ingestMs),
    ingestMsPerVariant: summary.variants === 0 ? 0 : Math.round((summary.ingestMs / summary.variants) * 10) / 10,
  };
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - [...text].length));
const showRate = (r: Rate): string => (r.rate === null ? '–' : `${(r.rate * 100).toFixed(1)}% (${r.n}/${r.of})`);

/** Prints a failing tuning unit: what the truth holds and what ingest made of it. */
function printFailure(result: VariantResult, failure: FailedUnit): void {
  const short = (text: string | null | undefined) => (text === null || text === undefined ? 'null' : `“${[...text].slice(0, 24).join('')}${[...text].length > 24 ? '…' : ''}”`);
  process.stdout.write(`\n${result.fixture} variant ${result.variant}, unit ${failure.cleanUnit + 1}: ${failure.failures.join(', ')} wrong\n`);
  for (const defect of result.defects) process.stdout.write(`  defect ${defect.kind}: ${defect.description}\n`);
  process.stdout.write(`  expected question ${short(failure.expected.question)}\n`);
  process.stdout.write(`  got      question ${failure.got ? short(failure.got.question) : '(no unit)'}\n`);
  const got = failure.got?.paragraphs ?? [];
  for (const paragraph of failure.expected.paragraphs) process.stdout.write(`  ${got.includes(paragraph) ? ' ' : '-'} ${short(paragraph)}\n`);
  for (const paragraph of got.filter((p) => !failure.expected.paragraphs.includes(p))) process.stdout.write(`  + ${short(paragraph)}\n`);
}

const started = performance.now();
const analyzer = createDefaultAnalyzer();
const results: VariantResult[] = [];
for (const result of runCorruptionBenchmark({ fixturesDir: FIXTURES, halves, variants, seed, analyzer })) {
  results.push(result);
  if (result.half !== 'tuning' || values.json) continue;
  if (result.crash !== null) process.stdout.write(`\n${result.fixture} variant ${result.variant}: ingest threw: ${result.crash}\n`);
  if (values.verbose) for (const failure of result.failed) printFailure(result, failure);
}
if (results.length === 0) fail(`no fixture transcript with a .truth.json in ${FIXTURES}/{${halves.join(',')}}.`);
const totalMs = Math.round(performance.now() - started);

const columns: { name: string; figures: HalfFigures }[] = [];
for (const half of halves) columns.push({ name: half, figures: figuresOf(summarize(results.filter((r) => r.half === half))) });
if (halves.length > 1) columns.push({ name: 'all', figures: figuresOf(summarize(results)) });
const breakdown: DefectBreakdownRow[] = breakdownByDefect(results.filter((r) => r.half === 'tuning'));

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ seed, variantsPerTranscript: variants, totalMs, halves: Object.fromEntries(columns.map((c) => [c.name, c.figures])), tuningBreakdown: breakdown }, null, 2)}\n`,
  );
} else {
  const rows: [string, (f: HalfFigures) => string][] = [
    ['transcripts', (f) => String(f.transcripts)],
    ['variants (incl. the clean files)', (f) => String(f.variants)],
    ['ingest crashes', (f) => String(f.crashes)],
    ['units exactly right', (f) => showRate(f.unitsExactlyRight)],
    ['paragraphs in a wrong unit', (f) => showRate(f.paragraphsInWrongUnit)],
    ['questions paired right', (f) => showRate(f.questionsPairedRight)],
    ['unanswered recognised', (f) => `${f.unansweredRecognised.n}/${f.unansweredRecognised.of}`],
    ['false unanswered', (f) => String(f.falseUnanswered)],
    ['corrupt copies/fragments kept', (f) => String(f.corruptKept)],
    ['sentences lost', (f) => `${f.sentencesLost} of ${f.sentences}`],
    ['English in Chinese paragraphs', (f) => String(f.englishInChineseParagraphs)],
    ['translations right', (f) => showRate(f.translationsRight)],
    ['ingest time total', (f) => `${(f.ingestMs / 1000).toFixed(1)} s`],
    ['ingest time per variant', (f) => `${f.ingestMsPerVariant} ms`],
  ];
  const width = 34;
  const columnWidth = 26;
  process.stdout.write(`\ningest corruption benchmark: seed ${seed}, ${variants} variants per transcript + the clean file (${(totalMs / 1000).toFixed(1)} s in all)\n\n`);
  process.stdout.write(`${pad('', width)}${columns.map((c) => pad(c.name, columnWidth)).join('')}\n`);
  for (const [label, show] of rows) process.stdout.write(`${pad(label, width)}${columns.map((c) => pad(show(c.figures), columnWidth)).join('')}\n`);
  if (breakdown.length > 0) {
    process.stdout.write(`\ntuning: failing units by the defect kinds present in their variant\n\n`);
    process.stdout.write(`${pad('defect', 24)}${pad('variants', 10)}${pad('failing units', 22)}failing among units it touched\n`);
    for (const row of breakdown.sort((a, b) => a.kind.localeCompare(b.kind))) {
      const touched = row.touchedUnits === 0 ? '–' : `${row.failedTouched}/${row.touchedUnits}`;
      process.stdout.write(`${pad(row.kind, 24)}${pad(String(row.variants), 10)}${pad(showRate(rate(row.failedUnits, row.units)), 22)}${touched}\n`);
    }
  }
}
