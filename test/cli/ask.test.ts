import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { ASK_USAGE, runAsk } from '../../src/cli/ask.js';
import { SEED_INDEX_PATH } from '../search/helpers.js';

function run(args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAsk(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out, err };
}

const ANSWER_KEYS = ['question', 'status', 'answer', 'unansweredQuestion', 'alternatives', 'analysis', 'decision'];
const HIT_KEYS = ['unitId', 'topic', 'reporterQuestion', 'speaker', 'source', 'paragraphs', 'bestParagraph', 'confidence'];

describe('ask --json', () => {
  it('GIVEN a question THEN one JSON object of the contract shape', () => {
    const { code, out } = run(['--index', SEED_INDEX_PATH, '--json', '中方如何评价当前的中美关系？']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const answer = JSON.parse(out[0] ?? '');
    expect(Object.keys(answer)).toEqual(ANSWER_KEYS);
    expect(Object.keys(answer.answer)).toEqual(HIT_KEYS);
    expect(answer.status).toBe('answered');
    expect(answer.answer.paragraphs.join('')).toContain('谎言录');
    for (const alternative of answer.alternatives) expect(Object.keys(alternative)).toEqual(['unitId', 'topic', 'confidence']);
  });

  it('GIVEN --batch THEN JSON Lines, one per non-blank line, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koujing-ask-'));
    const batch = join(dir, 'questions.txt');
    writeFileSync(batch, '谎言录\n\n涉港国安立法会影响香港的金融中心地位吗？\n帮我写一首诗\n');
    const { code, out } = run(['--index', SEED_INDEX_PATH, '--json', '--batch', batch]);
    expect(code).toBe(0);
    expect(out.map((line) => JSON.parse(line)).map((answer) => [answer.question, answer.status])).toEqual([
      ['谎言录', 'answered'],
      ['涉港国安立法会影响香港的金融中心地位吗？', 'unanswered'],
      ['帮我写一首诗', 'no_match'],
    ]);
    const unanswered = JSON.parse(out[1] ?? '');
    expect(unanswered.answer).toBeNull();
    expect(unanswered.unansweredQuestion).toContain('涉港国安立法');
  });
});

describe('ask as text', () => {
  it('GIVEN a question THEN the answer as a person reads it', () => {
    const { code, out } = run(['--index', SEED_INDEX_PATH, '中方怎麼看歐洲']);
    expect(code).toBe(0);
    expect(out[0]).toContain('【中欧关系】');
    expect(out[0]).toContain('淘汰赛');
  });

  it.each([
    ['俄罗斯对中俄关系怎么看', '实录中只有中方的表态，没有俄罗斯的看法。\n可以提供中方在相近话题上的表态：中俄关系'],
    ['中美关系什么时候开始恶化的', '实录中没有给出这个具体日期或时间。\n实录中有这个话题的官方表态：中美关系、中俄关系'],
    ['帮我写一首诗', '没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。\n可以换个说法，或者问一个更具体的外交话题。'],
  ])('GIVEN %s, which it abstains on THEN why there is no quote, and what it can offer instead (no Discord command named)', (question, text) => {
    const { code, out } = run(['--index', SEED_INDEX_PATH, question]);
    expect(code).toBe(0);
    expect(out).toEqual([text]);
  });
});

describe('ask usage errors', () => {
  it.each([
    [[], `ask: no question given\n${ASK_USAGE}`, 2],
    [['--batch', 'a.txt', '问题'], `ask: give either --batch <file> or a question, not both\n${ASK_USAGE}`, 2],
    [['--nope', '问题'], `ask: Unknown option '--nope'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--nope"\n${ASK_USAGE}`, 2],
  ])('GIVEN %j THEN exit %i with the message', (args, message, code) => {
    const result = run(args as string[]);
    expect(result.err).toEqual([message]);
    expect(result.code).toBe(code);
  });

  it('GIVEN a missing index THEN exit 1 naming it', () => {
    const result = run(['--index', '/nonexistent/index.json', '问题']);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/^index-file: cannot read \/nonexistent\/index.json/);
  });
});

describe('the ask script', () => {
  it('GIVEN it is run as npm run ask would THEN it prints the JSON answer', () => {
    const stdout = execFileSync('npx', ['tsx', 'src/cli/ask.ts', '--index', SEED_INDEX_PATH, '--json', '滥诉'], {
      cwd: resolve(PROJECT_ROOT),
      encoding: 'utf8',
    });
    const answer = JSON.parse(stdout.trim());
    expect(answer.status).toBe('answered');
    expect(answer.answer.paragraphs.join('')).toContain('三无产品');
  });
});
