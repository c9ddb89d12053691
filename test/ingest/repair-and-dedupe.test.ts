import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/ingest/parse-transcript.js';
import { afterListLabel, judgeNearCopies, nearCopyDistance, removeDuplicates, truncatedTail, wordingDecides, wordsDecide, type CopyContext, type DistinctParagraph } from '../../src/ingest/remove-duplicates.js';
import { repairSplitParagraphs } from '../../src/ingest/repair-split-paragraphs.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();

const parse = (text: string) => parseTranscript(text, { knownSpeakers: ['王毅'] }).value.blocks;
const texts = (text: string) => repairSplitParagraphs(parse(text)).value.map((b) => b.text);

describe('repairSplitParagraphs', () => {
  it('GIVEN a paragraph split mid-word THEN it is joined, exactly the concatenation of its pieces', () => {
    const { value, report } = repairSplitParagraphs(parse('王毅：开始。\n\n第三，全球治理需要更加精准地改\n\n革完善。\n'));
    expect(value.map((b) => b.text)).toEqual(['王毅：开始。', '第三，全球治理需要更加精准地改革完善。']);
    expect(value[1]!.pieces.map((p) => p.line)).toEqual([3, 5]);
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ action: 'merge-split', lines: [3, 5] });
  });

  it('GIVEN a paragraph split after a comma THEN it is joined', () => {
    expect(texts('王毅：面对攻击，\n\n双方相互支持。\n')).toEqual(['王毅：面对攻击，双方相互支持。']);
  });

  it('GIVEN a paragraph ending a sentence THEN it is never joined with the next', () => {
    expect(texts('王毅：第一句。\n\n第二句。\n')).toEqual(['王毅：第一句。', '第二句。']);
  });

  it('GIVEN copies followed by different text THEN the one that is not a stray piece of another paragraph wins, and the conflict is reported', () => {
    const source = [
      '王毅：甲方说过一段很长的话，这是其中的一部分内容。',
      '王毅：俄方支持我们，',
      '的一部分内容。',
      '王毅：俄方支持我们，',
      '我们也支持俄方。',
    ].join('\n\n');
    const { value, report } = repairSplitParagraphs(parse(source));
    expect(value.map((b) => b.text)).toEqual([
      '王毅：甲方说过一段很长的话，这是其中的一部分内容。',
      '王毅：俄方支持我们，',
      '的一部分内容。',
      '王毅：俄方支持我们，我们也支持俄方。',
    ]);
    expect(report.map((r) => r.action)).toEqual(['split-conflict', 'merge-split']);
  });
});

