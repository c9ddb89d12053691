import { normalizeForMatching, type Analyzer } from '../text/index.js';
import type { AlignedUnit } from './align-questions.js';
import type { DistinctParagraph } from './remove-duplicates.js';
import type { ReportEntry, StageResult } from './report.js';
import { excerpt } from './report.js';
import { bodyOf as body } from './parse-transcript.js';

/** Words of questions that say how something is asked, not what it is about. */
const QUESTION_WORDS = new Set(
  '中方 中国 如何 看待 是否 担心 评价 认为 怎么 怎样 什么 进一步 对此 有何 评论 打算 应对 可能 导致 因此 您 我们 有人 甚至 两种 很多 一些 出现 决定 推进 作为 受到 日益 以来 发生 同意 方面 问题 情况 表示 今年 目前 当前 声音 质疑 报道 据报道 据悉 回应 消息 近日 日前 哪些 为什么 是不是 能否 有没有 下一步 一个 这个 这些 那些 进行 提供 各位 记者 朋友 大家 请问 介绍 期间 即将 举行 取得 成果 看法 期待 设想 举措 作用 发挥 近期 日益 持续 再度 明年 去年 去年底 近年 年底 本届 首次 务实'.split(' '),
);

/** The longest label we produce, in characters. */
const MAX_LABEL_LENGTH = 8;

/** A topic override from a source's metadata: units whose question or first paragraph contains `match` get `topic`. */
export interface TopicOverride {
  match: string;
  topic: string;
}

/** Topics are named by nouns: 全球化 rather than 回到过去, 诉讼 rather than 索赔. */
const NOUN_PREFERENCE = 1.5;
const isNoun = (tag: string): boolean => tag.startsWith('n') || tag === 'vn';

/** Specificity counts up to this much: a name jieba does not know is as telling as a rare word, no more. */
const MAX_SPECIFICITY_WEIGHT = 1.2;

/** Below this specificity in Chinese at large (要求 0.39, 国家 0.34, 产品 0.39) a word names no topic. */
const MIN_SPECIFICITY = 0.4;

function informative(analyzer: Analyzer, word: string): boolean {
  return (
    Array.from(word).length >= 2 &&
    /^[\p{Script=Han}A-Za-z0-9]+$/u.test(word) &&
    !QUESTION_WORDS.has(word) &&
    analyzer.specificity(word) >= MIN_SPECIFICITY
  );
}

/**
 * A short topic label for a text, scored against the whole transcript: a relation named in it
 * (中美关系, 中日韩关系) when there is one; else a name the question (`quoted`) quotes
 * (“南海行为准则”, 《巴黎协定》) that the answer repeats and that is not `common` in the
 * transcript; otherwise its most distinctive word (by IDF over the
 * transcript's answers times its specificity in Chinese at large, twice as much when the answer
 * uses it too, half as much again for a noun), widened to the neighbouring words that
 * are nearly as distinctive (`病毒` + `源头` → 病毒源头), at most 8 characters. The text is read
 * folded (traditional as simplified) and the label is the source's own characters. Words are
 * the analyzer's (its field dictionary makes labels whole terms: 涉港国安立法, 病毒溯源).
 */
