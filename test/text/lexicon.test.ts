import { describe, expect, it } from 'vitest';
import { parseGlossary, parseStopWords, parseSynonyms } from '../../src/text/lexicon.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

describe('parseSynonyms (Solr format)', () => {
  const rules = parseSynonyms(['# countries', '美国, 美方, 美', '倒退 => 倒退, 倒车', '吵架, 闹翻 => 分歧', '分歧, 矛盾'].join('\n'));

  it.each([
    ['美方', ['美方', '美国', '美']],
    ['美', ['美', '美国', '美方']],
    ['倒退', ['倒退', '倒车']],
    ['吵架', ['分歧', '矛盾']],
    ['矛盾', ['矛盾', '分歧']],
  ])('GIVEN the rules THEN %s expands to %j', (term, expansion) => {
    expect(rules.get(term)).toEqual(expansion);
  });

  it('GIVEN a term in no rule THEN it has no entry', () => {
    expect(rules.get('溯源')).toBeUndefined();
  });

  it('GIVEN traditional terms THEN they are folded like queries', () => {
    expect(parseSynonyms('歐盟, 歐洲').get('欧洲')).toEqual(['欧洲', '欧盟']);
  });

  it.each([
    ['美国', 'text: synonyms:1: a synonym line needs two terms or more: "美国"'],
    ['a => b => c', 'text: synonyms:1: more than one "=>" in "a => b => c"'],
    ['a =>', 'text: synonyms:1: "=>" needs terms on both sides in "a =>"'],
  ])('GIVEN the malformed line %s THEN it throws %s', (text, message) => {
    expect(() => parseSynonyms(text)).toThrow(message);
  });
});

describe('parseGlossary', () => {
  it('GIVEN tab-separated lines THEN phrases map to Chinese terms', () => {
    const glossary = parseGlossary('# comment\nCold  War\t冷战 新冷战\nwho\t世卫组织');
    expect([...glossary.entries()]).toEqual([
      ['cold war', ['冷战', '新冷战']],
      ['who', ['世卫组织']],
    ]);
  });

  it('GIVEN a line without a tab THEN it throws with the line number', () => {
    expect(() => parseGlossary('cold war 冷战', 'glossary-en.tsv')).toThrow(
      'text: glossary-en.tsv:1: expected "english<TAB>中文", got "cold war 冷战"',
    );
  });
});

describe('parseStopWords', () => {
  it('GIVEN words, comments and blank lines THEN only folded words remain', () => {
    expect([...parseStopWords('# question words\n怎麼\n\n如何 # inline\n')]).toEqual(['怎么', '如何']);
  });
});

describe('the bundled data files', () => {
  const { lexicon } = createDefaultAnalyzer();

  it.each([
    ['美方', '美国'],
    ['美', '美国'],
    ['俄方', '俄罗斯'],
    ['欧洲', '中欧'],
    ['世界卫生组织', '世卫组织'],
    ['who', '世卫组织'],
    ['新冠肺炎', '疫情'],
    ['源头', '溯源'],
    ['起诉', '滥诉'],
    ['索赔', '诉讼'],
    ['帮助', '援助'],
    ['支援', '帮助'],
  ])('GIVEN synonyms.txt THEN %s also finds %s', (term, synonym) => {
    expect(lexicon.synonyms.get(term)).toContain(synonym);
  });

  it.each([['怎么看'], ['如何'], ['中方'], ['哪些']])('GIVEN stop-words.txt THEN %s is a stop word', (word) => {
    expect(lexicon.stopWords.has(word)).toBe(true);
  });

  it.each([['国家'], ['关系'], ['合作'], ['美国']])('GIVEN stop-words.txt THEN the subject word %s is not a stop word', (word) => {
    expect(lexicon.stopWords.has(word)).toBe(false);
  });
});
