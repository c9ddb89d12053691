import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { cleanEnv, runScript } from '../bot/support/processes.js';
import { tempDatabasePath } from './helpers.js';

describe('GIVEN feedback configured (FEEDBACK_DB_PATH set)', () => {
  it('WHEN the console answers a question (npm start without a token) THEN no feedback file is written', async () => {
    const path = tempDatabasePath();
    const { code, stdout } = await runScript('src/main.ts', { FEEDBACK_DB_PATH: path }, '帮我写一首诗\n');
    expect(code).toBe(0);
    expect(stdout.trim()).not.toBe('');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it('WHEN `npm run ask` answers a question THEN no feedback file is written', () => {
    const path = tempDatabasePath();
    const result = spawnSync('npx', ['tsx', 'src/cli/ask.ts', '--json', '帮我写一首诗'], { cwd: PROJECT_ROOT, env: cleanEnv({ FEEDBACK_DB_PATH: path }), encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'no_match' });
    expect(readdirSync(dirname(path))).toEqual([]);
  });
});
