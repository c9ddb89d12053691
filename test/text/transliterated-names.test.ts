import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSuiteIndex } from '../../src/cli/eval.js';
import type { SearchIndex } from '../../src/search/index.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { jiebaDataPaths } from '../../src/text/jieba-data.js';
import {
  cedictCommonWords,
  chineseKey,
  createTransliterationIndex,
  latinKey,
  MAX_RESULTS,
  MIN_SCORE,
  TRANSLITERATION_CHARACTERS,
  transliterationCharacters,
  type TransliterationIndex,
} from '../../src/text/transliterated-names.js';

const analyzer = createDefaultAnalyzer();

describe('latinKey', () => {
  it.each([
    ['Kakhovka', 'KaHoWKa'],
    ['Harris', 'HaLiz'],
    ['Poland', 'PoLaNd'],
    ['Philippines', 'FiLiPiNz'],
    ['Qatar', 'KaTar'],
    ['Chancay', 'SaNKai'],
    ['São Paulo', 'SaoPauLo'],
    ['Sharm el-Sheikh', 'SarMeLSeiH'],
    ['Kazakhstan', 'KaSaHSTaN'],
    ['Jerusalem', 'JeLuSaLeM'],
    ['Chile', 'SiL'],
    ['Doha', 'ToHa'],
    ['Rafah', 'LaFa'],
    ['Madrid2', ''],
    ['马德里', ''],
  ])('GIVEN %j THEN the key %j', (name, key) => {
    expect(latinKey(name)).toBe(key);
  });
});

describe('chineseKey', () => {
  it.each([
    ['卡霍夫卡', 'KaHuoFuKa'],
    ['哈里斯', 'HaLiSi'],
    ['巴基斯坦', 'PaJiSiTaN'],
    ['耶路撒冷', 'ieLuSaLeN'],
    ['乌拉圭', 'WuLaKui'],
    ['卡塔尔', 'KaTaeL'],
    ['钱凯', 'JiaNKai'],
    // The interjection m has no key: the word has none.
    ['呣呣', ''],
  ])('GIVEN %s THEN the key %j', (word, key) => {
    expect(chineseKey(word)).toBe(key);
  });
});

describe('TRANSLITERATION_CHARACTERS', () => {
  it("GIVEN jieba's dictionary as nodejieba ships it THEN is what transliterationCharacters computes from it", () => {
    const computed = transliterationCharacters(readFileSync(jiebaDataPaths().dictPath, 'utf8'));
    expect(computed).toEqual([...TRANSLITERATION_CHARACTERS]);
    expect(computed).toHaveLength(167);
  });

  it('GIVEN a small dictionary THEN the characters common in its nrt words and rare elsewhere, by code point', () => {
    const dictionary = '斯里兰卡 10 nrt\n斯文 10 a\n卡车 5 n\n卡车司机 3 n\n';
    expect(transliterationCharacters(dictionary, { minCount: 1, minShare: 0.5 })).toEqual(['兰', '斯', '里']);
  });
});

describe('cedictCommonWords', () => {
  it('GIVEN words THEN those CC-CEDICT holds in lower-case pinyin only (not its proper nouns, not the words it lacks)', () => {
    expect(cedictCommonWords(['崇高', '蓝图', '巴西', '鲁班', '哈里斯', '中'])).toEqual(new Set(['崇高', '蓝图']));
  });

  it('GIVEN a file in another format THEN throws naming it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'koujing-cedict-')), 'simplified.js');
    writeFileSync(path, 'export default {"崇高":["chong2 gao1"]}');
    expect(() => cedictCommonWords(['崇高'], path)).toThrow(
      `transliterated-names: ${path} holds 0 headwords in the expected format (at least 100000 expected): has the cc-cedict package changed its data format?`,
    );
  });
});

