import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { createRomanizedNameIndex, isPinyinName } from '../../src/text/romanized-names.js';

const VOCABULARY = ['华春莹', '王毅', '钟文华', '马朝旭', '习近平', '汪文斌', '中国', '外交部', '单霁翔'];

describe('createRomanizedNameIndex', () => {
  const names = createRomanizedNameIndex(VOCABULARY);

  it('indexes every word of the vocabulary', () => {
    expect(names.size).toBe(9);
  });

  it.each([
    ['Hua Chunying', ['华春莹']],
    ['huachunying', ['华春莹']],
    ['Hua Chun-ying', ['华春莹']],
    ['HUA CHUNYING', ['华春莹']],
    ['  Hua   Chunying ', ['华春莹']],
    ['Huà Chūnyíng', ['华春莹']],
    ['Wang Yi', ['王毅']],
    ['wangyi', ['王毅']],
    ['Zhong Wenhua', ['钟文华']],
    ['Zhong Wen-hua', ['钟文华']],
    ['Ma Zhaoxu', ['马朝旭']],
    ['Xi Jinping', ['习近平']],
    ['Xi Jin Ping', ['习近平']],
    ['Wang Wenbin', ['汪文斌']],
    ['Zhongguo', ['中国']],
    ['Waijiaobu', ['外交部']],
    // 单 as a surname is shan; the word's own reading dan is kept as well.
    ['Shan Jixiang', ['单霁翔']],
    ['Dan Jixiang', ['单霁翔']],
  ])('GIVEN %j THEN finds %j', (name, words) => {
    expect(names.lookup(name)).toEqual(words);
  });

  it.each([
    ['Smith'],
    ['Hua'],
    ['Chunying'],
    ['Hua Chunyin'],
    ['Wang Yi 2'],
    ['王毅'],
    [''],
  ])('GIVEN %j THEN finds nothing', (name) => {
    expect(names.lookup(name)).toEqual([]);
  });

  it('returns every word with the same romanisation, in vocabulary order', () => {
    const wangyi = createRomanizedNameIndex(['网易', '王毅', '中国', '王毅']);
    expect(wangyi.lookup('Wang Yi')).toEqual(['网易', '王毅']);
    expect(wangyi.size).toBe(3);
  });

  it('reads a polyphonic surname both as a surname and as in the word', () => {
    const surnames = createRomanizedNameIndex(['曾庆红', '区志强', '解振华', '尉迟恭', '单位']);
    expect(surnames.lookup('Zeng Qinghong')).toEqual(['曾庆红']);
    expect(surnames.lookup('Ou Zhiqiang')).toEqual(['区志强']);
    expect(surnames.lookup('Xie Zhenhua')).toEqual(['解振华']);
    expect(surnames.lookup('Yuchi Gong')).toEqual(['尉迟恭']);
    expect(surnames.lookup('Danwei')).toEqual(['单位']);
    expect(surnames.lookup('Shanwei')).toEqual(['单位']);
  });

  it('keeps the rest of the word in its own reading when the first character is read as a surname', () => {
    // pinyin-pro's surname mode on the whole word reads 银行 yin xing.
    const bank = createRomanizedNameIndex(['上海银行']);
    expect(bank.lookup('Shanghai Yinhang')).toEqual(['上海银行']);
    expect(bank.lookup('Shanghai Yinxing')).toEqual([]);
  });

  it.each([
    ['Lü Fan'],
    ['Lu Fan'],
    ['Lv Fan'],
    ['Lǚ Fàn'],
  ])('GIVEN ü written as in %j THEN finds 吕凡', (name) => {
    expect(createRomanizedNameIndex(['吕凡']).lookup(name)).toEqual(['吕凡']);
  });

  it("ignores apostrophes, so syllable boundaries are lost: Xi'an, Xian and xian are one key", () => {
    const places = createRomanizedNameIndex(['西安', '喜安', '提案']);
    expect(places.lookup("Xi'an")).toEqual(['西安', '喜安']);
    expect(places.lookup('Xi’an')).toEqual(['西安', '喜安']);
    expect(places.lookup('Xian')).toEqual(['西安', '喜安']);
    // 提案 ti an: a one-syllable "name" can find a two-syllable word; isPinyinName(['Tian']) is false.
    expect(places.lookup('Tian')).toEqual(['提案']);
  });

  it('reads the given name of a two- or three-character word in each reading of its characters', () => {
    // pinyin-pro reads 马朝旭 ma chao xu, 朝 as in 朝代.
    expect(names.lookup('Ma Chaoxu')).toEqual(['马朝旭']);
    expect(names.lookup('Ma Zhaoxu')).toEqual(['马朝旭']);
    const lengths = createRomanizedNameIndex(['朝阳', '王朝', '马朝旭', '一朝一夕']);
    expect(lengths.lookup('Wang Chao')).toEqual(['王朝']);
    expect(lengths.lookup('Wang Zhao')).toEqual(['王朝']);
    // The first character is the surname: read as in the word or as a surname (朝: chao both), no other way.
    expect(lengths.lookup('Chaoyang')).toEqual(['朝阳']);
    expect(lengths.lookup('Zhaoyang')).toEqual([]);
    // Four characters: not a personal name, only the word's reading.
    expect(lengths.lookup('yichaoyixi')).toEqual(['一朝一夕']);
    expect(lengths.lookup('yizhaoyixi')).toEqual([]);
  });

  it('indexes only Chinese words of 2-4 characters', () => {
    const lengths = createRomanizedNameIndex(['王', '王毅', '中华人民', '中华人民共和国', 'wangyi', '王yi']);
    expect(lengths.size).toBe(2);
    expect(lengths.lookup('Wang')).toEqual([]);
    expect(lengths.lookup('Zhonghua Renmin')).toEqual(['中华人民']);
    expect(lengths.lookup('Zhonghua Renmin Gongheguo')).toEqual([]);
  });

  it('returns a copy that the caller may change', () => {
    names.lookup('Wang Yi').push('网易');
    expect(names.lookup('Wang Yi')).toEqual(['王毅']);
  });
});

