import { pinyin } from 'pinyin-pro';
import { CJK_ONLY } from './char-bigrams.js';

/**
 * Romanised names: English questions name people and places in pinyin ("Hua Chunying",
 * "Wang Yi", "Xi'an"); the corpus writes them in characters. The index maps the toneless
 * pinyin of each corpus word, syllables run together in lower case, to the words:
 * 华春莹 → `huachunying`, 王毅 → `wangyi`.
 *
 * A word is indexed under its reading as a word (pinyin-pro reads polyphonic characters in
 * context), and also under its readings as a name where they differ:
 * - the first character read as a surname (单霁翔 shan ji xiang; 曾 zeng, 区 ou, 解 xie), or
 *   the first two as a compound surname (尉迟 yu chi, 万俟 mo qi);
 * - in words of two or three characters, the length of a personal name, each character of
 *   the given name read each other way, one at a time: pinyin-pro reads 马朝旭 ma chao xu
 *   (朝 as in 朝代), the man is Ma Zhaoxu.
 * Ordinary words get these keys too (单位 → `shanwei` besides `danwei`, 银行 → `yinxing`): a
 * lookup may find a word the name does not mean, so callers look up only what
 * `isPinyinName` accepts.
 *
 * Keys fold ü to u (吕 → `lu`, like 陆): English text writes Lü as Lu or Lv, and only lu/lü
 * and nu/nü collide (the passport spelling Lyu is not read). Tones and syllable boundaries
 * are dropped, so one key can name several words (`wangyi`: 王毅 and 网易; `xian`: 西安 and
 * 西岸; `tian`: 提案); all are returned.
 */

/** Corpus words, indexed by the romanised form of their pinyin. */
export interface RomanizedNameIndex {
  /** Number of distinct vocabulary words indexed (Chinese words of 2-4 characters with known pinyin). */
  readonly size: number;
  /**
   * Corpus words whose toneless pinyin is the romanised name, in vocabulary order. Case,
   * spaces, hyphens, apostrophes and tone marks are ignored; ü may be written ü, u or v.
   * A name with any other character (a digit, a Chinese character) finds nothing.
   *
   * @example
   * const names = createRomanizedNameIndex(['华春莹', '王毅', '网易']);
   * names.lookup('Hua Chunying') // → ['华春莹']
   * names.lookup('Hua Chun-ying') // → ['华春莹']
   * names.lookup('Wang Yi') // → ['王毅', '网易']
   */
  lookup(name: string): string[];
}

/** Shortest and longest words indexed: Chinese names and place names are 2-4 characters. */
const MIN_WORD_LENGTH = 2;
const MAX_WORD_LENGTH = 4;
/** Longest word whose given-name characters are also indexed in their other readings (a surname and two). */
const MAX_PERSONAL_NAME_LENGTH = 3;
/** Fewest and most syllables a run of English words may have to pass as a name. */
const MIN_NAME_SYLLABLES = 2;
const MAX_NAME_SYLLABLES = 4;

/**
 * Every toneless pinyin syllable that pinyin-pro gives a CJK Unified Ideograph (U+4E00-U+9FFF),
 * ü folded to u, without the consonant-only interjections m, n, ng, hng (a test checks this
 * against pinyin-pro).
 */
const SYLLABLES: ReadonlySet<string> = new Set(
  [
    'a ai an ang ao e ei en eng er o ou',
    'ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu',
    'pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu',
    'ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu',
    'fa fan fang fei fen feng fo fou fu',
    'da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo',
    'ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo',
    'na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nuo',
    'la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lue lun luo',
    'ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo',
    'ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo',
    'ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo',
    'ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun',
    'qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun',
    'xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun',
    'zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo',
    'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo',
    'sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo',
    'ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo',
    'za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo',
    'ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo',
    'sa sai san sang sao se sen seng si song sou su suan sui sun suo',
    'ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun',
    'wa wai wan wang wei wen weng wo wu',
  ]
    .join(' ')
    .split(' '),
);
/** The longest syllables (zhuang, chuang, shuang) have six letters. */
const MAX_SYLLABLE_LENGTH = 6;

