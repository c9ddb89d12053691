import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/command-loader.js';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { cleanEnv } from '../bot/support/processes.js';

/**
 * `npm start` runs the compiled JavaScript (dist/, made by src/cli/build.mjs at `npm ci` and
 * before each start when a source changed). The tests of the bot start it from source (tsx);
 * here the compiled entry answers as the source does, and finds the same commands.
 */
const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the start script', () => {
  it('GIVEN the sources THEN src/cli/build.mjs leaves dist/ up to date (compiling only what changed since)', () => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'src/cli/build.mjs')], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    expect(readFileSync(join(PROJECT_ROOT, 'dist/.sources'), 'utf8')).toMatch(/^[0-9a-f]{64}$/u);
  }, 180_000);

  it('GIVEN a question on stdin THEN the compiled entry (as `npm start` runs it, with its Node flags) answers it as the source entry does', () => {
    const start = scripts['start'] ?? '';
    expect(start).toMatch(/^node .*dist\/src\/main\.js$/u);
    const [, ...args] = start.split(' ');
    const question = '中美关系会走向新冷战吗\n帮我写一首诗\n';
    const compiled = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, env: cleanEnv(), input: question, encoding: 'utf8' });
    const source = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: PROJECT_ROOT, env: cleanEnv(), input: question, encoding: 'utf8' });
    expect(compiled.status).toBe(0);
    expect(compiled.stdout).toContain('【中美关系】');
    expect(compiled.stdout).toBe(source.stdout);
  }, 60_000);

  it('GIVEN the compiled bot THEN it loads the same commands as the source', async () => {
    const listed = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const { loadCommands } = await import('./dist/src/bot/command-loader.js'); console.log([...(await loadCommands()).keys()].join(','));"],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
    expect(listed.trim()).toBe([...(await loadCommands()).keys()].join(','));
  }, 60_000);
});
