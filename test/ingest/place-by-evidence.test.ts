import { describe, expect, it } from 'vitest';
import { bestAssignment } from '../../src/ingest/best-assignment.js';
import { groupLists } from '../../src/ingest/list-groups.js';
import { parseTranscript } from '../../src/ingest/parse-transcript.js';
import { ingestTranscript } from '../../src/ingest/pipeline.js';
import { askedWords, continuesOwnList, decidePlacement, fillsGap, homeFitBonus, interruptsList, listEvidence, PLACEMENT, placementScore, pointsApart, positionEvidence, topicEvidence, wordShare, type Evidence } from '../../src/ingest/place-by-evidence.js';
import { listLabel } from '../../src/ingest/list-structure.js';
import { keptParagraphs, removeDuplicates } from '../../src/ingest/remove-duplicates.js';
import { repairSplitParagraphs } from '../../src/ingest/repair-split-paragraphs.js';
import { readTranscriptWords } from '../../src/ingest/transcript-words.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();
const dedupe = (text: string) => removeDuplicates(repairSplitParagraphs(parseTranscript(text, { knownSpeakers: ['王毅'] }).value.blocks).value, analyzer).value;

describe('positionEvidence', () => {
  it.each([
    ['every copy after answer 1', [new Map([[1, 3]])], 1, PLACEMENT.position],
    ['every copy after answer 1, asked about 2', [new Map([[1, 3]])], 2, 0],
    ['two copies of three after answer 1', [new Map([[1, 2], [2, 1]])], 1, (PLACEMENT.position * 2) / 3],
    ['a group of two paragraphs, one split', [new Map([[1, 1]]), new Map([[1, 1], [2, 1]])], 1, (PLACEMENT.position * 1.5) / 2],
    ['no copy after any answer', [undefined], 1, 0],
  ])('GIVEN %s THEN it is worth %s', (_, tallies, start, expected) => {
    expect(positionEvidence(tallies, start)).toBeCloseTo(expected, 10);
  });
});

describe('homeFitBonus', () => {
  it.each([
    ['its words fit where it stands well above the other answers', 3, [0, 2], (PLACEMENT.homeFit - 1) * 2],
    ['its words fit where it stands no better than the others on average (a moved paragraph)', 1, [0, 2], 0],
    ['its words fit where it stands worse than the others', 0.5, [0, 2], 0],
    ['no other answer', 2, [], (PLACEMENT.homeFit - 1) * 2],
  ])('GIVEN %s THEN it adds %s', (_, fit, otherFits, expected) => {
    expect(homeFitBonus(fit, otherFits)).toBeCloseTo(expected, 10);
  });
});

describe('pointsApart', () => {
  it.each([
    ['the first fits its own answer best, the second another', 1, 2, 1, true],
    ['the second fits its own answer best, the first another', 3, 1, 1, true],
    ['the first shares no telling word with any answer, the second fits its own', null, 1, 1, true],
    ['both fit the same other answer best (a stretch copied in)', 2, 2, 1, false],
    ['they fit two other answers best (a stretch saying little)', 2, 3, 1, false],
    ['one fits another answer, the other shares no telling word', 2, null, 1, false],
    ['both fit their own answer best', 1, 1, 1, false],
  ])('GIVEN %s THEN pointing apart is %s', (_, bestA, bestB, stands, expected) => {
    expect(pointsApart(bestA, bestB, stands)).toBe(expected);
  });
});

describe('wordShare', () => {
  const openings = new Set([0]);
  it.each([
    ['an opening statement the group does not stand in (it previews the answers after it)', 0, 5, PLACEMENT.openingWords],
    ['the opening statement the group stands in', 0, 0, 1],
    ['an answer to a question', 5, 0, 1],
    ['an answer to a question, for a group that follows no answer start', 5, null, 1],
    ['an opening statement, for a group that follows no answer start', 0, null, PLACEMENT.openingWords],
  ])('GIVEN %s THEN its words count %s', (_, start, stands, expected) => {
    expect(wordShare(start, stands, openings)).toBe(expected);
  });
});

