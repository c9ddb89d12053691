import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { countChanges, groupLines, occurrenceText } from '../../src/archive/group-lines.js';
import { formatArchiveReport } from '../../src/archive/build-report.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import type { AnswerUnit, IndexFile } from '../../src/types.js';
import { OTHER_ANSWERS, REEF_DATES, REEF_LINE, REEF_LINE_CHANGED, REEF_QUESTIONS, reefBriefings, writeBriefings } from './helpers.js';

const analyzer = createDefaultAnalyzer();
const DATES = REEF_DATES;

describe('GIVEN a line said in 5 transcripts with one wording change', () => {
  const built = buildIndex(readSources(writeBriefings(reefBriefings())), PROJECT_ROOT, analyzer);
  const units = new Map(built.index.units.map((unit) => [unit.id, unit]));

  it('THEN the index holds one line with 5 occurrences (unit, paragraph, date, source, question), oldest first', () => {
    expect(built.index.lines).toHaveLength(1);
    const [line] = built.index.lines!;
    expect(line!.occurrences).toEqual(
      DATES.map((date, i) => ({
        unitId: `${date}-regular#2`,
        paragraph: 0,
        date,
        source: `${date}-regular`,
        question: REEF_QUESTIONS[i],
      })),
    );
    expect(line!.id).toBe('2016-05-10-regular#2¶1');
    expect(line!.topic).toBe(units.get('2023-02-20-regular#2')!.topic);
  });

  it('THEN it counts one change of wording, and each occurrence quotes its own source text', () => {
    const [line] = built.index.lines!;
    expect(countChanges(line!, units)).toBe(1);
    expect(line!.occurrences.map((occurrence) => occurrenceText(units.get(occurrence.unitId)!, occurrence))).toEqual([
      REEF_LINE,
      REEF_LINE,
      REEF_LINE,
      REEF_LINE_CHANGED,
      REEF_LINE_CHANGED,
    ]);
    expect(built.lines).toMatchObject({ lines: 1, occurrences: 5, changes: 1 });
    expect(formatArchiveReport(built)).toMatch(/^lines: 1 said in more than one transcript \(5 occurrences, 1 wording changes\); \d+ texts compared in \d+ candidate pairs$/);
  });
});

/** An index of units given as [source, date, paragraphs]. */
function indexOf(rows: [string, string | null, string[]][]): Pick<IndexFile, 'units' | 'sources'> {
  const units: AnswerUnit[] = rows.map(([source, , paragraphs], i) => ({ id: `${source}#${i + 1}`, topic: `话题${i + 1}`, question: null, outlet: null, speaker: '林明', source, paragraphs }));
  const sources = [...new Map(rows.map(([source, date]) => [source, { id: source, file: `${source}.txt`, date, event: null, speaker: null, title: null, heading: null }])).values()];
  return { units, sources };
}

describe('groupLines', () => {
  it.each([
    ['the same answer in two transcripts', [['a', '2020-01-01', [REEF_LINE]], ['b', '2021-01-01', [REEF_LINE]]], [['a#1', 'b#2']]],
    ['the same answer twice in one transcript only', [['a', '2020-01-01', [REEF_LINE]], ['a', '2020-01-01', [REEF_LINE]]], []],
    ['different positions in the same register', [['a', '2020-01-01', [OTHER_ANSWERS[1]!]], ['b', '2021-01-01', [OTHER_ANSWERS[5]!]]], []],
    ['a set phrase shorter than a position', [['a', '2020-01-01', ['目前我没有可以发布的消息。']], ['b', '2021-01-01', ['目前我没有可以发布的消息。']]], []],
    ['one wording inside a longer answer later', [['a', '2020-01-01', [REEF_LINE]], ['b', '2021-01-01', [OTHER_ANSWERS[0]!, REEF_LINE_CHANGED]]], [['a#1', 'b#2']]],
    ['a whole two-paragraph answer repeated', [['a', '2020-01-01', [OTHER_ANSWERS[3]!, REEF_LINE]], ['b', '2021-01-01', [OTHER_ANSWERS[3]!, REEF_LINE]]], [['a#1', 'b#2']]],
  ] as [string, [string, string | null, string[]][], string[][]][])('GIVEN %s THEN the lines are %j', (_, rows, expected) => {
    const { lines } = groupLines(indexOf(rows));
    expect(lines.map((line) => line.occurrences.map((occurrence) => occurrence.unitId))).toEqual(expected);
  });

  it('GIVEN a whole answer repeated THEN each unit occurs once, as a whole; unknown dates come first', () => {
    const { lines } = groupLines(indexOf([['b', '2021-01-01', [OTHER_ANSWERS[3]!, REEF_LINE]], ['a', null, [OTHER_ANSWERS[3]!, REEF_LINE]]]));
    expect(lines[0]!.occurrences.map(({ unitId, paragraph, date }) => ({ unitId, paragraph, date }))).toEqual([
      { unitId: 'a#2', paragraph: null, date: null },
      { unitId: 'b#1', paragraph: null, date: '2021-01-01' },
    ]);
  });
});
