import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { expectedOutcome, parseEvalSet, runEval } from '../../src/cli/eval.js';
import { SEED_INDEX_PATH } from '../search/helpers.js';

function run(args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runEval(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out, err };
}

const fixture = (name: string): string => resolve(PROJECT_ROOT, 'test/fixtures', name);

describe('eval', () => {
  it('GIVEN the seed units and dev-questions.tsv THEN every question is right', () => {
    const { code, out } = run(['--index', SEED_INDEX_PATH, '--file', fixture('dev-questions.tsv')]);
    expect(out.join('\n')).not.toContain('FAIL');
    expect(code).toBe(0);
  });

  it('GIVEN the seed units and extra-questions.tsv THEN no false answer, and only the known miss is missed', () => {
    const { out } = run(['--index', SEED_INDEX_PATH, '--file', fixture('extra-questions.tsv')]);
    const text = out.join('\n');
    expect(text).not.toContain('FALSE');
    // Known since 2026-11-27: a yes-or-no claim (是不是要联手对付美国) whose action the unit's
    // answer never names in the asker's words (its reporter asked 联手挑战美国) is refused by the
    // whether check, which cut false answers on the held-out half (see README, Known limits).
    expect(text.split('\n').filter((line) => line.includes('FAIL')).map((line) => line.replace(/^.*?:\d+: /u, '').split('  ')[0])).toEqual(['中俄是不是要联手对付美国？']);
  });

  it('GIVEN --json THEN figures by expected outcome', () => {
    const { out } = run(['--index', SEED_INDEX_PATH, '--file', fixture('dev-questions.tsv'), '--json']);
    const report = JSON.parse(out[0] ?? '')[fixture('dev-questions.tsv')];
    expect(report.total).toBe(30);
    expect(report.byOutcome).toEqual({ answered: { total: 26, right: 26 }, not_answered: { total: 4, right: 4 } });
  });

  it('GIVEN a wrong expectation THEN exit 1 and the failure line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koujing-eval-'));
    const set = join(dir, 'set.tsv');
    writeFileSync(set, 'expect\tquestion\nNO_MATCH\t谎言录\n');
    const { code, out } = run(['--index', SEED_INDEX_PATH, '--file', set]);
    expect(code).toBe(1);
    expect(out.join('\n')).toContain(`FALSE ${set}:2: 谎言录  expected NO_MATCH, got answered 中美关系`);
  });

  it('GIVEN a row without a question THEN the parser names the line', () => {
    expect(() => parseEvalSet('expect\tquestion\n谎言录\n', 'x.tsv')).toThrow('eval: x.tsv:2: expected "expect<TAB>question", got "谎言录"');
  });

  it.each([
    ['NONE', 'not_answered'],
    ['UNANSWERED', 'unanswered'],
    ['NO_MATCH', 'no_match'],
    ['谎言录', 'answered'],
  ])('GIVEN expect %s THEN the expected outcome is %s', (expect_, outcome) => {
    expect(expectedOutcome(expect_)).toBe(outcome);
  });
});
