import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { archiveIndex } from '../../benchmarks/archive-corpus.js';
import { syntheticIndex } from '../../benchmarks/corpus.js';
import { readIndexFile } from '../../src/index-file.js';
import { SEARCH_OPTIONS } from '../../src/search/options.js';
import { buildPostingIndex, FIELDS, rankTop, WORD_FIELDS, type RankingQuery } from '../../src/search/postings.js';
import { createSearchIndex, fieldTokens, type SearchIndex } from '../../src/search/search-index.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import type { IndexFile } from '../../src/types.js';
import { multiSourceIndex } from './helpers.js';

/**
 * The ranking index must rank exactly as minisearch 7 does with the options the search used
 * (fields question, topic, text, people, bigrams; tokens given; the field boosts): the same
 * documents, scores equal to the bit, the same order on ties, the same words matched. Here
 * minisearch is the oracle, over the same tokens, for random queries on four corpora.
 */
const analyzer = createDefaultAnalyzer();
const SEPARATOR = '\u0001';

function oracleOf(index: SearchIndex): MiniSearch {
  const minisearch = new MiniSearch({
    idField: 'id',
    fields: [...FIELDS],
    tokenize: (text: string) => (text.length === 0 ? [] : text.split(SEPARATOR)),
    processTerm: (term: string) => term,
    searchOptions: { boost: { ...SEARCH_OPTIONS.fieldBoosts }, tokenize: (text: string) => (text.length === 0 ? [] : text.split(SEPARATOR)), processTerm: (term: string) => term },
  });
  minisearch.addAll(
    index.docs.map((doc, id) => {
      const tokens = fieldTokens(doc, analyzer);
      return { id, ...Object.fromEntries(FIELDS.map((field, i) => [field, (tokens[i] ?? []).join(SEPARATOR)])) };
    }),
  );
  return minisearch;
}

/** What the search asked of minisearch for a query (answer.ts before the ranking index). */
function oracleRank(minisearch: MiniSearch, query: RankingQuery, k: number, accept?: (doc: number) => boolean) {
  const boosts = new Map(query.words.map(({ term, boost }) => [term, boost]));
  const wordQuery = { queries: [query.words.map(({ term }) => term).join(SEPARATOR)], fields: [...WORD_FIELDS], boostTerm: (term: string) => boosts.get(term) ?? 0 };
  const results = minisearch.search(
    query.grams.length > 0 ? { combineWith: 'OR', queries: [wordQuery, { queries: [query.grams.join(SEPARATOR)], fields: ['bigrams'] }] } : wordQuery,
    accept === undefined ? {} : { filter: (result) => accept(result.id as number) },
  );
  return results.slice(0, k).map((result) => ({
    doc: result.id as number,
    score: result.score,
    matched: new Set(
      Object.entries(result.match)
        .filter(([, fields]) => fields.some((field) => (WORD_FIELDS as readonly string[]).includes(field)))
        .map(([term]) => term),
    ),
  }));
}

function corpus(name: string, file: IndexFile) {
  const index = createSearchIndex(file, analyzer);
  const words = [...index.documentFrequency.keys()];
  const grams = [...new Set(index.docs.flatMap((doc) => fieldTokens(doc, analyzer)[4] ?? []))];
  return { name, index, oracle: oracleOf(index), words, grams };
}

const corpora = [
  corpus('the bundled index', readIndexFile()),
  corpus('three transcripts', multiSourceIndex().file),
  corpus('the recombined corpus, 3,000 paragraphs', syntheticIndex(readIndexFile(), 3_000)),
  corpus('the archive corpus, 3,000 paragraphs', archiveIndex({ paragraphs: 3_000 })),
];

describe('rankTop ranks as minisearch', () => {
  it.each(corpora.map((c) => [c.name, c] as const))('GIVEN random queries on %s THEN the same top 8: documents, scores to the bit, order, words matched', (_, c) => {
    const query = fc.record({
      // Common words too: the most frequent first, so ties and long postings occur.
      words: fc.uniqueArray(
        fc.record({ term: fc.oneof(fc.constantFrom(...c.words.slice(0, 50)), fc.constantFrom(...c.words)), boost: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1.6, noNaN: true })) }),
        { selector: (word) => word.term, maxLength: 8 },
      ),
      grams: fc.uniqueArray(fc.oneof(fc.constantFrom(...c.grams), fc.constantFrom(...c.words.slice(0, 20))), { maxLength: 4 }),
      k: fc.constantFrom(1, 3, 8, 20),
      filter: fc.constantFrom('none', 'even', 'units'),
    });
    fc.assert(
      fc.property(query, ({ words, grams, k, filter }) => {
        const ranking: RankingQuery = { words, grams, fieldBoosts: SEARCH_OPTIONS.fieldBoosts };
        const accept =
          filter === 'even' ? (doc: number) => doc % 2 === 0 : filter === 'units' ? (doc: number) => c.index.docs[doc]?.kind === 'unit' : undefined;
        expect(rankTop(c.index.postings, ranking, k, accept)).toEqual(oracleRank(c.oracle, ranking, k, accept));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('GIVEN documents with equal scores THEN minisearch’s order: first reached by the first term, then field, then document', () => {
    const texts = ['中美 关系', '关系 中美', '中美 关系', '关系', '中美'];
    const index = buildPostingIndex(texts.length, (doc, field) => (field === 2 ? (texts[doc] ?? '').split(' ') : []));
    const top = rankTop(index, { words: [{ term: '关系', boost: 1 }, { term: '中美', boost: 1 }], grams: [], fieldBoosts: SEARCH_OPTIONS.fieldBoosts }, 5);
    expect(top.map((result) => result.doc)).toEqual([0, 1, 2, 3, 4]);
  });

  it('GIVEN no query term in the index THEN nothing', () => {
    const [c] = corpora;
    expect(rankTop(c!.index.postings, { words: [{ term: '不存在的词语', boost: 1 }], grams: [], fieldBoosts: SEARCH_OPTIONS.fieldBoosts }, 8)).toEqual([]);
  });
});
