import type { Analyzer } from '../text/index.js';
import type { FactKind } from './question-analysis.js';
import { presence } from './presence.js';

/**
 * Does a paragraph state a fact of the kind a question asks for, about what it asks? The
 * official answers state positions; a question for a number, a date, an age, a name or a place
 * is answerable only where the paragraph says one in a sentence that names the question's
 * subject (one of its informative words).
 */

/** Expressions of each kind of fact, on folded text (simplified, half-width digits). */
const FACT_PATTERNS: Record<Exclude<FactKind, 'identity' | 'place' | 'items'>, RegExp> = {
  // Arabic digits, or Chinese numerals with a magnitude or a measure word (两国, 三国 are no count).
  // A whole number, not a date's (7月22日, 2019年: when, not how many).
  quantity: /\d[\d,.]*(?![\d,.]|\s*[年月日号])|[一二三四五六七八九十两百千万亿]+(?:多|余)?(?:个|位|名|次|项|家|批|架|吨|人|倍|所|条|艘|剂|件|支|只|笔|种|亿|万|千|百|年|天|周|分之)/u,
  date: /\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*[日号]|[一二三四五六七八九十]+月|今年|明年|去年|年底|年初|年内|上旬|中旬|下旬|星期[一二三四五六日天]|周[一二三四五六日]|\d+\s*(?:年|个月|天|周)/u,
  age: /\d+\s*岁|[一二三四五六七八九十]+岁|周岁|年满|高龄|生于/u,
};

/** The date a cue asks for, by precision: the day (几号, 哪天), the month (几月), the year (哪年). */
const DATE_PRECISION: readonly (readonly [RegExp, RegExp])[] = [
  [/几号|几日|哪天|哪一天|日期/u, /\d{1,2}\s*[日号]|[一二三四五六七八九十]+[日号]|星期[一二三四五六日天]|周[一二三四五六日]/u],
  [/几月|哪个月/u, /\d{1,2}\s*月|[一二三四五六七八九十]+月|上旬|中旬|下旬|年底|年初/u],
  [/哪(?:[一两二三四五六几])?年/u, /\d{4}\s*年|今年|明年|去年|年内/u],
];

/** A number, in digits or Chinese numerals. */
const NUMBER = '(?:\\d[\\d,.]*|[一二三四五六七八九十两百千万亿]+)';

/**
 * Measures asked in words that name no unit of their own: 多少钱 is a sum in some currency; a
 * count of people (多少人) may be stated with a person's classifier (3名雇员, 5位代表).
 */
const MEASURES: Record<string, string> = { 钱: '(?:元|美元|欧元|英镑|日元|卢布|人民币)', 人: '(?:人|名|位)' };

/** jieba tags of who can be named: people, organisations, countries and places. */
const PERSON = /^(?:nr|nrt|nrfg|nt|ns)$/u;
/** Places: jieba tags countries ns, and many transliterated ones (塞尔维亚, 伊拉克) nrt. */
const PLACE = /^(?:ns|nrt)$/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Heads of a list that asks for places: 哪些国家, 哪个城市. */
const PLACE_KINDS = /^(?:国家|城市|地区|省份|岛国|港口|国)$/u;

/** True when the question names the word (or a word holding it, or held in it). */
function named(word: string, subject: readonly { alternatives: readonly string[] }[]): boolean {
  return subject.some((concept) => concept.alternatives.some((term) => term.includes(word) || word.includes(term)));
}

/** True when the sentence names a place the question does not name. */
function namesPlace(analyzer: Analyzer, sentence: string, subject: readonly { alternatives: readonly string[] }[], atLeast = 1): boolean {
  const places = analyzer
    .tag(sentence)
    .filter(({ word, tag }) => PLACE.test(tag) && !named(word, subject));
  return new Set(places.map(({ word }) => word)).size >= atLeast;
}

/** Words that end a role's phrase: punctuation, a verb, a particle of possession or aspect. */
const PHRASE_END = /^(?:x|w|v|vd|vi|vn|vl|uj|ul|uz|ud|p|c)$/u;
/** Words scanned on each side of a role for its holder's name. */
const BESIDE = 4;

