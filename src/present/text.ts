import type { Answer, IndexFile } from '../types.js';
import { describeSpeech, findSource } from './attribution.js';

/**
 * Plain-text rendering of an Answer for people: the `ask` CLI without --json and the console
 * mode. Paragraphs and questions are printed as they are in the source, character for character.
 */

/** Every label and message of the text rendering, Chinese first. */
export const TEXT_LABELS = Object.freeze({
  reporterAsked: '记者问',
  noReporterQuestion: '（记录中没有这段回答对应的提问）',
  answered: '答',
  bestMarker: '▶ ',
  otherMarker: '  ',
  source: '出处',
  confidence: '匹配度',
  related: '相关话题',
  closest: '最接近的话题',
  unanswered: '记录中有记者问过这个问题，但发言人没有作答，因此没有可引用的官方答复。',
  unansweredQuestion: '当时的提问',
  noMatch: '没有找到能回答这个问题的官方表态。',
  noMatchHint: '可以换个说法，或者问更具体的外交话题。',
});

/** ——王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24（出处：file.txt） */
function attribution(file: IndexFile, speaker: string, sourceId: string): string {
  const fileName = findSource(file, sourceId)?.file ?? sourceId;
  return `——${describeSpeech(file, { speaker, source: sourceId })}（${TEXT_LABELS.source}：${fileName}）`;
}

function topicList(answer: Answer): string {
  return answer.alternatives.map((alternative) => alternative.topic).join('、');
}

/**
 * Renders an answer as text a person reads in a terminal.
 * - `answered`: 【topic】, the reporter's question (with the outlet when known), the speaker,
 *   every paragraph with the most relevant one marked ▶, the attribution (speaker, title,
 *   event, date, source file), the confidence and related topics;
 * - `unanswered`: says the transcript holds the question but no answer, and shows the question;
 * - `no_match`: says so honestly, with the closest topics when there are any.
 *
 * @example formatAnswerText(answerQuestion(index, '谎言录'), index.file).split('\n')[0] // → '【中美关系】'
 */
export function formatAnswerText(answer: Answer, file: IndexFile): string {
  const lines: string[] = [];
  if (answer.status === 'answered' && answer.answer) {
    const hit = answer.answer;
    const unit = file.units.find((candidate) => candidate.id === hit.unitId);
    lines.push(`【${hit.topic}】`);
    if (hit.reporterQuestion) {
      const outlet = unit?.outlet ? `（${unit.outlet}）` : '';
      lines.push(`${TEXT_LABELS.reporterAsked}${outlet}：${hit.reporterQuestion}`);
    } else {
      lines.push(TEXT_LABELS.noReporterQuestion);
    }
    const title = findSource(file, hit.source)?.title;
    lines.push(`${hit.speaker}${title ? `（${title}）` : ''}${TEXT_LABELS.answered}：`);
    hit.paragraphs.forEach((paragraph, i) => {
      lines.push(`${i === hit.bestParagraph ? TEXT_LABELS.bestMarker : TEXT_LABELS.otherMarker}${paragraph}`);
    });
    lines.push(attribution(file, hit.speaker, hit.source));
    lines.push(`${TEXT_LABELS.confidence}：${hit.confidence.toFixed(2)}`);
    if (answer.alternatives.length > 0) lines.push(`${TEXT_LABELS.related}：${topicList(answer)}`);
    return lines.join('\n');
  }
  if (answer.status === 'unanswered') {
    lines.push(TEXT_LABELS.unanswered);
    if (answer.unansweredQuestion) {
      const recorded = file.unanswered.find((question) => question.question === answer.unansweredQuestion);
      const outlet = recorded?.outlet ? `（${recorded.outlet}）` : '';
      lines.push(`${TEXT_LABELS.unansweredQuestion}${outlet}：${answer.unansweredQuestion}`);
      if (recorded) {
        const source = findSource(file, recorded.source);
        const where = [source?.event, source?.date].filter(Boolean).join('，');
        lines.push(`——${where ? `${where}（${TEXT_LABELS.source}：${source?.file ?? recorded.source}）` : `${TEXT_LABELS.source}：${recorded.source}`}`);
      }
    }
    if (answer.alternatives.length > 0) lines.push(`${TEXT_LABELS.related}：${topicList(answer)}`);
    return lines.join('\n');
  }
  lines.push(TEXT_LABELS.noMatch);
  if (answer.alternatives.length > 0) lines.push(`${TEXT_LABELS.closest}：${topicList(answer)}`);
  else lines.push(TEXT_LABELS.noMatchHint);
  return lines.join('\n');
}
