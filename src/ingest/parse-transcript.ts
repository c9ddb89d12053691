import type { ReportEntry, StageResult } from './report.js';
import { excerpt } from './report.js';

/** What a paragraph is in a press-conference transcript. */
export type BlockKind = 'heading' | 'lead' | 'question' | 'answer-start' | 'continuation';

/** A run of source text on one line. */
export interface Piece {
  /** 1-based line number in the transcript. */
  line: number;
  text: string;
}

/** One paragraph of the transcript, as found (or as repaired from pieces). */
export interface Block {
  kind: BlockKind;
  /** The paragraph's source text: exactly the concatenation of `pieces`. */
  text: string;
  pieces: Piece[];
  /** Length of the `<speaker>：` or `<outlet>记者：` label at the start of `text` (0 when none). */
  labelLength: number;
  /** The speaker (answer starts) or outlet (questions, may be null). */
  who: string | null;
  /**
   * Bilingual transcripts: the English line(s) that follow the paragraph and translate it, after
   * their label (`Lin Zhiyuan: `) when the paragraph has one; null when none follows.
   */
  translation: string | null;
}

/** A parsed transcript: its heading and its paragraphs in file order. */
export interface ParsedTranscript {
  heading: string | null;
  blocks: Block[];
  /** Speakers that start answers, most frequent first. */
  speakers: string[];
}

/** Options of `parseTranscript`. */
export interface ParseOptions {
  /** Speakers known from metadata; they count as speakers even when they answer once. */
  knownSpeakers?: readonly string[];
}

/** `<outlet>记者：`, `<outlet>记者问：`, or a bare `问：` or follow-up `追问：` (traditional 記者, 問 too). The outlet may be empty. */
const QUESTION_LABEL = /^(?:(?<outlet>[^：:。！？!?，,\s]{0,40}?)[记記]者(?:提[问問]|[问問])?|追?[问問])\s*[：:]\s*/u;

/** `<name>：` where the name is a short run of letters (Han or Latin, middle dot allowed). */
const SPEAKER_LABEL = /^(?<name>[\p{Script=Han}A-Za-z·•\u00b7 ]{1,16}?)\s*[：:]\s*/u;

/** A Chinese personal name: two to four Han characters, not a list label or connective (第一, 首先, 此外 …). */
const PERSON_NAME = /^(?!第|首先|其次|再次|最后|总之|同时|另外|此外|因此|所以|但是|关于|对此|一是|二是|三是)[\p{Script=Han}]{2,4}$/u;

/**
 * The label of a spokesperson's opening announcement: `邵宁首先发布消息：`, `发言人宣布以下消息：`
 * (traditional 發布/宣佈 too). The name is the speaker.
 */
const ANNOUNCEMENT_LABEL = /^(?<name>[\p{Script=Han}·]{2,8}?)(?:首先|先)?(?:发布|發布|发佈|發佈|宣布|宣佈|通报|通報)(?:[一两兩二三四五几幾]条|[一两兩二三四五几幾]條|以下|如下)?(?:消息|信息|新闻|新聞)\s*[：:]\s*/u;

/**
 * An English label before a translation line: `Lin Zhiyuan: `, `The Wall Street Journal: `, `Q: `,
 * and an outlet with its country after a comma (`Clarín, Argentina: `, `Yonhap, Republic of Korea: `),
 * where the country is capitalised words (a clause after a comma, `Going forward, we will…: `, is not).
 */
