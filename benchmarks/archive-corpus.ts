import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AnswerUnit, IndexFile, SourceMeta, UnansweredQuestion } from '../src/types.js';
import { seededRandom } from './corpus.js';

/**
 * An archive-shaped synthetic corpus: years of press conferences on many topics, countries,
 * organisations, people and dates, with the broad, Zipf-distributed vocabulary of a real archive
 * (its size keeps growing with the corpus, as a real archive's does), instead of recombinations
 * of one transcript. Deterministic for a seed. Used by the scale benchmark and reusable by
 * anything that needs a large corpus (`archiveIndex`, `archiveQuestions`).
 *
 * Words come from jieba's dictionary (nouns, verbs, places, organisations, by its frequency,
 * so that choosing by rank gives a Zipf law); people are made of a surname and one or two
 * given-name characters (most of them unknown to jieba, as names in a real archive are); the
 * sentences are the project's own templates in the register of a spokesperson's answer. The
 * text is fictional and says nothing true about anyone.
 */

/** Parts of speech drawn from jieba's dictionary, by its tags. */
interface Vocabulary {
  nouns: string[];
  verbs: string[];
  places: string[];
  organisations: string[];
  adjectives: string[];
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国志红斌宇浩凯健俊帆帅旭宁龙林欣怡晨阳博文瑞泽雨萱子轩梓涵佳琪思远嘉航海峰毅诚立新春晓光荣波琳婷雪飞亮成彬'];
const OUTLETS = [
  '新华社', '中央广播电视总台', '中国日报', '环球时报', '澎湃新闻', '凤凰卫视', '香港中评社', '路透社', '彭博社', '法新社', '美联社', '共同社',
  '塔斯社', '今日俄罗斯', '半岛电视台', '埃菲社', '安莎社', '韩联社', '印度报业托拉斯', '土耳其阿纳多卢通讯社', '巴西环球电视台', '南非独立传媒',
];
const FEELINGS = ['严重关切', '强烈不满', '坚决反对', '高度关注', '欢迎', '赞赏', '遗憾'];

/**
 * Sentence templates of an official answer: {C}/{C2} a place, {N} a noun, {V} a verb, {A} an
 * adjective, {O} an organisation, {P} a person, {Y} a year, {M} a month, {D} a day, {K} a number,
 * {F} a feeling. The unit's own words fill a slot half of the time (see fill).
 */
const SENTENCES = [
  '中方始终认为，{N}是{C}与各国发展{N}的重要基础。',
  '{Y}年以来，双方在{N}、{N}和{N}等领域开展了务实合作。',
  '我们注意到{C}方面关于{N}的有关报道。',
  '中方对{C}在{N}问题上的做法表示{F}，已向{C}方提出交涉。',
  '{P}将于{M}月{D}日访问{C}，同{C}领导人就{N}和{N}交换意见。',
  '截至{Y}年底，中方已向{K}个国家和国际组织提供{N}方面的帮助。',
  '{O}发布的报告显示，{C}的{N}在过去{K}年里增长了{K}%。',
  '希望有关方面{V}{N}，共同维护{C}的和平与稳定。',
  '中方愿同{C}一道，{V}{N}，推动两国关系{A}发展。',
  '所谓{N}问题，完全是{C}一些人炮制的{N}。',
  '事实一再证明，{V}{N}的做法不得人心。',
  '{C}是中国在{N}领域的重要伙伴，两国{N}规模连续{K}年保持增长。',
  '我们敦促{C}恪守{N}，停止在{N}问题上{V}。',
  '关于你提到的{N}，我目前没有可以发布的信息。',
  '中方一贯主张通过{N}和{N}解决{C}的{N}问题。',
  '{Y}年{M}月，{P}在{C}出席了{O}会议，并就{N}发表讲话。',
  '这次访问期间，双方签署了{K}项合作文件，涵盖{N}、{N}、{N}等领域。',
  '{C}政府日前宣布对{N}采取新的{N}措施，中方将密切关注事态发展。',
  '国际社会普遍认为，{N}符合{C}人民的根本利益。',
  '中方坚决反对任何国家以{N}为借口干涉{C}内政。',
  '我们愿同国际社会一道，加强{N}，{V}{N}，为{N}作出积极贡献。',
  '{C}与{C2}之间的{N}问题，应由当事方通过{N}妥善处理。',
  '{P}指出，{N}不是零和博弈，{A}的{N}才能行稳致远。',
  '据我了解，{O}已于{M}月{D}日就{N}发表声明。',
];

/** Reporter questions: `{context}，{ask}`. */
const QUESTION_CONTEXTS = [
  '据报道，{C}日前{V}了{N}',
  '{P}近日表示，{C}将{V}{N}',
  '{Y}年{C}的{N}问题再次引发关注',
  '{O}本周发布了关于{N}的报告',
  '有分析认为，{C}的{N}政策正在调整',
];
const QUESTION_ASKS = ['中方对此有何评论？', '中方如何看待？', '请问发言人有何回应？', '中方是否会采取反制措施？', '这会对{N}产生什么影响？'];

/** User questions about a unit, from its own words ({c}, {n1}, {n2}). */
const USER_QUESTIONS = [
  '中方如何看待{c}{n1}问题',
  '{c}在{n1}上的做法，中方怎么回应',
  '关于{n1}和{n2}，发言人说过什么',
  '{n1}{n2}',
  '{y}年中方对{c}{n1}的立场是什么',
  '中国和{c}在{n2}领域有哪些合作',
  '{c}的{n1}会不会影响{n2}',
  '外交部怎么评价{n2}',
];
/** User questions on things no transcript speaks of ({x}, {z}: words the corpus never uses). */
const OFF_TOPIC_QUESTIONS = ['{x}的{z}是多少', '今天{x}怎么样', '{x}和{z}哪个好', '推荐一部关于{x}的电影'];

let vocabulary: Vocabulary | undefined;

/** jieba's dictionary, by part of speech, most frequent first (read once). */
function loadVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve('nodejieba')), 'submodules/cppjieba/dict/jieba.dict.utf8');
  const rows: { word: string; freq: number; tag: string }[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word = '', freq = '0', tag = ''] = line.split(' ');
    if (/^[\u4e00-\u9fff]{2,4}$/u.test(word)) rows.push({ word, freq: Number(freq), tag });
  }
  rows.sort((a, b) => b.freq - a.freq || (a.word < b.word ? -1 : 1));
  const of = (tags: readonly string[]) => rows.filter((row) => tags.includes(row.tag)).map((row) => row.word);
  vocabulary = { nouns: of(['n', 'nz', 'vn']), verbs: of(['v']), places: of(['ns']), organisations: of(['nt']), adjectives: of(['a']) };
  return vocabulary;
}

