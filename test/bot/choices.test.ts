import { describe, expect, it } from 'vitest';
import { topicChoiceName } from '../../src/bot/choices.js';
import { suggestTopics, type TopicSuggestion } from '../../src/search/index.js';
import { seedIndex } from '../search/helpers.js';

const LONG_QUESTION = `${'中方'.repeat(60)}？`;

describe('topicChoiceName', () => {
  it.each<[TopicSuggestion, string]>([
    [{ kind: 'unit', id: 's#1', topic: '中美关系', question: '中美关系会恶化吗？' }, '中美关系：中美关系会恶化吗？'],
    [{ kind: 'unit', id: 's#2', topic: '开场致辞', question: null }, '开场致辞'],
    [{ kind: 'unanswered', id: 's#q1', topic: '涉港国安立法', question: '中方是否担心？' }, '〔实录中无回答〕涉港国安立法：中方是否担心？'],
    [{ kind: 'unit', id: 's#3', topic: '中欧关系', question: LONG_QUESTION }, `中欧关系：${'中方'.repeat(47)}…`],
    [{ kind: 'unanswered', id: 's#q2', topic: '中欧关系', question: LONG_QUESTION }, `〔实录中无回答〕中欧关系：${'中方'.repeat(43)}…`],
  ])('topicChoiceName(%j) → %s', (suggestion, name) => {
    expect(topicChoiceName(suggestion)).toBe(name);
  });

  it('GIVEN every topic of the seed index THEN names ≤ 100 characters, an unanswered question marked once, first', () => {
    for (const suggestion of suggestTopics(seedIndex(), '', 1000)) {
      const name = topicChoiceName(suggestion);
      expect(name.length).toBeLessThanOrEqual(100);
      expect(name.split('实录中无回答').length - 1).toBe(suggestion.kind === 'unanswered' ? 1 : 0);
      expect(name.startsWith('〔实录中无回答〕')).toBe(suggestion.kind === 'unanswered');
      expect(name).not.toContain('无答复');
    }
  });
});
