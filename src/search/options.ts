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
     * than none); the least confident dev-set answer stands at 0.663 (a yes-or-no question,
     * calibrated by whetherCalibration).
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
  /**
   * The same for yes-or-no questions about an action (会不会, 有没有, …了吗): at a given coverage
   * and margin they are right less often than other questions (the unit speaks of the action
   * without settling it), so minConfidence asks more of them. Empty: `calibration`.
   */
  whetherCalibration: CalibrationTable;
}

/** Fitted by `npm run calibrate` on the tuning half of the evaluation suite (raw → calibrated confidence). */
const CALIBRATION: CalibrationTable = [[0.254, 0], [0.288, 0], [0.301, 0.1], [0.326, 0.25], [0.344, 0.25], [0.373, 0.304], [0.403, 0.313], [0.418, 0.5], [0.438, 0.559], [0.46, 0.632], [0.527, 0.766], [0.595, 0.814], [0.649, 0.838], [0.732, 0.845], [0.782, 0.878], [0.794, 0.9], [0.798, 0.9], [0.811, 0.915], [0.851, 0.916], [0.961, 0.958], [1, 1], [1, 1]];

/** The same for yes-or-no questions about an action (SearchOptions.whetherCalibration). */
const WHETHER_CALIBRATION: CalibrationTable = [[0.348, 0.2], [0.49, 0.368], [0.568, 0.429], [0.609, 0.5], [0.681, 0.625], [0.814, 0.739], [0.913, 0.862], [0.978, 0.9], [0.999, 1]];

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
  whetherCalibration: WHETHER_CALIBRATION,
});
