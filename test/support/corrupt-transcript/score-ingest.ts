import type { ExpectedIngest, ExpectedUnit } from './types.js';

/** The part of an ingested unit the benchmark reads (translations are optional: older ingest has none). */
export interface IngestedUnit {
  question: string | null;
  paragraphs: string[];
  translation?: string[];
  questionTranslation?: string | null;
}

/** The part of an ingest result the benchmark reads. */
export interface IngestedTranscript {
  units: readonly IngestedUnit[];
  unanswered: readonly { question: string }[];
}

/** Why a truth unit counts as failed. */
export type UnitFailure = 'paragraphs' | 'question' | 'translation';

/** One truth unit ingest got wrong, with what it produced for it. */
export interface FailedUnit {
  /** Index into the expected units. */
  unit: number;
  /** Index of the same unit in the clean truth. */
  cleanUnit: number;
  failures: UnitFailure[];
  expected: ExpectedUnit;
  /** The output unit matched to it (majority of paragraphs), or null. */
  got: IngestedUnit | null;
}

/** Counts for one variant; every field sums over variants. */
export interface IngestScore {
  truthUnits: number;
  /** Truth units some output unit holds exactly (paragraph multiset). */
  exactUnits: number;
  truthParagraphs: number;
  /** Output paragraphs equal to a truth paragraph, in an output unit whose majority truth unit is another. */
  wrongUnitParagraphs: number;
  /** Truth units whose matched output unit has exactly their question (or null for none). */
  pairedQuestions: number;
  truthUnanswered: number;
  foundUnanswered: number;
  /** Output unanswered questions the truth does not list. */
  falseUnanswered: number;
  /** Output paragraphs that are foreign text or no truth paragraph at all. */
  foreignKept: number;
  truthSentences: number;
  /** Truth sentences found in no output paragraph. */
  sentencesLost: number;
  /** Output paragraphs that are mostly Latin letters. */
  englishParagraphs: number;
  /** Truth units with translations. */
  translationUnits: number;
  translationsRight: number;
}

/** An all-zero score, to sum into. */
export function emptyScore(): IngestScore {
  return {
    truthUnits: 0,
    exactUnits: 0,
    truthParagraphs: 0,
    wrongUnitParagraphs: 0,
    pairedQuestions: 0,
    truthUnanswered: 0,
    foundUnanswered: 0,
    falseUnanswered: 0,
    foreignKept: 0,
    truthSentences: 0,
    sentencesLost: 0,
    englishParagraphs: 0,
    translationUnits: 0,
    translationsRight: 0,
  };
}

/** Adds `score` into `total`. */
export function addScore(total: IngestScore, score: IngestScore): IngestScore {
  for (const key of Object.keys(total) as (keyof IngestScore)[]) total[key] += score[key];
  return total;
}

/** Sentences of a text, split after 。！？ (closing quotes stay with their sentence). */
export function sentencesOf(text: string): string[] {
  return (text.match(/[^。！？!?]+(?:[。！？!?]+[”’」』）)]*)?/gu) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

const sameMultiset = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

const sameList = (a: readonly string[] | undefined, b: readonly string[]): boolean => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * For each output unit, the truth unit most of its paragraphs belong to (-1 when none does);
 * ties go to the earlier truth unit.
 */
export function majorityUnits(expected: ExpectedIngest, output: readonly IngestedUnit[]): number[] {
  return output.map((unit) => {
    let best = -1;
    let bestCount = 0;
    expected.units.forEach((truth, index) => {
      const own = new Set(truth.paragraphs);
      const count = unit.paragraphs.filter((p) => own.has(p)).length;
      if (count > bestCount) [best, bestCount] = [index, count];
    });
    return best;
  });
}

/**
 * Scores one ingest result against what a variant should yield: units exactly right, paragraphs
 * in a wrong unit, questions paired, unanswered questions recognised, corrupt text kept,
 * sentences lost, English in Chinese paragraphs and translations. Output units are matched to
 * truth units by majority of paragraphs (the output unit with most of the truth unit's
 * paragraphs among those whose majority it is).
 */
export function scoreIngest(expected: ExpectedIngest, output: IngestedTranscript): { score: IngestScore; failed: FailedUnit[] } {
  const score = emptyScore();
  const failed: FailedUnit[] = [];
  const majority = majorityUnits(expected, output.units);
  const owners = new Map<string, Set<number>>();
  expected.units.forEach((unit, index) => unit.paragraphs.forEach((p) => owners.set(p, (owners.get(p) ?? new Set()).add(index))));
  const foreign = new Set(expected.foreign);
  const outputText = output.units.flatMap((unit) => unit.paragraphs).join('\n');
  // The truth's English (translations of paragraphs and questions): a Chinese paragraph holding one is English quoted as Chinese.
  const english = expected.units.flatMap((unit) => [...(unit.translation ?? []), ...(unit.questionTranslation ? [unit.questionTranslation] : [])]);

  expected.units.forEach((truth, index) => {
    score.truthUnits++;
    score.truthParagraphs += truth.paragraphs.length;
    const own = new Set(truth.paragraphs);
    let matched: IngestedUnit | null = null;
    let matchedCount = 0;
    output.units.forEach((unit, o) => {
      const count = unit.paragraphs.filter((p) => own.has(p)).length;
      if (majority[o] === index && count > matchedCount) [matched, matchedCount] = [unit, count];
    });
    const got = matched as IngestedUnit | null;
    const failures: UnitFailure[] = [];
    if (output.units.some((unit) => sameMultiset(unit.paragraphs, truth.paragraphs))) score.exactUnits++;
    else failures.push('paragraphs');
    if (got !== null && got.question === truth.question) score.pairedQuestions++;
    else failures.push('question');
    if (truth.translation !== undefined) {
      score.translationUnits++;
      const right =
        got !== null &&
        sameList(got.translation, truth.translation) &&
        (truth.questionTranslation === undefined || (got.questionTranslation ?? null) === truth.questionTranslation);
      if (right) score.translationsRight++;
      else failures.push('translation');
    }
    for (const sentence of truth.paragraphs.flatMap(sentencesOf)) {
      score.truthSentences++;
      if (!outputText.includes(sentence)) score.sentencesLost++;
    }
    if (failures.length > 0) failed.push({ unit: index, cleanUnit: expected.cleanUnits[index] ?? index, failures, expected: truth, got });
  });

  output.units.forEach((unit, o) => {
    for (const paragraph of unit.paragraphs) {
      const truthOwners = owners.get(paragraph);
      if (truthOwners === undefined || foreign.has(paragraph)) score.foreignKept++;
      else if (!truthOwners.has(majority[o]!)) score.wrongUnitParagraphs++;
      if (english.some((line) => paragraph.includes(line))) score.englishParagraphs++;
    }
  });

  const found = new Set(output.unanswered.map((q) => q.question));
  score.truthUnanswered = expected.unanswered.length;
  score.foundUnanswered = expected.unanswered.filter((q) => found.has(q)).length;
  score.falseUnanswered = output.unanswered.filter((q) => !expected.unanswered.includes(q.question)).length;
  return { score, failed };
}