const ENGLISH_LABEL = /^\p{Lu}[\p{L}\p{M}.'’&()\- ]{0,60}?(?:, \p{Lu}[\p{L}\p{M}.'’\-]*(?: (?:\p{Lu}[\p{L}\p{M}.'’\-]*|of|and|the)){0,4})?:\s+/u;

/**
 * Full-width punctuation that only Chinese writing uses (，。、；：《》！？（）「」『』【】): English
 * translations punctuate with ASCII, so a line holding one is Chinese, however many Latin words it
 * has (a Chinese paragraph split inside an English title: `为此，中方发布了《AI Capac` |
 * `ity-Building Action Plan for All》，主要包括以下内容：`).
 */
const CHINESE_PUNCTUATION = /[，。、；：《》！？（）「」『』【】]/u;

/**
 * True for a line written mostly in Latin words: in a bilingual transcript, the English
 * translation of the paragraph before it. Words are weighed against Chinese characters one for
 * one (a character says about as much as a word), so a Chinese sentence naming an English title
 * (`中方公布了《Digital Skills Partnership Framework》，欢迎各方参与。`) stays Chinese, however many
 * letters the title has, and an English one quoting Chinese (`guests tasted 饺子 (jiǎozi)`) stays English.
 * A line with Chinese full-width punctuation is never English (CHINESE_PUNCTUATION).
 * `isMostlyLatin('Lin Zhiyuan: China and Africa…') → true`.
 */
export function isMostlyLatin(text: string): boolean {
  if (CHINESE_PUNCTUATION.test(text)) return false;
  const words = (text.match(/[A-Za-z]+/gu) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  return words > 0 && words > han;
}

/** The label of answers in `问：/答：` transcripts. */
export const ANSWER_LABELS = new Set(['答']);

/** Labels of the person who runs a press conference, whose words answer nothing. */
const MODERATORS = new Set(['主持人', '主持', '司仪', '会议主持人', '司儀']);

/** Characters that end a sentence; a paragraph ending in anything else is unterminated. */
const TERMINAL = new Set(Array.from('。！？!?…；;：:'));
const CLOSING = new Set(Array.from('”’」』）)》'));
const BRACKETS: Record<string, string> = { '）': '（', ')': '(' };

/** The text after a paragraph's `<speaker>：` or `<outlet>记者：` label (the whole text when it has none). */
export function bodyOf(paragraph: { text: string; labelLength: number }): string {
  return paragraph.text.slice(paragraph.labelLength);
}

/**
 * How many different paragraphs each `<name>：` candidate labels (question lines and English
 * lines aside). A paragraph repeated word for word counts once: a copy is the same words said
 * once, not a second answer, so a sentence that opens with a clause and a colon
 * (`今年我们将着重抓好三件事：一是…`) does not become a speaker because the file repeats it.
 * `countSpeakerLabels(['王毅：好的。', '王毅：谢谢。', '我补充一点：中方…', '我补充一点：中方…'])`
 * → `{王毅 → 2, 我补充一点 → 1}`.
 */
export function countSpeakerLabels(texts: readonly string[]): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const text of texts) {
    if (isMostlyLatin(text) || QUESTION_LABEL.test(text)) continue;
    const candidate = speakerCandidate(text);
    if (candidate) seen.set(candidate.name, (seen.get(candidate.name) ?? new Set()).add(text));
  }
  return new Map([...seen].map(([name, paragraphs]) => [name, paragraphs.size]));
}

/**
 * True when a paragraph ends a sentence: with 。！？…；：, a closing quote after one, or a
 * bracketed remark after one.
 * `isTerminated('改革完善。') → true`, `isTerminated('第三，全球治理需要更加精准地改') → false`.
 */
export function isTerminated(text: string): boolean {
  const chars = Array.from(text.trimEnd());
  const last = chars.at(-1);
  if (last === undefined) return true;
  if (TERMINAL.has(last)) return true;
  if (CLOSING.has(last)) {
    const before = chars.at(-2);
    if (before !== undefined && TERMINAL.has(before)) return true;
    // A bracket after a finished sentence (…合作。（完）, （掌声）) ends the paragraph too.
    const opening = BRACKETS[last];
    if (opening === undefined) return false;
    const at = chars.lastIndexOf(opening);
    return at === 0 || (at > 0 && TERMINAL.has(chars[at - 1]!));
  }
  return false;
}

/** Splits a transcript into non-empty lines with their 1-based numbers; text is kept as is, less surrounding white space. */
export function splitLines(source: string): Piece[] {
  const pieces: Piece[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.trim();
    if (text !== '') pieces.push({ line: index + 1, text });
  });
  return pieces;
}

function speakerCandidate(text: string): { name: string; labelLength: number } | null {
  const match = SPEAKER_LABEL.exec(text);
  const name = match?.groups?.['name']?.trim();
  if (!match || !name || match[0].length >= text.length) return null;
  return { name, labelLength: match[0].length };
}

/**
 * The English of a paragraph as its translation: without its label (`Lin Zhiyuan: `) when the
 * paragraph it translates starts with a label too (a paragraph split in two keeps the label on
 * its first piece and the translation after its last).
 */
export function translationBody(english: string, labelled: boolean): string {
  return labelled ? english.replace(ENGLISH_LABEL, '') : english;
}

/**
 * True for a paragraph that ends by asking (？ or ?, before closing quotes or brackets): a
 * reporter's question may run over two paragraphs (the background, then `另外，请问…？`), while an
 * answer's paragraph almost never ends on a question mark.
 * `asksQuestion('另外，请问两国将举办哪些活动？') → true`; `asksQuestion('我们将举办纪念活动。') → false`.
 */
export function asksQuestion(text: string): boolean {
  const chars = Array.from(text.trimEnd());
  while (chars.length > 0 && CLOSING.has(chars.at(-1)!)) chars.pop();
  return chars.at(-1) === '？' || chars.at(-1) === '?';
}

/** Attaches an English line to the paragraph it translates. */
function attachTranslation(block: Block, english: string): void {
  const body = translationBody(english, block.labelLength > 0);
  block.translation = block.translation === null ? body : `${block.translation}\n${body}`;
}

/**
 * Stage 1. Classifies each line of a transcript: heading, lead, reporter question
 * (`<outlet>记者：…`, `问：`), answer start (`<speaker>：…`: a speaker that labels at least two
 * paragraphs, is known from metadata (also with a title before the name), or is a name right
 * after a question) and continuation paragraph. The host's words (`主持人：…`) are skipped like
 * the lead.
 * - The heading is a first line without sentence punctuation; lines before the first question
 *   or answer start are lead, except a spokesperson's opening announcement: a paragraph
 *   labelled `X首先发布消息：` (or following that label alone), or, in a `问：/答：` transcript,
 *   the paragraphs between the lead paragraph and the first question. The announcement is an
 *   answer like any other (its first paragraph an answer start), given before any question.
 * - Bilingual transcripts: a line written mostly in Latin letters is the English translation
 *   of the paragraph before it and is attached to it (`translation`); it is never a paragraph.
 * Nothing is repaired here.
 */
export function parseTranscript(source: string, options: ParseOptions = {}): StageResult<ParsedTranscript> {
  const report: ReportEntry[] = [];
  const lines = splitLines(source);

  const labelCounts = countSpeakerLabels(lines.map((piece) => piece.text));
  // In a 问/答 transcript the spokesperson is named only in the lead; what they say before the first question is an announcement.
  const answersUnnamed = [...ANSWER_LABELS].some((label) => labelCounts.has(label));
  const known = [...new Set(options.knownSpeakers ?? [])].filter((name) => name.length > 0);
  /** A known speaker named with a title (国务委员兼外交部长王毅) is that speaker. */
  const knownAs = (name: string): string | undefined => known.find((speaker) => name === speaker || name.endsWith(speaker));
  const isSpeaker = (name: string, afterQuestion: boolean): boolean =>
    knownAs(name) !== undefined ||
    ANSWER_LABELS.has(name) ||
    (labelCounts.get(name) ?? 0) >= 2 ||
    // Someone who answers once (another minister) is a speaker when a question precedes them.
    (afterQuestion && PERSON_NAME.test(name));

  const blocks: Block[] = [];
  let heading: string | null = null;
  let seenDialogue = false;
  let seenQuestion = false;
  let seenLead = false;
  /** Set by an announcement label standing alone on its line: the announcer of the paragraphs after it. */
  let announcer: string | null | undefined;
  /** True when the next line that is not English opens an answer by a speaker (as it would after a question). */
  const answerFollows = (index: number): boolean => {
    const next = lines.slice(index + 1).find((line) => !isMostlyLatin(line.text));
    if (next === undefined || QUESTION_LABEL.test(next.text)) return false;
    const candidate = speakerCandidate(next.text);
    return candidate !== null && !MODERATORS.has(candidate.name) && isSpeaker(candidate.name, true);
  };
  /** Where each line's text stands: line indices by text. */
  const places = new Map<string, number[]>();
  lines.forEach((line, index) => places.set(line.text, [...(places.get(line.text) ?? []), index]));
  /** The text of the line before `index` that is not English. */
  const before = (index: number): string | undefined => {
    for (let at = index - 1; at >= 0; at -= 1) if (!isMostlyLatin(lines[at]!.text)) return lines[at]!.text;
    return undefined;
  };
  /** True when every copy of the line at `index` follows the same line (a question's): none stands in an answer. */
  const alwaysAfter = (index: number): boolean => {
    const question = before(index);
    return places.get(lines[index]!.text)!.every((at) => before(at) === question);
  };
  for (const [index, piece] of lines.entries()) {
    const { text } = piece;
    const previous = blocks.at(-1);
    if (isMostlyLatin(text) && previous !== undefined) {
      attachTranslation(previous, text);
      continue;
    }
    const question = QUESTION_LABEL.exec(text);
    const announcement = question || seenQuestion ? null : ANNOUNCEMENT_LABEL.exec(text);
    const speaker = question ? null : speakerCandidate(text);
    let block: Block;
    if (question && question[0].length < text.length) {
      const outlet = question.groups?.['outlet'] || null;
      block = { kind: 'question', text, pieces: [piece], labelLength: question[0].length, who: outlet, translation: null };
    } else if (announcement) {
      const name = announcement.groups?.['name'] ?? null;
      if (announcement[0].length < text.length) {
        block = { kind: 'answer-start', text, pieces: [piece], labelLength: announcement[0].length, who: name === null ? null : (knownAs(name) ?? name), translation: null };
        report.push({ stage: 'parse', action: 'announcement', lines: [piece.line], detail: `${excerpt(text)} opens an announcement: an answer given before any question.` });
      } else {
        announcer = name === null ? null : (knownAs(name) ?? name);
        report.push({ stage: 'parse', action: 'skip', lines: [piece.line], detail: `The label ${excerpt(text)} announces the paragraphs after it.` });
        block = { kind: 'lead', text, pieces: [piece], labelLength: 0, who: null, translation: null };
      }
    } else if (speaker && MODERATORS.has(speaker.name)) {
      // The host's words (主持人：请路透社记者提问。) run the press conference; they answer nothing.
      report.push({ stage: 'parse', action: 'skip', lines: [piece.line], detail: `The host's words ${excerpt(text)} are not part of any answer.` });
      block = { kind: 'lead', text, pieces: [piece], labelLength: speaker.labelLength, who: speaker.name, translation: null };
    } else if (speaker && isSpeaker(speaker.name, previous?.kind === 'question')) {
      block = { kind: 'answer-start', text, pieces: [piece], labelLength: speaker.labelLength, who: knownAs(speaker.name) ?? speaker.name, translation: null };
    } else if (!seenDialogue && (announcer !== undefined || (answersUnnamed && seenLead))) {
      block = { kind: 'answer-start', text, pieces: [piece], labelLength: 0, who: announcer ?? null, translation: null };
      report.push({ stage: 'parse', action: 'announcement', lines: [piece.line], detail: `${excerpt(text)} stands after the lead and before the first question: the spokesperson's announcement.` });
    } else if (!seenDialogue) {
      const kind = heading === null && blocks.length === 0 && !isTerminated(text) && text.length <= 60 ? 'heading' : 'lead';
      if (kind === 'heading') heading = text;
      else seenLead = true;
      report.push({
        stage: 'parse',
        action: 'skip',
        lines: [piece.line],
        detail: `${kind === 'heading' ? '标题' : '导语'} ${excerpt(text)} is not part of any answer.`,
      });
      block = { kind, text, pieces: [piece], labelLength: 0, who: null, translation: null };
    } else if (previous?.kind === 'question' && asksQuestion(text) && answerFollows(index) && alwaysAfter(index)) {
      // The question runs on: an unlabelled paragraph asking something, between the question and its answer, and nowhere else.
      previous.text = `${previous.text}\n${text}`;
      previous.pieces.push(piece);
      report.push({ stage: 'parse', action: 'question-continues', lines: [piece.line], detail: `${excerpt(text)} asks on from the question before it, before the answer: one question of ${previous.pieces.length} paragraphs.` });
      continue;
    } else {
      block = { kind: 'continuation', text, pieces: [piece], labelLength: 0, who: null, translation: null };
    }
    if (block.kind === 'question' || block.kind === 'answer-start') seenDialogue = true;
    if (block.kind === 'question') seenQuestion = true;
    blocks.push(block);
  }

  const speakerCounts = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind === 'answer-start' && block.who) speakerCounts.set(block.who, (speakerCounts.get(block.who) ?? 0) + 1);
  }
  const speakers = [...speakerCounts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return { value: { heading, blocks, speakers }, report };
}
