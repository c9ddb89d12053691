import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { PROJECT_ROOT, readIndexFile } from '../../src/index-file.js';
import { formatAnswerText } from '../../src/present/text.js';
import { answerQuestion, createSearchIndex } from '../../src/search/index.js';

const file = readIndexFile();
const index = createSearchIndex(file);
const question = file.units.find((unit) => unit.question !== null)!.question!;

/** Runs `npx tsx src/main.ts` with no token anywhere (no DISCORD_TOKEN, no .env) and `stdin` piped in. */
function startWithoutToken(stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      // Only what npx needs; DOTENV_CONFIG_PATH keeps a developer's .env (and its token) out.
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], DOTENV_CONFIG_PATH: '/nonexistent/.env' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('console mode', () => {
  it('GIVEN no DISCORD_TOKEN and questions piped on stdin THEN `npm start`’s entry prints each official answer and exits at end of input', async () => {
    const { code, stdout } = await startWithoutToken(`${question}\n\n帮我写一首诗\n`);
    expect(code).toBe(0);
    const expected = [question, '帮我写一首诗'].map((text) => formatAnswerText(answerQuestion(index, text), file)).join('\n\n');
    expect(stdout).toBe(`${expected}\n`);
    const answered = answerQuestion(index, question).answer!;
    for (const paragraph of answered.paragraphs) expect(stdout).toContain(paragraph);
  }, 30_000);

  it('GIVEN a malformed setting THEN start-up stops with the one config message', async () => {
    const child = spawn('npx', ['tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], DOTENV_CONFIG_PATH: '/nonexistent/.env', LOG_LEVEL: 'loud' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
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
