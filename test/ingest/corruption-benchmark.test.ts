import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { runCorruptionBenchmark, summarize, type BenchmarkSummary, type Half } from '../support/corrupt-transcript/run-benchmark.js';

/**
 * A fixed slice of the ingest corruption benchmark (`npm run eval:ingest`): every fixture
 * transcript of both halves, clean and in five seeded corrupted variants, must stay above
 * floors. The floors are what ingest reached when the benchmark was written, less a small
 * margin; raise them as ingest improves, never lower them to let a change through. Only
 * aggregate figures are asserted: no held-out failure is ever printed.
 */

const FIXTURES = resolve(import.meta.dirname, '../fixtures/transcripts');
const SLICE = { variants: 5, seed: 2024 } as const;

/** Floors per half. Rates are over truth units or truth paragraphs; counts are over the whole slice. */
interface Floors {
  /** Truth units some output unit holds exactly. */
  minExactUnits: number;
  /** Truth units paired with exactly their question (or none). */
  minPairedQuestions: number;
  /** Truth paragraphs standing in a unit that is mostly another answer's. */
  maxWrongUnitParagraphs: number;
  /** Output paragraphs that are corrupt copies, fragments or no truth paragraph (English lines included). */
  maxCorruptKept: number;
  /** Truth sentences found in no output paragraph. */
  maxSentencesLost: number;
  /** Unanswered questions recognised. */
  minUnansweredFound: number;
}

const FLOORS: Record<Half, Floors> = {
  // The halves were formed anew six times on 2026-11-27: each held-out half, once read, joined the tuning half
  // (the ingest helpers never opened a held-out transcript; only aggregates were printed). The held-out half is
  // the eighteen transcripts written blind in the third to sixth sessions (the sixth's: a 2013 year-end conference
  // with full-width indents, a 2016 host-run SCIO conference with two officials, a 2019 bilingual 问/答 briefing,
  // a 2025 year-end conference in traditional characters with a two-paragraph question). Floors are what ingest
  // reached on the current halves (seed 2024, 5 variants), less a margin; raise them as ingest improves, never
  // lower them to let a change through.
  // tuning (37 transcripts): exact 0.936, paired 0.978, wrong 0.014, kept 0, lost 0, unanswered 73/80.
  tuning: { minExactUnits: 0.92, minPairedQuestions: 0.96, maxWrongUnitParagraphs: 0.018, maxCorruptKept: 1, maxSentencesLost: 1, minUnansweredFound: 0.88 },
  // holdout (18 transcripts written blind), measured only: exact 0.909, paired 0.970, wrong 0.018, kept 6, lost 0,
  // unanswered 39/45. The sixth session's four transcripts brought it down (the fourteen measured 0.896 / 0.981 /
  // 0.021 / 0 kept; the code of the session's start measured 0.890 / 0.965 / 0.021 / 12 kept on the eighteen, and
  // threw on the two-paragraph question until the harness learnt it), so these floors were set anew for the new
  // half, not for a change.
  holdout: { minExactUnits: 0.89, minPairedQuestions: 0.96, maxWrongUnitParagraphs: 0.022, maxCorruptKept: 8, maxSentencesLost: 1, minUnansweredFound: 0.84 },
};

const summaries = new Map<Half, BenchmarkSummary>();

beforeAll(() => {
  const analyzer = createDefaultAnalyzer();
  for (const half of ['tuning', 'holdout'] as const) {
    summaries.set(half, summarize([...runCorruptionBenchmark({ fixturesDir: FIXTURES, halves: [half], analyzer, ...SLICE })]));
  }
});

describe.each(['tuning', 'holdout'] as const)('ingest on corrupted transcripts, %s half', (half) => {
  const floors = FLOORS[half];
  const summary = () => summaries.get(half)!;
  const rate = (n: number, of: number) => (of === 0 ? 1 : n / of);

  it('GIVEN the fixture slice THEN there are transcripts to score and ingest never throws', () => {
    expect(summary().transcripts).toBeGreaterThanOrEqual(5);
    expect(summary().variants).toBe(summary().transcripts * (SLICE.variants + 1));
    expect(summary().crashes).toBe(0);
  });

  it(`GIVEN the slice THEN at least ${floors.minExactUnits} of units are rebuilt exactly`, () => {
    expect(rate(summary().score.exactUnits, summary().score.truthUnits)).toBeGreaterThanOrEqual(floors.minExactUnits);
  });

  it(`GIVEN the slice THEN at least ${floors.minPairedQuestions} of units get exactly their question`, () => {
    expect(rate(summary().score.pairedQuestions, summary().score.truthUnits)).toBeGreaterThanOrEqual(floors.minPairedQuestions);
  });

  it(`GIVEN the slice THEN at most ${floors.maxWrongUnitParagraphs} of paragraphs stand in a wrong unit`, () => {
    expect(rate(summary().score.wrongUnitParagraphs, summary().score.truthParagraphs)).toBeLessThanOrEqual(floors.maxWrongUnitParagraphs);
  });

  it(`GIVEN the slice THEN at most ${floors.maxCorruptKept} corrupt copies or fragments are kept`, () => {
    expect(summary().score.foreignKept).toBeLessThanOrEqual(floors.maxCorruptKept);
  });

  it(`GIVEN the slice THEN at most ${floors.maxSentencesLost} sentences are lost`, () => {
    expect(summary().score.sentencesLost).toBeLessThanOrEqual(floors.maxSentencesLost);
  });

  it(`GIVEN the slice THEN at least ${floors.minUnansweredFound} of unanswered questions are recognised`, () => {
    expect(rate(summary().score.foundUnanswered, summary().score.truthUnanswered)).toBeGreaterThanOrEqual(floors.minUnansweredFound);
  });
});
