import { join } from 'node:path';
import { ingestTranscript } from '../../../src/ingest/pipeline.js';
import type { Analyzer } from '../../../src/text/index.js';
import { cleanExpectation, corruptTranscript } from './corrupt-transcript.js';
import { seedOf } from './random.js';
import { listFixtures, readFixture } from './read-fixture.js';
import { addScore, emptyScore, scoreIngest, type FailedUnit, type IngestScore } from './score-ingest.js';
import type { Defect, DefectKind, DefectRates, Fixture } from './types.js';

/** The two halves of the fixture transcripts: tune on the first, only measure on the second. */
export type Half = 'tuning' | 'holdout';

/** Options of `runCorruptionBenchmark`. */
export interface BenchmarkOptions {
  /** The folder holding `tuning/` and `holdout/`. */
  fixturesDir: string;
  halves: readonly Half[];
  /** Corrupted variants per transcript, besides the clean file (variant 0). */
  variants: number;
  /** Run seed: variant v of transcript t uses `seedOf(\`${seed}:${t}:${v}\`)`. */
  seed: number;
  rates?: Partial<DefectRates>;
  /** The analyzer ingest uses (created once by the caller). */
  analyzer: Analyzer;
}

/** One ingested variant, scored. */
export interface VariantResult {
  half: Half;
  fixture: string;
  /** 0 is the clean transcript. */
  variant: number;
  defects: Defect[];
  /** Clean-truth indices of the units the variant still expects (a deleted answer's unit is gone). */
  cleanUnits: number[];
  score: IngestScore;
  failed: FailedUnit[];
  /** Set when ingest threw; the variant then scores as if ingest returned nothing. */
  crash: string | null;
  /** Time spent in ingestTranscript. */
  ingestMs: number;
}

/** Scores ingest on one variant of a fixture (variant 0: the clean file itself). */
export function runVariant(
  fixture: Fixture,
  half: Half,
  variant: number,
  options: Pick<BenchmarkOptions, 'seed' | 'rates' | 'analyzer'>,
): VariantResult {
  const { seed, rates, analyzer } = options;
  const corrupted =
    variant === 0
      ? { text: fixture.text, truth: cleanExpectation(fixture.truth), defects: [] }
      : corruptTranscript(fixture.text, fixture.truth, seedOf(`${seed}:${fixture.name}:${variant}`), rates);
  const { date, event, speaker, title } = fixture.meta;
  const start = performance.now();
  let crash: string | null = null;
  let output: Parameters<typeof scoreIngest>[1] = { units: [], unanswered: [] };
  try {
    output = ingestTranscript(corrupted.text, { id: fixture.name, file: `${fixture.name}.txt`, date, event, speaker, title }, analyzer);
  } catch (error) {
    // A crash is reported as such (and scores zero), never mistaken for an honest empty result.
    crash = error instanceof Error ? error.message : String(error);
  }
  const ingestMs = performance.now() - start;
  const { score, failed } = scoreIngest(corrupted.truth, output);
  return { half, fixture: fixture.name, variant, defects: corrupted.defects, cleanUnits: corrupted.truth.cleanUnits, score, failed, crash, ingestMs };
}

/** Every variant of every fixture of the chosen halves, in order (fixtures sorted by name). */
export function* runCorruptionBenchmark(options: BenchmarkOptions): Generator<VariantResult> {
  for (const half of options.halves) {
    const dir = join(options.fixturesDir, half);
    for (const name of listFixtures(dir)) {
      const fixture = readFixture(dir, name);
      for (let variant = 0; variant <= options.variants; variant++) yield runVariant(fixture, half, variant, options);
    }
  }
}

/** Totals of a set of variants. */
export interface BenchmarkSummary {
  transcripts: number;
  variants: number;
  crashes: number;
  score: IngestScore;
  failedUnits: number;
  ingestMs: number;
}

/** Sums variant results. */
export function summarize(results: readonly VariantResult[]): BenchmarkSummary {
  return {
    transcripts: new Set(results.map((r) => `${r.half}/${r.fixture}`)).size,
    variants: results.length,
    crashes: results.filter((r) => r.crash !== null).length,
    score: results.reduce((total, r) => addScore(total, r.score), emptyScore()),
    failedUnits: results.reduce((n, r) => n + r.failed.length, 0),
    ingestMs: results.reduce((ms, r) => ms + r.ingestMs, 0),
  };
}

/** Failing units by the defect kinds present in their variant (`clean` for variant 0). */
export interface DefectBreakdownRow {
  kind: DefectKind | 'clean';
  variants: number;
  units: number;
  failedUnits: number;
  /** Units the defect itself touched that the variant still expects, and how many of those failed. */
  touchedUnits: number;
  failedTouched: number;
}

/** Per defect kind: the variants carrying it, their units, and how many of them failed. */
export function breakdownByDefect(results: readonly VariantResult[]): DefectBreakdownRow[] {
  const rows = new Map<DefectKind | 'clean', DefectBreakdownRow>();
  const row = (kind: DefectKind | 'clean') => {
    if (!rows.has(kind)) rows.set(kind, { kind, variants: 0, units: 0, failedUnits: 0, touchedUnits: 0, failedTouched: 0 });
    return rows.get(kind)!;
  };
  for (const result of results) {
    const kinds = result.defects.length === 0 ? (['clean'] as const) : [...new Set(result.defects.map((d) => d.kind))];
    for (const kind of kinds) {
      const r = row(kind);
      r.variants++;
      r.units += result.score.truthUnits;
      r.failedUnits += result.failed.length;
      if (kind === 'clean') continue;
      const expected = new Set(result.cleanUnits);
      const touched = new Set(result.defects.filter((d) => d.kind === kind).flatMap((d) => d.units).filter((unit) => expected.has(unit)));
      r.touchedUnits += touched.size;
      r.failedTouched += result.failed.filter((f) => touched.has(f.cleanUnit)).length;
    }
  }
  return [...rows.values()];
}