/** A Zipf(1) choice from a list ordered by frequency: rank r with probability ∝ 1/r. */
function zipf<T>(items: readonly T[], random: () => number, limit = items.length): T {
  const n = Math.max(1, Math.min(limit, items.length));
  const rank = Math.min(n, Math.floor(n ** random())) - 1;
  const item = items[Math.max(0, rank)];
  if (item === undefined) throw new Error('bench: empty vocabulary');
  return item;
}

function uniform<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('bench: cannot pick from an empty list');
  return item;
}

/** The words a unit is about: a place, two nouns, a person; they recur in its text. */
interface Profile {
  c: string;
  n1: string;
  n2: string;
  p: string;
  y: number;
}

/** Share of the vocabulary (by rank) that corpus text draws from; the rest is for off-topic questions. */
const CORPUS_SHARE = 0.8;

function personName(random: () => number): string {
  const given = random() < 0.6 ? uniform(GIVEN, random) + uniform(GIVEN, random) : uniform(GIVEN, random);
  return zipf(SURNAMES, random) + given;
}

function fill(template: string, random: () => number, words: Vocabulary, profile: Profile | null): string {
  const own = (key: keyof Profile, other: () => string): string => (profile && random() < 0.5 ? String(profile[key]) : other());
  const cap = (list: readonly string[]) => Math.floor(list.length * CORPUS_SHARE);
  return template.replace(/\{(C2|[CNVAOPYMDKFcnxyz]\d?)\}/gu, (_, slot: string) => {
    switch (slot) {
      case 'C':
        return own('c', () => zipf(words.places, random, cap(words.places)));
      case 'C2':
        return zipf(words.places, random, cap(words.places));
      case 'N':
        return own(random() < 0.5 ? 'n1' : 'n2', () => zipf(words.nouns, random, cap(words.nouns)));
      case 'V':
        return zipf(words.verbs, random, cap(words.verbs));
      case 'A':
        return zipf(words.adjectives, random, cap(words.adjectives));
      case 'O':
        return zipf(words.organisations, random, cap(words.organisations));
      case 'P':
        return own('p', () => personName(random));
      case 'Y':
        return own('y', () => String(1995 + Math.floor(random() * 30)));
      case 'M':
        return String(1 + Math.floor(random() * 12));
      case 'D':
        return String(1 + Math.floor(random() * 28));
      case 'K':
        return String(2 + Math.floor(zipf(Array.from({ length: 500 }, (_, i) => i), random)));
      case 'F':
        return uniform(FEELINGS, random);
      default:
        return '';
    }
  });
}

/** Options of the archive generator. */
export interface ArchiveOptions {
  /** About how many paragraphs (answer paragraphs of all units). */
  paragraphs: number;
  /** PRNG seed; the same seed gives the same corpus. */
  seed?: number;
  /** Answers per press conference (one source each); default 15. */
  unitsPerSource?: number;
}

/**
 * An index file shaped like an archive of `paragraphs` paragraphs: press conferences from 1998
 * on, every few days, each with about `unitsPerSource` answers (1–8 paragraphs of 1–5
 * sentences, a reporter question most of the time, the outlet that asked) and now and then a
 * question left unanswered.
 *
 * @example archiveIndex({ paragraphs: 1000 }).units.length // → about 220
 */