/**
 * True when a name the question does not say stands in the phrase of `head` (a role: 特使, 团长):
 * up to BESIDE words after it (特使、全国人大常委会副委员长王某) or before it (刘鹤副总理), the
 * phrase ending at punctuation, a verb or a particle. A word jieba does not know (x) of two to
 * four Han characters counts as a name there (刘鹤/x 副总理).
 */
function namedBeside(analyzer: Analyzer, sentence: string, head: string, subject: readonly { alternatives: readonly string[] }[]): boolean {
  const words = analyzer.tag(sentence);
  const starts: number[] = [];
  let at = 0;
  for (const { word } of words) {
    starts.push(at);
    at += word.length;
  }
  const isName = (i: number) => {
    const { word, tag } = words[i]!;
    return (PERSON.test(tag) || (tag === 'x' && /^[\u4e00-\u9fff]{2,4}$/u.test(word))) && !named(word, subject);
  };
  const ends = (i: number) => words[i]!.word !== '、' && PHRASE_END.test(words[i]!.tag) && !isName(i);
  for (let from = sentence.indexOf(head); from >= 0; from = sentence.indexOf(head, from + 1)) {
    // The words the role is written in: the first that reaches into it, the last that starts inside it.
    const first = lastBefore(starts, from + 1);
    const last = lastBefore(starts, from + head.length);
    // The role written inside a name of its own (湖滨中学/nt): that name.
    if (first === last && words[first]!.word.length > head.length && isName(first)) return true;
    for (let j = last + 1; j < words.length && j <= last + BESIDE && !ends(j); j++) if (isName(j)) return true;
    for (let j = first - 1; j >= 0 && j >= first - BESIDE && !ends(j); j--) if (isName(j)) return true;
  }
  return false;
}

/** Index of the last of the ascending `starts` below `limit`. */
function lastBefore(starts: readonly number[], limit: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1]! < limit) i++;
  return i;
}

/** Splits folded text into sentences (after 。！？; a semicolon joins the clauses of one sentence). */
function sentences(text: string): string[] {
  return text.split(/(?<=[。!?！？])/u).filter((sentence) => sentence.trim().length > 0);
}

/** Words between the thing measured and the cue that asks its number: 利率(到底)是多少. */
const BEFORE_QUANTITY_CUE = /(?:是|有|为|达到|到底|究竟|一共|总共|大概|大约|约|共)+$/u;
/** jieba tags of a thing that can be measured: a noun, or a verb used as one (投资/vn). */
const MEASURED_TAG = /^(?:n|nz|vn|an)$/u;

/**
 * The thing a number is asked of when it stands right before the cue (利率是多少, 贸易额有多少):
 * the question's concept holding that noun, or the noun itself. Undefined when the cue follows
 * no noun (有多少国家: the count's unit says what is counted) or the noun is a verb's object
 * (人口占世界多少).
 */
function measuredThing(
  analyzer: Analyzer,
  question: string,
  cue: string | undefined,
  concepts: readonly { alternatives: readonly string[] }[],
): { alternatives: readonly string[] } | undefined {
  const at = cue ? question.indexOf(cue) : -1;
  if (at <= 0) return undefined;
  const before = question.slice(0, at).replace(BEFORE_QUANTITY_CUE, '');
  const words = analyzer.tag(before.split(/[，,。？?！!；;：:\s]/u).at(-1) ?? '');
  const last = words.at(-1);
  if (!last || last.word.length < 2 || !MEASURED_TAG.test(last.tag)) return undefined;
  // The object of a verb (占世界多少: a share of the world) is not what is measured.
  if (/^v/u.test(words.at(-2)?.tag ?? '')) return undefined;
  return concepts.find((concept) => concept.alternatives.includes(last.word)) ?? { alternatives: [last.word] };
}

/** The scope a count is asked in, and how a sentence counts in it: a part, what remains, each one, the extreme. */
const COUNT_SCOPES: readonly (readonly [RegExp, RegExp])[] = [
  [/其中|里面|里头|当中|之中|里的/u, /其中|包括|中有|里有|当中|之中|占/u],
  [/还有|还剩|剩下|仍有|尚有|还留/u, /还有|仍有|剩|尚有|仍在|还在|滞留/u],
  [/分别|各自|每个|每次|每年|每周|每人/u, /分别|各|每/u],
  [/最大的|最多的|最少的|最小的|最高的|最早|最晚/u, /最|首|第一/u],
];

