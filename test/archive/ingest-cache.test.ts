import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serializeIndex } from '../../src/cli/build-index.js';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { cacheDirOf, openIngestCache } from '../../src/archive/ingest-cache.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { briefingText, peninsulaBriefings, reefBriefings, writeBriefings } from './helpers.js';

const analyzer = createDefaultAnalyzer();
const run = promisify(execFile);

function build(sources: string, cacheDir: string) {
  return buildIndex(readSources(sources), sources, analyzer, { cache: openIngestCache(cacheDir, analyzer.files) });
}

describe('GIVEN an archive built with the ingest cache', () => {
  const sources = writeBriefings(reefBriefings());
  const cacheDir = mkdtempSync(join(tmpdir(), 'koujing-cache-'));
  const first = build(sources, cacheDir);

  it('THEN the first build ingests every transcript; a rebuild reuses them all and gives the same index, byte for byte', () => {
    expect(first.cache).toEqual({ reused: 0, ingested: 5, pruned: 0, dir: cacheDir });
    const again = build(sources, cacheDir);
    expect(again.cache).toMatchObject({ reused: 5, ingested: 0 });
    expect(serializeIndex(again.index)).toBe(serializeIndex(first.index));
    expect(serializeIndex(again.index)).toBe(serializeIndex(buildIndex(readSources(sources), sources, analyzer).index));
  });

  it('WHEN one transcript is added THEN only it is ingested, and the index is what a build without cache gives', () => {
    writeBriefings(peninsulaBriefings().slice(0, 1), sources);
    const added = build(sources, cacheDir);
    expect(added.cache).toMatchObject({ reused: 5, ingested: 1 });
    expect(serializeIndex(added.index)).toBe(serializeIndex(buildIndex(readSources(sources), sources, analyzer).index));
  });

  it('WHEN a transcript’s text or its metadata changes THEN it alone is ingested again; WHEN one is removed THEN its entry is deleted', () => {
    const [briefing] = reefBriefings();
    writeFileSync(join(sources, `${briefing!.name}.txt`), briefingText(briefing!).replace('。', '！'));
    expect(build(sources, cacheDir).cache).toMatchObject({ reused: 5, ingested: 1, pruned: 1 });
    writeFileSync(join(sources, `${briefing!.name}.meta.json`), JSON.stringify({ date: briefing!.date, event: '外交部例行记者会', speaker: '林明' }));
    expect(build(sources, cacheDir).cache).toMatchObject({ reused: 5, ingested: 1, pruned: 1 });
    rmSync(join(sources, `${briefing!.name}.txt`));
    rmSync(join(sources, `${briefing!.name}.meta.json`));
    expect(build(sources, cacheDir).cache).toMatchObject({ reused: 5, ingested: 0, pruned: 1 });
  });

  it('WHEN an entry is unreadable (a build stopped while writing it) THEN that transcript is ingested again', () => {
    const folder = join(cacheDir, 'ingest');
    const [entry] = readdirSync(folder);
    writeFileSync(join(folder, entry!), '{"source":');
    expect(build(sources, cacheDir).cache).toMatchObject({ reused: 4, ingested: 1 });
  });
});

describe('npm run build-index', () => {
  it('GIVEN a rebuild THEN the report says what the cache beside the index reused; --no-cache ingests all and keeps nothing', async () => {
    const sources = writeBriefings(reefBriefings().slice(0, 2));
    const out = join(mkdtempSync(join(tmpdir(), 'koujing-out-')), 'index.json');
    const cli = (...args: string[]) => run(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), [join(PROJECT_ROOT, 'src/cli/build-index.ts'), '--source', sources, '--out', out, ...args], { cwd: PROJECT_ROOT });
    expect((await cli()).stdout).toContain(`cache: reused 0 source(s), ingested 2 (${cacheDirOf(out)})`);
    expect((await cli()).stdout).toContain(`cache: reused 2 source(s), ingested 0 (${cacheDirOf(out)})`);
    expect((await cli('--no-cache')).stdout).not.toContain('cache:');
  });
});
