import { answerPositions, questionPosition, questionedUnits, type Draft } from './draft.js';
import type { Random } from './random.js';
import type { Defect } from './types.js';

/**
 * (e) A question followed by another question's answer. Either the answers of two questions
 * trade places (Q1 A2 … Q2 A1), or the second answer moves up right after the first question
 * (Q1 A2 A1 … Q2). The truth does not change: ingest must pair questions by content.
 */
export function swapAnswers(draft: Draft, random: Random): Defect | null {
  const candidates = questionedUnits(draft).filter((unit) => questionPosition(draft, unit) >= 0 && answerPositions(draft, unit).length > 0);
  if (candidates.length < 3) return null;
  const [first, second] = random.sample(candidates, 2).sort((a, b) => a - b) as [number, number];
  const take = (unit: number) => {
    const positions = answerPositions(draft, unit);
    const blocks = positions.map((position) => draft.blocks[position]!);
    for (const position of positions.reverse()) draft.blocks.splice(position, 1);
    return blocks;
  };
  const firstAnswer = take(first);
  const secondAnswer = take(second);
  draft.swapped.add(first).add(second);
  if (random.chance(0.5)) {
    draft.blocks.splice(questionPosition(draft, first) + 1, 0, ...secondAnswer);
    draft.blocks.splice(questionPosition(draft, second) + 1, 0, ...firstAnswer);
    return { kind: 'swapped-answers', units: [first, second], description: `the answers of units ${first + 1} and ${second + 1} trade places` };
  }
  draft.blocks.splice(questionPosition(draft, first) + 1, 0, ...secondAnswer, ...firstAnswer);
  return { kind: 'swapped-answers', units: [first, second], description: `the answer of unit ${second + 1} moves up right after the question of unit ${first + 1}` };
}
