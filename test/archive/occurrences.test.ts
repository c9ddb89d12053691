import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { quoteLatestOccurrence, summarizeOccurrences } from '../../src/archive/occurrences.js';
import { answerQuestion, createSearchIndex } from '../../src/search/index.js';
import { renderAnswer } from '../../src/bot/answer-view.js';
import { formatAnswerText } from '../../src/present/text.js';
import { archiveMessages } from '../../src/messages.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import type { Answer } from '../../src/types.js';
import { REEF_DATES, REEF_QUESTIONS, reefBriefings, writeBriefings } from './helpers.js';

const analyzer = createDefaultAnalyzer();
const { index: file } = buildIndex(readSources(writeBriefings(reefBriefings())), PROJECT_ROOT, analyzer);
const index = createSearchIndex(file, analyzer);
const unitOf = (date: string) => `${date}-regular#2`;

/** An answer quoting the reef line's unit of `date`, as the search would give it, read with these weighted words. */
function answerAt(date: string, terms: [string, number][]): Answer {
  const unit = index.unitsById.get(unitOf(date))!;
  return {
    question: '…',
    status: 'answered',
    answer: { unitId: unit.id, topic: unit.topic, reporterQuestion: unit.question, speaker: unit.speaker, source: unit.source, paragraphs: unit.paragraphs, bestParagraph: 0, confidence: 0.9 },
    unansweredQuestion: null,
    alternatives: [{ unitId: unitOf('2023-02-20'), topic: '南海', confidence: 0.5 }],
    analysis: { intent: { kind: 'position' }, framing: [], terms: terms.map(([term, weight]) => ({ term, weight })), english: false },
  };
}

describe('quoteLatestOccurrence', () => {
  it('GIVEN the 2016 time of a line and words every time covers THEN the 2023 time is quoted, its paragraph marked, and said 5 times', () => {
    const moved = quoteLatestOccurrence(index, answerAt('2016-05-10', [['南沙', 1], ['岛礁', 1]]));
    expect(moved.answer).toMatchObject({ unitId: unitOf('2023-02-20'), source: '2023-02-20-regular', reporterQuestion: REEF_QUESTIONS[4], bestParagraph: 0, confidence: 0.9 });
    expect(moved.answer!.paragraphs).toEqual(index.unitsById.get(unitOf('2023-02-20'))!.paragraphs);
    expect(moved.alternatives).toEqual([]);
    expect(moved.occurrences).toEqual({ line: `${unitOf('2016-05-10')}¶1`, scope: 'paragraph', count: 5, first: '2016-05-10', last: '2023-02-20', quoted: '2023-02-20', chosen: 'latest' });
  });

  it('GIVEN words only the 2016 reporter question holds THEN the 2016 time stays, chosen for relevance', () => {
    const kept = quoteLatestOccurrence(index, answerAt('2016-05-10', [['岛礁', 1], ['继续', 1]]));
    expect(kept.answer!.unitId).toBe(unitOf('2016-05-10'));
    expect(kept.occurrences).toMatchObject({ scope: 'answer', count: 5, quoted: '2016-05-10', chosen: 'relevance' });
  });

  it('GIVEN an asked period of 2017–2019 THEN the most recent time within it is quoted', () => {
    const within = quoteLatestOccurrence(index, answerAt('2016-05-10', [['岛礁', 1]]), { accept: (date) => date !== null && date >= '2017' && date < '2020' });
    expect(within.answer!.unitId).toBe(unitOf('2019-03-04'));
    expect(within.occurrences).toMatchObject({ quoted: '2019-03-04', last: '2023-02-20', chosen: 'relevance' });
  });

  it('GIVEN an answer said once, or no answer THEN it is returned as it is', () => {
    const once = { ...answerAt('2016-05-10', [['岛礁', 1]]), answer: { ...answerAt('2016-05-10', [])!.answer!, unitId: '2016-05-10-regular#1' } };
    expect(quoteLatestOccurrence(index, once)).toBe(once);
    const none: Answer = { question: '诗', status: 'no_match', answer: null, unansweredQuestion: null, alternatives: [] };
    expect(quoteLatestOccurrence(index, none)).toBe(none);
  });
});

describe('GIVEN the archive of five briefings', () => {
  it('WHEN a question names no reporter question’s particulars THEN answerQuestion quotes the most recent time', () => {
    const answer = answerQuestion(index, '南沙岛礁建设');
    expect(answer.answer?.unitId).toBe(unitOf('2023-02-20'));
    expect(answer.occurrences).toMatchObject({ count: 5, chosen: 'latest' });
  });

  it.each(REEF_DATES.slice(0, 4).map((date, i) => [date, REEF_QUESTIONS[i]!]))(
    'WHEN the question is the reporter’s question of %s THEN that time is quoted, and every front end says so with the span',
    (date, question) => {
      const answer = answerQuestion(index, question);
      expect(answer.answer?.unitId).toBe(unitOf(date));
      const note = `这一回答在记录中说过 5 次（2016-05-10 至 2023-02-20），此处引用 ${date} 的一次（更贴合问题），最近一次在 2023-02-20。`;
      expect(archiveMessages.occurrences(answer.occurrences!)).toBe(note);
      expect(formatAnswerText(answer, file).split('\n')).toContain(note);
      expect(renderAnswer(index, answer, { publishable: true, votable: false }).embeds![0]!.footer!.text.split('\n')).toContain(note);
    },
  );

  it('WHEN a unit is shown without a question (/topic) THEN its note is the same', () => {
    expect(summarizeOccurrences(file, unitOf('2023-02-20'), null)).toBeUndefined();
    expect(summarizeOccurrences(file, unitOf('2023-02-20'), 0)).toMatchObject({ scope: 'paragraph', chosen: 'latest' });
    expect(summarizeOccurrences(file, unitOf('2019-03-04'), null)).toMatchObject({ scope: 'answer', chosen: 'relevance', quoted: '2019-03-04' });
  });
});