describe('createTransliterationIndex', () => {
  const VOCABULARY = ['卡霍夫卡', '哈里斯', '比雷埃夫斯', '巴勒斯坦', '阿斯塔纳', '哈萨克斯坦', '中国', '发展', '合作', '王毅', '利益', '希望', '巴黎', '巴西'];
  const names = createTransliterationIndex(VOCABULARY, { tagger: analyzer });

  it('GIVEN jieba as tagger THEN indexes the words that look like transliterations only', () => {
    // 利益 (n) and 希望 (v) hold a transliteration character each, but jieba holds them as ordinary words.
    expect(names.size).toBe(8);
    expect(createTransliterationIndex(VOCABULARY).size).toBe(10);
  });

  it.each([
    ['Kakhovka', '卡霍夫卡'],
    ['Harris', '哈里斯'],
    ['Palestine', '巴勒斯坦'],
    ['Astana', '阿斯塔纳'],
    ['Kazakhstan', '哈萨克斯坦'],
    ['KAZAKHSTAN', '哈萨克斯坦'],
    ['Paris', '巴黎'],
  ])('GIVEN %j THEN finds %s first', (name, word) => {
    const matches = names.lookup(name);
    expect(matches[0]?.word).toBe(word);
    expect(matches[0]?.score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it.each([['Madrid'], ['Berlin'], ['Nairobi'], ['Brazil'], ['Wang Yi'], ['Kakhovka1'], ['卡霍夫卡'], ['']])('GIVEN %j THEN finds nothing', (name) => {
    expect(names.lookup(name)).toEqual([]);
  });

  it('GIVEN the documents of each word THEN a piece found only inside a longer candidate is not indexed, a word found apart is', () => {
    const vocabulary = ['哈萨克斯坦', '哈萨', '巴西利亚', '巴西'];
    const documentFrequency = new Map([['哈萨克斯坦', 3], ['哈萨', 3], ['巴西利亚', 1], ['巴西', 9]]);
    const withCounts = createTransliterationIndex(vocabulary, { tagger: analyzer, documentFrequency });
    expect(withCounts.size).toBe(3);
    expect(createTransliterationIndex(vocabulary, { tagger: analyzer }).size).toBe(4);
  });

  it('GIVEN common words THEN they are no candidates, and the pieces only they hold are none either', () => {
    // jieba tags 崇高 (lofty) nrt; its sounds are those of Chancay.
    expect(createTransliterationIndex(['崇高'], { tagger: analyzer }).lookup('Chancay').map(({ word }) => word)).toEqual(['崇高']);
    expect(createTransliterationIndex(['崇高'], { tagger: analyzer, commonWords: new Set(['崇高']) }).size).toBe(0);
    const documentFrequency = new Map([['法西斯', 2], ['法西', 2]]);
    expect(createTransliterationIndex(['法西斯', '法西'], { tagger: analyzer, documentFrequency, commonWords: new Set(['法西斯']) }).size).toBe(0);
  });

  it('GIVEN any letters THEN at most MAX_RESULTS vocabulary words, best first, each scoring at least minScore and at most 1', () => {
    const minScore = 0.6;
    const loose = createTransliterationIndex(VOCABULARY, { tagger: analyzer, minScore });
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][a-z]{0,11}( [A-Za-z][a-z]{0,8})?$/), (name) => {
        const matches = loose.lookup(name);
        expect(matches.length).toBeLessThanOrEqual(MAX_RESULTS);
        for (const [i, match] of matches.entries()) {
          expect(VOCABULARY).toContain(match.word);
          expect(match.score).toBeGreaterThanOrEqual(minScore);
          expect(match.score).toBeLessThanOrEqual(1);
          if (i > 0) expect(match.score).toBeLessThanOrEqual(matches[i - 1]?.score ?? 1);
        }
      }),
    );
  });
});

/**
 * Measured on the evaluation suite's corpus (test/fixtures/questions/corpus.txt) with the
 * words the search index holds, as query-aids.ts gives the romanised-name index its vocabulary.
 *
 * Pairs: (English name, the Chinese the paired paragraph writes for it), from the tuning
 * transcripts with an English paragraph beside the Chinese one, found semi-automatically
 * (capitalised English words not in wink-lexicon as ordinary words, the counterpart read by
 * hand in the paired Chinese paragraph). Split by transcript BEFORE any tuning: of the nine
 * transcripts sorted by name, the 1st, 3rd, 5th, 7th and 9th are the tuning part (2016-06-20,
 * 2022-11-14, 2023-12-05, 2024-09-26, 2025-06-18), the 2nd, 4th, 6th and 8th the held-out part
 * (2019-04-27, 2023-03-07, 2024-03-07, 2025-03-07); a name of the held-out part that the
 * tuning part also has is left out of it (Portugal, Paris …). `transliterated`: the Chinese
 * renders the sounds (the recall counts these); `translated`: it does not (日本 for Japan, or
 * '' when the paragraph has no counterpart): a match for these is a false one.
 * A match is right when its first word is the counterpart or a piece of it (特雷斯 of 古特雷斯:
 * the index cuts the name so).
 *
 * Negatives: made-up lists of real places and people that the corpus does not name (checked
 * against its words); the first forty were used to tune, the second forty were measured after
 * the tuning (and once more after CC-CEDICT's common words were left out).
 */
