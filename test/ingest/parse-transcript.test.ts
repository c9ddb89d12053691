import { describe, expect, it } from 'vitest';
import { asksQuestion, countSpeakerLabels, isMostlyLatin, isTerminated, parseTranscript, splitLines, translationBody } from '../../src/ingest/parse-transcript.js';

describe('parseTranscript', () => {
  it.each([
    ['中国国际电视台记者：中美关系会恶化吗？', 'question', '中国国际电视台'],
    ['《中国日报》记者：您对此怎么看？', 'question', '《中国日报》'],
    ['记者：还有一个问题？', 'question', null],
    ['问：中方如何回应？', 'question', null],
    ['新華社記者：中方如何看待中美關係？', 'question', '新華社'],
    ['問：中方如何回應？', 'question', null],
    ['追问：中方是否会同日方沟通？', 'question', null],
    ['追問：中方是否會同日方溝通？', 'question', null],
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

  it.each([
    ['a background paragraph, then one asking, then the answer', '新华社记者：今年是建交50周年。\n\n另外，请问两国将举办哪些活动？\n\n王毅：我们将举办一系列纪念活动。\n', ['question', 'answer-start'], '新华社记者：今年是建交50周年。\n另外，请问两国将举办哪些活动？'],
    ['the same in a 问：/答： briefing', '问：今年是建交50周年。\n\n请问两国将举办哪些活动？\n\n答：我们将举办一系列纪念活动。\n', ['question', 'answer-start'], '问：今年是建交50周年。\n请问两国将举办哪些活动？'],
    // An unlabelled paragraph that asks nothing after a question is the previous answer's (a copy pasted there).
    ['a paragraph that asks nothing between a question and its answer', '新华社记者：两国将举办哪些活动？\n\n双方同意加强合作。\n\n王毅：我们将举办一系列纪念活动。\n', ['question', 'continuation', 'answer-start'], '新华社记者：两国将举办哪些活动？'],
    // A paragraph asking something that also stands in an answer is that answer's, copied after the question.
    ['a rhetorical question of an answer, copied between a question and its answer', '新华社记者：两国将举办哪些活动？\n\n大国的信誉又在哪里？\n\n王毅：我们将举办一系列纪念活动。\n\n路透社记者：美方怎么看？\n\n王毅：美方说一套做一套。\n\n大国的信誉又在哪里？\n', ['question', 'continuation', 'answer-start', 'question', 'answer-start', 'continuation'], '新华社记者：两国将举办哪些活动？'],
    // A question asked over two paragraphs, repeated with its answer, is still one question.
    ['a two-paragraph question repeated with its answer', '问：今年是建交50周年。\n\n请问两国将举办哪些活动？\n\n答：我们将举办纪念活动。\n\n问：今年是建交50周年。\n\n请问两国将举办哪些活动？\n\n答：我们将举办纪念活动。\n', ['question', 'answer-start', 'question', 'answer-start'], '问：今年是建交50周年。\n请问两国将举办哪些活动？'],
    // Without an answer after it, a paragraph asking something is no part of the question.
    ['a paragraph asking something after a question and no answer after it', '新华社记者：两国将举办哪些活动？\n\n这难道不是事实吗？\n', ['question', 'continuation'], '新华社记者：两国将举办哪些活动？'],
  ])('GIVEN %s THEN the blocks are %j and the question reads %j', (_, text, kinds, question) => {
    const blocks = parseTranscript(text, { knownSpeakers: ['王毅'] }).value.blocks;
    expect(blocks.map((block) => block.kind)).toEqual(kinds);
    expect(blocks[0]!.text).toBe(question);
  });

  it('GIVEN a question over two paragraphs in a bilingual transcript THEN each English line is the question’s translation', () => {
    const text = '新华社记者：今年是建交50周年。\nXinhua: This year marks the 50th anniversary.\n另外，请问两国将举办哪些活动？\nWhat events will the two countries hold?\n王毅：我们将举办一系列纪念活动。\nWang Yi: We will hold a series of events.\n';
    const [question, answer] = parseTranscript(text, { knownSpeakers: ['王毅'] }).value.blocks;
    expect(question).toMatchObject({ kind: 'question', translation: 'This year marks the 50th anniversary.\nWhat events will the two countries hold?' });
    expect(question!.pieces.map((piece) => piece.line)).toEqual([1, 3]);
    expect(answer).toMatchObject({ kind: 'answer-start', translation: 'We will hold a series of events.' });
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

  it.each([
    [
      'an announcement after the lead of a 问/答 briefing',
      '2019年6月19日外交部发言人韩立新主持例行记者会\n　　2019年6月19日，外交部发言人韩立新主持例行记者会。\n　　应邀请，某国外长将于6月20日访华。\n　　某会议将于6月24日在北京举行。\n　　问：中方有何期待？\n　　答：中方期待会议取得成功。\n',
      ['heading', 'lead', 'answer-start', 'continuation', 'question', 'answer-start'],
      null,
    ],
    [
      'an announcement after `X首先发布消息：`',
      '2018年11月8日外交部发言人邵宁主持例行记者会\n2018年11月8日，外交部发言人邵宁主持例行记者会。\n邵宁首先发布消息：应邀请，某国总理将于11月12日访华。\n应邀请，外交部长将出席部长级会议。\n问:中方有何回应?\n答:中方立场是一贯的。\n',
      ['heading', 'lead', 'answer-start', 'continuation', 'question', 'answer-start'],
      '邵宁',
    ],
    [
      'the label `X首先发布消息：` alone on its line',
      '记者会\n今天，发言人邵宁主持例行记者会。\n邵宁首先发布消息：\n应邀请，某国总理将于11月12日访华。\n问：中方有何回应？\n答：中方立场是一贯的。\n',
      ['heading', 'lead', 'lead', 'answer-start', 'question', 'answer-start'],
      '邵宁',
    ],
  ])('GIVEN %s THEN it opens an answer given before any question', (_, text, kinds, who) => {
    const { value, report } = parseTranscript(text);
    expect(value.blocks.map((b) => b.kind)).toEqual(kinds);
    const start = value.blocks.find((b) => b.kind === 'answer-start')!;
    expect(start.who).toBe(who);
    expect(report.some((r) => r.action === 'announcement')).toBe(true);
  });

  it('GIVEN a minister’s conference THEN a second lead paragraph is no announcement', () => {
    const text = '记者会\n\n十三届全国人大三次会议举行记者会。\n\n出席记者会的有外交部长。\n\n新华社记者：问题？\n\n王毅：回答。\n';
    expect(parseTranscript(text, { knownSpeakers: ['王毅'] }).value.blocks.map((b) => b.kind)).toEqual(['heading', 'lead', 'lead', 'question', 'answer-start']);
  });

  it('GIVEN a bilingual transcript THEN each English line is the translation of the paragraph before it, never a paragraph, its label dropped where the paragraph has one', () => {
    const text = [
      '外交部长就中国外交政策答中外记者问',
      'Foreign Minister Meets the Press',
      '中国国际电视台记者：中美关系怎么看？',
      'CGTN: How do you see China-US relations?',
      '林致远：中美关系十分重要。',
      'Lin Zhiyuan: China-US relations are very important.',
      '双方应当相向而行。',
      'The two sides should meet each other halfway.',
    ].join('\n\n');
    const blocks = parseTranscript(text, { knownSpeakers: ['林致远'] }).value.blocks;
    expect(blocks.map((b) => [b.kind, b.translation])).toEqual([
      ['heading', 'Foreign Minister Meets the Press'],
      ['question', 'How do you see China-US relations?'],
      ['answer-start', 'China-US relations are very important.'],
      ['continuation', 'The two sides should meet each other halfway.'],
    ]);
    expect(blocks[2]!.who).toBe('林致远');
  });

  it('GIVEN half-width labels, single line breaks and leading spaces THEN they parse like full-width ones', () => {
    const blocks = parseTranscript('问:中方如何回应?\n  答:中方坚决反对。\n\u3000\u3000我们敦促美方纠正错误。\n').value.blocks;
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['question', '问:中方如何回应?'],
      ['answer-start', '答:中方坚决反对。'],
      ['continuation', '我们敦促美方纠正错误。'],
    ]);
  });

  it('keeps line numbers and text as in the source, less surrounding white space', () => {
    expect(splitLines('\n\n  甲。 \r\n\n乙\n')).toEqual([
      { line: 3, text: '甲。' },
      { line: 5, text: '乙' },
    ]);
  });
});

describe('countSpeakerLabels', () => {
  it.each([
    ['two different paragraphs of one speaker', ['陈立新：我们欢迎会谈的成果。', '陈立新：双方同意加强沟通。'], { 陈立新: 2 }],
    ['one paragraph repeated word for word', ['今年我们要做好两件事：一是稳住合作。', '今年我们要做好两件事：一是稳住合作。'], { 今年我们要做好两件事: 1 }],
    ['a speaker and a repeated clause before a colon', ['陈立新：谢谢。', '陈立新：再见。', '我补充一句：双方已经签约。', '我补充一句：双方已经签约。'], { 陈立新: 2, 我补充一句: 1 }],
    ['question and English lines', ['路透社记者：会谈顺利吗？', 'Chen Lixin: We welcome it.'], {}],
  ])('GIVEN %s THEN the counts are %j', (_, texts, expected) => {
    expect(Object.fromEntries(countSpeakerLabels(texts))).toEqual(expected);
  });

  it('GIVEN an intro clause with a colon repeated in the file THEN it stays a continuation of its answer, not a new speaker', () => {
    const text = '陈立新：开场。\n\n陈立新：再说。\n\n路透社记者：今年有什么计划？\n\n陈立新：计划很多。\n\n今年我们要做好两件事：一是稳住合作，二是扩大交流。\n\n今年我们要做好两件事：一是稳住合作，二是扩大交流。\n';
    const blocks = parseTranscript(text).value.blocks;
    expect(blocks.slice(-2).map((block) => block.kind)).toEqual(['continuation', 'continuation']);
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

describe('isMostlyLatin', () => {
  it.each([
    ['an English translation', 'Lin Zhiyuan: We welcome the outcome of the meeting.', true],
    ['an English line quoting Chinese words', 'At the reception the guests tasted 饺子 (jiǎozi) and 月饼 (yuèbǐng), a first for many of them.', true],
    ['a short English answer', 'Yes.', true],
    ['a Chinese sentence', '中方欢迎会议取得的成果。', false],
    ['a Chinese sentence naming a long English title', '中方当天公布了《Digital Skills Partnership Framework for Developing Countries》，欢迎各方参与。', false],
    ['a Chinese sentence with abbreviations', '各方支持同APEC、G20、ASEAN等机制加强协调。', false],
    ['digits and punctuation only', '2024．', false],
    ['the second half of a Chinese paragraph split inside an English title', 'ity-Building Partnership Plan for Good and for All》，主要包括以下内容：', false],
    ['the first half of a Chinese paragraph split after a comma', '据UNCTAD《World Investment Report 2024》，', false],
  ])('GIVEN %s THEN %s', (_, text, expected) => {
    expect(isMostlyLatin(text)).toBe(expected);
  });
});

describe('asksQuestion', () => {
  it.each([
    ['另外，请问两国将举办哪些活动？', true],
    ['What events will they hold?', true],
    ['他问：“这难道不是事实吗？”', true],
    ['我们将举办一系列纪念活动。', false],
    ['有人问，中方怎么看？我想说，合作是主流。', false],
  ])('asksQuestion(%s) → %s', (text, expected) => {
    expect(asksQuestion(text)).toBe(expected);
  });
});

describe('translationBody', () => {
  it.each([
    ['Lin Zhiyuan: We welcome it.', true, 'We welcome it.'],
    // An outlet written with letters beyond A-Z (RÚV, Télévision) is a label too.
    ['RÚV: What are China’s plans?', true, 'What are China’s plans?'],
    ['Radio Télévision Suisse: Will China attend?', true, 'Will China attend?'],
    // An outlet with its country after a comma; a clause after a comma is no label.
    ['Clarín, Argentina: What were its outcomes?', true, 'What were its outcomes?'],
    ['The Mirror, Myanmar: What help has China provided?', true, 'What help has China provided?'],
    ['Yonhap, Republic of Korea: Will the talks resume?', true, 'Will the talks resume?'],
    ['Going forward, we will focus on three areas: trade, energy and health.', true, 'Going forward, we will focus on three areas: trade, energy and health.'],
    ['Lin Zhiyuan: We welcome it.', false, 'Lin Zhiyuan: We welcome it.'],
  ])('translationBody(%s, labelled %s) → %s', (english, labelled, body) => {
    expect(translationBody(english, labelled)).toBe(body);
  });
});
