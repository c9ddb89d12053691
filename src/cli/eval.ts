import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_INDEX_PATH, PROJECT_ROOT } from '../index-file.js';
import { buildIndex, readSources } from '../ingest/sources.js';
import { answerQuestion, createSearchIndex, SEARCH_OPTIONS, type SearchIndex, type SearchOptions } from '../search/index.js';
import { loadSearchIndex } from '../search/load-index.js';
import { createDefaultAnalyzer, type Analyzer } from '../text/index.js';
import type { Answer } from '../types.js';
import { processOutput, type CliOutput } from './output.js';

/**
 * `npm run eval -- [--index <file>] [--file <tsv>]… [--suite] [--show-holdout-failures] [--json]`
 *
 * Runs question sets against an index and prints, for each, the false answers first (a wrong
 * unit quoted, or a unit quoted where the record holds no answer), then answerable questions
 * answered right, abstentions, each kind (group), the precision of answers by confidence band,
 * and each failure. Without --file and --index: the dev set (../shared/eval/dev-questions.tsv,
 * or its copy in test/fixtures/ when ../shared is absent) on the bundled index, then the suite
 * (test/fixtures/questions/: a tuning and a held-out half over the transcripts of its
 * corpus.txt, ingested into one index). Held-out failures are listed only with
 * --show-holdout-failures: nobody tunes on them. Exit code 0 when every question of the dev set
 * (or of the named files) is right, 1 otherwise, 2 on usage.
 *
 * A set is tab-separated with a header line: `expect<TAB>question[<TAB>group]`, where expect is
 * - a substring the answered unit's paragraphs (joined) must contain (`a|b`: either);
 * - `NONE`: the status must not be `answered`;
 * - `UNANSWERED` / `NO_MATCH`: the status must be exactly that.
 * The optional group (e.g. english, traditional) adds a line of accuracy per group.
 */

export const EVAL_USAGE = 'usage: npm run eval -- [--index <file>] [--file <tsv>]… [--suite] [--show-holdout-failures] [--json]';

/** The evaluation suite: question sets in a tuning and a held-out half, over a corpus of transcripts. */
export const SUITE_DIR = resolve(PROJECT_ROOT, 'test/fixtures/questions');
/** The suite's halves: question files named `<half>-*.tsv` in SUITE_DIR. */
export const SUITE_HALVES = ['tuning', 'holdout'] as const;
export type SuiteHalf = (typeof SUITE_HALVES)[number];

/**
 * The suite's corpus: `corpus.txt` in SUITE_DIR lists transcript files or folders, one a line,
 * relative to the project root (`#` comments). They are ingested into one index, as an archive.
 */
export function buildSuiteIndex(analyzer: Analyzer, dir: string = SUITE_DIR, options: Readonly<SearchOptions> = SEARCH_OPTIONS): SearchIndex {
  const listed = readFileSync(join(dir, 'corpus.txt'), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.length > 0);
  const sources = listed.flatMap((path) => readSources(resolve(PROJECT_ROOT, path)));
  return createSearchIndex(buildIndex(sources, PROJECT_ROOT, analyzer).index, analyzer, options);
}

/** The question files of each half of the suite, sorted by name. */
export function suiteFiles(dir: string = SUITE_DIR): Record<SuiteHalf, string[]> {
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.tsv')).sort() : [];
  return Object.fromEntries(SUITE_HALVES.map((half) => [half, names.filter((name) => name.startsWith(`${half}-`)).map((name) => join(dir, name))])) as Record<
    SuiteHalf,
    string[]
  >;
}

/** Default development set, and the fallback copy used when ../shared is absent. */
export const DEV_SET_PATHS = [
  resolve(PROJECT_ROOT, '../shared/eval/dev-questions.tsv'),
  resolve(PROJECT_ROOT, 'test/fixtures/dev-questions.tsv'),
];

export interface EvalCase {
  expect: string;
  question: string;
  group: string | null;
  /** `file:line`, for failure reports. */
  where: string;
}

/** The outcome a case expects, for grouping the figures. */
export type ExpectedOutcome = 'answered' | 'not_answered' | 'unanswered' | 'no_match';

export interface EvalResult {
  case: EvalCase;
  expected: ExpectedOutcome;
  answer: Answer;
  right: boolean;
}

/** Parses a question set (see the file comment); throws `eval: …` naming the line of a bad row. */
export function parseEvalSet(text: string, fileName: string): EvalCase[] {
  const lines = text.split(/\r?\n/);
  const cases: EvalCase[] = [];
  lines.forEach((line, i) => {
    if (i === 0 || line.trim().length === 0 || line.startsWith('#')) return;
    const [expect, question, group] = line.split('\t');
    if (!expect || question === undefined) throw new Error(`eval: ${fileName}:${i + 1}: expected "expect<TAB>question", got "${line}"`);
    cases.push({ expect, question, group: group?.trim() || null, where: `${fileName}:${i + 1}` });
  });
  return cases;
}

