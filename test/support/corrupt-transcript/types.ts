/**
 * Types of the transcript-corruption generator: the ground truth written beside each clean
 * fixture, what ingest is expected to yield from a corrupted variant, and the defects applied.
 */

/** The layout a fixture transcript follows. */
export type TranscriptFormat = 'minister' | 'briefing' | 'briefing-halfwidth' | 'host' | 'traditional' | 'bilingual';

/** One answer of a clean transcript, as its `<name>.truth.json` records it. */
export interface TruthUnit {
  /** The reporter question after its label (`新华社记者：`, `问：`), or null for an announcement. */
  question: string | null;
  /** Answer paragraphs in file order, each after its label and leading whitespace. */
  paragraphs: string[];
  /** Bilingual files: the English of the question, after its label if any. */
  questionTranslation?: string;
  /** Bilingual files: the English of each paragraph, same order and length as `paragraphs`. */
  translation?: string[];
}

/** The ground truth of a clean fixture transcript (`<name>.truth.json`). */
export interface TranscriptTruth {
  format: TranscriptFormat;
  speaker: string;
  /** Units in file order. */
  units: TruthUnit[];
  /** Questions the clean transcript leaves unanswered (usually none). */
  unanswered: string[];
}

/** Optional `<name>.meta.json` of a fixture: what build-index would pass to ingest. */
export interface FixtureMeta {
  date?: string | null;
  event?: string | null;
  speaker?: string | null;
  title?: string | null;
}

/** A fixture read from disk. */
export interface Fixture {
  /** File name without extension, e.g. `2019-04-02-briefing`. */
  name: string;
  text: string;
  truth: TranscriptTruth;
  /** `{}` when the fixture has no meta file. */
  meta: FixtureMeta;
}

/** One unit ingest should yield from a variant. */
export interface ExpectedUnit {
  question: string | null;
  paragraphs: string[];
  /** Present when the truth has translations. */
  translation?: string[];
  /** Present when the truth has a question translation; null when the variant lost the question. */
  questionTranslation?: string | null;
}

/** What ingest should yield from a corrupted variant. */
export interface ExpectedIngest {
  /** Units in the clean file's order. */
  units: ExpectedUnit[];
  /** Questions the variant leaves without an answer. */
  unanswered: string[];
  /** Corrupt copies and fragments standing in the variant that must NOT be kept as paragraphs. */
  foreign: string[];
  /** For each expected unit, its index among the clean truth's units (deleted answers leave gaps). */
  cleanUnits: number[];
}

/**
 * The kinds of damage a variant can carry (letters of the benchmark's task description):
 * a duplicated paragraph, b duplicated question+answer run, c split paragraph, d misplaced
 * continuation (moved or copied), e a question followed by another question's answer, f a
 * question without its answer, g an answer without its question, h corrupt near-copies of a
 * list item in the majority, i a stray suffix fragment, j a truncated repeated tail, k
 * whitespace noise.
 */
export type DefectKind =
  | 'duplicate-paragraph'
  | 'duplicate-run'
  | 'split-paragraph'
  | 'misplaced-continuation'
  | 'swapped-answers'
  | 'missing-answer'
  | 'missing-question'
  | 'corrupt-list-item'
  | 'stray-fragment'
  | 'truncated-tail'
  | 'whitespace-noise';

/** One defect applied to a variant. */
export interface Defect {
  kind: DefectKind;
  /** Indices (into the clean truth's units) of the units it touched. */
  units: number[];
  /** What was done, for reports: `copied paragraph 2 of unit 3 two lines later`. */
  description: string;
}

/** Probability that a variant carries each defect kind (each drawn independently). */
export type DefectRates = Record<DefectKind, number>;

/** The result of `corruptTranscript`. */
export interface CorruptedTranscript {
  text: string;
  truth: ExpectedIngest;
  defects: Defect[];
}

/** Every defect kind, in the order the generator applies them. */
export const DEFECT_KINDS: readonly DefectKind[] = [
  'swapped-answers',
  'missing-answer',
  'missing-question',
  'split-paragraph',
  'duplicate-paragraph',
  'duplicate-run',
  'misplaced-continuation',
  'corrupt-list-item',
  'stray-fragment',
  'truncated-tail',
  'whitespace-noise',
];

/** Default probability of each defect kind: every one is common, none is certain, so variants differ. */
export const DEFAULT_RATES: DefectRates = {
  'duplicate-paragraph': 0.6,
  'duplicate-run': 0.5,
  'split-paragraph': 0.7,
  'misplaced-continuation': 0.6,
  'swapped-answers': 0.5,
  'missing-answer': 0.5,
  'missing-question': 0.5,
  'corrupt-list-item': 0.6,
  'stray-fragment': 0.6,
  'truncated-tail': 0.5,
  'whitespace-noise': 0.7,
};
