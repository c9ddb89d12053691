import type { TopicSuggestion } from '../search/index.js';
import { messages } from '../messages.js';
import { truncate } from './answer-view.js';
import { MAX_CHOICE_LENGTH } from './custom-id.js';

/**
 * The name of a `/topic` autocomplete choice (at most Discord's 100 characters): the topic and the
 * reporter's question; a question recorded without an answer is marked once, first, so
 * shortening keeps the mark.
 * `{ kind: 'unanswered', topic: '涉港国安立法', question: '中国决定推进…' }` → `〔实录中无回答〕涉港国安立法：中国决定推进…`
 */
export function topicChoiceName(suggestion: TopicSuggestion): string {
  const label = messages.topicChoice(suggestion.topic, suggestion.question);
  return truncate(suggestion.kind === 'unanswered' ? messages.unansweredTopicChoice(label) : label, MAX_CHOICE_LENGTH);
}
