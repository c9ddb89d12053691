import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import nodejieba from 'nodejieba';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { compileJiebaData, correctlyRoundedLog, Jieba } from '../../src/text/jieba.js';
import { deserializeJiebaData, jiebaCachePath, jiebaDataPaths, loadJiebaData, serializeJiebaData } from '../../src/text/jieba-data.js';
import { DEFAULT_ANALYZER_FILES } from '../../src/text/index.js';

// Both with the project's user dictionary (nodejieba is one per process; this file has its own).
nodejieba.load({ userDict: DEFAULT_ANALYZER_FILES.userDictPath });
const jieba = new Jieba(loadJiebaData(), readFileSync(DEFAULT_ANALYZER_FILES.userDictPath, 'utf8'));

/** Every line of every transcript, question set and data file of the project. */
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

const texts = projectTexts();

/** Every way the project calls jieba, on one text. */
function allModes(segmenter: Pick<Jieba, 'cut' | 'cutForSearch' | 'cutAll' | 'tag' | 'extract'>, text: string) {
  return {
    cut: segmenter.cut(text),
    cutWithHmm: segmenter.cut(text, true),
    cutForSearch: segmenter.cutForSearch(text),
    cutAll: segmenter.cutAll(text),
    tag: segmenter.tag(text),
    extract: segmenter.extract(text, 1),
  };
}

describe('jieba.ts against nodejieba', () => {
  it(`GIVEN every line of the project's transcripts, question sets and data files THEN the same cuts, tags and keyword weights in every mode`, () => {
    expect(texts.length).toBeGreaterThan(1_000);
    for (const text of texts) expect(allModes(jieba, text), text).toEqual(allModes(nodejieba, text));
  });

  it('GIVEN dictionary words run together with Latin words, digits, separators, emoji and lone surrogates THEN the same in every mode', () => {
    const lines = readFileSync(jiebaDataPaths().dictPath, 'utf8').split('\n');
    const words = lines.filter((_, i) => i % 37 === 0).map((line) => line.split(' ')[0] ?? '');
    const pieces = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(' ', '，', '。', '\t', '\n', '、', 'a', 'B', 'gdp', '3', '3.14', '.', '😀', '\ud800', 'é', '中', '国', '会', '英', '美'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(allModes(jieba, text)).toEqual(allModes(nodejieba, text));
      }),
      { numRuns: 2_000, seed: 42 },
    );
  });

});

describe('correctlyRoundedLog', () => {
  it.each([
    // Frequency ratios of jieba's dictionary where V8's Math.log is one unit off glibc's log.
    [1236, -10.791917755951795],
    [280, -12.276763790800183],
    [808, -11.216991335448336],
    [147, -12.921120807190695],
  ])('GIVEN frequency %i of 60101983 THEN the log glibc gives, %d', (freq, expected) => {
    expect(correctlyRoundedLog(freq / 60_101_983)).toBe(expected);
  });

  it('is never more than one unit in the last place from Math.log', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1, noNaN: true }), (x) => {
        const ulp = Math.abs(Math.log(x)) * Number.EPSILON;
        expect(Math.abs(correctlyRoundedLog(x) - Math.log(x))).toBeLessThanOrEqual(ulp);
      }),
      { numRuns: 300 },
    );
  });
});

describe('jieba data files', () => {
  const small = {
    dict: '中国 100 ns\n中美 50 ns\n中美关系 20 n\n关系 80 n\n',
    idf: '中美关系 9.5\n关系 5.5\n',
    hmm: readFileSync(jiebaDataPaths().hmmPath, 'utf8'),
    stopWords: '的\n了\n',
  };

  it('GIVEN compiled data THEN serializing and reading it back gives the same data', () => {
    const data = compileJiebaData(small);
    expect(deserializeJiebaData(serializeJiebaData(data))).toEqual(data);
  });

  it.each([
    ['another format', (file: Buffer) => Buffer.concat([Buffer.from('XXXX'), file.subarray(4)])],
    ['a truncated file', (file: Buffer) => file.subarray(0, file.length - 100)],
  ])('GIVEN %s THEN it is not read', (_, damage) => {
    expect(deserializeJiebaData(damage(serializeJiebaData(compileJiebaData(small))))).toBeUndefined();
  });

  it('GIVEN a cache folder THEN the first load compiles and writes the cache, the next reads it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koujing-jieba-'));
    const paths = { dictPath: join(dir, 'dict.txt'), idfPath: join(dir, 'idf.txt'), hmmPath: jiebaDataPaths().hmmPath, stopWordsPath: join(dir, 'stop.txt') };
    writeFileSync(paths.dictPath, small.dict);
    writeFileSync(paths.idfPath, small.idf);
    writeFileSync(paths.stopWordsPath, small.stopWords);
    const first = loadJiebaData(paths, join(dir, 'cache'));
    expect(readFileSync(jiebaCachePath(paths, join(dir, 'cache'))).length).toBeGreaterThan(0);
    expect(loadJiebaData(paths, join(dir, 'cache'))).toEqual(first);
    expect(new Jieba(first).cut('中美关系稳定')).toEqual(['中美关系', '稳', '定']);
  });

  it('GIVEN a dictionary line without three columns THEN compiling names it', () => {
    expect(() => compileJiebaData({ ...small, dict: '中国 100 ns\n关系 80\n' })).toThrow('jieba: dictionary line 2 has 2 columns: "关系 80"');
  });
});

describe('jieba.ts after insertWord', () => {
  it('GIVEN inserted words THEN they cut as nodejieba cuts them after insertWord', () => {
    const words = ['涉港国安法案审议', '华春莹', '路透社记者'];
    for (const word of words) {
      nodejieba.insertWord(word);
      jieba.insertWord(word);
    }
    for (const text of ['华春莹回答路透社记者关于涉港国安法案审议的问题', ...texts.slice(0, 200)]) expect(allModes(jieba, text)).toEqual(allModes(nodejieba, text));
  });
});