export function expectedOutcome(expect: string): ExpectedOutcome {
  if (expect === 'NONE') return 'not_answered';
  if (expect === 'UNANSWERED') return 'unanswered';
  if (expect === 'NO_MATCH') return 'no_match';
  return 'answered';
}

/** Answers each case and judges it. */
export function evaluate(index: SearchIndex, cases: readonly EvalCase[]): EvalResult[] {
  return cases.map((evalCase) => {
    const answer = answerQuestion(index, evalCase.question);
    const expected = expectedOutcome(evalCase.expect);
    const text = answer.answer?.paragraphs.join('') ?? '';
    const right =
      expected === 'answered'
        ? answer.status === 'answered' && evalCase.expect.split('|').some((part) => text.includes(part))
        : expected === 'not_answered'
          ? answer.status !== 'answered'
          : answer.status === expected;
    return { case: evalCase, expected, answer, right };
  });
}

/** Right and total of a slice of the results; `false` counts false answers in it. */
export interface EvalCount {
  total: number;
  right: number;
  /** Answered with a unit that is not the expected one, or answered where it should abstain. */
  false: number;
}

/** Answers given with a confidence in [from, to), and how many were right. */
export interface ConfidenceBand {
  from: number;
  to: number;
  answered: number;
  right: number;
}

export interface EvalSummary {
  total: number;
  right: number;
  /** The headline figure: answers that quote the wrong unit or should have been abstentions. */
  falseAnswers: number;
  /** Questions the record answers: how many got the right unit. */
  answerable: EvalCount;
  /** Questions the record does not answer: how many were abstained on. */
  abstain: EvalCount;
  byOutcome: Record<string, { total: number; right: number }>;
  byGroup: Record<string, EvalCount>;
  /** Precision of answers by confidence band (0.1 wide). */
  calibration: ConfidenceBand[];
  failures: { where: string; question: string; expect: string; status: string; topic: string | null; confidence: number | null; false: boolean }[];
}

/** True when the result quotes an answer it should not have: the wrong unit, or any unit where it should abstain. */
export function isFalseAnswer(result: EvalResult): boolean {
  return result.answer.status === 'answered' && !result.right;
}

const BAND_WIDTH = 0.1;

