import { createEnglishDictionary, type EnglishDictionary } from '../text/english-dictionary.js';
import { createHomophoneIndex, type HomophoneIndex } from '../text/homophones.js';
import { createRomanizedNameIndex, type RomanizedNameIndex } from '../text/romanized-names.js';
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
  };
  aidsByIndex.set(index, aids);
  return aids;
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