/** Share of the question's weight a sentence must name to be about what the question asks. */
const MIN_SENTENCE_COVERAGE = 0.6;
/**
 * Share of the question's weight the stating sentence must name itself: the sentence before it
 * may name the rest of what it is about (…嫦娥六号成功着陆。此次任务搭载的4个国际载荷…), up to
 * MIN_SENTENCE_COVERAGE. Against the lone sentence, on the evaluation suite: held-out 6 answers
 * more right and no false one more; tuning 8 more right, 3 false more (0.35 and 0.45 found fewer
 * on both halves).
 */
const MIN_OWN_COVERAGE = 0.25;

/**
 * True when a sentence of `paragraph` (folded) names most of what the question is about (at
 * least MIN_SENTENCE_COVERAGE of its concepts' weight) and states a fact of `kind` that the
 * question (folded, when given) does not already say.
 *
 * @example statesFact(analyzer, '已向150多个国家提供援助。', { fact: 'quantity' }, [{ alternatives: ['国家'], weight: 1 }]) // → true
 */
export function statesFact(
  analyzer: Analyzer,
  paragraph: string,
  asked: { fact: FactKind; cue?: string; measure?: string; head?: string; slot?: { before: string; after: string } },
  concepts: readonly { alternatives: readonly string[]; weight: number; parts?: readonly { alternatives: readonly string[]; weight: number }[] }[],
  question = '',
  speaker = '',
): boolean {
  return factCheck(analyzer, asked, concepts, question)(paragraph, { speaker });
}

/**
 * statesFact for one question, ready for each paragraph of every unit: what depends only on the
 * question (the fact's pattern, the thing measured, the count's scope) is read once; the unit's
 * speaker (`speaker`, folded) and the sentences that may state the fact (`accept`) come with each
 * paragraph.
 */
