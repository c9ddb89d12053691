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
    documents: { of: (term) => documentsHolding(index.postings, term, index.options.maxQueryPostings), count: index.docs.length },
  };
  aidsByIndex.set(index, aids);
  return aids;
}

/**
 * The documents whose question, topic or text holds the word, ascending; none for a word in more
 * documents than `limit` (the query's postings budget): it says nothing of which sense is meant,
 * and on a large archive it would cost the most.
 */
function documentsHolding(postings: PostingIndex, term: string, limit: number): Int32Array {
  const id = postings.termIds.get(term);
  if (id === undefined || (postings.wordDocumentFrequency[id] ?? 0) > limit) return new Int32Array(0);
  const lists = WORD_FIELDS.filter((field) => field !== 'people').map((field) => {
    const { start, docs } = postings.fields[FIELDS.indexOf(field)]!;
    return docs.subarray(start[id]!, start[id + 1]!);
  });
  const all = new Int32Array(lists.reduce((sum, list) => sum + list.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  all.sort();
  return all.filter((doc, i) => i === 0 || doc !== all[i - 1]);
}

const aidsByIndex = new WeakMap<SearchIndex, QueryAids>();
const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/u;

/** The index's Chinese words of two characters or more, the most frequent first. */
function vocabularyOf(index: SearchIndex): string[] {
  return [...index.documentFrequency]
    .filter(([term]) => CJK_WORD.test(term))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([term]) => term);
}
