import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/ingest/parse-transcript.js';
import { listLabel, removeDuplicates } from '../../src/ingest/remove-duplicates.js';
import { repairSplitParagraphs } from '../../src/ingest/repair-split-paragraphs.js';

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
    const { value } = removeDuplicates(parse('王毅：同一段话，说了两次。\n\n王毅：同一段话，说了两次。\n'));
    expect(value.paragraphs).toHaveLength(1);
    expect(value.paragraphs[0]!.lines).toEqual([1, 3]);
    expect(value.sequence).toEqual([0, 0]);
  });

  it('GIVEN a truncated tail and a stray suffix THEN both are dropped as fragments of the paragraph holding them', () => {
    const { value, report } = removeDuplicates(parse('王毅：开始。\n\n对受害者鼓噪所谓追责索赔，是对国际法治的践踏。\n\n是对国际法治的践踏。\n\n对受害者鼓噪\n'));
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
    const { value, report } = removeDuplicates(parse(source));
    const kept = [...new Set(value.sequence)].map((id) => value.paragraphs[id]!.text);
    expect(kept).toContain('建设性是指溯源不应影响拯救生命的当务之急，不应损害抗疫合作。');
    expect(kept).not.toContain('专业性是指溯源不应影响拯救生命的当务之急，不应损害抗疫合作。');
    const verdict = report.find((r) => r.action === 'near-duplicate')!;
    expect(verdict.detail).toContain('repeats the label');
    expect(verdict.detail).not.toContain('weak verdict');
  });

  it.each([
    ['第二，多边主义需要更加坚定地维护弘扬。', '第二'],
    ['专业性是指溯源应以科学为依据。', '专业性'],
    ['首先，我们要团结。', '首先'],
    ['当前，美国已经成为世界上疫情最严重的国家。', null],
  ])('listLabel(%s) → %s', (text, label) => {
    expect(listLabel(text)).toBe(label);
  });
});