export function summarize(results: readonly EvalResult[]): EvalSummary {
  const empty = (): EvalCount => ({ total: 0, right: 0, false: 0 });
  const summary: EvalSummary = {
    total: 0,
    right: 0,
    falseAnswers: 0,
    answerable: empty(),
    abstain: empty(),
    byOutcome: {},
    byGroup: {},
    calibration: Array.from({ length: Math.round(1 / BAND_WIDTH) }, (_, i) => ({
      from: round2(i * BAND_WIDTH),
      to: round2((i + 1) * BAND_WIDTH),
      answered: 0,
      right: 0,
    })),
    failures: [],
  };
  const count = (row: EvalCount, result: EvalResult): void => {
    row.total += 1;
    if (result.right) row.right += 1;
    if (isFalseAnswer(result)) row.false += 1;
  };
  for (const result of results) {
    summary.total += 1;
    if (result.right) summary.right += 1;
    const falseAnswer = isFalseAnswer(result);
    if (falseAnswer) summary.falseAnswers += 1;
    count(result.expected === 'answered' ? summary.answerable : summary.abstain, result);
    const outcome = summary.byOutcome[result.expected] ?? { total: 0, right: 0 };
    summary.byOutcome[result.expected] = outcome;
    outcome.total += 1;
    if (result.right) outcome.right += 1;
    if (result.case.group) {
      const row = summary.byGroup[result.case.group] ?? empty();
      summary.byGroup[result.case.group] = row;
      count(row, result);
    }
    const confidence = result.answer.answer?.confidence;
    if (result.answer.status === 'answered' && confidence !== undefined) {
      const band = summary.calibration[Math.min(summary.calibration.length - 1, Math.floor(confidence / BAND_WIDTH))];
      if (band) {
        band.answered += 1;
        if (result.right) band.right += 1;
      }
    }
    if (!result.right) {
      summary.failures.push({
        where: result.case.where,
        question: result.case.question,
        expect: result.case.expect,
        status: result.answer.status,
        topic: result.answer.answer?.topic ?? result.answer.alternatives[0]?.topic ?? null,
        confidence: result.answer.answer?.confidence ?? null,
        false: falseAnswer,
      });
    }
  }
  return summary;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function percent(right: number, total: number): string {
  return total === 0 ? '-' : `${((100 * right) / total).toFixed(1)}%`;
}

/** The summary as people read it: false answers first, then answerable and abstentions, kinds, bands, failures. */
export function formatSummary(name: string, summary: EvalSummary, options: { failures?: boolean } = {}): string {
  const { answerable, abstain } = summary;
  const lines = [
    `${name}: ${summary.right}/${summary.total} right (${percent(summary.right, summary.total)})`,
    `  false answers        ${String(summary.falseAnswers).padStart(3)}/${String(summary.total).padEnd(3)} ${percent(summary.falseAnswers, summary.total)}   (wrong unit ${answerable.false}, answered where it should abstain ${abstain.false})`,
    `  answerable right     ${String(answerable.right).padStart(3)}/${String(answerable.total).padEnd(3)} ${percent(answerable.right, answerable.total)}`,
    `  abstained right      ${String(abstain.right).padStart(3)}/${String(abstain.total).padEnd(3)} ${percent(abstain.right, abstain.total)}`,
  ];
  for (const [group, row] of Object.entries(summary.byGroup).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  kind ${group.padEnd(15)} ${String(row.right).padStart(3)}/${String(row.total).padEnd(3)} ${percent(row.right, row.total).padEnd(6)} false ${row.false}`);
  }
  const bands = summary.calibration.filter((band) => band.answered > 0);
  if (bands.length > 0) {
    lines.push(`  precision by confidence: ${bands.map((band) => `[${band.from.toFixed(1)},${band.to.toFixed(1)}) ${band.right}/${band.answered}`).join('  ')}`);
  }
  if (options.failures ?? true) {
    for (const failure of summary.failures) {
      const got = failure.status === 'answered' ? `answered ${failure.topic} (${failure.confidence})` : `${failure.status}${failure.topic ? `, closest ${failure.topic}` : ''}`;
      lines.push(`  ${failure.false ? 'FALSE' : 'FAIL'} ${failure.where}: ${failure.question}  expected ${failure.expect}, got ${got}`);
    }
  }
  return lines.join('\n');
}

/** Runs the eval CLI with these arguments; returns the exit code. */
export function runEval(argv: readonly string[], output: CliOutput = processOutput): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        index: { type: 'string' },
        file: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        suite: { type: 'boolean', default: false },
        'show-holdout-failures': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    output.err(`eval: ${(error as Error).message}\n${EVAL_USAGE}`);
    return 2;
  }
  if (values.help) {
    output.out(EVAL_USAGE);
    return 0;
  }
  const explicit = values.file !== undefined || values.index !== undefined;
  const files = values.file ?? (values.suite ? [] : [DEV_SET_PATHS.find((path) => existsSync(path)) ?? DEV_SET_PATHS[1] ?? '']);
  const reports: Record<string, EvalSummary> = {};
  let allRight = true;
  const readSet = (file: string): EvalCase[] => {
    try {
      return parseEvalSet(readFileSync(file, 'utf8'), file);
    } catch (error) {
      const message = (error as Error).message;
      throw new Error(message.startsWith('eval:') ? message : `eval: cannot read ${file}: ${message}`);
    }
  };
  try {
    if (files.length > 0) {
      // A built index is answered as the bot answers it (the serving analyzer).
      const index = loadSearchIndex(values.index ?? DEFAULT_INDEX_PATH).index;
      for (const file of files) {
        const summary = summarize(evaluate(index, readSet(file)));
        reports[file] = summary;
        if (summary.right !== summary.total) allRight = false;
        if (!values.json) output.out(formatSummary(file, summary));
      }
    }
    // The suite's figures inform; the exit code is the dev set's (or the named files').
    if (values.suite || !explicit) {
      // The suite's corpus is ingested, as build-index does it (nodejieba).
      const index = buildSuiteIndex(createDefaultAnalyzer());
      for (const [half, halfFiles] of Object.entries(suiteFiles())) {
        const summary = summarize(evaluate(index, halfFiles.flatMap(readSet)));
        reports[half] = summary;
        const failures = half !== 'holdout' || values['show-holdout-failures'];
        if (!values.json) output.out(formatSummary(`suite ${half} (${halfFiles.map((file) => file.slice(SUITE_DIR.length + 1)).join(', ')})`, summary, { failures }));
      }
    }
  } catch (error) {
    output.err((error as Error).message);
    return 1;
  }
  if (values.json) output.out(JSON.stringify(reports));
  return allRight ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runEval(process.argv.slice(2));
}