describe('isPinyinName', () => {
  it.each([
    [['Hua', 'Chunying']],
    [['Wang', 'Yi']],
    [['Zhong', 'Wenhua']],
    [['Ma', 'Zhaoxu']],
    [['Xi', 'Jinping']],
    [['Wang', 'Wenbin']],
    [['Hua', 'Chun-ying']],
    [["Xi'an"]],
    [['Huachunying']],
    [['Lv', 'Fan']],
    [['Lü', 'Fan']],
    [['Ouyang', 'Xiu']],
    [['Zhuge', 'Kongming']],
    // Weak by design: English words that spell pinyin pass (chi na; hong kong).
    [['China']],
    [['Hong', 'Kong']],
  ])('GIVEN %j THEN true', (words) => {
    expect(isPinyinName(words)).toBe(true);
  });

  it.each([
    [[]],
    [['Xi']],
    // Xian without an apostrophe is one syllable.
    [['Xian']],
    [['Trade']],
    [['Japan']],
    [['Smith']],
    [['Urumqi']],
    [['Hua', 'Smith']],
    [['Wang', 'Yi2']],
    [["Xi'"]],
    // m, n, ng are interjections, not syllables of a name.
    [['Ng', 'Ng']],
    // Five syllables.
    [['Aisin', 'Gioro']],
    [['Xi', 'Jin', 'Ping', 'Hua', 'Yi']],
  ])('GIVEN %j THEN false', (words) => {
    expect(isPinyinName(words)).toBe(false);
  });
});

describe('the syllable list', () => {
  /** Four copies pass as a name only when the letters are one syllable: two would be eight. */
  const isOneSyllable = (letters: string): boolean => isPinyinName([letters, letters, letters, letters]);

  it('is every toneless syllable pinyin-pro gives a CJK Unified Ideograph, ü as u, without the interjections m n ng hng', () => {
    const fromPinyinPro = new Set<string>();
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      for (const syllable of pinyin(String.fromCodePoint(code), { type: 'array', multiple: true })) {
        const folded = syllable.normalize('NFD').replace(/\p{M}/gu, '');
        if (/^[a-z]+$/u.test(folded) && !['m', 'n', 'ng', 'hng'].includes(folded)) fromPinyinPro.add(folded);
      }
    }
    // Candidates: pinyin-pro's syllables and every initial + final, most of them no syllable (bue, fai, gi).
    const initials = ['', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'zh', 'ch', 'sh', 'r', 'z', 'c', 's', 'y', 'w'];
    const finals = 'a o e ai ei ao ou an en ang eng ong er i ia ie iao iu ian in iang ing iong u ua uo uai ui uan un uang ue ueng'.split(' ');
    const candidates = new Set([...fromPinyinPro, ...initials.flatMap((initial) => finals.map((final) => initial + final))]);
    expect([...candidates].filter(isOneSyllable).sort()).toEqual([...fromPinyinPro].sort());
    expect(fromPinyinPro.size).toBe(409);
  });
});
