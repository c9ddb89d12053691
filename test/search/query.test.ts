import { describe, expect, it } from 'vitest';
import { analyzeQuery as analyze, isEnglish, refineUnknownTokens as refine, translateEnglish as translate } from '../../src/search/query.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();
const analyzeQuery = (text: string, known?: (term: string) => boolean) => analyze(analyzer, text, known);
const translateEnglish = (text: string) => translate(analyzer, text);
const refineUnknownTokens = (tokens: readonly string[], known: (term: string) => boolean) => refine(analyzer, tokens, known);

describe('analyzeQuery', () => {
  it('GIVEN a compound THEN it is one concept, its dictionary pieces parts of it (they do not count again)', () => {
    const concepts = analyzeQuery('一带一路高峰论坛').concepts;
    expect(concepts.map((concept) => concept.term)).toEqual(['一带一路', '高峰论坛']);
    expect(concepts[1]?.parts?.map((part) => part.term)).toEqual(expect.arrayContaining(['高峰', '论坛']));
  });

  it('GIVEN a word the index lacks THEN its known pieces and the rest it leaves uncovered are its parts', () => {
    const known = (term: string) => term === '今天';
    const [concept] = analyzeQuery('今天天气', known).concepts;
    expect(concept?.term).toBe('今天天气');
    expect(concept?.parts?.map((part) => part.term)).toEqual(['今天', '天气']);
  });

  it.each([
    ['美方', ['美方', '美国', '中美']],
    ['俄罗斯', ['俄罗斯', '俄方', '中俄']],
    ['歐洲', ['欧洲', '欧盟', '中欧']],
    ['世卫组织', ['世卫组织', '世界卫生组织', 'who']],
    ['起诉', ['起诉', '诉讼', '滥诉', '索赔']],
  ])('GIVEN %s THEN its concept is found by any of %j', (text, forms) => {
    const concept = analyzeQuery(text).concepts.find((candidate) => candidate.term === forms[0]);
    expect(concept?.alternatives).toEqual(expect.arrayContaining(forms));
  });

  it('GIVEN a one-way rule (倒退 => 倒退, 回到过去, 倒车) THEN the typed word is kept and the targets added', () => {
    expect(analyzeQuery('倒退').concepts).toEqual([{ term: '倒退', alternatives: ['倒退', '回到过去', '倒车'] }]);
  });

  it('GIVEN a word the index lacks THEN it is read by its sound only when it is no word of the general dictionary (a typo)', () => {
    const known = (term: string) => ['援助', '疾病'].includes(term);
    const aids = { homophones: (word: string) => (word === '原助' ? [{ word: '援助', distance: 0 as const }] : word === '几份' ? [{ word: '疾病', distance: 1 as const }] : []) };
    const read = (text: string) => analyze(analyzer, text, known, new Set(), aids).concepts.flatMap((concept) => concept.alternatives);
    expect(read('原助')).toContain('援助');
    expect(read('签了几份')).not.toContain('疾病');
  });

  it('GIVEN a word twice THEN it is one concept', () => {
    expect(analyzeQuery('溯源溯源').concepts.map((concept) => concept.term)).toEqual(['溯源']);
  });
});