/** What a romanisation may contain besides letters: spaces, hyphens, apostrophes (Xi'an, Xi’an). */
const NAME_SEPARATORS = /[\s\-'’‘]+/gu;
/** Syllable boundaries within one English word. */
const WORD_SEPARATORS = /[-'’‘]/u;
const COMBINING_MARKS = /\p{M}/gu;
const LETTERS_ONLY = /^[a-z]+$/u;

/**
 * Lower case without tone marks or diaeresis, v read as ü and so folded to u:
 * `Lǚ` → `lu`, `Lv` → `lu`, `Chūnyíng` → `chunying`.
 */
function foldRomanization(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replaceAll('v', 'u');
}

/** pinyin-pro's syllable with tone marks → folded toneless (`lǚ` → `lu`); a few thousand at most. */
const tonelessOfMarked = new Map<string, string>();

function toneless(marked: string): string {
  let result = tonelessOfMarked.get(marked);
  if (result === undefined) {
    result = foldRomanization(marked);
    tonelessOfMarked.set(marked, result);
  }
  return result;
}

const WORD_OPTIONS = { type: 'array', toneSandhi: false } as const;
/** pinyin-pro reads the head of the text as a surname: 单 shan, 曾 zeng, 尉迟 yu chi. */
const SURNAME_OPTIONS = { ...WORD_OPTIONS, surname: 'head' } as const;

/**
 * pinyin-pro's syllables, folded toneless. Asked with tone marks and stripped through a memo:
 * about three times faster than pinyin-pro's own toneless output.
 */
function tonelessPinyin(text: string, asSurname: boolean): string[] {
  return pinyin(text, asSurname ? SURNAME_OPTIONS : WORD_OPTIONS).map(toneless);
}

/** Each character's reading as a one-character surname (单 → shan, 曾 → zeng, 王 → wang), memoised: one entry a character. */
const surnameReadings = new Map<string, string>();

function surnameReading(character: string): string {
  let reading = surnameReadings.get(character);
  if (reading === undefined) {
    reading = tonelessPinyin(character, true)[0] ?? '';
    surnameReadings.set(character, reading);
  }
  return reading;
}

/** Every reading of one character, folded toneless (朝: zhao, chao), memoised: one entry a character. */
const characterReadings = new Map<string, readonly string[]>();

function readingsOfCharacter(character: string): readonly string[] {
  let readings = characterReadings.get(character);
  if (readings === undefined) {
    readings = [...new Set(pinyin(character, { type: 'array', multiple: true }).map(toneless))];
    characterReadings.set(character, readings);
  }
  return readings;
}

/** A word read as a personal name: its syllables, and how many of them are the surname. */
interface NameReading {
  syllables: string[];
  surnameLength: 1 | 2;
}

/**
 * The word read as a name: its usual syllables with the first one or two replaced by the
 * surname's reading. pinyin-pro's surname mode is asked for the surname only, because on a
 * whole word it also drops the word's own readings (上海银行 → … yin xing).
 */
function nameReading(word: string, usual: readonly string[]): NameReading {
  const first = word.slice(0, 1);
  const single = surnameReading(first);
  // pinyin-pro reads a compound surname as a whole: 尉迟 yu chi, 长孙 zhang sun (尉 alone: wei).
  // Its first syllable then differs from the single surname's, so the first character has two
  // readings at least: only such words are asked, which spares most words a pinyin-pro call.
  if (readingsOfCharacter(first).length > 1) {
    const pair = tonelessPinyin(word.slice(0, 2), true);
    if (pair.length === 2 && pair[0] !== single) return { syllables: [...pair, ...usual.slice(2)], surnameLength: 2 };
  }
  return { syllables: [single, ...usual.slice(1)], surnameLength: 1 };
}

/** The name reading, then, in words as long as a personal name, each given-name character read each other way. */
function nameReadings(word: string, usual: readonly string[]): string[][] {
  const name = nameReading(word, usual);
  const readings = [name.syllables];
  if (word.length > MAX_PERSONAL_NAME_LENGTH) return readings;
  for (let position = name.surnameLength; position < word.length; position++) {
    for (const other of readingsOfCharacter(word.charAt(position))) {
      if (other === name.syllables[position]) continue;
      readings.push(name.syllables.map((syllable, i) => (i === position ? other : syllable)));
    }
  }
  return readings;
}

/** The key of a word's syllables, or undefined when pinyin-pro has no syllable for a character. */
function keyOf(syllables: readonly string[], length: number): string | undefined {
  if (syllables.length !== length || !syllables.every((syllable) => LETTERS_ONLY.test(syllable))) return undefined;
  return syllables.join('');
}

function addTo(index: Map<string, string[]>, key: string, word: string): void {
  const words = index.get(key);
  if (words) words.push(word);
  else index.set(key, [word]);
}

/**
 * Indexes a vocabulary (the corpus's words, already folded to simplified characters) by
 * romanised pinyin. Only Chinese words of 2-4 characters are indexed; duplicates count once,
 * at their first place.
 *
 * @example
 * const names = createRomanizedNameIndex(['华春莹', '单霁翔', '中国']);
 * names.lookup('huachunying') // → ['华春莹']
 * names.lookup('Shan Jixiang') // → ['单霁翔']
 * names.lookup('Smith') // → []
 */
export function createRomanizedNameIndex(vocabulary: Iterable<string>): RomanizedNameIndex {
  const byRomanization = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const word of vocabulary) {
    if (word.length < MIN_WORD_LENGTH || word.length > MAX_WORD_LENGTH || seen.has(word) || !CJK_ONLY.test(word)) continue;
    const usual = tonelessPinyin(word, false);
    const key = keyOf(usual, word.length);
    if (key === undefined) continue;
    seen.add(word);
    addTo(byRomanization, key, word);
    const keys = new Set([key]);
    for (const reading of nameReadings(word, usual)) {
      const nameKey = keyOf(reading, word.length);
      if (nameKey === undefined || keys.has(nameKey)) continue;
      keys.add(nameKey);
      addTo(byRomanization, nameKey, word);
    }
  }

  return {
    size: seen.size,
    lookup(name) {
      const key = foldRomanization(name).replace(NAME_SEPARATORS, '');
      if (!LETTERS_ONLY.test(key)) return [];
      return [...(byRomanization.get(key) ?? [])];
    },
  };
}

/**
 * The fewest pinyin syllables the letters split into (`chunying` → 2, `xian` → 1, not xi'an),
 * or undefined when they do not split into syllables (`smith`).
 */
function countSyllables(letters: string): number | undefined {
  // fewest[i]: the fewest syllables that spell letters[0, i).
  const fewest: (number | undefined)[] = [0];
  for (let end = 1; end <= letters.length; end++) {
    let best: number | undefined;
    for (let start = Math.max(0, end - MAX_SYLLABLE_LENGTH); start < end; start++) {
      const before = fewest[start];
      if (before === undefined || !SYLLABLES.has(letters.slice(start, end))) continue;
      if (best === undefined || before + 1 < best) best = before + 1;
    }
    fewest[end] = best;
  }
  return fewest[letters.length];
}

/**
 * True when a run of English words looks like a romanised Chinese name: every word spells
 * pinyin syllables (hyphens and apostrophes mark syllable boundaries: Chun-ying, Xi'an), and
 * there are 2-4 syllables in all, each word split into as few as it can be (Xian is one
 * syllable, Xi'an two).
 *
 * A weak filter, judged by spelling alone: ordinary English words can spell pinyin too
 * (China: chi na; Hong; Change: chang e). Callers should also require capitalised words and
 * that `RomanizedNameIndex.lookup` finds the name in the corpus.
 *
 * @example
 * isPinyinName(['Hua', 'Chunying']) // → true
 * isPinyinName(['Xi']) // → false (one syllable)
 * isPinyinName(['Trade']) // → false
 */
export function isPinyinName(words: readonly string[]): boolean {
  let syllables = 0;
  for (const word of words) {
    for (const part of word.split(WORD_SEPARATORS)) {
      const letters = foldRomanization(part);
      const count = LETTERS_ONLY.test(letters) ? countSyllables(letters) : undefined;
      if (count === undefined) return false;
      syllables += count;
    }
  }
  return syllables >= MIN_NAME_SYLLABLES && syllables <= MAX_NAME_SYLLABLES;
}
