import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { createCompactAnalyzer, createDefaultAnalyzer, createServingAnalyzer, DEFAULT_ANALYZER_FILES } from '../../src/text/index.js';

const native = createDefaultAnalyzer();
const compact = createCompactAnalyzer(DEFAULT_ANALYZER_FILES);

/** Every line of every transcript and question set of the project. */
function projectTexts(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:txt|tsv)$/u.test(name)) files.push(path);
    }
  };
  for (const dir of ['index-data', 'test/fixtures']) walk(resolve(PROJECT_ROOT, dir));
  return files.flatMap((path) => readFileSync(path, 'utf8').split('\n')).filter((line) => line.trim().length > 0);
}

describe('the compact analyzer', () => {
  it('is the serving analyzer, one value per set of files', () => {
    expect(createServingAnalyzer()).toBe(compact);
    expect(createCompactAnalyzer({ ...DEFAULT_ANALYZER_FILES })).toBe(compact);
  });

  it('GIVEN every project text THEN the same tokens, exact tokens, words, tags, pieces and specificities as the nodejieba analyzer', () => {
    const texts = projectTexts();
    expect(texts.length).toBeGreaterThan(1_000);
    for (const text of texts) {
      expect(compact.tokenize(text), text).toEqual(native.tokenize(text));
      expect(compact.tokenizeExact(text), text).toEqual(native.tokenizeExact(text));
      expect(compact.words(text), text).toEqual(native.words(text));
      expect(compact.tag(text), text).toEqual(native.tag(text));
      for (const term of native.tokenize(text)) {
        expect(compact.specificity(term), term).toBe(native.specificity(term));
        expect(compact.cutAll(term), term).toEqual(native.cutAll(term));
      }
    }
  });

  it('GIVEN names added to both THEN both cut them whole', () => {
    const names = ['欧阳娜娜', '澎湃新闻', '凤凰卫视记者'];
    native.addWords(names);
    compact.addWords(names);
    for (const name of names) expect(compact.words(`${name}提问`)).toEqual(native.words(`${name}提问`));
  });
});
