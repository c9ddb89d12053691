import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { suggestLines, timelineOf, wordingDiff, wordsOf } from '../../src/archive/timeline.js';
import { markPart, wordingBlocks } from '../../src/bot/timeline-view.js';
import { decodeCustomId, encodeCustomId, resolveRef, toRef } from '../../src/bot/custom-id.js';
import { createSearchIndex } from '../../src/search/index.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { peninsulaBriefings, peninsulaVersions, REEF_LINE, REEF_LINE_CHANGED, reefBriefings, writeBriefings } from './helpers.js';

const analyzer = createDefaultAnalyzer();
const { index: file } = buildIndex(readSources(writeBriefings([...reefBriefings(), ...peninsulaBriefings()])), PROJECT_ROOT, analyzer);
const index = createSearchIndex(file, analyzer);

describe('wordingDiff', () => {
  it.each([
    ['a word replaced', '中方坚决反对。', '中方坚定反对。', [['same', '中方'], ['dropped', '坚决'], ['added', '坚定'], ['same', '反对。']]],
    ['a clause added', REEF_LINE, REEF_LINE_CHANGED, [['same', REEF_LINE.slice(0, REEF_LINE.indexOf('。'))], ['added', '，也不影响各国依法享有的航行自由'], ['same', REEF_LINE.slice(REEF_LINE.indexOf('。'))]]],
    ['a sentence dropped', '甲方同意。乙方反对。', '甲方同意。', [['same', '甲方同意。'], ['dropped', '乙方反对。']]],
    ['nothing changed', '中方欢迎。', '中方欢迎。', [['same', '中方欢迎。']]],
  ])('GIVEN %s THEN the runs are %j', (_, before, after, expected) => {
    expect(wordingDiff(before, after).map((part) => [part.kind, part.text])).toEqual(expected);
  });

  it('PROPERTY over the drifting line: the kept and added runs give the later wording, the kept and dropped the earlier, and words cut give the text back', () => {
    const versions = peninsulaVersions();
    for (let i = 1; i < versions.length; i++) {
      const parts = wordingDiff(versions[i - 1]!, versions[i]!);
      expect(parts.filter((part) => part.kind !== 'dropped').map((part) => part.text).join('')).toBe(versions[i]);
      expect(parts.filter((part) => part.kind !== 'added').map((part) => part.text).join('')).toBe(versions[i - 1]);
      expect(wordsOf(versions[i]!).join('')).toBe(versions[i]);
    }
  });
});

describe('timelineOf', () => {
  it('GIVEN the line said 5 times with one change THEN two steps: the first wording said 3 times, the changed one 2 times', () => {
    const line = file.lines!.find((candidate) => candidate.occurrences.length === 5)!;
    const timeline = timelineOf(file, line.id)!;
    expect(timeline.steps.map((step) => [step.occurrence.date, step.times, step.until, step.text])).toEqual([
      ['2016-05-10', 3, '2019-03-04', REEF_LINE],
      ['2021-08-16', 2, '2023-02-20', REEF_LINE_CHANGED],
    ]);
    expect(timeline.steps[0]!.parts).toEqual([{ kind: 'same', text: REEF_LINE }]);
    expect(timeline.steps[1]!.parts.filter((part) => part.kind !== 'same')).toEqual([{ kind: 'added', text: '，也不影响各国依法享有的航行自由' }]);
  });

  it('GIVEN an id that is no line THEN undefined', () => {
    expect(timelineOf(file, 'nope')).toBeUndefined();
  });
});

describe('suggestLines', () => {
  it.each([
    ['', ['10', '5']],
    ['半岛', ['10']],
    ['岛礁建设', ['5']],
    ['航行自由', ['5']],
  ])('GIVEN %j typed THEN the lines said %j times', (typed, counts) => {
    expect(suggestLines(index, typed, 25).map((line) => String(line.count))).toEqual(counts);
  });
});

describe('the timeline’s Markdown', () => {
  it.each([
    [{ kind: 'added', text: '也不影响*航行*自由' }, '**也不影响\\*航行\\*自由**'],
    [{ kind: 'dropped', text: '坚决' }, '~~坚决~~'],
    [{ kind: 'added', text: '甲。\n乙。' }, '**甲。**\n**乙。**'],
    [{ kind: 'same', text: '中方' }, '中方'],
  ] as const)('markPart(%j) → %s', (part, expected) => expect(markPart(part)).toBe(expected));

  it('GIVEN a wording longer than a page THEN its blocks each fit, the head first, every mark closed inside its block', () => {
    const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}句话是新增的内容，用来测试分页。`).join('');
    const blocks = wordingBlocks('**2020-01-01**', [{ kind: 'same', text: '开头。' }, { kind: 'added', text: long }], 300);
    expect(blocks.length).toBeGreaterThan(2);
    expect(blocks[0]!.startsWith('**2020-01-01**\n开头。')).toBe(true);
    for (const block of blocks) {
      expect(block.length).toBeLessThanOrEqual(300);
      expect((block.match(/\*\*/gu) ?? []).length % 2).toBe(0);
    }
    expect(blocks.join('').replace(/\*\*/gu, '')).toBe(`2020-01-01\n开头。${long}`);
  });
});

describe('the timeline’s page buttons', () => {
  it('GIVEN a line THEN kj:tl:<page>:<ref> round-trips, and a digest ref resolves to the line', () => {
    const line = file.lines![0]!;
    const action = { kind: 'timeline', ref: toRef(line.id), page: 2 } as const;
    expect(encodeCustomId(action)).toBe(`kj:tl:2:${toRef(line.id)}`);
    expect(decodeCustomId(encodeCustomId(action))).toEqual(action);
    const long = { ...file, lines: [{ ...line, id: `${'长'.repeat(70)}#1` }] };
    expect(resolveRef(long, toRef(long.lines[0]!.id))).toBe(long.lines[0]!.id);
  });
});
