import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';

const DIR = join(PROJECT_ROOT, 'src/import');
const files = readdirSync(DIR).filter((name) => name.endsWith('.ts'));
const importsOf = (name: string): string[] =>
  [...readFileSync(join(DIR, name), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gmu)].map((match) => match[1]!);

describe('src/import is pure extraction', () => {
  it.each(files)('GIVEN %s THEN it imports neither discord.js, search, the bot, nor file, network or process modules', (name) => {
    const forbidden = importsOf(name).filter(
      (specifier) => /^(?:discord\.js|node:(?:fs|fs\/promises|http|https|net|child_process|process))$/u.test(specifier) || /(?:^|\/)(?:search|bot|cli)(?:\/|$)/u.test(specifier),
    );
    expect(forbidden).toEqual([]);
    expect(readFileSync(join(DIR, name), 'utf8')).not.toMatch(/\bfetch\(|process\.env/u);
  });

  it('GIVEN the folder THEN it holds the stages this test reads', () => {
    expect(files.sort()).toEqual(['decode.ts', 'import-page.ts', 'page-meta.ts', 'page-text.ts', 'transcript-file.ts']);
  });
});