describe('removeDuplicates', () => {
  it('GIVEN exact copies THEN one is kept and every place it stood is remembered', () => {
    const { value } = removeDuplicates(parse('王毅：同一段话，说了两次。\n\n王毅：同一段话，说了两次。\n'), analyzer);
    expect(value.paragraphs).toHaveLength(1);
    expect(value.paragraphs[0]!.lines).toEqual([1, 3]);
    expect(value.sequence).toEqual([0, 0]);
  });

  it('GIVEN a truncated tail and a stray suffix THEN both are dropped as fragments of the paragraph holding them', () => {
    const { value, report } = removeDuplicates(parse('王毅：开始。\n\n对受害者鼓噪所谓追责索赔，是对国际法治的践踏。\n\n是对国际法治的践踏。\n\n对受害者鼓噪\n'), analyzer);
    const kept = [...new Set(value.sequence)].map((id) => value.paragraphs[id]!.text);
    expect(kept).toEqual(['王毅：开始。', '对受害者鼓噪所谓追责索赔，是对国际法治的践踏。']);
    expect(report.filter((r) => r.action === 'drop-fragment').map((r) => r.lines)).toEqual([[7], [5]]);
  });

  it('GIVEN near-copies whose list labels differ THEN the copy repeating a sibling label is corrupt, even when it is the majority', () => {
    const source = [
      '王毅：这一进程应坚持专业性、公正性和建设性：',
      '专业性是指溯源应以科学为依据，由世卫组织主导。',
      '专业性是指溯源不应影响拯救生命的当务之急，不应损害抗疫合作。',
      '公正性是指溯源要排除各种政治干扰。',
      '专业性是指溯源不应影响拯救生命的当务之急，不应损害抗疫合作。',
      '建设性是指溯源不应影响拯救生命的当务之急，不应损害抗疫合作。',
    ].join('\n\n');
    const { value, report } = removeDuplicates(parse(source), analyzer);
    const kept = [...new Set(value.sequence)].map((id) => value.paragraphs[id]!.text);
    expect(kept).toContain('建设性是指溯源不应影响拯救生命的当务之急，不应损害抗疫合作。');
    expect(kept).not.toContain('专业性是指溯源不应影响拯救生命的当务之急，不应损害抗疫合作。');
    const verdict = report.find((r) => r.action === 'near-duplicate')!;
    expect(verdict.detail).toContain('repeats the label');
    expect(verdict.detail).not.toContain('weak verdict');
  });

  // Corrupt copies stand twice (after two other answers), the original once, in its list: the majority is wrong in every row.
  const THREE_POINTS = ['我想强调三点：', '一是坚持开放合作，欢迎各方参与。', '二是坚持市场规律和国际通行规则，企业是项目建设的主体。', '三是坚持可持续发展，确保合作项目经得起时间检验。'];
  it.each([
    ['a relabelled 一是/二是 item', THREE_POINTS, THREE_POINTS[2]!, '三是坚持市场规律和国际通行规则，企业是项目建设的主体。', 'repeats the label'],
    [
      'a relabelled 第一/第二 item',
      ['中方希望会议实现以下目标：', '第一，全面梳理峰会成果的落实进展，总结已经完成的项目。', '第二，加强发展战略对接，把共建倡议同各国发展规划结合起来。', '第三，共同应对保护主义带来的挑战，维护发展中国家的共同利益。'],
      '第二，加强发展战略对接，把共建倡议同各国发展规划结合起来。',
      '第一，加强发展战略对接，把共建倡议同各国发展规划结合起来。',
      'repeats the label',
    ],
    [
      'a relabelled 首先/其次 item',
      ['磋商取得了重要进展。', '首先，各方已经形成单一磋商文本草案，这是磋商进程中的一个重要里程碑。', '其次，各方已经完成对单一磋商文本草案的第一轮审读，目前正在推进第二轮审读。', '最后，中方提出了力争在三年内完成磋商的设想，得到了积极回应。'],
      '其次，各方已经完成对单一磋商文本草案的第一轮审读，目前正在推进第二轮审读。',
      '最后，各方已经完成对单一磋商文本草案的第一轮审读，目前正在推进第二轮审读。',
      'repeats the label',
    ],
    ['a copy with wrong characters and the same label', THREE_POINTS, THREE_POINTS[2]!, '二是坚持市场规律和国际通行规则，企业是项目建镇的刻体。', 'known words'],
    ['a copy whose one wrong character still makes words', THREE_POINTS, THREE_POINTS[2]!, '二是坚持市场规律和国际通用规则，企业是项目建设的主体。', 'in its list'],
    [
      'a copy whose wrong character makes a word of its own and splits a longer one',
      ['双方商定了三项工作：', '一是尽快召开联委会会议。', '二是落实行动计划，推动合作项目尽早落地见效。', '三是扩大人员往来，便利双方企业。'],
      '二是落实行动计划，推动合作项目尽早落地见效。',
      '二是落实转动计划，推动合作项目尽早落地见效。',
      'cuts into 2 words (转动 计划) against 1 (行动计划)',
    ],
    [
      'a copy whose wrong character makes a rarer word',
      ['我们的援助有三个重点：', '一是修建学校和医院。', '二是帮助当地改善民生，让合作成果惠及普通民众。', '三是培训技术人员。'],
      '二是帮助当地改善民生，让合作成果惠及普通民众。',
      '二是帮助当地改元民生，让合作成果惠及普通民众。',
      'are rarer in Chinese',
    ],
  ])('GIVEN %s in the majority THEN the original is kept and the corrupt copies dropped', (_, answer, original, corrupt, because) => {
    const source = ['新华社记者：请问？', `王毅：${answer[0]}`, ...answer.slice(1), '路透社记者：还有问题？', '王毅：另一个回答。', corrupt, '法新社记者：最后一个问题？', '王毅：再一个回答。', corrupt].join('\n\n');
    const { value, report } = removeDuplicates(parse(source), analyzer);
    const kept = [...new Set(value.sequence)].map((id) => value.paragraphs[id]!.text);
    expect(kept).not.toContain(corrupt);
    expect(kept).toContain(original);
    const verdict = report.find((r) => r.action === 'near-duplicate')!;
    expect(verdict.detail).toContain(because);
    expect(verdict.detail).not.toContain('weak verdict');
  });

  it.each([
    ['二是坚持市场规律和国际通行规则，企业是项目建设的主体。', '三是坚持市场规律和国际通行规则，企业是项目建设的主体。', 1],
    ['二是坚持市场规律和国际通行规则，企业是项目建设的主体。', '二是坚持市场规律和国际通行规则，企业是项目建镇的刻体。', 2],
    ['专业性是指溯源应以科学为依据，由世卫组织主导，让科学家开展研究。', '建设性是指溯源应以科学为依据，由世卫组织主导，让科学家开展研究。', 1],
    ['中方在经贸问题上的立场是一贯的、明确的，我们愿意通过对话协商解决分歧。', '中方在经贸问题上的立场是一惯的、明确的，我们愿意通过对话协商解决分歧。', 1],
    ['中方在经贸问题上的立场是一贯的、明确的。', '美方在安全问题上的做法是错误的、危险的。', null],
    ['短句。', '短话。', null],
  ])('nearCopyDistance(%s, %s) → %s', (a, b, distance) => {
    expect(nearCopyDistance(a, b)).toBe(distance);
  });
});

