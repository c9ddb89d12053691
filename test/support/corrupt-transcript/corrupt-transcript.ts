import { corruptListItem } from './corrupt-list-item.js';
import type { Draft, DefectStep } from './draft.js';
import { dropAnswer, dropQuestion } from './drop-lines.js';
import { duplicateParagraphs } from './duplicate-paragraphs.js';
import { duplicateRun } from './duplicate-runs.js';
import { insertStrayFragment } from './insert-stray-fragment.js';
import { modelLines, renderLines } from './line-model.js';
import { misplaceContinuations } from './misplace-continuations.js';
import { Random } from './random.js';
import { splitParagraphs } from './split-paragraphs.js';
import { swapAnswers } from './swap-answers.js';
import { truncateTail } from './truncate-tail.js';
import {
  DEFAULT_RATES,
  DEFECT_KINDS,
  type CorruptedTranscript,
  type Defect,
  type DefectKind,
  type DefectRates,
  type ExpectedIngest,
  type ExpectedUnit,
  type TranscriptTruth,
} from './types.js';
import { addWhitespaceNoise } from './whitespace-noise.js';

/**
 * The step of each kind. Order matters: structural damage (swaps, deletions) first, then splits
 * (so that repeated runs carry split pieces, as real pages do), copies and moves, corrupt
 * copies and fragments, the truncated tail, and whitespace last.
 */
const STEPS: Record<DefectKind, DefectStep> = {
  'swapped-answers': swapAnswers,
  'missing-answer': dropAnswer,
  'missing-question': dropQuestion,
  'split-paragraph': splitParagraphs,
  'duplicate-paragraph': duplicateParagraphs,
  'duplicate-run': duplicateRun,
  'misplaced-continuation': misplaceContinuations,
  'corrupt-list-item': corruptListItem,
  'stray-fragment': insertStrayFragment,
  'truncated-tail': truncateTail,
  'whitespace-noise': addWhitespaceNoise,
};

/** What ingest should yield from a clean transcript: the truth itself, nothing foreign. */
export function cleanExpectation(truth: TranscriptTruth): ExpectedIngest {
  return { units: truth.units.map((unit) => expectedUnit(truth, unit, false)), unanswered: [...truth.unanswered], foreign: [], cleanUnits: truth.units.map((_, index) => index) };
}

function expectedUnit(truth: TranscriptTruth, unit: TranscriptTruth['units'][number], questionLost: boolean): ExpectedUnit {
  const expected: ExpectedUnit = { question: questionLost ? null : unit.question, paragraphs: [...unit.paragraphs] };
  if (unit.translation) expected.translation = [...unit.translation];
  if (unit.questionTranslation !== undefined) expected.questionTranslation = questionLost ? null : unit.questionTranslation;
  return expected;
}

/** The expected ingest of a finished draft. */
function expectationOf(draft: Draft): ExpectedIngest {
  const { truth } = draft;
  const units = truth.units.flatMap((unit, index) => (draft.answerless.has(index) ? [] : [expectedUnit(truth, unit, draft.questionless.has(index))]));
  const unanswered = [...truth.unanswered, ...[...draft.answerless].sort((a, b) => a - b).map((index) => truth.units[index]!.question!)];
  const paragraphs = new Set(truth.units.flatMap((unit) => unit.paragraphs));
  const foreign = new Set(draft.blocks.flatMap((block) => (block.role.kind === 'foreign' && !paragraphs.has(block.role.text) ? [block.role.text] : [])));
  const cleanUnits = truth.units.flatMap((_, index) => (draft.answerless.has(index) ? [] : [index]));
  return { units, unanswered, foreign: [...foreign], cleanUnits };
}

/**
 * Turns a clean transcript into a plausible messy one, deterministically for a seed. Each defect
 * kind is drawn independently with its rate (`DEFAULT_RATES`, overridable), so variants differ;
 * labels stay exactly as in the source, only text moves, is copied, split, cut or corrupted.
 * Returns the variant's text, what ingest should yield from it (units without the deleted
 * answers, questions lost, unanswered questions, and the foreign text that must not be kept),
 * and the defects applied, in order.
 * `corruptTranscript(clean, truth, 7)` always returns the same variant; `corruptTranscript(clean,
 * truth, 7, { 'missing-answer': 1 })` always deletes one answer.
 */
export function corruptTranscript(clean: string, truth: TranscriptTruth, seed: number, rates: Partial<DefectRates> = {}): CorruptedTranscript {
  const random = new Random(seed);
  const draft: Draft = {
    ...modelLines(clean, truth),
    truth,
    answerless: new Set(),
    questionless: new Set(),
    swapped: new Set(),
    outvoted: null,
  };
  const defects: Defect[] = [];
  const rate = { ...DEFAULT_RATES, ...rates };
  // Draw every kind first, so that whether a kind applies does not depend on what the others consumed.
  const drawn = DEFECT_KINDS.filter((kind) => random.chance(rate[kind]));
  for (const kind of drawn) {
    const defect = STEPS[kind](draft, random);
    if (defect) defects.push(defect);
  }
  return { text: renderLines(draft), truth: expectationOf(draft), defects };
}