describe('topicEvidence', () => {
  it.each([
    ['a file showing no paste at all', 0, false, false, PLACEMENT.clearTopic],
    ['a file whose only sign of pasting is a moved answer start', 0, true, false, PLACEMENT.topic],
    ['a file with one paragraph whose copies disagree', 1, false, false, 0],
    ['a file with two such paragraphs and a moved answer start', PLACEMENT.pastedForTopic - 1, true, false, 0],
    ['a file with one such paragraph, the topic named by a proper name', 1, false, true, PLACEMENT.topic],
    ['a file pasted in several places', PLACEMENT.pastedForTopic, false, false, PLACEMENT.topic],
    ['a file pasted in many places, an answer start moved too', 8, true, false, PLACEMENT.topic],
  ])('GIVEN %s THEN naming another answer\'s topic is worth %s', (_, pasted, startMoved, byName, expected) => {
    expect(topicEvidence(pasted, startMoved, byName)).toBe(expected);
  });
});

describe('listEvidence', () => {
  const members = new Map<number, string[]>([
    [1, ['我想强调三点：', '一是坚持开放。', '二是坚持规则。']],
    [2, ['首先，坚持对话。', '其次，坚持协商。']],
    [3, ['中方高度重视两国关系。']],
  ]);
  it.each([
    ['三是… goes to its siblings, however far away', ['三是坚持可持续发展。'], { 1: PLACEMENT.list, 2: 0, 3: 0 }],
    ['a second 二是 counts against the answer that has one', ['二是坚持合作。'], { 1: -PLACEMENT.list, 2: 0, 3: 0 }],
    ['最后 goes to 首先 and 其次', ['最后，坚持共赢。'], { 1: 0, 2: PLACEMENT.list, 3: 0 }],
    ['a paragraph with no label is no list evidence', ['两国关系发展良好。'], { 1: 0, 2: 0, 3: 0 }],
    ['two items opening a list go with the intro that announces them, which counts as both', ['一是坚持开放。', '二是坚持规则。'], { 1: (PLACEMENT.list * 2) / 3, 2: 0, 3: 0 }],
    ['a later item goes with the intro, which counts as one item of its list', ['二是坚持规则。'], { 1: PLACEMENT.list, 2: 0, 3: 0 }],
  ])('GIVEN %s', (_, texts, expected) => {
    const own = new Map([...members].map(([start, list]) => [start, list.filter((text) => !texts.includes(text))]));
    expect(Object.fromEntries(listEvidence(texts, own))).toEqual(expected);
  });

  it('GIVEN an item and a sibling in another answer THEN the larger part of the list draws the smaller', () => {
    const split = new Map<number, string[]>([
      [1, ['一是坚持开放。', '二是坚持规则。']],
      [2, ['三是坚持发展。']],
    ]);
    expect(listEvidence(['三是坚持发展。'], new Map([[1, split.get(1)!], [2, []]])).get(1)).toBe(PLACEMENT.list);
    expect(listEvidence(['一是坚持开放。', '二是坚持规则。'], new Map([[1, []], [2, split.get(2)!]])).get(2)).toBe(PLACEMENT.list / 2);
  });

  it('GIVEN an item filling the hole of another answer\'s numbered list THEN that answer counts PLACEMENT.listGap times as much', () => {
    const holed = new Map<number, string[]>([
      [1, ['第一，服务发展大局。', '第三，承担国际责任。']],
      [2, ['第一，加强人员往来。']],
    ]);
    expect(Object.fromEntries(listEvidence(['第二，维护主权和安全。'], holed))).toEqual({ 1: PLACEMENT.list * PLACEMENT.listGap, 2: PLACEMENT.list });
  });
});

describe('continuesOwnList', () => {
  const members = new Map<number, string[]>([
    [1, ['今年我们将重点做好以下几项工作：']],
    [2, ['中日关系目前困难重重。']],
    [3, ['首先，坚持对话。', '其次，坚持协商。']],
  ]);
  it.each([
    ['items opening the list their answer start announces, standing in that answer', ['一是办好主场外交。', '二是巩固大国关系。'], 1, true],
    ['the same items standing in another answer', ['一是办好主场外交。', '二是巩固大国关系。'], 2, false],
    ['最后 standing after 首先 and 其次', ['最后，坚持共赢。'], 3, true],
    ['a paragraph with no label', ['两国领导人保持密切沟通。'], 2, false],
    ['a group standing after no answer', ['一是办好主场外交。'], null, false],
  ])('GIVEN %s THEN %s', (_, texts, stands, expected) => {
    expect(continuesOwnList(listEvidence(texts, members), stands)).toBe(expected);
  });
});