type Pair = readonly [english: string, chinese: string, kind: 'transliterated' | 'translated', transcript: string];

const TUNING_PAIRS: readonly Pair[] = [
  ["Portugal", "葡萄牙", 'transliterated', '2016-06-20'],
  ["Santos", "桑托斯", 'transliterated', '2016-06-20'],
  ["Silva", "席尔瓦", 'transliterated', '2016-06-20'],
  ["Lisbon", "里斯本", 'transliterated', '2016-06-20'],
  ["Philippines", "菲律宾", 'transliterated', '2016-06-20'],
  ["Paris", "巴黎", 'transliterated', '2016-06-20'],
  ["India", "印度", 'transliterated', '2016-06-20'],
  ["Macao", "澳门", 'translated', '2016-06-20'],
  ["Europe", "欧洲", 'translated', '2016-06-20'],
  ["British", "英国", 'translated', '2016-06-20'],
  ["Seoul", "首尔", 'translated', '2016-06-20'],
  ["Augusto", "", 'translated', '2016-06-20'],
  ["Biden", "拜登", 'transliterated', '2022-11-14'],
  ["Bali", "巴厘岛", 'transliterated', '2022-11-14'],
  ["Sharm el-Sheikh", "沙姆沙伊赫", 'transliterated', '2022-11-14'],
  ["Egypt", "埃及", 'transliterated', '2022-11-14'],
  ["Uyghur", "维吾尔", 'transliterated', '2022-11-14'],
  ["Qatar", "卡塔尔", 'transliterated', '2022-11-14'],
  ["Cambodia", "柬埔寨", 'transliterated', '2022-11-14'],
  ["Antara", "安塔拉", 'transliterated', '2022-11-14'],
  ["Jakarta", "雅加达", 'transliterated', '2022-11-14'],
  ["Bandung", "万隆", 'transliterated', '2022-11-14'],
  ["Lusail", "卢赛尔", 'transliterated', '2022-11-14'],
  ["Netherlands", "荷兰", 'translated', '2022-11-14'],
  ["Fumio Kishida", "岸田文雄", 'translated', '2022-11-14'],
  ["Bangkok", "曼谷", 'translated', '2022-11-14'],
  ["Phnom Penh", "金边", 'translated', '2022-11-14'],
  ["Japan", "日本", 'translated', '2022-11-14'],
  ["Gaza", "加沙", 'transliterated', '2023-12-05'],
  ["Palestine", "巴勒斯坦", 'transliterated', '2023-12-05'],
  ["Jerusalem", "耶路撒冷", 'transliterated', '2023-12-05'],
  ["Ukraine", "乌克兰", 'transliterated', '2023-12-05'],
  ["Poland", "波兰", 'transliterated', '2023-12-05'],
  ["Russia", "俄罗斯", 'transliterated', '2023-12-05'],
  ["Brazil", "巴西", 'transliterated', '2023-12-05'],
  ["Saudi", "沙特", 'transliterated', '2023-12-05'],
  ["Arabia", "阿拉伯", 'transliterated', '2023-12-05'],
  ["Johannesburg", "约翰内斯堡", 'transliterated', '2023-12-05'],
  ["Argentina", "阿根廷", 'transliterated', '2023-12-05'],
  ["Iran", "伊朗", 'transliterated', '2023-12-05'],
  ["Ethiopia", "埃塞俄比亚", 'transliterated', '2023-12-05'],
  ["Dubai", "迪拜", 'transliterated', '2023-12-05'],
  ["Filoli", "斐洛里", 'transliterated', '2023-12-05'],
  ["France", "法国", 'translated', '2023-12-05'],
  ["Germany", "德国", 'translated', '2023-12-05'],
  ["San Francisco", "旧金山", 'translated', '2023-12-05'],
  ["Emirates", "阿联酋", 'translated', '2023-12-05'],
  ["Fukushima", "福岛", 'translated', '2023-12-05'],
  ["Euronews", "", 'translated', '2023-12-05'],
  ["Bloomberg", "彭博社", 'translated', '2023-12-05'],
  ["Kyodo", "共同社", 'translated', '2023-12-05'],
  ["Lebanon", "黎巴嫩", 'transliterated', '2024-09-26'],
  ["Baku", "巴库", 'transliterated', '2024-09-26'],
  ["Kazan", "喀山", 'transliterated', '2024-09-26'],
  ["Rio", "里约", 'transliterated', '2024-09-26'],
  ["Lima", "利马", 'transliterated', '2024-09-26'],
  ["Peru", "秘鲁", 'transliterated', '2024-09-26'],
  ["Guterres", "古特雷斯", 'transliterated', '2024-09-26'],
  ["New York", "纽约", 'transliterated', '2024-09-26'],
  ["Washington", "", 'translated', '2024-09-26'],
  ["Astana", "阿斯塔纳", 'transliterated', '2025-06-18'],
  ["Kazakhstan", "哈萨克斯坦", 'transliterated', '2025-06-18'],
  ["Israel", "以色列", 'transliterated', '2025-06-18'],
  ["Fiji", "斐济", 'transliterated', '2025-06-18'],
  ["Pakistan", "巴基斯坦", 'transliterated', '2025-06-18'],
  ["Chile", "智利", 'transliterated', '2025-06-18'],
  ["Uruguay", "乌拉圭", 'transliterated', '2025-06-18'],
  ["Belem", "贝伦", 'transliterated', '2025-06-18'],
  ["Vietnam", "越南", 'translated', '2025-06-18'],
  ["Myanmar", "缅甸", 'translated', '2025-06-18'],
  ["Clarin", "", 'translated', '2025-06-18'],
  ["Reuters", "路透", 'translated', '2025-06-18'],
];

