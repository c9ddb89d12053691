import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_INDEX_PATH, PROJECT_ROOT, readIndexFile } from '../index-file.js';
import { createDefaultAnalyzer } from '../text/index.js';
import { answerQuestion, createSearchIndex, type SearchIndex } from '../search/index.js';
import type { Answer } from '../types.js';
import { processOutput, type CliOutput } from './output.js';

/**
 * `npm run eval -- [--index <file>] [--file <tsv>]… [--json]`
 *
 * Runs question sets against the index and prints accuracy by expected outcome, then each
 * failure. Default set: ../shared/eval/dev-questions.tsv, or its copy in test/fixtures/ when
 * ../shared is absent. Exit code 0 when every question is right, 1 otherwise, 2 on usage.
 *
 * A set is tab-separated with a header line: `expect<TAB>question[<TAB>group]`, where expect is
 * - a substring the answered unit's paragraphs (joined) must contain;
 * - `NONE`: the status must not be `answered`;
 * - `UNANSWERED` / `NO_MATCH`: the status must be exactly that.
 * The optional group (e.g. english, traditional) adds a line of accuracy per group.
 */

export const EVAL_USAGE = 'usage: npm run eval -- [--index <file>] [--file <tsv>]… [--json]';

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
    const right =
      expected === 'answered'
        ? answer.status === 'answered' && (answer.answer?.paragraphs.join('') ?? '').includes(evalCase.expect)
        : expected === 'not_answered'
          ? answer.status !== 'answered'
          : answer.status === expected;
    return { case: evalCase, expected, answer, right };
  });
}

export interface EvalSummary {
  total: number;
  right: number;
  byOutcome: Record<string, { total: number; right: number }>;
  byGroup: Record<string, { total: number; right: number }>;
  failures: { where: string; question: string; expect: string; status: string; topic: string | null; confidence: number | null }[];
}

export function summarize(results: readonly EvalResult[]): EvalSummary {
  const summary: EvalSummary = { total: 0, right: 0, byOutcome: {}, byGroup: {}, failures: [] };
  const count = (table: Record<string, { total: number; right: number }>, key: string, right: boolean): void => {
    const row = table[key] ?? { total: 0, right: 0 };
    table[key] = row;
    row.total += 1;
    if (right) row.right += 1;
  };
  for (const result of results) {
    summary.total += 1;
    if (result.right) summary.right += 1;
    count(summary.byOutcome, result.expected, result.right);
    if (result.case.group) count(summary.byGroup, result.case.group, result.right);
    if (!result.right) {
      summary.failures.push({
        where: result.case.where,
        question: result.case.question,
        expect: result.case.expect,
        status: result.answer.status,
        topic: result.answer.answer?.topic ?? result.answer.alternatives[0]?.topic ?? null,
        confidence: result.answer.answer?.confidence ?? null,
      });
    }
  }
  return summary;
}

function percent(right: number, total: number): string {
  return total === 0 ? '-' : `${((100 * right) / total).toFixed(1)}%`;
}

/** The summary as people read it. */
export function formatSummary(name: string, summary: EvalSummary): string {
  const lines = [`${name}: ${summary.right}/${summary.total} right (${percent(summary.right, summary.total)})`];
  for (const [outcome, row] of Object.entries(summary.byOutcome)) {
    lines.push(`  expected ${outcome.padEnd(12)} ${String(row.right).padStart(3)}/${String(row.total).padEnd(3)} ${percent(row.right, row.total)}`);
  }
  for (const [group, row] of Object.entries(summary.byGroup)) {
    lines.push(`  group ${group.padEnd(15)} ${String(row.right).padStart(3)}/${String(row.total).padEnd(3)} ${percent(row.right, row.total)}`);
  }
  for (const failure of summary.failures) {
    const got = failure.status === 'answered' ? `answered ${failure.topic} (${failure.confidence})` : `${failure.status}${failure.topic ? `, closest ${failure.topic}` : ''}`;
    lines.push(`  FAIL ${failure.where}: ${failure.question}  expected ${failure.expect}, got ${got}`);
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
  const files = values.file ?? [DEV_SET_PATHS.find((path) => existsSync(path)) ?? DEV_SET_PATHS[1] ?? ''];
  let index: SearchIndex;
  try {
    index = createSearchIndex(readIndexFile(values.index ?? DEFAULT_INDEX_PATH), createDefaultAnalyzer());
  } catch (error) {
    output.err((error as Error).message);
    return 1;
  }
  let allRight = true;
  const reports: Record<string, EvalSummary> = {};
  for (const file of files) {
    let cases: EvalCase[];
    try {
      cases = parseEvalSet(readFileSync(file, 'utf8'), file);
    } catch (error) {
      const message = (error as Error).message;
      output.err(message.startsWith('eval:') ? message : `eval: cannot read ${file}: ${message}`);
      return 1;
    }
    const summary = summarize(evaluate(index, cases));
    reports[file] = summary;
    if (summary.right !== summary.total) allRight = false;
    if (!values.json) output.out(formatSummary(file, summary));
  }
  if (values.json) output.out(JSON.stringify(reports));
  return allRight ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runEval(process.argv.slice(2));
}
