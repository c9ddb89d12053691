import { archiveMessages, messages } from '../messages.js';
import { normalizeForMatching } from '../text/index.js';
import type { Answer } from '../types.js';

/** Most topics an abstention offers instead of an answer. */
export const MAX_OFFERED_TOPICS = 3;

/**
 * Why an answer that is not `answered` gives no quote, and what can be offered instead, as the
 * lines every front end shows (the Discord reply, the console, `npm run ask`):
 * - another party's view asked (`other_party_view`): the record holds only the Chinese side's
 *   statements, and its statements on the nearest topics are offered;
 * - a fact the record does not state (`fact_not_stated`): which kind of fact is missing, and the
 *   statement on the subject;
 * - whether someone will do something the record does not speak of (`action_not_stated`): that
 *   action, and the statement on the subject;
 * - what a question asks of an event, where the record does not speak of it (`detail_not_stated`):
 *   the words asked, and the statement on the subject;
 * - too vague (`too_vague`) or nothing to look up (`empty_question`): ask something more specific;
 * - anything else: the plain no-match message, with the nearest topics or a hint.
 * `topicHint` follows a list of topics (Discord: where to read them).
 *
 * @example describeAbstention(answerQuestion(index, '俄罗斯对中俄关系怎么看'))
 * // → ['实录中只有中方的表态，没有俄罗斯的看法。', '可以提供中方在相近话题上的表态：中俄关系']
 */
export function describeAbstention(answer: Answer, options: { topicHint?: string } = {}): string[] {
  const topics = [...new Set(answer.alternatives.map((alternative) => alternative.topic))].slice(0, MAX_OFFERED_TOPICS);
  const offer = (line: (topics: readonly string[]) => string): string[] => (topics.length === 0 ? [] : [`${line(topics)}${options.topicHint ?? ''}`]);
  const intent = answer.analysis?.intent;
  switch (answer.decision?.reason) {
    case 'other_party_view':
      return [messages.otherPartyView(partyAsTyped(answer.question, intent?.party ?? '')), ...offer(messages.chinaSideOn)];
    case 'fact_not_stated':
      return [messages.factNotStated(intent?.fact), ...offer(messages.statementOn)];
    case 'action_not_stated':
      return [messages.actionNotStated(answer.analysis?.whether?.action ?? ''), ...offer(messages.statementOn)];
    case 'detail_not_stated':
      return [messages.detailNotStated(answer.analysis?.asked ?? []), ...offer(messages.statementOn)];
    case 'too_vague':
      return [messages.tooVague, ...offer(messages.closestTopics)];
    case 'empty_question':
      return [messages.noTopicWords];
    default:
      return [answer.period === undefined ? messages.noMatch : archiveMessages.noMatchInPeriod(answer.period.from, answer.period.to), ...(topics.length === 0 ? [messages.noMatchHint] : offer(messages.closestTopics))];
  }
}

/**
 * The party as the user typed it: the analysis names it folded (simplified, lower case), so the
 * span of the question that folds to it is shown instead; the folded form when none does.
 * `partyAsTyped('How did the US respond?', 'the us')` → `'the US'`; `partyAsTyped('俄羅斯怎麼看', '俄罗斯')` → `'俄羅斯'`.
 */
export function partyAsTyped(question: string, party: string): string {
  if (party === '') return '';
  const characters = [...question];
  const length = [...party].length;
  for (let start = 0; start + length <= characters.length; start++) {
    const span = characters.slice(start, start + length).join('');
    if (normalizeForMatching(span) === party) return span;
  }
  return party;
}