describe('fillsGap', () => {
  const labels = (...texts: string[]) => texts.map((text) => listLabel(text)!);
  it.each([
    ['第二 between 第一 and 第三', '第二，维护主权。', labels('第一，服务发展。', '第三，承担责任。'), true],
    ['二是 between 一是 and 四是', '二是扩大交流。', labels('一是加强互信。', '四是深化合作。'), true],
    ['第三 after 第一 and 第二 (the next item, no hole)', '第三，承担责任。', labels('第一，服务发展。', '第二，维护主权。'), false],
    ['第二 where the list has its 第二', '第二，维护主权。', labels('第一，服务发展。', '第二，扩大开放。', '第三，承担责任。'), false],
    ['第二 between items of another style', '第二，维护主权。', labels('一是加强互信。', '三是深化合作。'), false],
    ['其次 between 首先 and 最后 (no numbers to leave a hole)', '其次，加强协调。', labels('首先，坚持对话。', '最后，坚持共赢。'), false],
  ])('GIVEN %s THEN %s', (_, item, siblings, expected) => {
    expect(fillsGap(listLabel(item)!, siblings)).toBe(expected);
  });
});

describe('decidePlacement', () => {
  const evidence = (start: number, total: number): Evidence => ({ start, position: 0, words: total, list: 0, total });
  it.each([
    ['another answer beats where it stands by less than the margin: it stays', [evidence(1, 3), evidence(2, 3 + PLACEMENT.margin - 0.1)], 1, 1],
    ['another answer beats it by more than the margin: it moves', [evidence(1, 3), evidence(2, 3 + PLACEMENT.margin + 0.1)], 1, 2],
    ['it stands nowhere: the best evidence wins', [evidence(1, 3), evidence(2, 3.1)], null, 2],
  ])('GIVEN %s', (_, options, stands, chosen) => {
    expect(decidePlacement(options, stands).start).toBe(chosen);
    expect(placementScore(options.find((e) => e.start === stands) ?? options[0]!, stands)).toBeGreaterThan(0);
  });
});

describe('bestAssignment', () => {
  it.each([
    ['the best pair alone', [[3, 1], [1, null]], [[0, 0]]],
    ['two good pairs beat one best pair', [[3, 2], [2, null]], [[0, 1], [1, 0]]],
    ['a forbidden pair is never made', [[null, null], [null, 5]], [[1, 1]]],
    ['pairs worth nothing are not made', [[0, -1]], []],
    ['more rows than columns', [[1], [2], [3]], [[2, 0]]],
    ['nothing to pair', [], []],
  ])('GIVEN %s', (_, scores, pairs) => {
    expect(bestAssignment(scores as (number | null)[][])).toEqual(pairs);
  });
});

describe('groupLists', () => {
  it('GIVEN an intro with its items next to each other THEN they are one group; a list item far from its siblings is a group of its own', () => {
    const transcript = dedupe(
      ['新华社记者：问一？', '王毅：答一。', '我想强调三点：', '一是坚持开放。', '二是坚持规则。', '路透社记者：问二？', '王毅：答二。', '三是坚持发展。', '两国关系良好。'].join('\n\n'),
    );
    const groups = groupLists(transcript).map((group) => group.map((p) => p.text));
    expect(groups).toEqual([['我想强调三点：', '一是坚持开放。', '二是坚持规则。'], ['三是坚持发展。'], ['两国关系良好。']]);
  });

  it('GIVEN an intro that names its items THEN the items are in its group wherever they stand', () => {
    const transcript = dedupe(
      ['新华社记者：问一？', '王毅：答一。', '这一进程应坚持专业性、公正性和建设性：', '专业性是指以科学为依据。', '路透社记者：问二？', '王毅：答二。', '公正性是指排除政治干扰。'].join('\n\n'),
    );
    expect(groupLists(transcript).map((group) => group.length)).toEqual([3]);
  });
});

