import { describe, expect, it } from 'vitest';
import { assembleUnits } from '../../src/ingest/assemble-units.js';
import { groupLists, isWholeList, joinSplitLists } from '../../src/ingest/list-groups.js';
import { listLabel, type ListLabel } from '../../src/ingest/list-structure.js';
import { parseTranscript } from '../../src/ingest/parse-transcript.js';
import { ingestTranscript } from '../../src/ingest/pipeline.js';
import { removeDuplicates } from '../../src/ingest/remove-duplicates.js';
import { repairSplitParagraphs } from '../../src/ingest/repair-split-paragraphs.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();
const dedupe = (text: string) => removeDuplicates(repairSplitParagraphs(parseTranscript(text, { knownSpeakers: ['王毅'] }).value.blocks).value, analyzer).value;
const labels = (...texts: string[]): ListLabel[] => texts.map((text) => listLabel(text)!);

/** The groups of a transcript joined by `joinSplitLists`, as texts, each group standing where its first paragraph does. */
function joinedGroups(paragraphs: readonly string[]): string[][] {
  const transcript = dedupe(paragraphs.join('\n\n'));
  const byPosition = assembleUnits(transcript).value;
  const groups = groupLists(transcript);
  return joinSplitLists(groups, groups.map((group) => byPosition.get(group[0]!.id) ?? null)).map((group) => group.map((p) => p.text));
}

describe('isWholeList', () => {
  it.each([
    [['一是扩大合作。', '三是加强交流。', '二是深化互信。'], true],
    [['第一，稳定。', '第二，发展。'], true],
    [['首先，对话。', '其次，协商。', '最后，合作。'], true],
    [['首先，对话。', '最后，合作。'], true],
    [['一是扩大合作。', '三是加强交流。'], false],
    [['二是深化互信。', '三是加强交流。'], false],
    [['一是扩大合作。', '一是深化互信。'], false],
    [['一是扩大合作。', '第二，发展。'], false],
    [['一是扩大合作。'], false],
  ])('GIVEN the labels of %j THEN whole list: %s', (texts, whole) => {
    expect(isWholeList(labels(...texts))).toBe(whole);
  });
});

describe('joinSplitLists', () => {
  it('GIVEN 三是 standing after another question, away from 一是 and 二是 THEN the two parts are one group', () => {
    const groups = joinedGroups(['新华社记者：问一？', '王毅：答一。', '一是扩大合作。', '二是深化互信。', '路透社记者：问二？', '王毅：答二。', '三是加强交流。', '两国关系良好。']);
    expect(groups).toEqual([['一是扩大合作。', '二是深化互信。', '三是加强交流。'], ['两国关系良好。']]);
  });

  it('GIVEN two answers with lists of their own in one style THEN nothing is joined', () => {
    const groups = joinedGroups(['新华社记者：问一？', '王毅：答一。', '一是扩大合作。', '二是深化互信。', '路透社记者：问二？', '王毅：答二。', '一是加强交流。', '二是办好峰会。']);
    expect(groups).toEqual([['一是扩大合作。', '二是深化互信。'], ['一是加强交流。', '二是办好峰会。']]);
  });

  it('GIVEN a lone 三是 that could end the lists of two answers THEN it is joined to neither', () => {
    const groups = joinedGroups([
      '新华社记者：问一？',
      '王毅：答一。',
      '一是扩大合作。',
      '二是深化互信。',
      '路透社记者：问二？',
      '王毅：答二。',
      '第一，稳定。',
      '三是加强交流。',
      '法新社记者：问三？',
      '王毅：答三。',
      '一是办好峰会。',
      '二是做好筹备。',
    ]);
    expect(groups).toEqual([['一是扩大合作。', '二是深化互信。'], ['第一，稳定。'], ['三是加强交流。'], ['一是办好峰会。', '二是做好筹备。']]);
  });
});

describe('ingest of a list split between two answers', () => {
  const text = [
    '外交部长王毅就中国外交政策和对外关系回答中外记者提问',
    '新华社记者：中非合作论坛峰会即将举行，中方将在哪些方面加强对非合作？',
    '王毅：中非合作论坛峰会将为中非合作规划新的蓝图。中方将重点做好以下工作：',
    '一是扩大对非投资。中方将支持中国企业在非洲建设工业园区，帮助非洲国家提升工业化水平。',
    '路透社记者：今年是中欧建交周年，中方如何看待中欧关系的前景？',
    '王毅：中欧是全面战略伙伴，双方合作大于竞争，共识多于分歧。中方愿同欧方加强对话，推动中欧关系健康稳定发展。',
    '二是加强对非援助。中方将为非洲国家培训农业、卫生和教育人才，援建更多学校和医院。',
    '三是支持非洲一体化。中方愿同非盟一道，推进非洲大陆自贸区建设和跨境基础设施互联互通。',
  ].join('\n\n');

  it('GIVEN 二是 and 三是 moved after another answer THEN they go back to 一是 and the intro that announced them, and only their move is reported', () => {
    const result = ingestTranscript(text, { id: 'split-list', speaker: '王毅' }, analyzer);
    expect(result.units.map((unit) => unit.paragraphs.map((p) => p.slice(0, 4)))).toEqual([['中非合作', '一是扩大', '二是加强', '三是支持'], ['中欧是全']]);
    const moves = result.report.filter((entry) => entry.action === 'reassign').map((entry) => entry.detail);
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatch(/^Moved “二是加强对非援助[^”]*” \+ “三是支持非洲一体化[^”]*” from “王毅：中欧是全面战略伙伴[^”]*” to “王毅：中非合作论坛峰会[^”]*”: /u);
  });
});
