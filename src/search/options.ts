import type { CalibrationTable } from './calibration.js';

/**
 * Every knob of the search, in one typed constant used both to build an index and to answer
 * from it (a built `SearchIndex` keeps the options it was built with). The data files (the
 * dictionary, stop words, synonyms, glossary) belong to the analyzer (src/text).
 */
export interface SearchOptions {
  /** Field weights of the unit index (minisearch `boost`). */
  fieldBoosts: { question: number; topic: number; text: number; people: number; bigrams: number };
  /** Weight of a synonym, relative to the word the user typed, in the ranking score. */
  synonymBoost: number;
  /**
   * Credit (0..1) a query word gets in coverage when the unit lacks it as a word but contains
   * all its characters in a row (jieba cut the two texts differently) or, for a word of three
   * or more characters, most of its character bigrams.
   */
  partialMatchCredit: number;
  /**
   * Share of documents above which a term is too common to rank (its BM25 IDF is below 0.7):
   * it is left out of the ranking query, and found by substring when computing coverage.
   */
  commonDocumentShare: number;
  /**
   * Most postings (document × term pairs) a ranking query may score; the commonest forms of the
   * question are left out beyond it. Bounds latency on large indexes; small ones never reach it.
   */
  maxQueryPostings: number;
  /** How many top-ranked units are re-scored by coverage. */
  rerankDepth: number;
  /** Decision thresholds; `decide` in answer.ts says what they mean and how they were set. */
  thresholds: {
    /** Minimum coverage of the query's informative terms by the best unit to answer. */
    minCoverage: number;
    /** Coverage from which a unit answers even when a rival is close. */
    sureCoverage: number;
    /** Minimum relative margin of the best unit's score over the next one (below sureCoverage). */
    minMargin: number;
    /** Minimum information of the question (see Ranking.information): below it, too vague. */
    minInformation: number;
    /**
     * Minimum calibrated confidence to quote (the share of answers as confident that were right
     * on the tuning half): below it, the closest topics are offered instead of a quote. 0.64:
     * answers of 0.6–0.64 were right about half the time on both halves (a wrong quote is worse
     * than none); the floor sits just under the least confident dev-set answer (0.647).
     */
    minConfidence: number;
  };
  /** Most alternatives returned with an answer. */
  maxAlternatives: number;
  /**
   * Raw confidence → the share of answers right at it (see calibration.ts): one calibrated
   * confidence for answers and alternatives. Empty: the raw confidence.
   */
  calibration: CalibrationTable;
}

/** Fitted by `npm run calibrate` on the tuning half of the evaluation suite (raw → calibrated confidence). */
const CALIBRATION: CalibrationTable = [[0.367, 0.5], [0.438, 0.5], [0.491, 0.667], [0.581, 0.733], [0.723, 0.75], [0.772, 0.833], [0.92, 0.96], [0.985, 1], [1, 1]];

/** The options every front end uses. */
export const SEARCH_OPTIONS: Readonly<SearchOptions> = Object.freeze({
  fieldBoosts: { question: 2, topic: 2, text: 1, people: 0.5, bigrams: 0.3 },
  synonymBoost: 0.6,
  partialMatchCredit: 0.5,
  commonDocumentShare: 0.5,
  maxQueryPostings: 6_000,
  rerankDepth: 8,
  thresholds: { minCoverage: 0.45, sureCoverage: 0.6, minMargin: 0.1, minInformation: 0.25, minConfidence: 0.64 },
  maxAlternatives: 3,
  // Fitted by `npm run calibrate` on the tuning half of the evaluation suite.
  calibration: CALIBRATION,
});
