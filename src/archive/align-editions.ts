import { pinyin } from 'pinyin-pro';
import type { Analyzer } from '../text/index.js';
import { normalizeForMatching } from '../text/index.js';
import type { AnswerUnit, UnansweredQuestion } from '../types.js';

/**
 * The bilingual pair: the ministry publishes an English edition of each briefing. Its answers
 * are aligned with the Chinese edition's units and kept as their official translation
 * (AnswerUnit.translation, parallel to the paragraphs, and questionTranslation), only where the
 * alignment is certain; nothing is machine-translated. Pure, given the analyzer (its glossary
 * and jieba's name tags).
 *
 * How: the English transcript is read into exchanges (`<Outlet>: question`, `<Speaker>: answer`
 * and its following paragraphs); exchanges and units are aligned in order (a sequence
 * alignment, so an exchange one edition lacks does not shift the rest), scored by evidence:
 * - paragraph counts (a translation keeps the paragraphs);
 * - numbers (digits, with 万/亿 and million/billion read as values; Chinese month numbers, which
 *   English writes as words, left out): the same multiset, or not;
 * - anchors: a place or person name (jieba's tags) whose pinyin only one English exchange spells
 *   and only one unit holds, or a glossary phrase (index-data/search/glossary-en.tsv) only one
 *   exchange uses whose Chinese terms only one unit holds, ties that exchange to that unit.
 * A pair is certain when nothing contradicts it and either some evidence supports it or the two
 * editions align one to one with equal paragraph counts throughout (then order decides).
 * Uncertain pairs are reported with the reason and left without a translation.
 */

/** One exchange of an English transcript: the outlet's question (null for an opening statement) and the answer's paragraphs, labels removed. */
export interface EnglishExchange {
  outlet: string | null;
  question: string | null;
  answer: string[];
}

/** What aligning gave: the Chinese units and unanswered questions (with translations where certain), and the report. */
export interface EditionAlignment {
  units: AnswerUnit[];
  unanswered: UnansweredQuestion[];
  report: AlignmentReport;
}

/** What was aligned, what was left out and why. */
export interface AlignmentReport {
  /** Units given their translation. */
  paired: number;
  /** Units paired with an exchange but left out, with why. */
  uncertain: { unitId: string; reason: string }[];
  /** Units no exchange was aligned with. */
  unmatchedUnits: string[];
  /** English exchanges no unit was aligned with (their first words). */
  unmatchedExchanges: string[];
}