describe('judgeNearCopies by list order', () => {
  const paragraph = (id: number, kind: DistinctParagraph['kind'], text: string, lines: number[]): DistinctParagraph => ({
    id, kind, text, labelLength: kind === 'continuation' ? 0 : text.indexOf('：') + 1, who: kind === 'answer-start' ? '王毅' : null, pieces: [{ line: lines[0]!, text }], lines, translation: null,
  });
  // Two copies of 二是 with one character apart, the wording telling nothing (no word known, every word equally specific), so only where they stand speaks.
  const paragraphs = [
    paragraph(0, 'answer-start', '王毅：答一。', [1]),
    paragraph(1, 'continuation', '一是扩大开放合作，成果丰硕。', [3]),
    paragraph(2, 'continuation', '二是深化规则对接，标准互认。', [5]),
    paragraph(3, 'continuation', '二是深化规则对接，标准互仞。', [11, 17]),
    paragraph(4, 'question', '记者：问二？', [7]),
    paragraph(5, 'answer-start', '王毅：答二。', [9]),
    paragraph(6, 'question', '记者：问三？', [13]),
    paragraph(7, 'answer-start', '王毅：答三。', [15]),
  ];
  const context: CopyContext = {
    others: paragraphs.filter((p) => p.id !== 2 && p.id !== 3 && p.kind !== 'question'),
    owners: new Map([[1, new Set([0])], [2, new Set([0])], [3, new Set([5, 7])]]),
    sequence: [0, 1, 2, 4, 5, 3, 6, 7, 3],
    paragraphs,
    background: () => 0,
    isWord: () => false,
    words: (text) => Array.from(text),
    specificity: () => 0.5,
  };

  it('GIVEN the copy standing after 一是 and the other after answer starts THEN the first is kept, and the reason names it', () => {
    const verdict = judgeNearCopies(paragraphs[2]!, paragraphs[3]!, context);
    expect(verdict.kept.text).toBe('二是深化规则对接，标准互认。');
    expect(verdict.weak).toBe(false);
    expect(verdict.reason).toBe('“二是深化规则对接，标准互认。” stands in its list\'s order (100% of its copies) and the other does not');
    expect(judgeNearCopies(paragraphs[3]!, paragraphs[2]!, context).reason).toBe(verdict.reason);
  });
});

