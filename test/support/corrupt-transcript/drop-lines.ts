import { answerPositions, questionPosition, questionedUnits, type Draft } from './draft.js';
import type { Random } from './random.js';
import type { Defect } from './types.js';

/** Units with a question and an answer that no earlier structural defect touched. */
function untouchedUnits(draft: Draft): number[] {
  return questionedUnits(draft).filter(
    (unit) => !draft.swapped.has(unit) && !draft.answerless.has(unit) && !draft.questionless.has(unit) && questionPosition(draft, unit) >= 0,
  );
}

/** Units that still have an answer in the draft. */
function answeredUnits(draft: Draft): number[] {
  return draft.truth.units.flatMap((_, unit) => (answerPositions(draft, unit).length > 0 ? [unit] : []));
}

/**
 * (f) A question whose answer is missing: every answer line of one unit is deleted. The unit
 * leaves the truth and its question becomes unanswered.
 */
export function dropAnswer(draft: Draft, random: Random): Defect | null {
  const candidates = untouchedUnits(draft);
  if (candidates.length < 2 || answeredUnits(draft).length < 3) return null;
  const unit = random.pick(candidates);
  for (const position of answerPositions(draft, unit).reverse()) draft.blocks.splice(position, 1);
  draft.answerless.add(unit);
  return { kind: 'missing-answer', units: [unit], description: `the answer of unit ${unit + 1} is deleted: its question is unanswered` };
}

/** (g) An answer whose question is missing: one unit's question line is deleted; its truth question becomes null. */
export function dropQuestion(draft: Draft, random: Random): Defect | null {
  const candidates = untouchedUnits(draft);
  if (candidates.length < 2) return null;
  const unit = random.pick(candidates);
  draft.blocks.splice(questionPosition(draft, unit), 1);
  draft.questionless.add(unit);
  return { kind: 'missing-question', units: [unit], description: `the question of unit ${unit + 1} is deleted` };
}
