import { describe, expect, it } from 'vitest';
import { isTerminated, parseTranscript, splitLines } from '../../src/ingest/parse-transcript.js';

describe('parseTranscript', () => {
  it.each([
    ['中国国际电视台记者：中美关系会恶化吗？', 'question', '中国国际电视台'],
    ['《中国日报》记者：您对此怎么看？', 'question', '《中国日报》'],
    ['记者：还有一个问题？', 'question', null],
    ['问：中方如何回应？', 'question', null],
    ['新華社記者：中方如何看待中美關係？', 'question', '新華社'],
    ['問：中方如何回應？', 'question', null],
    ['王毅：世界当然回不到过去。', 'answer-start', '王毅'],
    ['华春莹：我们注意到有关报道。', 'answer-start', '华春莹'],
    ['第二，多边主义需要更加坚定地维护弘扬。', 'continuation', null],
  ])('GIVEN the paragraph %s THEN it is a %s by %s', (line, kind, who) => {
    const text = `标题\n\n王毅：开场。\n\n王毅：再说一句。\n\n华春莹：一。\n\n华春莹：二。\n\n${line}\n`;
    const blocks = parseTranscript(text).value.blocks;
    const block = blocks.at(-1)!;
    expect(block.kind).toBe(kind);
    expect(block.who).toBe(who);
    expect(block.text).toBe(line);
  });

  it('GIVEN a name that labels only one paragraph THEN it is not taken for a speaker unless metadata names it', () => {
    const text = '张三：只说一次。\n';
    expect(parseTranscript(text).value.blocks[0]!.kind).not.toBe('answer-start');
    expect(parseTranscript(text, { knownSpeakers: ['张三'] }).value.blocks[0]!.kind).toBe('answer-start');
  });

  it('GIVEN a name that answers once right after a question THEN it is a speaker', () => {
    const blocks = parseTranscript('王毅：开场。\n\n王毅：再说。\n\n路透社记者：经济怎么样？\n\n何立峰：经济稳中向好。\n').value.blocks;
    expect(blocks.at(-1)).toMatchObject({ kind: 'answer-start', who: '何立峰' });
    const listed = parseTranscript('王毅：开场。\n\n王毅：再说。\n\n路透社记者：经济怎么样？\n\n首先：经济稳中向好。\n').value.blocks;
    expect(listed.at(-1)!.kind).toBe('continuation');
  });

  it('GIVEN a known speaker labelled with a title THEN the answer is that speaker’s', () => {
    const blocks = parseTranscript('路透社记者：问题？\n\n国务委员兼外交部长王毅：回答。\n', { knownSpeakers: ['王毅'] }).value.blocks;
    expect(blocks.at(-1)).toMatchObject({ kind: 'answer-start', who: '王毅', labelLength: 12 });
  });

  it('GIVEN a title and a lead before the first answer THEN they are heading and lead, reported as skipped', () => {
    const { value, report } = parseTranscript('就中国外交政策和对外关系\n\n记者会在北京举行。\n\n王毅：大家好。\n', { knownSpeakers: ['王毅'] });
    expect(value.heading).toBe('就中国外交政策和对外关系');
    expect(value.blocks.map((b) => b.kind)).toEqual(['heading', 'lead', 'answer-start']);
    expect(report.map((r) => r.action)).toEqual(['skip', 'skip']);
    expect(value.speakers).toEqual(['王毅']);
  });

  it('GIVEN the host’s words between questions THEN they are skipped, not taken for answers', () => {
    const text = '王毅：开场。\n\n主持人：请路透社记者提问。\n\n路透社记者：有问题吗？\n\n王毅：有答案。\n\n主持人：下一位。\n';
    const { value, report } = parseTranscript(text, { knownSpeakers: ['王毅'] });
    expect(value.blocks.map((b) => b.kind)).toEqual(['answer-start', 'lead', 'question', 'answer-start', 'lead']);
    expect(report.map((r) => r.lines)).toEqual([[3], [9]]);
  });

  it('keeps line numbers and text as in the source, less surrounding white space', () => {
    expect(splitLines('\n\n  甲。 \r\n\n乙\n')).toEqual([
      { line: 3, text: '甲。' },
      { line: 5, text: '乙' },
    ]);
  });
});

describe('isTerminated', () => {
  it.each([
    ['改革完善。', true],
    ['这一进程应坚持专业性、公正性和建设性：', true],
    ['是彻头彻尾的“三无产品”。', true],
    ['他说：“好。”', true],
    ['双方交往密切。（1-1）', true],
    ['（掌声）', true],
    ['中国（北京）', false],
    ['第三，全球治理需要更加精准地改', false],
    ['面对个别国家的无理攻击与抹黑，', false],
    ['成为“政治病毒”', false],
  ])('%s → %s', (text, expected) => {
    expect(isTerminated(text)).toBe(expected);
  });
});