const LABEL = /^([A-Z][\p{L}\p{N} .&'’-]{0,60}?)\s*:\s*(\S[\s\S]*)$/u;

/**
 * Reads an English transcript into exchanges: the first paragraph is the title; a paragraph
 * labelled with the speaker's name (or `A`) starts an answer, any other label (`CCTV:`,
 * `Reuters:`, `Q:`) a question; unlabelled paragraphs continue the answer (or the question);
 * unlabelled paragraphs before the first exchange (the announcements) are not exchanges.
 *
 * @example readEnglishTranscript('Title\n\nAFP: Will China attend?\n\nLin Ming: No.', 'Lin Ming') // → [{ outlet: 'AFP', question: 'Will China attend?', answer: ['No.'] }]
 */
export function readEnglishTranscript(text: string, speaker: string | null): EnglishExchange[] {
  const paragraphs = text.split(/\n\s*\n/u).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');
  const exchanges: EnglishExchange[] = [];
  const isSpeaker = (label: string) => label === 'A' || (speaker !== null && label.toLowerCase().endsWith(speaker.toLowerCase()));
  for (const paragraph of paragraphs.slice(1)) {
    const label = LABEL.exec(paragraph);
    const current = exchanges.at(-1);
    if (label !== null && isSpeaker(label[1]!)) {
      if (current !== undefined && current.answer.length === 0) current.answer.push(label[2]!);
      else exchanges.push({ outlet: null, question: null, answer: [label[2]!] });
    } else if (label !== null) {
      exchanges.push({ outlet: label[1] === 'Q' ? null : label[1]!, question: label[2]!, answer: [] });
    } else if (current !== undefined) {
      if (current.answer.length > 0) current.answer.push(paragraph);
      else current.question = current.question === null ? paragraph : `${current.question}\n${paragraph}`;
    }
  }
  return exchanges;
}

/** The numbers a Chinese text states, as values: 568亿 → 56800000000; month numbers (5月) left out. */
export function chineseNumbers(text: string): string[] {
  const values: string[] = [];
  for (const match of text.normalize('NFKC').matchAll(/(\d+(?:\.\d+)?)\s*(万亿|亿|万|千)?(月)?/gu)) {
    if (match[3] !== undefined) continue;
    const scale = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 }[match[2] ?? ''] ?? 1;
    values.push(valueKey(Number(match[1]) * scale));
  }
  return values.sort();
}

/** The numbers an English text states, as values: 56.8 billion → 56800000000, 1,200 → 1200. */
export function englishNumbers(text: string): string[] {
  const values: string[] = [];
  for (const match of text.matchAll(/(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(trillion|billion|million|thousand)\b)?/giu)) {
    const scale = { trillion: 1e12, billion: 1e9, million: 1e6, thousand: 1e3 }[(match[2] ?? '').toLowerCase()] ?? 1;
    values.push(valueKey(Number(match[1]!.replace(/,/gu, '')) * scale));
  }
  return values.sort();
}

function valueKey(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** Evidence for or against one pairing: how much supports it, what contradicts it. */
interface Evidence {
  support: number;
  contradictions: string[];
}

/**
 * Aligns an English edition with the Chinese edition's units and unanswered questions (see the
 * module comment) and returns the units with their translations where certain.
 */
export function alignEditions(
  chinese: { units: readonly AnswerUnit[]; unanswered: readonly UnansweredQuestion[] },
  english: { text: string; speaker: string | null },
  analyzer: Analyzer,
): EditionAlignment {
  const exchanges = readEnglishTranscript(english.text, english.speaker);
  const answered = exchanges.filter((exchange) => exchange.answer.length > 0);
  const questionsOnly = exchanges.filter((exchange) => exchange.answer.length === 0 && exchange.question !== null);
  const units = chinese.units;
  const anchors = anchorsOf(answered, units, analyzer);
  const evidence = (e: number, u: number): Evidence => weigh(answered[e]!, units[u]!, e, u, anchors);
  const pairs = alignSequences(answered, units, evidence);
  const oneToOne =
    answered.length === units.length && pairs.every(([e, u]) => e === u && answered[e]!.answer.length === units[u]!.paragraphs.length);

  const report: AlignmentReport = { paired: 0, uncertain: [], unmatchedUnits: [], unmatchedExchanges: [] };
  const translated = units.map((unit) => ({ ...unit }));
  const matchedUnits = new Set<number>();
  const matchedExchanges = new Set<number>();
  for (const [e, u] of pairs) {
    matchedUnits.add(u);
    matchedExchanges.add(e);
    const exchange = answered[e]!;
    const unit = units[u]!;
    const found = evidence(e, u);
    const reason =
      exchange.answer.length !== unit.paragraphs.length
        ? `${unit.paragraphs.length} paragraph(s) against ${exchange.answer.length} in English`
        : found.contradictions.length > 0
          ? found.contradictions.join('; ')
          : found.support === 0 && !oneToOne
            ? 'nothing but the order supports it, and the editions do not align one to one'
            : null;
    if (reason !== null) {
      report.uncertain.push({ unitId: unit.id, reason });
      continue;
    }
    translated[u] = { ...unit, translation: [...exchange.answer], questionTranslation: unit.question === null ? null : exchange.question };
    report.paired++;
  }
  units.forEach((unit, u) => {
    if (!matchedUnits.has(u)) report.unmatchedUnits.push(unit.id);
  });
  answered.forEach((exchange, e) => {
    if (!matchedExchanges.has(e)) report.unmatchedExchanges.push(firstWords(exchange.question ?? exchange.answer[0] ?? ''));
  });
  // Questions recorded without an answer: by order, when both editions have as many.
  const unanswered =
    questionsOnly.length === chinese.unanswered.length
      ? chinese.unanswered.map((question, i) => ({ ...question, questionTranslation: questionsOnly[i]!.question }))
      : [...chinese.unanswered];
  return { units: translated, unanswered, report };
}

/**
 * A pair that specific evidence implies: a name (place or person, in pinyin) or a glossary
 * phrase that exactly one English exchange uses and exactly one unit holds ties that exchange
 * to that unit. `what` names it, for the report.
 */
interface Anchor {
  exchange: number;
  unit: number;
  what: string;
}

function anchorsOf(exchanges: readonly EnglishExchange[], units: readonly AnswerUnit[], analyzer: Analyzer): Anchor[] {
  const englishTexts = exchanges.map((exchange) => [exchange.question ?? '', ...exchange.answer].join('\n'));
  const spelled = englishTexts.map(spelling);
  const words = englishTexts.map((text) => ` ${text.toLowerCase().replace(/[^a-z0-9'-]+/gu, ' ').trim()} `);
  const folded = units.map((unit) => normalizeForMatching([unit.question ?? '', ...unit.paragraphs].join('\n')));
  const only = <T>(items: readonly T[], has: (item: T) => boolean): number => {
    const found = items.flatMap((item, i) => (has(item) ? [i] : []));
    return found.length === 1 ? found[0]! : -1;
  };
  const anchors: Anchor[] = [];
  const names = new Map(units.flatMap((unit) => unitNames(unit, analyzer)));
  for (const [name, word] of names) {
    const exchange = only(spelled, (text) => text.includes(name));
    const unit = only(folded, (text) => text.includes(normalizeForMatching(word)));
    if (exchange >= 0 && unit >= 0) anchors.push({ exchange, unit, what: `the name ${word}` });
  }
  for (const [phrase, terms] of analyzer.lexicon.glossary) {
    const exchange = only(words, (text) => text.includes(` ${phrase} `));
    if (exchange < 0) continue;
    const unit = only(folded, (text) => terms.some((term) => text.includes(normalizeForMatching(term))));
    if (unit >= 0) anchors.push({ exchange, unit, what: `"${phrase}" (${terms.join('/')})` });
  }
  return anchors;
}

/** The evidence for pairing exchange `e` with unit `u`: their numbers, and the anchors that tie either of them. */
function weigh(exchange: EnglishExchange, unit: AnswerUnit, e: number, u: number, anchors: readonly Anchor[]): Evidence {
  const evidence: Evidence = { support: 0, contradictions: [] };
  const englishValues = englishNumbers([exchange.question ?? '', ...exchange.answer].join('\n'));
  const chineseValues = chineseNumbers([unit.question ?? '', ...unit.paragraphs].join('\n'));
  if (englishValues.join(' ') !== chineseValues.join(' ')) {
    evidence.contradictions.push(`numbers differ (${chineseValues.join(', ') || 'none'} against ${englishValues.join(', ') || 'none'} in English)`);
  } else if (englishValues.length > 0) {
    evidence.support += englishValues.length;
  }
  for (const anchor of anchors) {
    if (anchor.exchange === e && anchor.unit === u) evidence.support++;
    else if (anchor.exchange === e || anchor.unit === u) evidence.contradictions.push(`${anchor.what} ties it to another answer`);
  }
  if ((exchange.question === null) !== (unit.question === null)) evidence.contradictions.push('one edition has a question, the other none');
  return evidence;
}

/** Aligns two sequences in order (Needleman–Wunsch): pairs [exchange, unit], maximising the evidence, gaps allowed. */
function alignSequences(exchanges: readonly EnglishExchange[], units: readonly AnswerUnit[], evidence: (e: number, u: number) => Evidence): [number, number][] {
  const GAP = -1;
  const score = (e: number, u: number) => {
    const found = evidence(e, u);
    const counts = exchanges[e]!.answer.length === units[u]!.paragraphs.length ? 1 : -1;
    return counts + found.support - 2 * found.contradictions.length;
  };
  const rows = exchanges.length + 1;
  const cols = units.length + 1;
  const best = Array.from({ length: rows }, (_, e) => Array.from({ length: cols }, (_, u) => (e === 0 ? u * GAP : u === 0 ? e * GAP : 0)));
  for (let e = 1; e < rows; e++) {
    for (let u = 1; u < cols; u++) {
      best[e]![u] = Math.max(best[e - 1]![u - 1]! + score(e - 1, u - 1), best[e - 1]![u]! + GAP, best[e]![u - 1]! + GAP);
    }
  }
  const pairs: [number, number][] = [];
  let e = rows - 1;
  let u = cols - 1;
  while (e > 0 && u > 0) {
    if (best[e]![u] === best[e - 1]![u - 1]! + score(e - 1, u - 1)) {
      pairs.push([e - 1, u - 1]);
      e--;
      u--;
    } else if (best[e]![u] === best[e - 1]![u]! + GAP) e--;
    else u--;
  }
  return pairs.reverse();
}

/** The place and person names of a unit (jieba's ns/nr tags), keyed by their pinyin without tones or spaces: [fuzhou, 福州]. */
function unitNames(unit: AnswerUnit, analyzer: Analyzer): [string, string][] {
  const names = new Map<string, string>();
  for (const { word, tag } of analyzer.tag([unit.question ?? '', ...unit.paragraphs].join('。'))) {
    if (/^(?:ns|nr|nrfg|nrt)$/u.test(tag) && word.length >= 2) names.set(pinyin(word, { toneType: 'none', type: 'array' }).join(''), word);
  }
  return [...names];
}

/** English letters only, lower case: how a pinyin name is looked for. */
function spelling(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/gu, '');
}

function firstWords(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
}