export function archiveIndex(options: ArchiveOptions): IndexFile {
  const { paragraphs, seed = 7, unitsPerSource = 15 } = options;
  const random = seededRandom(seed);
  const words = loadVocabulary();
  const speakers = Array.from({ length: 40 }, () => personName(random));
  const sources: SourceMeta[] = [];
  const units: AnswerUnit[] = [];
  const unanswered: UnansweredQuestion[] = [];
  let made = 0;
  let day = Date.UTC(1998, 0, 5);
  while (made < paragraphs) {
    day += (1 + Math.floor(random() * 4)) * 86_400_000;
    const date = new Date(day).toISOString().slice(0, 10);
    const id = `${date}-press-conference`;
    const speaker = zipf(speakers, random);
    sources.push({ id, file: `${id}.txt`, date, event: '外交部例行记者会', speaker, title: '外交部发言人', heading: null });
    const count = 1 + Math.floor(random() * unitsPerSource * 2 - 1);
    for (let u = 0; u < count && made < paragraphs; u++) {
      const profile: Profile = {
        c: zipf(words.places, random, Math.floor(words.places.length * CORPUS_SHARE)),
        n1: zipf(words.nouns, random, Math.floor(words.nouns.length * CORPUS_SHARE)),
        n2: zipf(words.nouns, random, Math.floor(words.nouns.length * CORPUS_SHARE)),
        p: personName(random),
        y: new Date(day).getUTCFullYear() - Math.floor(random() * 3),
      };
      const topic = random() < 0.5 ? `${profile.c}${profile.n1}` : `${profile.n1}问题`;
      const outlet = uniform(OUTLETS, random);
      const question = `${fill(uniform(QUESTION_CONTEXTS, random), random, words, profile)}，${fill(uniform(QUESTION_ASKS, random), random, words, profile)}`;
      if (random() < 0.01) {
        unanswered.push({ id: `${id}#q${unanswered.length + 1}`, topic, question, outlet, source: id });
        continue;
      }
      const length = Math.min(paragraphs - made, 1 + Math.floor(random() * 8));
      const unitParagraphs = Array.from({ length }, () =>
        Array.from({ length: 1 + Math.floor(random() * 5) }, () => fill(uniform(SENTENCES, random), random, words, profile)).join(''),
      );
      units.push({
        id: `${id}#${u + 1}`,
        topic,
        question: random() < 0.9 ? question : null,
        outlet: random() < 0.9 ? outlet : null,
        speaker,
        source: id,
        paragraphs: unitParagraphs,
      });
      made += length;
    }
  }
  return {
    schemaVersion: 1,
    generated: `synthetic archive: ${paragraphs} paragraphs (benchmarks/archive-corpus.ts, seed ${seed})`,
    sources,
    units,
    unanswered,
  };
}

/**
 * User questions for an archive: three in four about one of its units, in that unit's own
 * words (中方如何看待{place}{noun}问题, {noun}{noun}, …); one in four about words the corpus never
 * uses (today's price of something, a film), which should find no answer.
 */
export function archiveQuestions(file: IndexFile, count: number, seed = 11): string[] {
  const random = seededRandom(seed);
  const words = loadVocabulary();
  const places = new Set(words.places);
  const nouns = new Set(words.nouns);
  // A unit's words: its topic is `{place}{noun}` or `{noun}问题`; its text names a place and more nouns.
  const unitWords = (unit: AnswerUnit): Record<string, string> => {
    const text = unit.paragraphs.join('');
    const known = (set: ReadonlySet<string>) => {
      const found: string[] = [];
      for (let i = 0; i < text.length; i++) for (let n = 4; n >= 2; n--) if (set.has(text.slice(i, i + n))) found.push(text.slice(i, i + n));
      return found;
    };
    const head = unit.topic.replace(/问题$/u, '');
    const prefix = [4, 3, 2].map((n) => head.slice(0, n)).find((word) => places.has(word) && nouns.has(head.slice(word.length)));
    const textNouns = known(nouns);
    const textPlaces = known(places);
    return {
      c: prefix ?? (textPlaces.length > 0 ? uniform(textPlaces, random) : '美国'),
      n1: prefix ? head.slice(prefix.length) : head,
      n2: textNouns.length > 0 ? uniform(textNouns, random) : '合作',
      y: (unit.source.match(/^\d{4}/u) ?? ['2020'])[0],
    };
  };
  const offTopic = (list: readonly string[]) => list[Math.floor(list.length * (CORPUS_SHARE + random() * (1 - CORPUS_SHARE)))] ?? '天气';
  const questions: string[] = [];
  for (let i = 0; i < count; i++) {
    if (random() < 0.75 && file.units.length > 0) {
      const slots = unitWords(uniform(file.units, random));
      questions.push(uniform(USER_QUESTIONS, random).replace(/\{([a-z]\d?)\}/gu, (_, key: string) => slots[key] ?? ''));
    } else {
      questions.push(uniform(OFF_TOPIC_QUESTIONS, random).replace(/\{([xz])\}/gu, () => offTopic(words.nouns)));
    }
  }
  return questions;
}