export function topicOf(
  analyzer: Analyzer,
  texts: readonly string[],
  answer: string,
  idf: (word: string) => number,
  quoted: string | null = null,
  common: (name: string) => boolean = () => false,
): string | null {
  // Read the folded text (simplified, half-width), show the source's own characters for it.
  const label = (source: string, folded: string, start: number, end: number): string =>
    source.length === folded.length ? source.slice(start, end) : folded.slice(start, end);
  const foldedAnswer = normalizeForMatching(answer);
  for (const text of texts) {
    const folded = normalizeForMatching(text);
    const relation = /中[\p{Script=Han}]{1,3}?关系/u.exec(folded);
    if (relation) return label(text, folded, relation.index, relation.index + relation[0].length);
  }
  // A name the question quotes (“南海行为准则”, 《巴黎协定》) and the answer repeats is what the answer is filed under,
  // unless most of the transcript speaks of it (“一带一路” at a forum on it).
  for (const match of (quoted ?? '').matchAll(/[“「《『"]([^”」》』"]{2,8})[”」》』"]/gu)) {
    const name = match[1]!;
    if (/^[\p{Script=Han}A-Za-z0-9·]+$/u.test(name) && foldedAnswer.includes(normalizeForMatching(name)) && common(normalizeForMatching(name)) === false) return name;
  }
  for (const text of texts) {
    const folded = normalizeForMatching(text);
    const tagged = analyzer.tag(folded);
    const tokens = tagged.map(({ word }) => word);
    // Rare in this transcript, specific in Chinese at large, asked about and answered: 伊核协议 over 外交.
    const scores = tagged.map(({ word, tag }) =>
      informative(analyzer, word)
        ? idf(word) * Math.min(MAX_SPECIFICITY_WEIGHT, analyzer.specificity(word)) * (foldedAnswer.includes(word) ? 2 : 1) * (isNoun(tag) ? NOUN_PREFERENCE : 1)
        : 0,
    );
    const score = (index: number): number => scores[index]!;
    let best = -1;
    tokens.forEach((token, index) => {
      // Ties go to the longer, more specific word (病毒溯源 over 美方).
      if (score(index) > 0 && (best < 0 || score(index) > score(best) || (score(index) === score(best) && token.length > tokens[best]!.length))) best = index;
    });
    if (best < 0) continue;
    let [from, to] = [best, best];
    const floor = score(best) * 0.35;
    const length = (a: number, b: number): number => Array.from(tokens.slice(a, b + 1).join('')).length;
    while (from > 0 && score(from - 1) >= floor && length(from - 1, to) <= MAX_LABEL_LENGTH) from -= 1;
    while (to + 1 < tokens.length && score(to + 1) >= floor && length(from, to + 1) <= MAX_LABEL_LENGTH) to += 1;
    const start = tokens.slice(0, from).join('').length;
    return label(text, folded, start, start + tokens.slice(from, to + 1).join('').length);
  }
  return null;
}

/** Label of a unit given before any question: the speaker's opening statement. */
export const OPENING_STATEMENT_TOPIC = '开场致辞';

/**
 * Stage 6. Gives each unit and each unanswered question a short readable topic label
 * (see `topicOf`), from its question, else from its answer text. An override from the
 * source's metadata wins. Labels are made unique within the source by adding （二）, （三）….
 */
export function labelTopics(
  units: readonly AlignedUnit[],
  unanswered: readonly DistinctParagraph[],
  analyzer: Analyzer,
  options: { overrides?: readonly TopicOverride[]; openingStatements?: ReadonlySet<number> } = {},
): StageResult<{ unitTopics: string[]; unansweredTopics: string[] }> {
  const report: ReportEntry[] = [];
  // Rarity among answers: a word every answer uses names none, and a word repeated across one
  // answer's paragraphs (一带一路) is its topic, not less specific for it.
  const documents = [
    ...units.map((unit) => [unit.question, unit.start, ...unit.continuations].filter((p): p is DistinctParagraph => p !== null).map(body).join('\n')),
    ...unanswered.map(body),
  ];
  const documentFrequency = new Map<string, number>();
  for (const document of documents) for (const word of new Set(analyzer.words(normalizeForMatching(document)))) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const idf = (word: string): number => Math.log(1 + documents.length / (documentFrequency.get(word) ?? 1));
  const foldedDocuments = documents.map(normalizeForMatching);
  const common = (name: string): boolean => foldedDocuments.filter((document) => document.includes(name)).length > Math.max(1, documents.length / 3);

  const used = new Map<string, number>();
  const unique = (label: string): string => {
    const count = (used.get(label) ?? 0) + 1;
    used.set(label, count);
    return count === 1 ? label : `${label}（${'一二三四五六七八九十'[count - 1] ?? count}）`;
  };
  const override = (texts: string[]): string | undefined =>
    options.overrides?.find((entry) => texts.some((text) => text.includes(entry.match)))?.topic;

  const unitTopics = units.map((unit) => {
    const texts = [unit.question ? body(unit.question) : null, body(unit.start)].filter((t): t is string => t !== null);
    const answer = [unit.start, ...unit.continuations].map(body).join('\n');
    const chosen =
      override(texts) ??
      (options.openingStatements?.has(unit.start.id) ? OPENING_STATEMENT_TOPIC : null) ??
      topicOf(analyzer, texts, answer, idf, unit.question ? body(unit.question) : null, common) ??
      Array.from(body(unit.start)).slice(0, MAX_LABEL_LENGTH).join('');
    const label = unique(chosen);
    report.push({ stage: 'topics', action: 'topic', lines: unit.start.lines.slice(0, 1), detail: `Topic “${label}” for ${excerpt(unit.question?.text ?? unit.start.text)}.` });
    return label;
  });
  const unansweredTopics = unanswered.map((question) => {
    const label = unique(override([body(question)]) ?? topicOf(analyzer, [body(question)], body(question), idf) ?? Array.from(body(question)).slice(0, MAX_LABEL_LENGTH).join(''));
    report.push({ stage: 'topics', action: 'topic', lines: question.lines.slice(0, 1), detail: `Topic “${label}” for the unanswered ${excerpt(question.text)}.` });
    return label;
  });
  return { value: { unitTopics, unansweredTopics }, report };
}