const HELD_OUT_PAIRS: readonly Pair[] = [
  ["Hambantota", "汉班托塔", 'transliterated', '2019-04-27'],
  ["Sri Lanka", "斯里兰卡", 'transliterated', '2019-04-27'],
  ["Italy", "意大利", 'transliterated', '2019-04-27'],
  ["Austria", "奥地利", 'transliterated', '2019-04-27'],
  ["Khorgos", "霍尔果斯", 'transliterated', '2019-04-27'],
  ["Suez", "苏伊士", 'transliterated', '2019-04-27'],
  ["Switzerland", "瑞士", 'translated', '2019-04-27'],
  ["Osaka", "大阪", 'translated', '2019-04-27'],
  ["Thailand", "泰国", 'translated', '2019-04-27'],
  ["Nurly Zhol", "光明之路", 'translated', '2019-04-27'],
  ["Sputnik", "卫星", 'translated', '2019-04-27'],
  ["Kenya", "肯尼亚", 'transliterated', '2023-03-07'],
  ["Indonesia", "印度尼西亚", 'transliterated', '2023-03-07'],
  ["Yonhap", "韩联社", 'translated', '2023-03-07'],
  ["Africa", "非洲", 'translated', '2023-03-07'],
  ["Sao Paulo", "圣保罗", 'transliterated', '2024-03-07'],
  ["Nauru", "瑙鲁", 'transliterated', '2024-03-07'],
  ["Spain", "西班牙", 'transliterated', '2024-03-07'],
  ["Ireland", "爱尔兰", 'transliterated', '2024-03-07'],
  ["Hungary", "匈牙利", 'transliterated', '2024-03-07'],
  ["Belgium", "比利时", 'transliterated', '2024-03-07'],
  ["Luxembourg", "卢森堡", 'transliterated', '2024-03-07'],
  ["Laos", "老挝", 'transliterated', '2024-03-07'],
  ["Jazeera", "半岛", 'translated', '2024-03-07'],
  ["Solomon", "所罗门", 'transliterated', '2025-03-07'],
  ["Antarctica", "南极", 'translated', '2025-03-07'],
  ["Arctic", "北极", 'translated', '2025-03-07'],
  ["Globo", "环球", 'translated', '2025-03-07'],
];

const TUNING_NEGATIVES = (
  'Lagos Nairobi Bogota Caracas Havana Helsinki Oslo Stockholm Prague Warsaw Bucharest Belgrade Ankara Tehran Riyadh Beirut Baghdad ' +
  'Islamabad Kathmandu Canberra Toronto Dublin Scholz Merkel Sunak Trudeau Albanese Erdogan Milei Zelensky Netanyahu Sullivan ' +
  'Raimondo Stoltenberg Borrell Starmer Meloni Orban Lavrov Macron'
).split(' ');

