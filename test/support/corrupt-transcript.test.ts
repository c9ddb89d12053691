import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFECT_KINDS,
  cleanExpectation,
  corruptTranscript,
  listFixtures,
  modelLines,
  readFixture,
  renderLines,
  type CorruptedTranscript,
  type DefectKind,
  type DefectRates,
  type TranscriptTruth,
} from './corrupt-transcript/index.js';
import { sentencesOf } from './corrupt-transcript/score-ingest.js';

/** A small clean transcript (fictional) with an opening statement, a list with siblings, and continuations. */
const CLEAN = `外交部长答中外记者问

2018年3月9日，外交部长李明就中国外交政策回答中外记者提问。

李明：各位记者朋友，大家好。下面我愿回答大家的提问。

新华社记者：请问您如何评价过去一年的中国外交？

李明：过去一年，中国外交在复杂多变的国际形势中稳中求进，取得了新的成就。

一是元首外交引领方向，双边关系全面推进，高层往来频繁密切。

二是务实合作不断深化，共建项目稳步落地，惠及各国民众。

三是多边舞台积极作为，为全球治理贡献了中国方案和中国智慧。

美联社记者：中美关系近来出现波折，中方如何看待两国关系前景？

李明：中美关系是世界上最重要的双边关系之一。合则两利，斗则俱伤，这是历史反复证明的道理。

我们希望美方同中方相向而行，在相互尊重的基础上管控分歧，拓展合作，推动两国关系健康稳定发展。

路透社记者：中国在非洲的投资是否加重了当地债务负担？

李明：中非合作是互利共赢的合作，从来不附加任何政治条件。所谓债务陷阱的说法，完全不符合事实。

中国在非洲援建的铁路、港口和电站，实实在在地改善了当地民众的生活，受到非洲国家普遍欢迎。

塔斯社记者：您如何评价当前的中俄关系？

李明：中俄关系保持高水平运行，两国元首保持密切交往，为双边关系发展指明了方向。

双方在能源、农业和科技等领域的合作不断取得新进展，贸易额再创历史新高。

法新社记者：中方如何看待朝鲜半岛局势？

李明：半岛局势出现缓和迹象，中方对此表示欢迎。我们始终主张通过对话协商解决半岛问题。

中方愿继续发挥建设性作用，推动半岛无核化和建立半岛和平机制并行推进。

凤凰卫视记者：中国外交将如何为人民服务？

李明：外交为民是我们始终坚持的宗旨。过去一年，我们处置了多起海外中国公民安全事件，领事保护能力明显提升。
`;

/** The truth of CLEAN, read off its lines: a question after `记者：`, an answer start after `李明：`, continuations. */
function truthOf(text: string): TranscriptTruth {
  const units: TranscriptTruth['units'] = [];
  for (const line of text.split('\n').slice(2).filter((l) => l.trim() !== '' && !l.startsWith('2018年'))) {
    const question = /^.+记者：(.+)$/u.exec(line);
    const start = /^李明：(.+)$/u.exec(line);
    if (question) units.push({ question: question[1]!, paragraphs: [] });
    else if (start && (units.length === 0 || units.at(-1)!.paragraphs.length > 0)) units.push({ question: null, paragraphs: [start[1]!] });
    else units.at(-1)!.paragraphs.push(start ? start[1]! : line);
  }
  return { format: 'minister', speaker: '李明', units, unanswered: [] };
}

const TRUTH = truthOf(CLEAN);

/** A two-unit bilingual transcript: each Chinese line followed by its English. */
const BILINGUAL = `2019年5月10日外交部发言人张华主持例行记者会
Foreign Ministry Spokesperson Zhang Hua's Regular Press Conference on May 10, 2019

问：中方如何看待中非合作论坛的成果落实？
Q: How does China view the implementation of the outcomes of the Forum on China-Africa Cooperation?

答：论坛北京峰会成果正在全面落实，一大批合作项目已经开工建设。
A: The outcomes of the Beijing Summit are being fully implemented, and many cooperation projects have started.

首先，基础设施合作稳步推进，铁路和港口项目进展顺利。
First, infrastructure cooperation is advancing steadily, and railway and port projects are going smoothly.

其次，人文交流不断深化，来华留学的非洲学生逐年增加。
Second, people-to-people exchanges keep deepening, and more African students come to study in China every year.

问：中方对即将举行的二十国集团峰会有何期待？
Q: What does China expect from the upcoming G20 summit?

答：我们期待峰会发出支持多边主义和自由贸易的明确信号。
A: We expect the summit to send a clear signal of support for multilateralism and free trade.
`;

