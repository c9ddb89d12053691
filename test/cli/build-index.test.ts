import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serializeIndex } from '../../src/cli/build-index.js';
import { DEFAULT_INDEX_PATH, DEFAULT_SOURCES_PATH, INDEX_SCHEMA_VERSION, PROJECT_ROOT, readIndexFile } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const run = promisify(execFile);
const tsx = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const cli = (script: string, args: string[]) =>
  run(tsx, [join(PROJECT_ROOT, 'src/cli', script), ...args], { cwd: PROJECT_ROOT }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('the committed index', () => {
  it('is not stale: rebuilding it from index-data/sources gives the same file (run `npm run build-index` if this fails)', () => {
    const { index } = buildIndex(readSources(DEFAULT_SOURCES_PATH), PROJECT_ROOT, createDefaultAnalyzer());
    expect(readFileSync(DEFAULT_INDEX_PATH, 'utf8')).toBe(serializeIndex(index));
  });

  it('carries its schema version, how to rebuild it, and the seed’s metadata', () => {
    const index = readIndexFile();
    expect(index.schemaVersion).toBe(INDEX_SCHEMA_VERSION);
    expect(index.generated).toContain('npm run build-index');
    expect(index.sources).toEqual([
      {
        id: '2020-05-24-npc-press-conference',
        file: '2020-05-24-npc-press-conference.txt',
        date: '2020-05-24',
        event: '十三届全国人大三次会议记者会',
        speaker: '王毅',
        title: '国务委员兼外交部长',
        heading: '就中国外交政策和对外关系',
      },
    ]);
    expect(index.units.every((unit) => unit.source === '2020-05-24-npc-press-conference')).toBe(true);
  });
});

describe('npm run build-index', () => {
  it('GIVEN a folder of transcripts THEN it writes the index and prints the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koujing-'));
    writeFileSync(join(dir, 'a.txt'), readFileSync(join(PROJECT_ROOT, 'test/fixtures/2021-03-07-press-conference.messy.txt')));
    const out = join(dir, 'index.json');
    const result = await cli('build-index.ts', ['--source', dir, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# a.txt: 4 answer units, 1 unanswered question(s)');
    expect(result.stdout).toContain('merge-split');
    expect(result.stdout).toContain('drop-fragment');
    const index = readIndexFile(out);
    expect(index.units.map((u) => u.id)).toEqual(['a#1', 'a#2', 'a#3', 'a#4']);
    expect(index.sources[0]!.speaker).toBe('华春莹');
  });

  it.each([
    ['a missing source', (dir: string) => join(dir, 'nope.txt'), /build-index: source .*nope\.txt does not exist\./],
    ['an empty file', (dir: string) => (writeFileSync(join(dir, 'empty.txt'), ' \n\n'), join(dir, 'empty.txt')), /build-index: .*empty\.txt is empty\./],
    ['a folder without transcripts', (dir: string) => dir, /build-index: no \.txt transcript in /],
    ['a file with no answer', (dir: string) => (writeFileSync(join(dir, 'q.txt'), '路透社记者：有问题吗？\n'), join(dir, 'q.txt')), /build-index: .*q\.txt holds no answer/],
  ])('GIVEN %s THEN it exits non-zero with a clear message', async (_, make, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'koujing-'));
    const result = await cli('build-index.ts', ['--source', make(dir), '--out', join(dir, 'out.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('npm run units', () => {
  it('GIVEN --json THEN it prints the units and unanswered questions in the contract shape', async () => {
    const result = await cli('units.ts', ['--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { units: Record<string, unknown>[]; unanswered: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['units', 'unanswered']);
    expect(Object.keys(parsed.units[0]!)).toEqual(['id', 'topic', 'question', 'speaker', 'source', 'paragraphs']);
    expect(parsed.unanswered).toEqual([
      { question: '中国决定推进涉港国安立法可能导致美方报复。中方是否担心香港作为全球金融中心的地位会因此受到损害？', source: '2020-05-24-npc-press-conference' },
    ]);
  });

  it('GIVEN no --json THEN it prints the same for a person', async () => {
    const result = await cli('units.ts', []);
    expect(result.stdout).toContain('【中美关系】');
    expect(result.stdout).toContain('未获回答的提问');
  });
});
