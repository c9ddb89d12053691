import type { AssembledUnit } from './assemble-units.js';
import { bestAssignment } from './best-assignment.js';
import type { DedupedTranscript, DistinctParagraph } from './remove-duplicates.js';
import { keptParagraphs } from './remove-duplicates.js';
import type { ReportEntry, StageResult } from './report.js';
import { excerpt } from './report.js';
import { mergeBags, type Bag } from './word-model.js';
import type { TranscriptWords } from './transcript-words.js';

/** A unit with the question it answers (null when the file lacks it). */
export interface AlignedUnit extends AssembledUnit {
  question: DistinctParagraph | null;
}

export interface Alignment {
  units: AlignedUnit[];
  /** Questions the file records without their answer. */
  unanswered: DistinctParagraph[];
}

/**
 * A question is paired with an answer by content alone when its similarity with the answer
 * (see `WordModel`) is this much above its similarity with the typical (median) answer:
 * clearly its topic, not the vocabulary the whole press conference shares.
 */
const STANDS_OUT = 0.07;
/**
 * Directly preceding an answer start is evidence, not proof: it counts this much, and only
 * where the content is at least typical for the question. Content decides between answers;
 * position breaks ties and pairs questions whose words say little.
 */
const ADJACENCY = 0.03;

/**
 * …and this much in a file that shows no damage (no split, repeated, corrupt or fragmentary
 * paragraph, no copies disagreeing): there the file's order is its author's, and a question is
 * answered by what follows it, even where another answer shares more of its words (a question
 * asked again, answered `这个问题刚才已经回答了。`, while the first answer named its topic).
 * Content still rules out an answer below the typical one (see `scorePairs`).
 */
const INTACT_ADJACENCY = 1;

/**
 * A question and an answer that fit each other better than any other (each the other's best by
 * content) are paired when the content is this much above the typical answer's: two choices
 * agreeing is evidence one alone is not.
 */
const MUTUAL_STANDS_OUT = 0.05;

/**
 * The pairs (`"q:u"`) of a content matrix (rows questions, columns answers, null where a pair
 * is not allowed) where u is row q's one best column and q is column u's one best row; a tie
 * for best makes no pair.
 * `mutualBest([[0.1, 0.0], [0.05, 0.02]])` → `Set { "0:0" }` (answer 1's best is question 0, whose best is answer 0).
 */
