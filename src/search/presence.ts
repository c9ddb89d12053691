/**
 * How much of a question's concept a text holds. A concept is a word as the user typed it; a
 * compound's dictionary pieces (its parts) help find it but are not the word.
 */

/** A concept with its forms and weighed parts (see WeightedConcept in answer.ts). */
export interface Weighed {
  alternatives: readonly string[];
  parts?: readonly { alternatives: readonly string[]; weight: number }[];
}

/**
 * Share (0..1) of a concept that a text holds: 1 for one of its forms; else, for a compound,
 * half the weighted share of its parts found (a unit with 论坛 holds part of 高峰论坛).
 */
export function presence(text: string, concept: Weighed): number {
  if (concept.alternatives.some((term) => text.includes(term))) return 1;
  return partsShare(concept, (term) => text.includes(term)) * PARTS_CREDIT;
}

/** What holding a compound's parts, all of them, is worth against holding the compound. */
export const PARTS_CREDIT = 0.5;

export function partsShare(concept: Pick<Weighed, 'parts'>, holds: (term: string) => boolean): number {
  const parts = concept.parts ?? [];
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  if (total <= 0) return 0;
  return parts.reduce((sum, part) => sum + (part.alternatives.some(holds) ? part.weight : 0), 0) / total;
}
