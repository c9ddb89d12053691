import type { Analyzer } from '../text/index.js';
import type { AnswerUnit, SourceMeta, UnansweredQuestion } from '../types.js';
import { alignQuestions } from './align-questions.js';
import { assembleUnits, orderUnits } from './assemble-units.js';
import { refineByTopic } from './refine-by-topic.js';
import type { TopicOverride } from './label-topics.js';
import { labelTopics } from './label-topics.js';
import { ANSWER_LABELS, bodyOf, parseTranscript, type Block } from './parse-transcript.js';
import { removeDuplicates } from './remove-duplicates.js';
import type { ReportEntry } from './report.js';
import { repairSplitParagraphs } from './repair-split-paragraphs.js';


/** `外交部发言人赵立坚主持例行记者会` → 赵立坚: the speaker a `问/答` transcript names in its lead. */
function speakerNamedInLead(blocks: readonly Block[]): string | null {
  for (const block of blocks) {
    if (block.kind !== 'lead' && block.kind !== 'heading') continue;
    const match = /[发發]言人([\p{Script=Han}·]{2,5}?)(?:主持|答|表示|在)/u.exec(block.text);
    if (match) return match[1]!;
  }
  return null;
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
 * Turns one transcript into clean answer units: parse → repair split paragraphs → remove
 * duplicates, fragments and corrupt copies → rebuild units → move paragraphs by topic → align
 * questions → label topics.
 * Pure and deterministic: the same text, metadata and analyzer always give the same result.
 * Every paragraph of a unit is source text (a repaired one is the exact concatenation of its
 * pieces); the first paragraph is given without its `<speaker>：` label.
 */
export function ingestTranscript(text: string, input: SourceInput, analyzer: Analyzer): IngestResult {
  const parsed = parseTranscript(text, { knownSpeakers: input.speaker ? [input.speaker] : [] });
  const repaired = repairSplitParagraphs(parsed.value.blocks);
  const deduped = removeDuplicates(repaired.value);
  const assembled = assembleUnits(deduped.value);
  const { sequence, paragraphs } = deduped.value;
  const firstQuestion = sequence.findIndex((id) => paragraphs[id]!.kind === 'question');
  const openingStatements = new Set(
    assembled.value.filter((unit) => firstQuestion < 0 || sequence.lastIndexOf(unit.start.id) < firstQuestion).map((unit) => unit.start.id),
  );
  // Pair questions by position and content, move paragraphs by topic, then pair again on the final units.
  const firstAlignment = alignQuestions(assembled.value, deduped.value);
  const refined = refineByTopic(firstAlignment.value.units, deduped.value, openingStatements, analyzer);
  const aligned = alignQuestions(orderUnits(deduped.value, refined.value), deduped.value);
  const topics = labelTopics(aligned.value.units, aligned.value.unanswered, analyzer, { overrides: input.topics ?? [], openingStatements });

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
  const units: AnswerUnit[] = aligned.value.units.map((unit, index) => ({
    id: `${input.id}#${index + 1}`,
    topic: topics.value.unitTopics[index]!,
    question: unit.question ? bodyOf(unit.question) : null,
    outlet: unit.question?.who ?? null,
    speaker: (unit.start.who !== null && ANSWER_LABELS.has(unit.start.who) ? source.speaker : unit.start.who) ?? source.speaker ?? '',
    source: input.id,
    paragraphs: [bodyOf(unit.start), ...unit.continuations.map((p) => p.text)],
  }));
  const unanswered: UnansweredQuestion[] = aligned.value.unanswered.map((question, index) => ({
    id: `${input.id}#q${index + 1}`,
    topic: topics.value.unansweredTopics[index]!,
    question: bodyOf(question),
    outlet: question.who,
    source: input.id,
  }));
  const report = [parsed, repaired, deduped, assembled, refined, aligned, topics].flatMap((stage) => stage.report);
  return { source, units, unanswered, report };
}
