import { describe, expect, it } from 'vitest';
import { alignEditions, chineseNumbers, englishNumbers, readEnglishTranscript } from '../../src/archive/align-editions.js';
import { formatArchiveReport } from '../../src/archive/build-report.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { englishPieces } from '../../src/archive/translation.js';
import { renderAnswer } from '../../src/bot/answer-view.js';
import { archiveMessages } from '../../src/messages.js';
import { formatAnswerText } from '../../src/present/text.js';
import { answerQuestion, createSearchIndex } from '../../src/search/index.js';
import { englishText, SUMMIT_EN, SUMMIT_ZH, writeBothEditions } from './helpers.js';

const analyzer = createDefaultAnalyzer();
const DATE = '2023-06-05';
const ID = `${DATE}-regular-press-conference-zh`;

describe('readEnglishTranscript', () => {
  it('GIVEN the English edition THEN its exchanges: the outlet, the question, the answer’s paragraphs without the labels', () => {
    expect(readEnglishTranscript(englishText(DATE, SUMMIT_EN), 'Lin Ming')).toEqual(SUMMIT_EN.map(([outlet, question, answer]) => ({ outlet, question, answer })));
  });

  it.each([
    ['an announcement before the first question is no exchange', 'Title\n\nAt the invitation of the Chinese side, the minister will visit.\n\nAFP: Will China attend?\n\nLin Ming: No.', [{ outlet: 'AFP', question: 'Will China attend?', answer: ['No.'] }]],
    ['Q: and A: labels', 'Title\n\nQ: Any comment?\n\nA: We noted it.\n\nMore.', [{ outlet: null, question: 'Any comment?', answer: ['We noted it.', 'More.'] }]],
    ['a question left without an answer', 'Title\n\nCCTV: First?\n\nLin Ming: One.\n\nAFP: Second?', [{ outlet: 'CCTV', question: 'First?', answer: ['One.'] }, { outlet: 'AFP', question: 'Second?', answer: [] }]],
    ['a title before the speaker’s name', 'Title\n\nReuters: Why?\n\nSpokesperson Lin Ming: Because.', [{ outlet: 'Reuters', question: 'Why?', answer: ['Because.'] }]],
  ])('GIVEN %s THEN %j', (_, text, expected) => expect(readEnglishTranscript(text, 'Lin Ming')).toEqual(expected));
});

describe('numbers as values', () => {
  it.each([
    ['中方已向非洲30多个国家提供了120万剂疫苗', ['1200000', '30']],
    ['仅口罩就出口了568亿只', ['56800000000']],
    ['新西兰外长将于5月22日至24日访华', ['22', '24']],
    ['2024年', ['2024']],
  ])('Chinese %s → %j', (text, values) => expect(chineseNumbers(text)).toEqual(values));
  it.each([
    ['1.2 million vaccine doses to more than 30 African countries', ['1200000', '30']],
    ['56.8 billion masks', ['56800000000']],
    ['from May 22 to 24', ['22', '24']],
    ['1,200 people in 2024', ['1200', '2024']],
  ])('English %s → %j', (text, values) => expect(englishNumbers(text)).toEqual(values));
});

/** Builds both editions (the English one given as exchanges) and returns the built index and its report. */
function buildPair(english: [string, string, string[]][]) {
  const dir = writeBothEditions(DATE, SUMMIT_ZH, english);
  return buildIndex(readSources(dir), dir, analyzer);
}