export function factCheck(
  analyzer: Analyzer,
  asked: { fact: FactKind; cue?: string; measure?: string; head?: string; slot?: { before: string; after: string } },
  concepts: readonly { alternatives: readonly string[]; weight: number; parts?: readonly { alternatives: readonly string[]; weight: number }[] }[],
  question = '',
): (paragraph: string, options?: { speaker?: string; accept?: (sentence: string) => boolean }) => boolean {
  const kind = asked.fact;
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  const subject = concepts;
  // Who said it (王毅说…) is named by the unit's speaker, not by its sentences: each speaker's names, read once.
  const bySpeakers = new Map<string, number[]>();
  const namedBy = (speaker: string) => {
    let found = bySpeakers.get(speaker);
    if (!found) bySpeakers.set(speaker, (found = concepts.map((concept) => presence(speaker, concept))));
    return found;
  };
  // A date as precise as asked (几号: a day, 几月: a month, 哪年: a year), else the kind's pattern.
  const stated =
    kind === 'date' || kind === 'quantity' || kind === 'age'
      ? new RegExp((kind === 'date' ? (DATE_PRECISION.find(([cue]) => cue.test(asked.cue ?? ''))?.[1] ?? FACT_PATTERNS.date) : FACT_PATTERNS[kind]).source, 'gu')
      : undefined;
  const measured = kind === 'quantity' ? measuredThing(analyzer, question, asked.cue, concepts) : undefined;
  // A count of a part, of what remains, of each one, or of the largest (其中…多少, 还有多少, 分别, 最大的)
  // is stated only by a sentence that counts in that scope.
  const scopes = kind === 'quantity' || kind === 'items' ? COUNT_SCOPES.filter(([asks]) => asks.test(question)) : [];
  // `accept`: only sentences it accepts may state the fact (those of the asked years, see answer.ts).
  return (paragraph, options) => {
    const accept = options?.accept ?? (() => true);
    const bySpeaker = namedBy(options?.speaker ?? '');
    // The question's weight a text names, the speaker's names counting as named.
    const weightNamed = (text: string) => concepts.reduce((sum, concept, i) => sum + Math.max(presence(text, concept), bySpeaker[i]!) * concept.weight, 0);
    const all = sentences(paragraph);
    return all.some((sentence, at) => {
      if (!accept(sentence)) return false;
      // What a number is asked of (利率是多少: a rate) must be what the sentence counts.
      if (measured && presence(sentence, measured) === 0) return false;
      if (scopes.some(([, states]) => !states.test(sentence))) return false;
      // What a sentence is about may be named in the one before it (…嫦娥六号成功着陆。此次任务搭载的4个国际载荷…).
      const context = `${all[at - 1] ?? ''}${sentence}`;
      if (total <= 0 || weightNamed(context) / total < MIN_SENTENCE_COVERAGE) return false;
      if (weightNamed(sentence) / total < MIN_OWN_COVERAGE) return false;
      // A count in the unit asked for (多少亿吨: a number of 吨), a name next to the role asked for (营长).
      if (kind === 'quantity' && asked.measure) return new RegExp(`${NUMBER}\\s*(?:[多余])?\\s*(?:[亿万千百])*\\s*${MEASURES[asked.measure] ?? asked.measure}`, 'u').test(sentence);
      if (kind === 'identity' && asked.slot) return new RegExp(`${escape(asked.slot.before)}[^，,。；;]{1,12}?${escape(asked.slot.after)}`, 'u').test(sentence);
      if (kind === 'identity' && asked.head && !sentence.includes(asked.head)) return false;
      // Who holds the role asked (特使是谁): a name beside the role, in its phrase (特使王岐山, 刘鹤副总理),
      // not one elsewhere in the sentence (国家主席特使出席了阿根廷新总统的就职仪式 names no envoy).
      if (kind === 'identity' && asked.head) return namedBeside(analyzer, sentence, asked.head, subject);
      // A name the question does not already say (叙利亚 in 叙利亚问题特使叫什么 names no one).
      if (kind === 'identity') return analyzer.tag(sentence).some(({ word, tag }) => PERSON.test(tag) && !named(word, subject));
      // Which ones: a list of them (an enumeration with 、 or a colon) in a sentence that names them.
      // Which countries, cities: places the question does not name. Other kinds: a list of them.
      // Which one, by its classifier (哪所中学, 哪艘船): its name beside it (湖滨中学, not 一所中学).
      if (kind === 'items' && asked.head && /^哪[所座艘架条只]$/u.test(asked.cue ?? '')) return namedBeside(analyzer, sentence, asked.head, subject);
      if (kind === 'items' && asked.head && PLACE_KINDS.test(asked.head)) return namesPlace(analyzer, sentence, subject, /[些几]/u.test(asked.cue ?? '') ? 2 : 1);
      if (kind === 'items') return (!asked.head || sentence.includes(asked.head.slice(-2))) && /、|：|:/u.test(sentence);
      if (kind === 'place') return namesPlace(analyzer, sentence, subject);
      // A date or number the question already says (12月几号: 12月) is not the one it asks for.
      return stated !== undefined && [...sentence.matchAll(stated)].some((match) => !question.includes(match[0]));
    });
  };
}

/** Years a sentence names: 2019年, 2013年至2017年, and 今年, 去年, 前年, 明年 counted from the year it was said. */
const SPOKEN_YEARS: readonly [RegExp, (match: RegExpExecArray, said: number) => number[]][] = [
  [/((?:19|20)\d\d)年?(?:至|到|-|—|～)((?:19|20)\d\d)年/gu, (match) => span(Number(match[1]), Number(match[2]))],
  [/((?:19|20)\d\d)年/gu, (match) => [Number(match[1])]],
  [/今年/gu, (_, said) => [said]],
  // Not the 去年 of 过去年均 (the past years' average).
  [/(?<!过)去年/gu, (_, said) => [said - 1]],
  [/前年/gu, (_, said) => [said - 2]],
  [/明年/gu, (_, said) => [said + 1]],
];

/** The years from one to another, both included (at most a century). */
function span(from: number, to: number): number[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return Array.from({ length: Math.min(b - a, 100) + 1 }, (_, i) => a + i);
}

/**
 * The years a stating sentence speaks of, said in `said`: those it names (2019年, 2013年至2017年,
 * 去年), or, naming none, the year it was said and the one before (a figure given at a March
 * conference is often the last year's).
 *
 * @example yearsSpoken('去年中非贸易额达到1700亿美元', 2018) // → [2017]
 */
export function yearsSpoken(sentence: string, said: number): number[] {
  const years = SPOKEN_YEARS.flatMap(([pattern, year]) => [...sentence.matchAll(pattern)].flatMap((match) => year(match, said)));
  return years.length > 0 ? [...new Set(years)] : [said, said - 1];
}
