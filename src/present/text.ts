import { archiveMessages, messages } from '../messages.js';
import { officialEnglish } from '../archive/translation.js';
import type { Answer, IndexFile } from '../types.js';
import { describeAbstention } from './abstention.js';
import { describeSpeech, findSource } from './attribution.js';

/**
 * Plain-text rendering of an Answer for people: the `ask` CLI without --json and the console
 * mode. Paragraphs and questions are printed as they are in the source, character for character;
 * every other word comes from src/messages.ts, worded as the Discord reply words it.
 */

/** Before the paragraphs that are not the best one: as wide as `messages.bestMark`, so the text lines up. */
const OTHER_MARK = ' '.repeat(messages.bestMark.length);

/** `—— 王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24（来源：file.txt）` */
function attribution(file: IndexFile, speaker: string | null, sourceId: string): string {
  const fileName = findSource(file, sourceId)?.file ?? sourceId;
  return `${messages.attribution(describeSpeech(file, { speaker, source: sourceId }))}（${messages.sourceLabel(fileName)}）`;
}

function relatedTopics(answer: Answer): string[] {
  return answer.alternatives.length === 0 ? [] : [messages.relatedTopics(answer.alternatives.map((alternative) => alternative.topic))];
}

/**
 * Renders an answer as text a person reads in a terminal.
 * - `answered`: 【topic】, the reporter's question (with the outlet when known), the speaker,
 *   every paragraph with the most relevant one marked ▶, the attribution (speaker, title,
 *   event, date, source file), the confidence and related topics;
 * - `unanswered`: says the transcript holds the question but no answer, shows the question and
 *   where it was asked;
 * - `no_match`: says why there is no quote and what could be offered instead (describeAbstention).
 *
 * @example formatAnswerText(answerQuestion(index, '谎言录'), index.file).split('\n')[0] // → '【中美关系】'
 */
export function formatAnswerText(answer: Answer, file: IndexFile): string {
  if (answer.status === 'answered' && answer.answer !== null) {
    const hit = answer.answer;
    const unit = file.units.find((candidate) => candidate.id === hit.unitId);
    return [
      messages.topicHeading(hit.topic),
      hit.reporterQuestion === null ? messages.noReporterQuestion : `${messages.reporterAsked(unit?.outlet ?? null)}：${hit.reporterQuestion}`,
      messages.speakerAnswered(hit.speaker, findSource(file, hit.source)?.title ?? null),
      ...hit.paragraphs.map((paragraph, i) => `${i === hit.bestParagraph ? messages.bestMark : OTHER_MARK}${paragraph}`),
      ...(answer.analysis?.english === true && unit !== undefined && officialEnglish(unit, hit.bestParagraph) !== null
        ? [`${archiveMessages.officialEnglish}：${officialEnglish(unit, hit.bestParagraph)}`]
        : []),
      attribution(file, hit.speaker, hit.source),
      ...(answer.occurrences === undefined ? [] : [archiveMessages.occurrences(answer.occurrences)]),
      ...(answer.outsidePeriod === undefined || answer.period === undefined
        ? []
        : [archiveMessages.outsidePeriod(answer.period.from, answer.period.to, answer.outsidePeriod.date)]),
      messages.confidence(hit.confidence),
      ...relatedTopics(answer),
    ].join('\n');
  }
  if (answer.status === 'unanswered' && answer.unansweredQuestion !== null) {
    const recorded = file.unanswered.find((question) => question.question === answer.unansweredQuestion);
    return [
      messages.unanswered(recorded?.outlet ?? null, answer.unansweredQuestion),
      ...(recorded === undefined ? [] : [attribution(file, null, recorded.source)]),
      ...relatedTopics(answer),
    ].join('\n');
  }
  return describeAbstention(answer).join('\n');
}
