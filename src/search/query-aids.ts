import { createEnglishDictionary, type EnglishDictionary } from '../text/english-dictionary.js';
import { createHomophoneIndex, type HomophoneIndex } from '../text/homophones.js';
import { createRomanizedNameIndex, type RomanizedNameIndex } from '../text/romanized-names.js';
import { FIELDS, WORD_FIELDS, type PostingIndex } from './postings.js';
import type { QueryAids } from './query.js';
import type { SearchIndex } from './search-index.js';

/**
 * The reading aids of one index (see QueryAids), each built from the index's own vocabulary the
 * first time a question needs it, then kept with the index: an English dictionary (CC-CEDICT
 * restricted to the corpus words) and a homophone index of the corpus words (pinyin).
 */
export function queryAids(index: SearchIndex): QueryAids {
  const cached = aidsByIndex.get(index);
  if (cached) return cached;
  let english: EnglishDictionary | undefined;
  let homophones: HomophoneIndex | undefined;
  let names: RomanizedNameIndex | undefined;
  const aids: QueryAids = {
    english: (phrase) => (english ??= createEnglishDictionary(vocabularyOf(index))).lookup(phrase),
    homophones: (word) => (homophones ??= createHomophoneIndex(vocabularyOf(index))).lookup(word),
    names: (romanised) => (names ??= createRomanizedNameIndex(vocabularyOf(index))).lookup(romanised),
    documents: {
      of: (term) => documentsHolding(index.postings, term),
      count: index.docs.length,
      budget: index.options.maxQueryPostings,
      scratch: { stamps: new Int32Array(index.docs.length), held: new Int32Array(index.docs.length), stamp: 0 },
    },
  };
  aidsByIndex.set(index, aids);
  return aids;
}

/** The documents whose question, topic or text holds the word: each field's list (ascending, no copy). */
function documentsHolding(postings: PostingIndex, term: string): readonly Int32Array[] {
  const id = postings.termIds.get(term);
  if (id === undefined) return [];
  return SENSE_FIELDS.map((field) => {
    const { start, docs } = postings.fields[field]!;
    return docs.subarray(start[id]!, start[id + 1]!);
  });
}

/** The fields a word's documents are read from for its company: question, topic and text. */
const SENSE_FIELDS = WORD_FIELDS.filter((field) => field !== 'people').map((field) => FIELDS.indexOf(field));

const aidsByIndex = new WeakMap<SearchIndex, QueryAids>();
const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/u;

/** The index's Chinese words of two characters or more, the most frequent first. */
function vocabularyOf(index: SearchIndex): string[] {
  return [...index.documentFrequency]
    .filter(([term]) => CJK_WORD.test(term))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([term]) => term);
}
