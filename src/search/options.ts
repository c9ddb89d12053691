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
  };
  /** Most alternatives returned with an answer. */
  maxAlternatives: number;
}

/** The options every front end uses. */
export const SEARCH_OPTIONS: Readonly<SearchOptions> = Object.freeze({
  fieldBoosts: { question: 2, topic: 2, text: 1, people: 0.5, bigrams: 0.3 },
  synonymBoost: 0.6,
  partialMatchCredit: 0.5,
  commonDocumentShare: 0.5,
  maxQueryPostings: 6_000,
  rerankDepth: 8,
  thresholds: { minCoverage: 0.45, sureCoverage: 0.6, minMargin: 0.1, minInformation: 0.25 },
  maxAlternatives: 3,
});
