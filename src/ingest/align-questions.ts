import type { AssembledUnit } from './assemble-units.js';
import type { DedupedTranscript, DistinctParagraph } from './remove-duplicates.js';
import { keptParagraphs } from './remove-duplicates.js';
import type { ReportEntry, StageResult } from './report.js';
import { excerpt } from './report.js';
import { TermWeights, cosine } from './text-similarity.js';
import { bodyOf as body } from './parse-transcript.js';

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
 * A question is paired with an answer it does not directly precede only when the answer is this
 * many times more similar to it than the median answer is: clearly its topic, not just the
 * shared vocabulary of the whole press conference.
 */
const CONTENT_PAIRING_RATIO = 1.5;
/** Directly preceding an answer start counts as this much similarity: position is evidence, not proof. */
const ADJACENCY_BONUS = 0.02;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Stage 5. Pairs reporter questions with answer units by content: TF-IDF cosine between the
 * question and the whole unit, plus a small bonus where the question directly precedes the
 * unit's start somewhere in the file. Pairs are taken best first, one question per unit. An answer
 * that only appears before the first question (an opening statement) takes none. A question is
 * paired only when the unit
 * directly follows it or stands out by content (see CONTENT_PAIRING_RATIO). A question left
 * over is unanswered (the file holds no answer to it); a unit left over keeps no question.
 */
export function alignQuestions(units: readonly AssembledUnit[], transcript: DedupedTranscript): StageResult<Alignment> {
  const report: ReportEntry[] = [];
  const { paragraphs, sequence } = transcript;
  const questions = keptParagraphs(transcript, 'question');
  const unitText = (unit: AssembledUnit): string => [unit.start, ...unit.continuations].map(body).join('\n');
  const weights = new TermWeights([...units.flatMap((u) => [u.start, ...u.continuations]), ...questions].map(body));
  const unitVectors = units.map((unit) => weights.vector(unitText(unit)));

  const adjacent = new Set<string>();
  for (let i = 0; i + 1 < sequence.length; i += 1) adjacent.add(`${sequence[i]}>${sequence[i + 1]}`);
  const firstQuestion = sequence.findIndex((id) => paragraphs[id]!.kind === 'question');

  const candidates: { question: number; unit: number; score: number; adjacent: boolean }[] = [];
  questions.forEach((question, q) => {
    const vector = weights.vector(body(question));
    const scores = unitVectors.map((unitVector) => cosine(vector, unitVector));
    const typical = median(scores);
    units.forEach((unit, u) => {
      // An answer given before any question was asked (an opening statement) answers none.
      if (sequence.lastIndexOf(unit.start.id) < firstQuestion) return;
      const isAdjacent = adjacent.has(`${question.id}>${unit.start.id}`);
      const standsOut = scores[u]! >= CONTENT_PAIRING_RATIO * typical && scores[u]! > 0;
      if (isAdjacent || standsOut) candidates.push({ question: q, unit: u, score: scores[u]! + (isAdjacent ? ADJACENCY_BONUS : 0), adjacent: isAdjacent });
    });
  });
  candidates.sort((a, b) => b.score - a.score);

  const questionOf = new Map<number, number>();
  const pairedQuestions = new Set<number>();
  for (const candidate of candidates) {
    if (questionOf.has(candidate.unit) || pairedQuestions.has(candidate.question)) continue;
    questionOf.set(candidate.unit, candidate.question);
    pairedQuestions.add(candidate.question);
    const question = questions[candidate.question]!;
    const unit = units[candidate.unit]!;
    report.push({
      stage: 'align',
      action: 'pair-question',
      lines: [...question.lines, ...unit.start.lines],
      detail: `Paired ${excerpt(question.text)} with the answer ${excerpt(unit.start.text)} (similarity ${(candidate.score - (candidate.adjacent ? ADJACENCY_BONUS : 0)).toFixed(3)}${candidate.adjacent ? ', directly follows it in the file' : ', by content'}).`,
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
  const unanswered = questions.filter((_, q) => !pairedQuestions.has(q));
  for (const question of unanswered) {
    report.push({
      stage: 'align',
      action: 'unanswered',
      lines: question.lines,
      detail: `${excerpt(question.text)} has no answer in the file (no answer is close enough in content); kept as unanswered.`,
    });
  }
  return { value: { units: aligned, unanswered }, report };
}
