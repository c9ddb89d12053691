import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { readIndexFile } from '../../src/index-file.js';
import { formatAnswerText } from '../../src/present/text.js';
import { answerQuestion, createSearchIndex } from '../../src/search/index.js';
import { runScript } from '../bot/support/processes.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const file = readIndexFile();
const index = createSearchIndex(file, createDefaultAnalyzer());
const question = file.units.find((unit) => unit.question !== null)!.question!;

describe('console mode', () => {
  it('GIVEN no DISCORD_TOKEN and questions piped on stdin THEN `npm start`’s entry prints each official answer and exits at end of input', async () => {
    // No DISCORD_TOKEN in the environment, and no .env (see cleanEnv).
    const { code, stdout } = await runScript('src/main.ts', {}, `${question}\n\n帮我写一首诗\n`);
    expect(code).toBe(0);
    const expected = [question, '帮我写一首诗'].map((text) => formatAnswerText(answerQuestion(index, text), file)).join('\n\n');
    expect(stdout).toBe(`${expected}\n`);
    const answered = answerQuestion(index, question).answer!;
    for (const paragraph of answered.paragraphs) expect(stdout).toContain(paragraph);
  }, 30_000);

  it('GIVEN a malformed setting THEN start-up stops with the one config message', async () => {
    const { code, stderr } = await runScript('src/main.ts', { LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'config: cannot start, 1 setting is wrong (see .env.example):\n  - LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent\n',
    );
  }, 30_000);

  it('GIVEN a terminal THEN a banner and a prompt before each question', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const done = runConsole({ file, input, output, interactive: true });
    input.end(`${question}\n`);
    await done;
    expect(printed.startsWith('口径 控制台模式：输入问题后按回车，Ctrl+D 退出。\n')).toBe(true);
    // readline draws the prompt with terminal escape codes around it.
    expect(printed).toContain('问> ');
    expect(printed).toContain(formatAnswerText(answerQuestion(index, question), file));
  });
});