export function mutualBest(contents: readonly (readonly (number | null)[])[]): Set<string> {
  // The index of the one highest value; -1 when none, or when two share it.
  const bestOf = (values: readonly (number | null)[]): number => {
    let best = -1;
    let tied = false;
    values.forEach((value, i) => {
      if (value === null) return;
      if (best < 0 || value > values[best]!) [best, tied] = [i, false];
      else if (value === values[best]) tied = true;
    });
    return tied ? -1 : best;
  };
  const columns = Math.max(0, ...contents.map((row) => row.length));
  const columnBest = Array.from({ length: columns }, (_, u) => bestOf(contents.map((row) => row[u] ?? null)));
  const pairs = new Set<string>();
  contents.forEach((row, q) => {
    const u = bestOf(row);
    if (u >= 0 && columnBest[u] === q) pairs.add(`${q}:${u}`);
  });
  return pairs;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Answer starts (ids) given before the first question: opening statements and announcements,
 * which answer no question.
 */
export function openingStatements(transcript: DedupedTranscript): Set<number> {
  const { paragraphs, sequence } = transcript;
  const firstQuestion = sequence.findIndex((id) => paragraphs[id]!.kind === 'question');
  return new Set(
    keptParagraphs(transcript, 'answer-start')
      .filter((start) => firstQuestion < 0 || sequence.lastIndexOf(start.id) < firstQuestion)
      .map((start) => start.id),
  );
}

/** The words of a unit's paragraphs. */
export function unitBag(unit: AssembledUnit, words: TranscriptWords): Bag {
  return mergeBags([unit.start, ...unit.continuations].map((paragraph) => words.bag(paragraph.id)));
}

/** One question–answer candidate pair and how well they fit. */
interface Candidate {
  /** How much better the answer explains the question than the typical answer does. */
  content: number;
  adjacent: boolean;
}

/**
 * Every question's fit with every unit: content (`WordModel.similarity` of the question's words
 * with the unit's, less the median over units) and whether the question directly precedes
 * the unit's start somewhere in the file. Null where the pair is not allowed: an opening
 * statement (given before any question) answers none; otherwise the content must stand out, or
 * the question must directly precede the answer and fit it at least as well as a typical one.
 */
export function scorePairs(units: readonly AssembledUnit[], questions: readonly DistinctParagraph[], transcript: DedupedTranscript, words: TranscriptWords, options: { mutual?: boolean } = {}): (Candidate | null)[][] {
  const { sequence } = transcript;
  const adjacent = new Set<string>();
  for (let i = 0; i + 1 < sequence.length; i += 1) adjacent.add(`${sequence[i]}>${sequence[i + 1]}`);
  const openings = openingStatements(transcript);
  const bags = units.map((unit) => unitBag(unit, words));
  const model = words.model(bags);
  const opening = units.map((unit) => openings.has(unit.start.id));
  const contents = questions.map((question) => {
    const scores = bags.map((bag) => model.similarity(words.bag(question.id), bag));
    const typical = median(scores.filter((_, u) => !opening[u]));
    return scores.map((score, u) => (opening[u] ? null : score - typical));
  });
  const mutual = options.mutual ? mutualBest(contents) : new Set<string>();
  return questions.map((question, q) =>
    units.map((unit, u) => {
      const content = contents[q]![u];
      if (content === null || content === undefined) return null;
      const isAdjacent = adjacent.has(`${question.id}>${unit.start.id}`);
      return content >= STANDS_OUT || (isAdjacent && content >= 0) || (mutual.has(`${q}:${u}`) && content >= MUTUAL_STANDS_OUT) ? { content, adjacent: isAdjacent } : null;
    }),
  );
}

/**
 * Stage 6. Pairs reporter questions with answer units as one global assignment by content
 * (see `scorePairs`): the pairs whose fit sums highest, one question per unit (the Hungarian
 * method, `bestAssignment`), position only a tie-breaker. So a question directly followed by
 * another question's answer does not take it when its own answer fits it better and that
 * answer's question fits it better too. A question left over is unanswered (the file holds no
 * answer to it); a unit left over keeps no question; an opening statement takes none.
 * `intact`: the earlier stages found no damage in the file, and position counts as
 * INTACT_ADJACENCY.
 */
export function alignQuestions(units: readonly AssembledUnit[], transcript: DedupedTranscript, words: TranscriptWords, options: { mutual?: boolean; intact?: boolean } = {}): StageResult<Alignment> {
  const report: ReportEntry[] = [];
  const questions = keptParagraphs(transcript, 'question');
  const candidates = scorePairs(units, questions, transcript, words, options);
  const pairs = bestAssignment(candidates.map((row) => row.map((candidate) => (candidate === null ? null : candidate.content + (candidate.adjacent ? (options.intact ? INTACT_ADJACENCY : ADJACENCY) : 0) + 1e-6))));

  const questionOf = new Map<number, number>();
  for (const [q, u] of pairs) {
    questionOf.set(u, q);
    const question = questions[q]!;
    const unit = units[u]!;
    const candidate = candidates[q]![u]!;
    const shared = words.model(units.map((u) => unitBag(u, words))).telling(words.bag(question.id), unitBag(unit, words), 4).map(words.shown);
    report.push({
      stage: 'align',
      action: 'pair-question',
      lines: [...question.lines, ...unit.start.lines],
      detail: `Paired ${excerpt(question.text)} with the answer ${excerpt(unit.start.text)} (similarity ${candidate.content.toFixed(2)} above the typical answer's${shared.length > 0 ? `, sharing ${shared.join('、')}` : ''}${candidate.adjacent ? '; directly follows it in the file' : '; by content'}).`,
    });
  }
  const aligned: AlignedUnit[] = units.map((unit, u) => {
    const q = questionOf.get(u);
    if (q === undefined) {
      report.push({
        stage: 'align',
        action: 'no-question',
        lines: unit.start.lines,
        detail: `The answer ${excerpt(unit.start.text)} has no question in the file; kept with question: null.`,
      });
    }
    return { ...unit, question: q === undefined ? null : questions[q]! };
  });
  const paired = new Set(questionOf.values());
  const unanswered = questions.filter((_, q) => !paired.has(q));
  for (const question of unanswered) {
    report.push({
      stage: 'align',
      action: 'unanswered',
      lines: question.lines,
      detail: `${excerpt(question.text)} has no answer in the file (no answer is close enough in content, or each close one answers another question better); kept as unanswered.`,
    });
  }
  return { value: { units: aligned, unanswered }, report };
}