describe('wordingDecides', () => {
  it.each([
    [1, 0, true],
    [0, 1, true],
    [0, 0, false],
    [2, 1, false],
    [3, 1, true],
    [2, 2, false],
  ])('known words %i against %i → %s', (a, b, expected) => {
    expect(wordingDecides(a, b)).toBe(expected);
  });
});

describe('wordsDecide', () => {
  const specificity = (word: string): number => ({ 改善: 0.49, 改元: 0.73, 通行: 0.64, 通用: 0.56 })[word] ?? (Array.from(word).length === 1 ? 0.2 : 0.6);
  it.each([
    [['行动计划'], ['转动', '计划'], 'b'],
    [['岛国', '是'], ['岛', '困', '集中'], 'b'],
    [['碑', '易'], ['贸易'], 'a'],
    [['改元'], ['改善'], 'a'],
    [['峰'], ['分'], null],
    [['通行'], ['通用'], null],
  ] as const)('words only in a %j, only in b %j → the corrupt copy is %s', (onlyA, onlyB, expected) => {
    expect(wordsDecide(onlyA, onlyB, specificity)).toBe(expected);
  });
});

describe('afterListLabel', () => {
  it.each([
    ['三是深化合作。', '深化合作。'],
    ['一是扩大交流，增进了解。', '扩大交流，增进了解。'],
    ['中方欢迎会谈的成果。', '中方欢迎会谈的成果。'],
  ])('afterListLabel(%s) → %s', (text, expected) => {
    expect(afterListLabel(text)).toBe(expected);
  });
});

describe('removeDuplicates on a near-copy seen more often than its original', () => {
  it('GIVEN a corrupt copy seen twice whose one wrong character breaks the only word it falls in THEN the original, seen once, is kept', () => {
    const original = '中方将加快建设新的矿产加工项目，带动当地就业，造福两国人民。';
    const corrupt = '中方将加快建设新的前产加工项目，带动当地就业，造福两国人民。';
    const text = `陈立新：开场。\n\n陈立新：再说。\n\n路透社记者：合作有什么计划？\n\n陈立新：我们会继续推进合作。\n\n${original}\n\n${corrupt}\n\n${corrupt}\n`;
    const deduped = removeDuplicates(parseTranscript(text).value.blocks, analyzer).value;
    const kept = deduped.sequence.map((id) => deduped.paragraphs[id]!.text);
    expect(kept).toContain(original);
    expect(kept).not.toContain(corrupt);
  });
});

describe('truncatedTail', () => {
  const opening = '陈立新：开场。\n\n陈立新：再说。\n\n路透社记者：会谈顺利吗？谢谢。\n\n陈立新：会谈很顺利，谢谢大家。\n\n';
  it.each([
    ['a short unfinished piece of an answer', '谢谢大', '谢谢大'],
    ['a short unfinished piece of a question', '会谈顺利吗', '会谈顺利吗'],
    ['a finished last paragraph', '谢谢。', null],
    ['an unfinished last paragraph found nowhere else', '再见各位朋友', null],
  ])('GIVEN the file ends with %s THEN the dropped tail is %s', (_, last, expected) => {
    const deduped = removeDuplicates(parseTranscript(`${opening}${last}\n`).value.blocks, analyzer).value;
    const kept = deduped.sequence.map((id) => deduped.paragraphs[id]!.text);
    expect(kept.includes(last)).toBe(expected === null);
    const all = removeDuplicates(parseTranscript(`${opening}${last}\n`).value.blocks, analyzer).value.paragraphs;
    const tail = truncatedTail(all, all.map((p) => p.id));
    expect(tail?.fragment.text ?? null).toBe(expected);
  });
});