const BILINGUAL_TRUTH: TranscriptTruth = {
  format: 'bilingual',
  speaker: '张华',
  units: [
    {
      question: '中方如何看待中非合作论坛的成果落实？',
      questionTranslation: 'How does China view the implementation of the outcomes of the Forum on China-Africa Cooperation?',
      paragraphs: [
        '论坛北京峰会成果正在全面落实，一大批合作项目已经开工建设。',
        '首先，基础设施合作稳步推进，铁路和港口项目进展顺利。',
        '其次，人文交流不断深化，来华留学的非洲学生逐年增加。',
      ],
      translation: [
        'The outcomes of the Beijing Summit are being fully implemented, and many cooperation projects have started.',
        'First, infrastructure cooperation is advancing steadily, and railway and port projects are going smoothly.',
        'Second, people-to-people exchanges keep deepening, and more African students come to study in China every year.',
      ],
    },
    {
      question: '中方对即将举行的二十国集团峰会有何期待？',
      questionTranslation: 'What does China expect from the upcoming G20 summit?',
      paragraphs: ['我们期待峰会发出支持多边主义和自由贸易的明确信号。'],
      translation: ['We expect the summit to send a clear signal of support for multilateralism and free trade.'],
    },
  ],
  unanswered: [],
};

const FIXTURES = resolve(import.meta.dirname, '../fixtures/transcripts');
/** The tuning fixtures only: the generator is checked on them; held-out files are not looked at. */
const TUNING = listFixtures(resolve(FIXTURES, 'tuning')).map((name) => readFixture(resolve(FIXTURES, 'tuning'), name));

/** Rates that apply exactly one kind. */
const only = (kind: DefectKind): Partial<DefectRates> => Object.fromEntries(DEFECT_KINDS.map((k) => [k, k === kind ? 1 : 0]));

/** The non-blank lines of a text, trimmed. */
const linesOf = (text: string): string[] => text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');

/** True when `paragraph` stands in `text` on one line, or split in two pieces on consecutive lines. */
function standsWholeOrSplit(text: string, paragraph: string): boolean {
  const joined = text.replace(/[ \t\u3000]*\r?\n[\s\u3000]*/gu, '\n');
  if (joined.includes(paragraph)) return true;
  const chars = Array.from(paragraph);
  return chars.some((_, k) => k > 0 && joined.includes(`${chars.slice(0, k).join('')}\n${chars.slice(k).join('')}`));
}

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const variantsOf = (kind: DefectKind): CorruptedTranscript[] => SEEDS.map((seed) => corruptTranscript(CLEAN, TRUTH, seed, only(kind)));

describe('modelLines', () => {
  it('GIVEN a clean transcript THEN each line gets the role the truth gives it', () => {
    const roles = modelLines(CLEAN, TRUTH).blocks.map((block) => block.role);
    expect(roles.slice(0, 5)).toEqual([
      { kind: 'other' },
      { kind: 'other' },
      { kind: 'paragraph', unit: 0, index: 0 },
      { kind: 'question', unit: 1 },
      { kind: 'paragraph', unit: 1, index: 0 },
    ]);
    expect(roles).toHaveLength(2 + TRUTH.units.reduce((n, unit) => n + (unit.question === null ? 0 : 1) + unit.paragraphs.length, 0));
  });

  it('GIVEN a bilingual transcript THEN a Chinese line and the English after it are one block', () => {
    const blocks = modelLines(BILINGUAL, BILINGUAL_TRUTH).blocks;
    expect(blocks.map((block) => [block.role.kind, block.lines.length])).toEqual([
      ['other', 2],
      ['question', 2],
      ['paragraph', 2],
      ['paragraph', 2],
      ['paragraph', 2],
      ['question', 2],
      ['paragraph', 2],
    ]);
    expect(blocks[2]!.lines.map((line) => line.label)).toEqual(['答：', 'A: ']);
  });

  it('GIVEN a question that runs over two paragraphs THEN both lines are one question block, written back as they were', () => {
    const text = '新华社记者：今年是建交50周年。\n另外，请问两国将举办哪些活动？\n李明：我们将举办一系列纪念活动。\n';
    const truth: TranscriptTruth = { format: 'minister', speaker: '李明', units: [{ question: '今年是建交50周年。\n另外，请问两国将举办哪些活动？', paragraphs: ['我们将举办一系列纪念活动。'] }], unanswered: [] };
    const model = modelLines(text, truth);
    expect(model.blocks.map((block) => [block.role.kind, block.lines.map((line) => line.body)])).toEqual([
      ['question', ['今年是建交50周年。', '另外，请问两国将举办哪些活动？']],
      ['paragraph', ['我们将举办一系列纪念活动。']],
    ]);
    expect(renderLines(model)).toBe(text);
  });

  it('GIVEN a truth paragraph the file lacks THEN it throws naming it', () => {
    const wrong: TranscriptTruth = { ...TRUTH, units: [TRUTH.units[0]!, { question: TRUTH.units[1]!.question, paragraphs: ['并不存在的段落。'] }] };
    expect(() => modelLines(CLEAN, wrong)).toThrow('corrupt-transcript: paragraph 1 of unit 2 is not found in file order: "并不存在的段落。…".');
  });

  it.each([['CLEAN', CLEAN], ['BILINGUAL', BILINGUAL]])('GIVEN %s THEN writing its blocks back gives the same text', (_, text) => {
    expect(renderLines(modelLines(text, text === CLEAN ? TRUTH : BILINGUAL_TRUTH))).toBe(text);
  });

  it.each(TUNING.map((fixture) => [fixture.name, fixture] as const))('GIVEN the tuning fixture %s THEN its truth matches its lines', (_, fixture) => {
    expect(() => modelLines(fixture.text, fixture.truth)).not.toThrow();
  });
});