describe('GIVEN a briefing in both editions', () => {
  it.each([
    ['the two editions alike', SUMMIT_EN, [0, 1, 2, 3], []],
    ['an English edition without the third exchange', SUMMIT_EN.filter(([outlet]) => outlet !== 'AFP'), [0, 1, null, null], [`  left out ${ID}#4: nothing but the order supports it, and the editions do not align one to one`, `  left out ${ID}#3: no English answer aligned with it`]],
    [
      'an English edition whose figure differs',
      SUMMIT_EN.map(([outlet, question, answer]) => [outlet, question, answer.map((p) => p.replace('1.2 million', '1.3 million'))] as [string, string, string[]]),
      [0, null, 2, 3],
      [`  left out ${ID}#2: numbers differ (1200000, 1200000, 30 against 1200000, 1300000, 30 in English)`],
    ],
    [
      'an English edition that joins two paragraphs',
      SUMMIT_EN.map(([outlet, question, answer], i) => [outlet, question, i === 0 ? [answer.join(' ')] : answer] as [string, string, string[]]),
      [null, 1, 2, null],
      [`  left out ${ID}#1: 2 paragraph(s) against 1 in English`, `  left out ${ID}#4: nothing but the order supports it, and the editions do not align one to one`],
    ],
  ] as [string, [string, string, string[]][], (number | null)[], string[]][])(
    'WHEN %s THEN only the certain pairs get their translation (never another answer’s), the rest is reported',
    (_, english, expected, leftOut) => {
      const built = buildPair(english);
      expect(built.index.units.map((unit) => (unit.translation === undefined ? null : SUMMIT_EN.findIndex(([, , answer]) => answer[0] === unit.translation![0])))).toEqual(expected);
      for (const unit of built.index.units) {
        if (unit.translation === undefined) continue;
        const [, question, answer] = SUMMIT_EN.find(([, , paragraphs]) => paragraphs[0] === unit.translation![0])!;
        expect(unit.translation).toEqual(answer);
        expect(unit.questionTranslation).toBe(question);
        expect(unit.translation).toHaveLength(unit.paragraphs.length);
      }
      expect(formatArchiveReport(built).split('\n').filter((line) => line.startsWith('  '))).toEqual(leftOut);
    },
  );

  it('WHEN aligned THEN the Chinese text is untouched: only translation and questionTranslation are added', () => {
    const built = buildPair(SUMMIT_EN);
    const alone = alignEditions({ units: built.index.units, unanswered: [] }, { text: englishText(DATE, SUMMIT_EN), speaker: 'Lin Ming' }, analyzer);
    for (const [i, unit] of alone.units.entries()) {
      const { translation, questionTranslation, ...chinese } = unit;
      expect(chinese.paragraphs).toEqual(SUMMIT_ZH[i]!.paragraphs);
      expect(chinese.question).toBe(SUMMIT_ZH[i]!.question);
      expect(translation).toEqual(SUMMIT_EN[i]![2]);
      expect(questionTranslation).toBe(SUMMIT_EN[i]![1]);
    }
  });
});

describe('GIVEN the aligned pair in the index', () => {
  const built = buildPair(SUMMIT_EN);
  const index = createSearchIndex(built.index, analyzer);

  it('WHEN the question is English THEN the Chinese quote comes with the official English of the marked paragraph, in the text output and in Discord', () => {
    const answer = answerQuestion(index, 'vaccines Africa');
    expect(answer.answer!.unitId).toBe(`${ID}#2`);
    const english = `${archiveMessages.officialEnglish}：${SUMMIT_EN[1]![2][0]}`;
    expect(formatAnswerText(answer, built.index).split('\n')).toContain(english);
    expect(renderAnswer(index, answer, { publishable: false, votable: false }).embeds![0]!.fields).toEqual([{ name: archiveMessages.officialEnglish, value: SUMMIT_EN[1]![2][0] }]);
  });

  it('WHEN the question is Chinese THEN no English is added', () => {
    const answer = answerQuestion(index, '中方向非洲提供疫苗');
    expect(answer.answer!.unitId).toBe(`${ID}#2`);
    expect(formatAnswerText(answer, built.index)).not.toContain(archiveMessages.officialEnglish);
    expect(renderAnswer(index, answer, { publishable: false, votable: false }).embeds![0]!.fields).toBeUndefined();
  });
});

describe('englishPieces', () => {
  it.each([
    ['One. Two.', 5, ['One. ', 'Two.']],
    ['One. Two.', 20, ['One. Two.']],
    ['A very long sentence without end', 10, ['A very ', 'long ', 'sentence ', 'without ', 'end']],
  ])('%j at most %i → %j', (text, max, pieces) => {
    expect(englishPieces(text, max)).toEqual(pieces);
    expect(englishPieces(text, max).join('')).toBe(text);
  });
});