describe('English questions', () => {
  it.each([
    ['What does China think of the new Cold War with the US?', true],
    ['How are China-Russia relations?', true],
    ['中美关系 WHO', false],
    ['中国', false],
    ['a', false],
  ])('GIVEN %s THEN isEnglish is %s', (text, english) => {
    expect(isEnglish(text)).toBe(english);
  });

  it.each([
    ['What does China think of the new Cold War with the US?', ['中国', '新冷战', '美国']],
    ['How are China-Russia relations?', ['中俄', '关系']],
    ['Who should lead the research into the origins of the virus?', ['主导', '研究', '溯源', '源头', '病毒']],
    ['Is WHO leading the tracing?', ['世卫组织', '主导', '溯源']],
    ['US politicians are smearing China', ['美国', '政客', '抹黑', '中国']],
    ['What do you think about Brexit?', ['brexit']],
    ['What did the vice FM say about FOCAC and the AIIB?', ['副外长', '中非合作论坛', '亚投行']],
  ])('GIVEN %s THEN the glossary gives %j', (text, terms) => {
    expect(translateEnglish(text).map((reading) => reading.alternatives[0])).toEqual(terms);
  });

  it('GIVEN a word of many senses THEN the translations kept are those found in documents with the question\'s other words, the dictionary\'s first one always', () => {
    // Documents: 0 and 1 speak of 会见 with 杭州; 见面, 遇到, 满足 never stand beside 杭州.
    const held: Record<string, number[]> = { 杭州: [0, 1], 会见: [0, 1, 5], 会晤: [1, 6], 见面: [7], 遇到: [8], 满足: [9] };
    const aids = {
      english: (phrase: string) => (phrase === 'met' || phrase === 'meet' ? ['见面', '遇到', '满足', '会晤', '会见'] : phrase === 'hangzhou' ? ['杭州'] : []),
      documents: { of: (term: string) => [Int32Array.from(held[term] ?? [])], count: 100, budget: 6_000, scratch: { stamps: new Int32Array(100), held: new Int32Array(100), stamp: 0 } },
    };
    const met = translate(analyzer, 'Xi met him in Hangzhou', aids).find((reading) => reading.english === 'met' || reading.english === 'meet');
    expect(met?.alternatives).toEqual(['见面', '会见', '会晤']);
    // Without company for any translation, the dictionary's order stands.
    const alone = translate(analyzer, 'they met', aids).find((reading) => reading.english === 'met' || reading.english === 'meet');
    expect(alone?.alternatives).toEqual(['见面', '遇到', '满足']);
  });

  it('GIVEN a romanised name THEN it is read as the corpus word with that pinyin; a capitalised English word is not', () => {
    const aids = {
      names: (name: string) => (name.replace(/\s/gu, '').toLowerCase() === 'huachunying' ? ['华春莹'] : name === 'Change' ? ['嫦娥'] : []),
      english: (phrase: string) => (phrase.toLowerCase() === 'change' ? ['变化'] : []),
    };
    expect(translate(analyzer, 'What did Hua Chunying say about Africa?', aids).map((reading) => reading.alternatives[0])).toContain('华春莹');
    // typed in lower case, as in chat: two or three pinyin syllables still read as the name
    expect(translate(analyzer, 'what did hua chunying say about africa', aids).map((reading) => reading.alternatives[0])).toContain('华春莹');
    expect(translate(analyzer, 'Big Change', aids).map((reading) => reading.alternatives[0])).toEqual(['big', '变化']);
  });

  it('GIVEN a one-word pinyin name typed in lower case THEN it is read as the name, unless it is an English word', () => {
    const aids = { names: (name: string) => (name.toLowerCase() === 'hangzhou' ? ['杭州'] : name.toLowerCase() === 'change' ? ['嫦娥'] : []) };
    expect(translate(analyzer, 'what happened in hangzhou', aids).map((reading) => reading.alternatives[0])).toContain('杭州');
    expect(translate(analyzer, 'what will change', aids).map((reading) => reading.alternatives[0])).not.toContain('嫦娥');
  });

  it('GIVEN an irregular English form or a month THEN the dictionary is asked for its base form and the month is no topic', () => {
    const aids = { english: (phrase: string) => (phrase === 'hold' ? ['举行'] : phrase === 'country' ? ['国家'] : []) };
    expect(translate(analyzer, 'Which countries held talks in June', aids).flatMap((reading) => reading.alternatives)).toEqual(['国家', '举行', 'talks']);
  });

  it('GIVEN an English word the dictionary translates several ways THEN they are forms of one concept', () => {
    const aids = { english: (phrase: string) => (phrase === 'strings' ? ['条件', '一系列'] : []) };
    const concepts = analyze(analyzer, 'political strings', () => true, new Set(), aids).concepts;
    expect(concepts.find((concept) => concept.term === '条件')?.alternatives).toEqual(expect.arrayContaining(['条件', '一系列']));
    expect(concepts.some((concept) => concept.term === '一系列')).toBe(false);
  });
});

describe('refineUnknownTokens', () => {
  const known = (term: string): boolean => ['普京', '电话', '溯源'].includes(term);

  it.each([
    [['和普京'], ['普京']],
    [['是从'], []],
    [['伊朗核'], ['伊朗核']],
    [['溯源'], ['溯源']],
  ])('GIVEN unknown-word candidates %j THEN they become %j', (tokens, refined) => {
    expect(refineUnknownTokens(tokens, known)).toEqual(refined);
  });
});