describe('corruptTranscript, one defect kind at a time', () => {
  it.each<DefectKind>(['duplicate-paragraph', 'duplicate-run', 'split-paragraph', 'misplaced-continuation', 'swapped-answers', 'whitespace-noise'])(
    'GIVEN only %s THEN the expected ingest is the clean truth and nothing is foreign',
    (kind) => {
      for (const variant of variantsOf(kind)) {
        expect(variant.defects.map((d) => d.kind)).toEqual([kind]);
        expect(variant.truth).toEqual(cleanExpectation(TRUTH));
        expect(variant.text).not.toBe(CLEAN);
      }
    },
  );

  it('GIVEN a duplicated paragraph THEN some paragraph line stands more often than in the clean file', () => {
    for (const variant of variantsOf('duplicate-paragraph')) {
      expect(linesOf(variant.text).length).toBeGreaterThan(linesOf(CLEAN).length);
      expect(new Set(linesOf(variant.text))).toEqual(new Set(linesOf(CLEAN)));
    }
  });

  it('GIVEN a duplicated run THEN some question stands twice, followed by the same answer lines', () => {
    for (const variant of variantsOf('duplicate-run')) {
      const lines = linesOf(variant.text);
      const repeated = lines.filter((line, i) => line.includes('记者：') && lines.indexOf(line) !== i);
      expect(repeated.length).toBeGreaterThan(0);
      const first = lines.indexOf(repeated[0]!);
      expect(lines[lines.indexOf(repeated[0]!, first + 1) + 1]).toBe(lines[first + 1]);
    }
  });

  it('GIVEN split paragraphs THEN each split one stands as two lines, the first ending mid-word or after a comma', () => {
    for (const variant of variantsOf('split-paragraph')) {
      const lines = linesOf(variant.text);
      const split = TRUTH.units.flatMap((u) => u.paragraphs).filter((p) => !lines.some((line) => line.endsWith(p)));
      expect(split.length).toBeGreaterThan(0);
      for (const paragraph of split) {
        const head = lines.find((line, i) => paragraph.startsWith(line.replace(/^李明：/u, '')) && lines[i + 1] !== undefined && paragraph.endsWith(lines[i + 1]!))!;
        expect(head).toBeDefined();
        expect(head).not.toMatch(/[。！？；：]$/u);
        expect(standsWholeOrSplit(variant.text, paragraph)).toBe(true);
      }
    }
  });

  it('GIVEN a misplaced continuation THEN the lines are the clean ones, moved (or one copied), in another order', () => {
    for (const variant of variantsOf('misplaced-continuation')) {
      expect(new Set(linesOf(variant.text))).toEqual(new Set(linesOf(CLEAN)));
      expect(linesOf(variant.text)).not.toEqual(linesOf(CLEAN));
      expect(variant.defects[0]!.description).toMatch(/(moved|copied) into the answer of unit \d+/u);
    }
  });

  it('GIVEN swapped answers THEN some question is followed directly by another question’s answer start', () => {
    const starts = new Map(TRUTH.units.map((unit, i) => [`李明：${unit.paragraphs[0]}`, i]));
    for (const variant of variantsOf('swapped-answers')) {
      const lines = linesOf(variant.text);
      const mismatched = TRUTH.units.filter((unit, i) => {
        const at = unit.question === null ? -1 : lines.findIndex((line) => line.endsWith(`记者：${unit.question}`));
        return at >= 0 && starts.has(lines[at + 1]!) && starts.get(lines[at + 1]!) !== i;
      });
      expect(mismatched.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN a deleted answer THEN its unit leaves the truth and its question is unanswered, still in the text', () => {
    for (const variant of variantsOf('missing-answer')) {
      const [unit] = variant.defects[0]!.units as [number];
      expect(variant.truth.units).toHaveLength(TRUTH.units.length - 1);
      expect(variant.truth.unanswered).toEqual([TRUTH.units[unit]!.question]);
      expect(variant.truth.cleanUnits).not.toContain(unit);
      expect(variant.text).toContain(TRUTH.units[unit]!.question);
      for (const paragraph of TRUTH.units[unit]!.paragraphs) expect(variant.text).not.toContain(paragraph);
    }
  });

  it('GIVEN a deleted question THEN its unit expects question null and the question is gone from the text', () => {
    for (const variant of variantsOf('missing-question')) {
      const [unit] = variant.defects[0]!.units as [number];
      expect(variant.truth.units[unit]).toEqual({ question: null, paragraphs: TRUTH.units[unit]!.paragraphs });
      expect(variant.text).not.toContain(TRUTH.units[unit]!.question);
      expect(variant.truth.unanswered).toEqual([]);
    }
  });

  it('GIVEN a corrupt list item THEN two identical corrupt copies outnumber the original, which stays once', () => {
    const items = TRUTH.units[1]!.paragraphs.slice(1);
    for (const variant of variantsOf('corrupt-list-item')) {
      expect(variant.truth.foreign).toHaveLength(1);
      const corrupt = variant.truth.foreign[0]!;
      const lines = linesOf(variant.text);
      expect(lines.filter((line) => line === corrupt)).toHaveLength(2);
      const original = items.find((item) => item.slice(2) === corrupt.slice(2) || differences(item, corrupt) <= 5)!;
      expect(original).toBeDefined();
      expect(lines.filter((line) => line === original)).toHaveLength(1);
      expect(items).not.toContain(corrupt);
      expect(variant.truth.units).toEqual(cleanExpectation(TRUTH).units);
    }
  });

  it('GIVEN a stray fragment THEN it is the trailing 30-70 % of a paragraph, on its own line, and foreign', () => {
    const paragraphs = TRUTH.units.flatMap((u) => u.paragraphs);
    for (const variant of variantsOf('stray-fragment')) {
      expect(variant.truth.foreign.length).toBeGreaterThan(0);
      for (const fragment of variant.truth.foreign) {
        const source = paragraphs.find((p) => p.endsWith(fragment) && p !== fragment)!;
        expect(source).toBeDefined();
        const share = Array.from(fragment).length / Array.from(source).length;
        expect(share).toBeGreaterThanOrEqual(0.3);
        expect(share).toBeLessThanOrEqual(0.7);
        expect(linesOf(variant.text)).toContain(fragment);
      }
    }
  });

  it('GIVEN a truncated tail THEN the file ends with a repeated question+answer run cut inside a paragraph', () => {
    const paragraphs = TRUTH.units.flatMap((u) => u.paragraphs);
    for (const variant of variantsOf('truncated-tail')) {
      const lines = linesOf(variant.text);
      const last = lines.at(-1)!.replace(/^李明：/u, '');
      expect(variant.truth.foreign).toEqual([last]);
      expect(paragraphs.some((p) => p.startsWith(last) && p !== last)).toBe(true);
      expect(last).not.toMatch(/[。！？]$/u);
      const question = variant.defects[0]!.units[0]!;
      expect(lines.filter((line) => line.endsWith(`记者：${TRUTH.units[question]!.question}`))).toHaveLength(2);
    }
  });

  it('GIVEN whitespace noise THEN every line keeps its text', () => {
    for (const variant of variantsOf('whitespace-noise')) expect(linesOf(variant.text)).toEqual(linesOf(CLEAN));
  });

  it('GIVEN a bilingual file and a split paragraph THEN the English line follows the second piece', () => {
    for (const seed of SEEDS) {
      const variant = corruptTranscript(BILINGUAL, BILINGUAL_TRUTH, seed, only('split-paragraph'));
      const lines = linesOf(variant.text);
      for (const [i, paragraph] of BILINGUAL_TRUTH.units[0]!.paragraphs.entries()) {
        const english = lines.findIndex((line) => line.endsWith(BILINGUAL_TRUTH.units[0]!.translation![i]!));
        expect(paragraph.endsWith(lines[english - 1]!.replace(/^答：/u, ''))).toBe(true);
      }
      expect(variant.truth).toEqual(cleanExpectation(BILINGUAL_TRUTH));
    }
  });

  it('GIVEN a bilingual file and a deleted question THEN its translation is expected null too', () => {
    const variant = SEEDS.map((seed) => corruptTranscript(BILINGUAL, BILINGUAL_TRUTH, seed, only('missing-question'))).find((v) => v.defects.length > 0);
    // Two questioned units: deleting a question needs another untouched one, so it can apply.
    expect(variant).toBeDefined();
    const [unit] = variant!.defects[0]!.units as [number];
    expect(variant!.truth.units[unit]!.questionTranslation).toBeNull();
    expect(variant!.text).not.toContain(BILINGUAL_TRUTH.units[unit]!.questionTranslation);
  });
});

/** Characters that differ between two texts of the same length (Infinity otherwise). */
function differences(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  return x.length === y.length ? x.filter((char, i) => char !== y[i]).length : Infinity;
}

describe('corruptTranscript, all kinds together', () => {
  it('GIVEN the same seed THEN the same variant; different seeds THEN different variants', () => {
    expect(corruptTranscript(CLEAN, TRUTH, 42)).toEqual(corruptTranscript(CLEAN, TRUTH, 42));
    const texts = new Set(SEEDS.map((seed) => corruptTranscript(CLEAN, TRUTH, seed).text));
    expect(texts.size).toBe(SEEDS.length);
  });

  it('GIVEN many seeds THEN each kind is drawn in some variants and not in others', () => {
    const counts = new Map<DefectKind, number>();
    for (let seed = 1; seed <= 60; seed++) for (const d of corruptTranscript(CLEAN, TRUTH, seed).defects) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
    for (const kind of DEFECT_KINDS) {
      expect(counts.get(kind) ?? 0, kind).toBeGreaterThan(5);
      expect(counts.get(kind) ?? 0, kind).toBeLessThan(55);
    }
  });

  const sources = [
    { name: 'CLEAN', text: CLEAN, truth: TRUTH },
    { name: 'BILINGUAL', text: BILINGUAL, truth: BILINGUAL_TRUTH },
    ...TUNING.map((fixture) => ({ name: fixture.name, text: fixture.text, truth: fixture.truth })),
  ];

  it('GIVEN any seed THEN every foreign string really occurs in the variant text, and is no expected paragraph', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.integer(), (source, seed) => {
        const variant = corruptTranscript(source.text, source.truth, seed);
        const expected = new Set(variant.truth.units.flatMap((u) => u.paragraphs));
        for (const text of variant.truth.foreign) {
          expect(variant.text).toContain(text);
          expect(expected.has(text)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('GIVEN any seed THEN every expected paragraph still stands in the variant, whole or as its split pieces', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.integer(), (source, seed) => {
        const variant = corruptTranscript(source.text, source.truth, seed);
        for (const paragraph of variant.truth.units.flatMap((u) => u.paragraphs)) expect(standsWholeOrSplit(variant.text, paragraph), paragraph).toBe(true);
        for (const question of variant.truth.unanswered) expect(variant.text).toContain(question);
      }),
      { numRuns: 150 },
    );
  });

  it('GIVEN any seed THEN no text is invented: each line is a clean line, a piece of one, or a corrupt copy', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.integer(), (source, seed) => {
        const variant = corruptTranscript(source.text, source.truth, seed);
        const clean = linesOf(source.text);
        const foreign = new Set(variant.truth.foreign);
        for (const line of linesOf(variant.text)) {
          const known =
            clean.includes(line) ||
            [...foreign].some((text) => line.endsWith(text)) ||
            clean.some((c) => c.startsWith(line) || c.endsWith(line));
          expect(known, line).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('GIVEN any seed THEN no expected sentence is lost from the variant text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.integer(), (source, seed) => {
        const variant = corruptTranscript(source.text, source.truth, seed);
        const joined = variant.text.replace(/[ \t\u3000]*\r?\n[\s\u3000]*/gu, '');
        for (const sentence of variant.truth.units.flatMap((u) => u.paragraphs).flatMap(sentencesOf)) expect(joined).toContain(sentence);
      }),
      { numRuns: 100 },
    );
  });
});
