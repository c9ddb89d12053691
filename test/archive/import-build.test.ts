/**
 * Import → build: pages imported by `runImport` (the `npm run import` CLI) go through
 * `readSources` and `buildIndex` as `npm run build-index` reads them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FETCH_POLICY, runImport } from '../../src/cli/import.js';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { formatArchiveReport } from '../../src/archive/build-report.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();
const PAGES = join(PROJECT_ROOT, 'test/fixtures/pages');

async function imported(...pages: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'koujing-archive-'));
  const errors: string[] = [];
  const code = await runImport([...pages.map((page) => join(PAGES, page)), '--out', out], {
    out: () => {},
    err: (line) => errors.push(line),
    policy: { ...DEFAULT_FETCH_POLICY, pauseMs: 0 },
  });
  expect(errors).toEqual([]);
  expect(code).toBe(0);
  return out;
}

describe('GIVEN pages imported with npm run import', () => {
  it('WHEN the Chinese edition is built THEN its metadata (url and language included) is read, and its answers are units', async () => {
    const sources = readSources(await imported('regular-zh.html'));
    const { index, skipped } = buildIndex(sources, PROJECT_ROOT, analyzer);
    expect(skipped).toEqual([]);
    expect(index.sources).toEqual([
      {
        id: '2024-05-20-regular-press-conference-zh',
        file: '2024-05-20-regular-press-conference-zh.txt',
        date: '2024-05-20',
        event: '外交部例行记者会',
        speaker: '林明',
        title: '外交部发言人',
        heading: '2024年5月20日外交部发言人林明主持例行记者会',
        url: 'https://www.mfa.gov.cn/web/fyrbt_673021/jzhsl_673025/202405/t20240520_11300001.shtml',
        language: 'zh',
      },
    ]);
    expect(index.units.map((unit) => [unit.id, unit.outlet, unit.speaker])).toEqual([
      ['2024-05-20-regular-press-conference-zh#1', '总台央视', '林明'],
      ['2024-05-20-regular-press-conference-zh#2', '路透社', '林明'],
      ['2024-05-20-regular-press-conference-zh#3', '法新社', '林明'],
    ]);
  });

  it('WHEN the English edition is built alone THEN it is not read as Chinese answers: the build says it holds no Chinese transcript', async () => {
    const sources = readSources(await imported('regular-en.html'));
    expect(sources.map((source) => source.language)).toEqual(['en']);
    expect(() => buildIndex(sources, PROJECT_ROOT, analyzer)).toThrow('build-index: no Chinese transcript among the sources (1 English edition(s) only).');
  });

  it('WHEN both editions are built THEN the English one gives each Chinese answer its official translation, and adds no answers of its own', async () => {
    const out = await imported('regular-zh.html', 'regular-en.html');
    const built = buildIndex(readSources(out), out, analyzer);
    expect(built.index.sources.map((source) => source.id)).toEqual(['2024-05-20-regular-press-conference-zh']);
    expect(built.skipped).toEqual([]);
    expect(formatArchiveReport(built).split('\n')[0]).toBe(
      '# 2024-05-20-regular-press-conference-en.txt: English edition of 2024-05-20-regular-press-conference-zh: 3 answer(s) given their official translation, 0 left without',
    );
    expect(built.index.units.map((unit) => [unit.questionTranslation, unit.translation])).toEqual([
      [
        'The first China-Pacific Island Countries Fisheries Cooperation Forum closed in Fuzhou recently. Could you share with us what the forum has achieved?',
        [
          'Themed "Blue Partners for Common Development", the forum brought together representatives from more than ten island countries. The participants had in-depth exchanges on the conservation of fishery resources, cooperation in distant-water fisheries and personnel training, and reached\u00a0consensus on a number of issues.',
          'China stands ready to work with the island countries to follow through on the outcomes of the forum and bring the benefits of fisheries cooperation to more local people.',
        ],
      ],
      [
        "It is reported that a certain government plans to impose additional tariffs on Chinese-made electric vehicles. What is China's response?",
        [
          "We noted the reports. China consistently opposes politicizing economic and trade issues and opposes protectionism under any pretext.",
          'We hope the relevant side will abide by WTO rules and provide a fair, just and non-discriminatory business environment for Chinese companies. China will take necessary measures to firmly safeguard the legitimate rights and interests of Chinese companies.',
        ],
      ],
      ['Will China send a representative to the international conference to be held in Geneva next month?', ['On the question you raised, I have no information to release at the moment.']],
    ]);
  });

  it('WHEN an English edition has no Chinese edition of its date THEN it is skipped with a clear line in the report', async () => {
    const out = await imported('minister-zh.html', 'regular-en.html');
    const built = buildIndex(readSources(out), out, analyzer);
    expect(built.skipped).toEqual([{ file: '2024-05-20-regular-press-conference-en.txt', reason: 'an English edition: no Chinese edition of 2024-05-20 to align it with' }]);
    expect(formatArchiveReport(built).split('\n')[0]).toBe('# 2024-05-20-regular-press-conference-en.txt: skipped, an English edition: no Chinese edition of 2024-05-20 to align it with');
  });
});