describe('interruptsList', () => {
  const interrupts = (paragraphs: readonly string[], text: string): boolean => {
    const transcript = dedupe(paragraphs.join('\n\n'));
    return interruptsList(transcript.paragraphs.filter((p) => p.text === text), transcript);
  };
  it.each([
    ['between two items that follow each other', ['新华社记者：问一？', '王毅：答一。', '一是扩大合作。', '两国关系良好。', '二是深化互信。'], true],
    ['between an intro and the item opening its list', ['新华社记者：问一？', '王毅：答一。', '我想强调三点：', '两国关系良好。', '一是扩大合作。'], true],
    ['between an answer start that is an intro and the first item', ['新华社记者：问一？', '王毅：我想强调两点：', '两国关系良好。', '一是扩大合作。'], true],
    ['after the last item', ['新华社记者：问一？', '王毅：答一。', '一是扩大合作。', '二是深化互信。', '两国关系良好。'], false],
    ['between items that do not follow each other', ['新华社记者：问一？', '王毅：答一。', '一是扩大合作。', '两国关系良好。', '三是加强交流。'], false],
    ['between items of two styles', ['新华社记者：问一？', '王毅：答一。', '一是扩大合作。', '两国关系良好。', '第二，深化互信。'], false],
    ['between a question and an item', ['新华社记者：问一？', '王毅：答一。', '一是扩大合作。', '路透社记者：问二？', '两国关系良好。', '二是深化互信。'], false],
  ])('GIVEN a paragraph %s THEN it interrupts a list: %s', (_, paragraphs, expected) => {
    expect(interrupts(paragraphs, '两国关系良好。')).toBe(expected);
  });

  it('GIVEN a paragraph with one copy inside a list and one after it THEN it does not interrupt it', () => {
    const paragraphs = ['新华社记者：问一？', '王毅：答一。', '一是扩大合作。', '两国关系良好。', '二是深化互信。', '路透社记者：问二？', '王毅：答二。', '两国关系良好。'];
    expect(interrupts(paragraphs, '两国关系良好。')).toBe(false);
  });
});

describe('askedWords', () => {
  it('GIVEN three questions THEN each answer has the telling words only its own question asks, not those two questions share', () => {
    const transcript = dedupe(
      [
        '路透社记者：菲律宾官员称黄岩岛附近出现中国船只，中方如何回应？',
        '王毅：黄岩岛是中国的固有领土。',
        '彭博社记者：中美两国元首就气候变化采取联合行动，中方如何评价？',
        '王毅：中美率先完成国内批准程序。',
        '法新社记者：中方如何评价同菲律宾的渔业合作？',
        '王毅：双方渔业合作进展顺利。',
      ].join('\n\n'),
    );
    const words = readTranscriptWords(transcript, analyzer);
    const starts = keptParagraphs(transcript, 'answer-start');
    const questions = keptParagraphs(transcript, 'question');
    const asked = askedWords(starts, new Map(starts.map((start, i) => [start.id, questions[i]!.id])), words);
    const [reef, climate, fishing] = starts.map((start) => [...asked.get(start.id)!.keys()]);
    expect(reef).toContain('黄岩岛');
    expect(reef).not.toContain('菲律宾');
    expect(climate).toContain('气候变化');
    expect(fishing).toContain('渔业');
    expect(fishing).not.toContain('菲律宾');
  });
});

describe('placing a paragraph that stands inside another answer’s list', () => {
  const text = [
    '外交部长王毅就中国外交政策和对外关系回答中外记者提问',
    '新华社记者：中非合作论坛峰会即将举行，中方将在哪些方面加强对非合作？',
    '王毅：中非合作论坛峰会将为中非合作规划新的蓝图。中方将重点做好以下工作：',
    '一是扩大对非投资。中方将支持中国企业在非洲建设工业园区，帮助非洲国家提升工业化水平。',
    '中欧班列去年开行超过一万列，通达欧洲二十多个国家，成为中欧贸易往来的重要通道，也为沿线国家带来了合作机遇。',
    '二是加强对非援助。中方将为非洲国家培训农业、卫生和教育人才，援建更多学校和医院。',
    '路透社记者：今年是中欧建交周年，中方如何看待中欧经贸合作的前景？',
    '王毅：中欧是全面战略伙伴，双方合作大于竞争，共识多于分歧。中方愿同欧方加强对话，推动中欧经贸合作健康稳定发展。',
    '我们希望欧方坚持开放，为中国企业提供公平、透明、非歧视的营商环境。',
  ].join('\n\n');

  it('GIVEN a paragraph between 一是 and 二是 THEN its place there counts nothing, and it goes to the answer its words name', () => {
    const result = ingestTranscript(text, { id: 'inside-a-list', speaker: '王毅' }, analyzer);
    expect(result.units.map((unit) => unit.paragraphs.map((p) => p.slice(0, 6)))).toEqual([
      ['中非合作论坛', '一是扩大对非', '二是加强对非'],
      ['中欧是全面战', '我们希望欧方', '中欧班列去年'],
    ]);
    const [move] = result.report.filter((entry) => entry.action === 'reassign');
    expect(move?.detail).toMatch(/^Moved “中欧班列去年.*against [0-9.]+ \(position 0\.0, words [0-9.]+\) where it stands\.$/u);
  });
});
