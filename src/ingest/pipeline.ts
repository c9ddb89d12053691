import type { Analyzer } from '../text/index.js';
import type { AnswerUnit, SourceMeta, UnansweredQuestion } from '../types.js';
import { alignQuestions, openingStatements, type Alignment } from './align-questions.js';
import { assembleUnits, orderUnits, positionVotes, type PositionVotes } from './assemble-units.js';
import type { TopicOverride } from './label-topics.js';
import { labelTopics } from './label-topics.js';
import { ANSWER_LABELS, bodyOf, parseTranscript, type Block } from './parse-transcript.js';
import { placeByEvidence } from './place-by-evidence.js';
import { removeDuplicates } from './remove-duplicates.js';
import type { ReportAction, ReportEntry } from './report.js';
import { repairSplitParagraphs } from './repair-split-paragraphs.js';
import { readTranscriptWords } from './transcript-words.js';

/** `外交部发言人赵立坚主持例行记者会` → 赵立坚: the speaker a `问/答` transcript names in its lead. */
function speakerNamedInLead(blocks: readonly Block[]): string | null {
  for (const block of blocks) {
    if (block.kind !== 'lead' && block.kind !== 'heading') continue;
    const match = /[发發]言人([\p{Script=Han}·]{2,5}?)(?:主持|答|表示|在)/u.exec(block.text);
    if (match) return match[1]!;
  }
  return null;
}

/** Report actions that show a file was damaged: split, repeated, corrupt or fragmentary paragraphs. */
const DAMAGE = new Set<ReportAction>(['merge-split', 'split-conflict', 'drop-duplicate', 'drop-fragment', 'drop-corrupt', 'near-duplicate', 'drop-question-duplicate']);

/** True when repair or dedupe found damage, or copies of a paragraph stand after different answers. */
function showsDamage(report: readonly ReportEntry[], votes: PositionVotes): boolean {
  return report.some((entry) => DAMAGE.has(entry.action)) || [...votes.values()].some((tally) => tally.size > 1);
}

/** Each answer start's question (ids), as an alignment paired them. */
function questionsByStart(alignment: Alignment): Map<number, number> {
  return new Map(alignment.units.flatMap((unit) => (unit.question === null ? [] : [[unit.start.id, unit.question.id] as const])));
}

/** What is known about a transcript before reading it (all optional but its id). */
export interface SourceInput {
  id: string;
  file?: string;
  date?: string | null;
  event?: string | null;
  speaker?: string | null;
  title?: string | null;
  topics?: TopicOverride[];
}

/** Everything one transcript yields. */
export interface IngestResult {
  source: SourceMeta;
  units: AnswerUnit[];
  unanswered: UnansweredQuestion[];
  report: ReportEntry[];
}

/**
 * Turns one transcript into clean answer units: parse (translations attached, announcements
 * found) → repair split paragraphs → remove duplicates, fragments and corrupt copies → rebuild
 * units by position → place every paragraph by all the evidence → pair questions with units →
 * label topics.
 * Pure and deterministic: the same text, metadata and analyzer always give the same result.
 * Every paragraph of a unit is source text (a repaired one is the exact concatenation of its
 * pieces); the first paragraph is given without its `<speaker>：` label.
 */
export function ingestTranscript(text: string, input: SourceInput, analyzer: Analyzer): IngestResult {
  const parsed = parseTranscript(text, { knownSpeakers: input.speaker ? [input.speaker] : [] });
  const repaired = repairSplitParagraphs(parsed.value.blocks);
  const deduped = removeDuplicates(repaired.value, analyzer);
  const transcript = deduped.value;
  const words = readTranscriptWords(transcript, analyzer);
  const assembled = assembleUnits(transcript);
  // A first pairing on the units as the file places them gives each answer its question's words as evidence.
  const firstPairing = alignQuestions(orderUnits(transcript, assembled.value), transcript, words);
  const votes = positionVotes(transcript);
  const intact = !showsDamage([...repaired.report, ...deduped.report], votes);
  const placed = placeByEvidence(transcript, votes, assembled.value, questionsByStart(firstPairing.value), words, { intact });
  const aligned = alignQuestions(orderUnits(transcript, placed.value), transcript, words, { mutual: true, intact });
  const topics = labelTopics(aligned.value.units, aligned.value.unanswered, analyzer, { overrides: input.topics ?? [], openingStatements: openingStatements(transcript) });

  const named = parsed.value.speakers.filter((name) => !ANSWER_LABELS.has(name));
  const source: SourceMeta = {
    id: input.id,
    file: input.file ?? `${input.id}.txt`,
    date: input.date ?? null,
    event: input.event ?? null,
    speaker: input.speaker ?? named[0] ?? speakerNamedInLead(parsed.value.blocks) ?? null,
    title: input.title ?? null,
    heading: parsed.value.heading,
  };
  // A bilingual source: English lines translate the paragraphs they follow.
  const bilingual = parsed.value.blocks.some((block) => block.translation !== null && block.kind !== 'heading' && block.kind !== 'lead');
  const units: AnswerUnit[] = aligned.value.units.map((unit, index) => ({
    id: `${input.id}#${index + 1}`,
    topic: topics.value.unitTopics[index]!,
    question: unit.question ? bodyOf(unit.question) : null,
    outlet: unit.question?.who ?? null,
    speaker: (unit.start.who !== null && ANSWER_LABELS.has(unit.start.who) ? source.speaker : unit.start.who) ?? source.speaker ?? '',
    source: input.id,
    paragraphs: [bodyOf(unit.start), ...unit.continuations.map((p) => p.text)],
    ...(bilingual
      ? { translation: [unit.start, ...unit.continuations].map((p) => p.translation ?? ''), questionTranslation: unit.question?.translation ?? null }
      : {}),
  }));
  const unanswered: UnansweredQuestion[] = aligned.value.unanswered.map((question, index) => ({
    id: `${input.id}#q${index + 1}`,
    topic: topics.value.unansweredTopics[index]!,
    question: bodyOf(question),
    outlet: question.who,
    source: input.id,
    ...(bilingual ? { questionTranslation: question.translation ?? null } : {}),
  }));
  const report = [parsed, repaired, deduped, assembled, placed, aligned, topics].flatMap((stage) => stage.report);
  return { source, units, unanswered, report };
}