const HELD_OUT_NEGATIVES = (
  'Lyon Zurich Brussels Yerevan Dushanbe Ulaanbaatar Yangon Mumbai Kolkata Lahore Kandahar Mosul Aleppo Damascus Khartoum Kinshasa ' +
  'Luanda Harare Lusaka Maputo Accra Abuja Tunis Tripoli Quito Blinken Yellen Pelosi Kissinger Rubio Hegseth Marcos Prabowo Anwar ' +
  'Lula Petro Boric Tokayev Zakharova Baerbock'
).split(' ');

interface Measure {
  /** Names with a match, and those whose first match is right. */
  answered: number;
  right: number;
  /** Transliterated pairs, and those whose first match is right. */
  transliterated: number;
  found: number;
}

function measure(index: TransliterationIndex, pairs: readonly Pair[]): Measure {
  const result: Measure = { answered: 0, right: 0, transliterated: 0, found: 0 };
  for (const [english, chinese, kind] of pairs) {
    const first = index.lookup(english)[0]?.word;
    const right = first !== undefined && chinese.includes(first);
    if (kind === 'transliterated') result.transliterated++;
    if (first === undefined) continue;
    result.answered++;
    if (right) result.right++;
    if (right && kind === 'transliterated') result.found++;
  }
  return result;
}

const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/u;

describe('GIVEN the evaluation suite corpus and its index words', () => {
  let suite: SearchIndex;
  let index: TransliterationIndex;
  beforeAll(() => {
    suite = buildSuiteIndex(analyzer);
    const vocabulary = [...suite.documentFrequency]
      .filter(([term]) => CJK_WORD.test(term))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([term]) => term);
    index = createTransliterationIndex(vocabulary, {
      tagger: suite.analyzer,
      documentFrequency: suite.documentFrequency,
      commonWords: cedictCommonWords(vocabulary),
    });
  });

  it('the parts are as described: names once each, none of the held-out part in the tuning part', () => {
    const tuningNames = new Set(TUNING_PAIRS.map(([english]) => english));
    expect(tuningNames.size).toBe(TUNING_PAIRS.length);
    expect(HELD_OUT_PAIRS.filter(([english]) => tuningNames.has(english))).toEqual([]);
    expect([TUNING_PAIRS.length, HELD_OUT_PAIRS.length, TUNING_NEGATIVES.length, HELD_OUT_NEGATIVES.length]).toEqual([72, 28, 40, 40]);
  });

  // Measured at MIN_SCORE 0.83: tuning 22/25 right of the names matched, 22 of 49 transliterations found.
  it('THEN on the tuning pairs: precision at least 0.8, recall at least 0.4', () => {
    const { answered, right, transliterated, found } = measure(index, TUNING_PAIRS);
    expect(right / answered).toBeGreaterThanOrEqual(0.8);
    expect(found / transliterated).toBeGreaterThanOrEqual(0.4);
  });

  // Measured: 5/6 right of the names matched, 5 of 17 transliterations found. The bounds leave room for one pair more or
  // less as the corpus grows (its words change): so few names are matched that one false match moves precision by 0.1.
  it('THEN on the held-out pairs: precision at least 0.6, recall at least 0.2', () => {
    const { answered, right, transliterated, found } = measure(index, HELD_OUT_PAIRS);
    expect(right / answered).toBeGreaterThanOrEqual(0.6);
    expect(found / transliterated).toBeGreaterThanOrEqual(0.2);
  });

  // Measured: none of the tuning negatives matched; 3 of the held-out ones did (Aleppo 阿拉伯, Pelosi 比利时, Lula 瑞拉; 4 with
  // Luanda 蓝图 before CC-CEDICT's common words were left out, a change made for the task's Chancay → 崇高, not for these).
  it('THEN names the corpus does not hold: at most 1 of the 40 tuning negatives and 6 of the 40 held-out ones match a word', () => {
    expect(TUNING_NEGATIVES.filter((name) => index.lookup(name).length > 0).length).toBeLessThanOrEqual(1);
    expect(HELD_OUT_NEGATIVES.filter((name) => index.lookup(name).length > 0).length).toBeLessThanOrEqual(6);
  });
});
