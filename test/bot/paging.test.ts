import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate, splitSentences, type PageSegment } from '../../src/bot/paging.js';

const plain = (segment: PageSegment) => segment.text;

describe('splitSentences', () => {
  it.each([
    ['中方欢迎。美方呢？好', ['中方欢迎。', '美方呢？', '好']],
    ['他说：“好的。”然后……走了！！最后', ['他说：“好的。”', '然后……', '走了！！', '最后']],
    ['Yes. No! ok', ['Yes. ', 'No! ', 'ok']],
    ['甲。 乙。', ['甲。 ', '乙。']],
    ['', []],
  ])('%j → %j', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});

describe('paginate', () => {
  it('GIVEN paragraphs that fit together THEN one page, paragraphs whole', () => {
    expect(paginate(['甲。', '乙。'], 100, plain)).toEqual([[{ paragraph: 0, text: '甲。' }, { paragraph: 1, text: '乙。' }]]);
  });

  it('GIVEN a paragraph that fits a page but not the rest of this one THEN it moves whole to the next page', () => {
    expect(paginate(['甲乙。', '丙丁。'], 5, plain)).toEqual([[{ paragraph: 0, text: '甲乙。' }], [{ paragraph: 1, text: '丙丁。' }]]);
  });

  it('GIVEN a paragraph longer than a page THEN it is split between sentences', () => {
    expect(paginate(['甲乙丙。丁戊己。庚。', '一。'], 6, plain)).toEqual([
      [{ paragraph: 0, text: '甲乙丙。' }],
      [{ paragraph: 0, text: '丁戊己。庚。' }],
      [{ paragraph: 1, text: '一。' }],
    ]);
  });

  it('GIVEN a single sentence longer than a page THEN it is split between clauses', () => {
    expect(paginate(['甲乙，丙丁，戊己。'], 4, plain)).toEqual([[{ paragraph: 0, text: '甲乙，' }], [{ paragraph: 0, text: '丙丁，' }], [{ paragraph: 0, text: '戊己。' }]]);
  });

  it('GIVEN the render adds markup THEN the rendered length is what is measured', () => {
    const marked = (segment: PageSegment) => `▶ **${segment.text}**`;
    const pages = paginate(['甲乙。', '丙丁。'], 12, marked);
    expect(pages).toHaveLength(2);
  });

  // Sentences as in transcripts: start with a word, may hold spaces, end with a terminator.
  const sentence = fc
    .tuple(
      fc.constantFrom('中', '美', 'a', '1'),
      fc.string({ unit: fc.constantFrom('中', '美', '关', '系', 'a', '1', ' ', '，'), maxLength: 120 }),
      fc.constantFrom('。', '！', '？', '；', '……', '。”'),
    )
    .map(([first, body, end]) => first + body + end);
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 12 });

  it('GIVEN random paragraphs and budgets THEN no page is over budget, nothing is lost, and cuts fall only between sentences', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 10 }), fc.integer({ min: 140, max: 4096 }), (sentencesByParagraph, budget) => {
        const paragraphs = sentencesByParagraph.map((sentences) => sentences.join(''));
        const render = (segment: PageSegment) => `▶ **${segment.text}**`;
        const pages = paginate(paragraphs, budget, render);
        for (const page of pages) {
          expect(page.map(render).join('\n\n').length).toBeLessThanOrEqual(budget);
        }
        paragraphs.forEach((text, index) => {
          const segments = pages.flat().filter((segment) => segment.paragraph === index);
          expect(segments.map((segment) => segment.text).join('')).toBe(text);
          const boundaries = new Set<number>();
          let at = 0;
          for (const sentence of sentencesByParagraph[index]!) boundaries.add((at += sentence.length));
          let cut = 0;
          for (const segment of segments.slice(0, -1)) {
            cut += segment.text.length;
            expect(boundaries.has(cut)).toBe(true);
          }
          // A paragraph that fits on one page is never split.
          if (render({ paragraph: index, text }).length <= budget) expect(segments).toHaveLength(1);
        });
      }),
      { numRuns: 3000 },
    );
  });
});
