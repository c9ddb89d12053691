import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/index-file.js';

/**
 * An environment with nothing that would change the bot's settings: PATH and HOME only, and
 * DOTENV_CONFIG_PATH pointing nowhere so a developer's .env (and its token) stays out.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], HOME: process.env['HOME'], DOTENV_CONFIG_PATH: '/nonexistent/.env', ...extra };
}

/** Runs `npx tsx <script>` to its end with `env` (over `cleanEnv`) and `stdin`. */
export function runScript(script: string, env: Record<string, string>, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', script], { cwd: PROJECT_ROOT, env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A running `npm start` entry: what it printed so far (stdout and stderr), its exit, and the process. */
export interface RunningEntry {
  output(): string;
  readonly exited: Promise<number | null>;
  stop(signal: NodeJS.Signals): void;
}

/**
 * Starts `tsx src/main.ts` as `npm start` does, with `env` over `cleanEnv`. The tsx binary runs
 * directly so signals reach the entry (npx does not relay them).
 */
export function startEntry(env: Record<string, string>): RunningEntry {
  const child = spawn(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], { cwd: PROJECT_ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output: () => output, exited, stop: (signal) => void child.kill(signal) };
}

/** Resolves once `condition()` holds, polling every 50 ms; rejects after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`until: condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
