import { describe, expect, it } from 'vitest';
import { analyzeQuestion, englishViewAsked, factAsked, isEnglish, languageRuns, stripFraming } from '../../src/search/question-analysis.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();
const intentOf = (question: string) => analyzeQuestion(analyzer, question, new Set(['王毅'])).intent;

describe('analyzeQuestion: intent', () => {
  it.each([
    ['中方如何评价当前的中美关系？', { kind: 'position' }],
    ['中欧关系的主基调是什么？', { kind: 'position' }],
    ['南海仲裁案 中方立场', { kind: 'position' }],
    ['美国指责中国，中方怎么回应', { kind: 'position' }],
    ['中方对此有何评论', { kind: 'position' }],
    ['中方有没有回应', { kind: 'position' }],
    ['Did China welcome the deal?', { kind: 'position' }],
    // a space after an English word ends a clause as one after a Chinese word does
    ['英国航母要开去Pacific 中国外交部怎么回应的', { kind: 'position' }],
    ['中方对美国的做法怎么看', { kind: 'position' }],
    ['王毅怎么评价中俄关系', { kind: 'position' }],
    ['王毅认定这是挑衅吗', { kind: 'position' }],
    ['中方声称的理由是什么', { kind: 'position' }],
    // the party right before the verb is its subject, not an earlier one the clause names
    ['明斯克协议达成后中方怎么看', { kind: 'position' }],
    ['叙利亚停火后中方如何评价', { kind: 'position' }],
    ['塔利班上台以后中方啥态度', { kind: 'position' }],
    ['中国为全球抗疫提供了哪些帮助？', { kind: 'position' }],
    ['南海问题上中方是什么立场', { kind: 'position' }],
    ['中方对峰会有什么期待', { kind: 'position' }],
    ['在台湾问题上中国怎么看', { kind: 'position' }],
    ['中欧人权对话为什么推迟了', { kind: 'position' }],
    ['王毅說一帶一路要打造什麼樣的合作之路', { kind: 'position' }],
    ['2017年美国有人扬言加关税 中方怎么回应的', { kind: 'position' }],
    ['菲律宾说中国要在黄岩岛搞填海 2016年9月外交部怎么回应的', { kind: 'position' }],
  ])('GIVEN %s THEN it asks for a position', (question, intent) => {
    expect(intentOf(question)).toEqual(intent);
  });

  it.each([
    ['美国对此怎么看', '美国'],
    ['普京本人怎么评价中俄抗疫合作', '普京'],
    ['俄罗斯外长拉夫罗夫怎么回应的', '俄罗斯外长拉夫罗夫'],
    ['伊朗方面对阿曼湾油轮遇袭事件是什么态度？', '伊朗方面'],
    ['日本政府对此的立场是什么', '日本政府'],
    ['世卫组织自己对溯源调查是什么态度', '世卫组织'],
    ['欧盟 对此怎么看', '欧盟'],
    ['莫迪政府对金奈非正式会晤的成果是怎么表态的', '莫迪政府'],
    ['非盟对北京中非峰会有什么期待', '非盟'],
    ['欧洲议会议员为什么主张推迟，他们自己怎么说的', '他们'],
    ['欧盟方面怎么看中欧建交50周年', '欧盟方面'],
    ['印度外交部怎么描述中印边境局势', '印度外交部'],
    ['澳大利亚政府给出的反倾销理由是什么', '澳大利亚政府'],
    ['美国大选时候选人都说了中国哪些狠话', '美国'],
    ['How did the Russian foreign minister respond?', 'the russian foreign minister'],
    ['How did the Indian foreign ministry describe the border situation?', 'the indian foreign ministry'],
    // more ways of asking it: 有何评论, 的官方表态是什么, 怎么表述/解读, 发表了什么声明, 有没有回应, 提出了什么要求
    ['日本对此有何评论', '日本'],
    ['美国国务院的官方表态是什么', '美国国务院'],
    ['俄罗斯方面怎么解读', '俄罗斯方面'],
    ['美国发表了什么声明', '美国'],
    ['英国有没有回应', '英国'],
    ['美方提出了什么要求', '美方'],
    ["What was Seoul's response?", 'seoul'],
    ['What position did the EU take on this?', 'the eu'],
    ['What did Japan accuse China of?', 'japan'],
    ['did the EU welcome the deal?', 'the eu'],
    // with 自己/是 between the party and the verb, a group of countries, a pronoun owning the reason, a text's wording
    ['莫迪自己是怎么评价的', '莫迪'],
    ['拉美国家官员是怎么回应的', '拉美国家官员'],
    ['欧洲议会议员为什么主张推迟 他们的理由是什么', '他们'],
    ['七国集团公报对东海问题是怎么写的', '七国集团'],
    // what the party itself claimed, concluded or said, with no view verb: 声称, 认定, 具体说
    ['中方调停后美国对此怎么评价', '美国'],
    ['印度外交部对这次会晤有啥表态', '印度外交部'],
    ['韩国总统声称部署萨德是为了什么', '韩国总统'],
    ['世卫组织的报告最后认定疫苗安全吗', '世卫组织'],
    ['美国官员具体说港口会怎么用', '美国官员'],
    ['What reasons did Japan give for the release?', 'japan'],
    ['did india agree to join the corridor?', 'india'],
    ['what did the IAEA conclude about the water?', 'the iaea'],
  ])('GIVEN %s THEN it asks another party’s view (%s)', (question, party) => {
    expect(intentOf(question)).toMatchObject({ kind: 'other-view', party });
  });

  it.each([
    ['中国给非洲的贷款有多大', 'quantity', {}],
    ['中俄去年双边贸易额是多少美元', 'quantity', { measure: '美元' }],
    ['中国向多少个国家派了医疗专家组', 'quantity', { measure: '个' }],
    ['中国碳达峰的时候排放峰值定在多少亿吨？', 'quantity', { measure: '吨' }],
    ['普京多大了', 'age', {}],
    ['马克龙访华是哪天', 'date', {}],
    ['中俄科技创新年是哪两年', 'date', {}],
    ['第五批赴南苏丹维和步兵营的营长叫什么名字？', 'identity', { head: '营长' }],
    ['澳大利亚反倾销调查具体针对的是哪些中国产品', 'items', { head: '产品' }],
    ['峰会在哪里举行', 'place', {}],
    ['疫情期间中国给岛国送了多少只口罩', 'quantity', { measure: '只' }],
    ['物资价值多少钱', 'quantity', { measure: '钱' }],
    // 几 before any classifier or unit asks a number in it; 第几 asks a rank, 哪几 which ones
    ['普京来北京看冬奥待几天', 'quantity', { cue: '几', measure: '天' }],
    ['中国给疫区国家援助了几轮', 'quantity', { cue: '几', measure: '轮' }],
    ['外长新年首访非洲这个传统坚持多少年了', 'quantity', { cue: '多少', measure: '年' }],
    ['外长访华跟中国签了哪些协议', 'items', { head: '协议' }],
    ['医疗专家组都去了哪几个国家', 'items', { head: '国家' }],
    ['中日四个政治文件具体是哪四个', 'items', {}],
    ['主席在西雅图参观的是哪所中学', 'items', { cue: '哪所', head: '中学' }],
    ['停在仁爱礁的是哪艘军舰', 'items', { cue: '哪艘', head: '军舰' }],
    ['天然气管道每年能输多少立方米天然气', 'quantity', { measure: '立方米' }],
    ['斯里兰卡展期的债务总额到底是多少', 'quantity', { measure: '钱' }],
    ['中俄贸易额是多少', 'quantity', { measure: '钱' }],
    // 一共/总共 before the cue asks for the total: part of the cue
    ['坦赞铁路总共多长', 'quantity', { cue: '总共多长' }],
    ['MH370上一共有多少中国乘客', 'quantity', { cue: '一共有多少' }],
    ['How many passengers has the railway carried?', 'quantity', {}],
    ['Where will the second China-Central Asia Summit be held?', 'place', { cue: 'Where' }],
    ['When will the second summit be held?', 'date', {}],
    ['how long is the railway and when is it supposed to open', 'date', {}],
    ['How long is the Jakarta-Bandung high-speed railway?', 'quantity', {}],
  ])('GIVEN %s THEN it asks for a fact: %s', (question, fact, detail) => {
    expect(intentOf(question)).toMatchObject({ kind: 'fact', fact, ...detail });
  });

  it('GIVEN an English `when` after the clause’s verb THEN it dates the event asked about and asks no date', () => {
    expect(intentOf('How did China react when Britain, France and Germany triggered the dispute mechanism?')).toEqual({ kind: 'position' });
    expect(intentOf('what did the MFA say when the volcano erupted')).toEqual({ kind: 'position' });
  });

  it('GIVEN a count whose measure is only the first character of a word (多少项目) THEN no measure, and the word stays a topic word', () => {
    const analysis = analyzeQuestion(analyzer, '澜湄合作专项基金支持了多少项目');
    expect(analysis.intent).toEqual({ kind: 'fact', fact: 'quantity', cue: '多少' });
    expect(analysis.core).toContain('项目');
  });

  it.each([
    ['中方認為朝鮮半島問題的癥結在哪裡？'],
    ['中国跟俄罗斯以后要在哪些新领域合作'],
    ['溯源这块中方是不是说要由WHO主导'],
  ])('GIVEN %s THEN no fact is asked (figurative 在哪里, 哪些 + field, WHO the organisation)', (question) => {
    expect(intentOf(question).kind).not.toBe('fact');
  });

  it.each([['求个出处，王毅说过世界回不到过去吗'], ['谎言录的原话是什么']])('GIVEN %s THEN it asks for the quote', (question) => {
    expect(intentOf(question)).toMatchObject({ kind: 'quote' });
  });
});

describe('englishViewAsked', () => {
  it.each([
    ['why did the EU impose tariffs on chinese cars?', 'other'],
    ['why did the chinese government refuse?', 'china'],
    ['china is not an arctic country, so why does it care so much?', 'china'],
    ['why did china abstain on the vote?', 'china'],
  ])('GIVEN %s (why a party acted) THEN the reasons asked are of the %s side', (question, side) => {
    expect(englishViewAsked(question.toLowerCase())).toMatchObject({ side, cue: 'why' });
  });

  it('GIVEN a speaker of the index named in pinyin THEN the view asked is the Chinese side’s', () => {
    expect(englishViewAsked('what did hua chunying say about vaccine aid to africa?', new Set(['华春莹']))).toMatchObject({ side: 'china' });
    expect(englishViewAsked('what did josep borrell say about vaccine aid to africa?', new Set(['华春莹']))).toMatchObject({ side: 'other' });
  });
});

describe('analyzeQuestion: a name jieba does not know', () => {
  it.each([
    ['莫迪怎么回应的', { kind: 'other-view', party: '莫迪', cue: '怎么回应' }],
    ['博雷利对此怎么表态', { kind: 'other-view', party: '博雷利', cue: '怎么表态' }],
  ])('GIVEN %s (an unknown name right before the verb) THEN it asks that party’s view: %j', (question, intent) => {
    expect(analyzeQuestion(analyzer, question).intent).toEqual(intent);
  });

  it.each([
    ['IAEA总干事怎么评价日本福岛排海计划', { kind: 'other-view', party: 'iaea', cue: '怎么评价' }],
    ['G7对此怎么看', { kind: 'other-view', party: 'g7', cue: '怎么看' }],
    ['China对此怎么看', { kind: 'position' }],
  ])('GIVEN %s (a Latin acronym, with or without a title, right before the verb) THEN the view asked is that organisation’s, or China’s: %j', (question, intent) => {
    expect(analyzeQuestion(analyzer, question).intent).toEqual(intent);
  });

  it('GIVEN a party’s own words before the verb (X的原话是怎么评价…) THEN it asks that party’s view, while 中方怎么看X的说法 asks China’s', () => {
    expect(analyzeQuestion(analyzer, '萨摩亚总理的原话是怎么评价中国贷款的').intent).toEqual({ kind: 'other-view', party: '萨摩亚总理', cue: '怎么评价' });
    expect(analyzeQuestion(analyzer, '中方怎么看美国的说法').intent).toEqual({ kind: 'position' });
  });

  it('GIVEN an unknown name that is one of the index’s speakers THEN it asks China’s position', () => {
    expect(analyzeQuestion(analyzer, '莫迪怎么回应的', new Set(['莫迪'])).intent).toEqual({ kind: 'position' });
  });
});

describe('analyzeQuestion: whether an action will be taken', () => {
  it.each([
    ['中国会不会暂停向美国出口口罩', { cue: '会不会', action: '暂停向美国出口口罩', verb: '出口', agent: '中国' }],
    ['中国打算在北极建科考站吗', { cue: '打算', action: '在北极建科考站', agent: '中国' }],
    ['中方是否参与和平进程，美方怎么看', { cue: '是否', action: '参与和平进程', verb: '参与', agent: '中方' }],
    ['普京今年会不会访华', { cue: '会不会', action: '访华', verb: '访华', agent: '普京' }],
    ['中美关系是否正在走向新冷战', { cue: '是否', action: '正在走向新冷战', verb: '走向' }],
  ])('GIVEN %s THEN it asks whether: %j', (question, whether) => {
    expect(analyzeQuestion(analyzer, question).whether).toEqual(whether);
  });

  it.each([
    ['卡霍夫卡大坝被毁后中方有没有派救援队过去', { cue: '有没有', action: '派救援队过去', agent: '中方' }],
    ['2021年中方有没有对澳大利亚葡萄酒加征反倾销税', { cue: '有没有', action: '对澳大利亚葡萄酒加征反倾销税', verb: '加征', agent: '中方' }],
    ['中國抗疫援助有沒有附加政治條件', { cue: '有没有', action: '附加政治条件', verb: '附加' }],
    // after a verb of saying, the action is what was said
    ['汪文斌有没有说中方会邀请世卫专家来华', { cue: '有没有', action: '中方会邀请世卫专家来华', verb: '邀请', agent: '汪文斌' }],
  ])('GIVEN %s (有没有 before a verb phrase) THEN it asks whether it was done: %j', (question, whether) => {
    expect(analyzeQuestion(analyzer, question).whether).toEqual(whether);
  });

  it.each([
    ['坦赞铁路激活项目 中国已经答应出钱了吗', { cue: '了吗', action: '答应出钱', verb: '出钱', agent: '中国' }],
    ['全球发展倡议之友小组 美国加入了没有', { cue: '了没有', action: '加入', verb: '加入', agent: '美国' }],
    ['洞朗对峙结束以后中国是不是已经停止在那边修路了', { cue: '是不是', action: '停止在那边修路了', verb: '停止', agent: '中国' }],
    ['那中国会派兵加入吗', { cue: '吗', action: '派兵加入', verb: '加入', agent: '中国' }],
    ['中方签没签协议', { cue: '签没签', action: '签协议', agent: '中方' }],
    // a modal or a verb of keeping on is no action; after a verb of saying, the action is what was said
    ['中方会制裁去出席的美国官员吗', { cue: '吗', action: '制裁去出席的美国官员', verb: '出席', agent: '中方' }],
    ['中国是不是一直坚持不首先使用核武器', { cue: '是不是', action: '不首先使用核武器', verb: '使用', agent: '中国' }],
  ])('GIVEN %s (the cue needs no modal: 是不是, V没V, …吗, …了没有) THEN it asks whether: %j', (question, whether) => {
    expect(analyzeQuestion(analyzer, question).whether).toEqual(whether);
  });

  it.each([
    // no verb in the clause, a request about the record, or a claim put to China for its view
    ['中俄关系好了吗'],
    ['听说中国给非洲免债了 有这回事吗'],
    ['美国的基建计划是不是在跟一带一路抢生意？中方怎么看'],
  ])('GIVEN %s THEN the yes-or-no form asks no whether', (question) => {
    expect(analyzeQuestion(analyzer, question).whether).toBeUndefined();
  });

  it.each([
    ['中方如何看待中美关系'],
    ['中国给非洲的贷款有多大'],
    // 有没有 before a noun, or beginning a framing phrase, asks for a statement
    ['中国有没有意图改变美国？'],
    ['留学生健康包里有没有连花清瘟'],
    ['有没有大佬知道中方怎么回应的'],
    ['有没有官方说法 2024年那个中非峰会啥时候在哪开'],
  ])('GIVEN %s THEN it asks no whether', (question) => {
    expect(analyzeQuestion(analyzer, question).whether).toBeUndefined();
  });
});

describe('analyzeQuestion: what a wh-question asks of an event', () => {
  it.each([
    ['巴勒斯坦各派别在北京和解对话最后签了什么文件', ['文件']],
    ['雪龙2号第十一次北极科考的航线经过哪些海域', ['海域']],
    ['王岐山去伦敦参加女王葬礼期间还跟哪些英国政要见了面', ['政要']],
    ['世卫组织专家来华溯源最后得出的结论是什么', ['结论']],
  ])('GIVEN %s THEN the thing asked for is %j', (question, asked) => {
    expect(analyzeQuestion(analyzer, question).asked).toEqual(asked);
  });

  it.each([
    ['病毒溯源应该遵循哪些原则', 'what is to be done: the answer is the position'],
    ['借诉讼敲诈中国会有什么结果', 'what may come of it'],
    ['中日韩联合抗疫有什么成果', 'what it has: 有 makes the noun before it the topic'],
    ['中方对欧盟的制裁有啥态度', 'a view'],
    ['王毅在记者会上说了什么', 'what was said is the answer itself'],
    ['中美关系怎么样', 'no question word left once the framing is out'],
  ])('GIVEN %s (%s) THEN nothing is asked of an event', (question) => {
    expect(analyzeQuestion(analyzer, question).asked).toBeUndefined();
  });
});

describe('analyzeQuestion: framing and topic words', () => {
  it.each([
    ['有大佬知道王毅说的那个“谎言录”是啥吗，求个出处', ['有大佬知道', '求个出处', '吗']],
    ['我记得有句“投桃报李”，麻烦发一下原话', ['麻烦发一下', '我记得', '原话']],
    ['听说中美要打新冷战？到底咋回事', ['听说', '到底', '咋回事']],
    ['@koujing 2020年国新办那场说口罩出口了多少', ['@koujing', '国新办', '那场']],
    ['明天北京天气怎么样', ['怎么样', '明天']],
    ['中国政府宣布援助多少钱来着', ['来着']],
  ])('GIVEN %s THEN the framing found is %j', (question, framing) => {
    expect(analyzeQuestion(analyzer, question).framing).toEqual(framing);
  });

  it('GIVEN the minister named by title alone as who spoke THEN the title is framing; another country’s minister, or the minister as what is asked about, stays', () => {
    expect(analyzeQuestion(analyzer, '2017年外长说中国是派维和人员最多的').framing).toContain('外长');
    expect(analyzeQuestion(analyzer, '中国外长怎么回应的').core).not.toContain('外长');
    expect(analyzeQuestion(analyzer, '埃及外长怎么看加沙停火').core).toContain('外长');
    expect(analyzeQuestion(analyzer, '外长新年首访非洲这个传统坚持多少年了').core).toContain('外长');
    expect(analyzeQuestion(analyzer, '重庆特别外长会').core).toContain('外长');
  });

  it('GIVEN a view question THEN its cue is no topic word', () => {
    expect(analyzeQuestion(analyzer, '美国政客要追责，中方怎么回击的').core).not.toContain('怎么回击');
  });

  it('GIVEN an English question THEN its cues and the event it names are no topic words', () => {
    expect(analyzeQuestion(analyzer, 'How did Wang Yi describe the China-Japan cooperation at the press conference?').core).not.toMatch(/describe|press conference/u);
    expect(analyzeQuestion(analyzer, 'Where will the summit be held?').core).toContain('summit');
    expect(analyzeQuestion(analyzer, 'What did the MFA spokesperson say about the summit at the SCIO presser?').core).not.toMatch(/mfa|spokesperson|scio|presser/iu);
  });

  it('GIVEN a fact question THEN its cue is no topic word', () => {
    expect(analyzeQuestion(analyzer, '中俄贸易额是多少美元').core).not.toContain('多少');
  });

  it('GIVEN a count asking for a total away from its cue (一共宣布援助多少钱) THEN 一共 is part of what is asked, no topic word', () => {
    const analysis = analyzeQuestion(analyzer, '中国政府一共宣布援助多少钱');
    expect(analysis.core).not.toContain('一共');
    expect(analysis.core).toContain('援助');
  });
});

describe('stripFraming', () => {
  it.each([
    ['求个出处，王毅说过世界回不到过去吗', ['求个出处', '吗'], '，王毅说过世界回不到过去'],
    ['Can someone tell me what China thinks of AUKUS', ['can someone tell me'], 'what China thinks of AUKUS'],
    ['中美关系', [], '中美关系'],
  ])('GIVEN %s THEN framing %j and core %s', (text, framing, core) => {
    expect(stripFraming(text)).toEqual({ framing, core });
  });

  it('GIVEN a framing phrase inside a longer word THEN the word stays (外交部 in 外交部长)', () => {
    expect(analyzeQuestion(analyzer, '外交部长新年首访非洲是惯例吗').core).toContain('外交部长');
    expect(analyzeQuestion(analyzer, '外交部怎么说领事保护热线').framing).toContain('外交部');
  });
});

describe('languageRuns and isEnglish', () => {
  it.each([
    ['G20峰会上中方的supply chain倡议', [['G20', 'en'], ['峰会上中方的', 'zh'], ['supply chain', 'en'], ['倡议', 'zh']]],
    ['中印 border 现在啥情况', [['中印', 'zh'], ['border', 'en'], ['现在啥情况', 'zh']]],
  ])('GIVEN %s THEN the runs are %j', (text, runs) => {
    expect(languageRuns(text).map((run) => [run.text, run.language])).toEqual(runs);
  });

  it.each([
    ['What does China think of the new Cold War?', true],
    ['How did 王毅 respond to the lawsuits?', true],
    ['美国拉盟友卡芯片出口，破坏 semiconductor supply chain，中方怎么应对？', false],
    ['中美关系 WHO', false],
  ])('GIVEN %s THEN English is %s', (text, english) => {
    expect(isEnglish(text.toLowerCase())).toBe(english);
  });
});

describe('factAsked', () => {
  it.each([
    ['贷款有多大', false, 'quantity'],
    ['when will they meet', true, 'date'],
    ['who is the president', true, 'identity'],
    ['who主导溯源', false, null],
    ['Should WHO lead the origin tracing?', true, null],
  ])('GIVEN %s (English %s) THEN the fact is %s', (text, english, fact) => {
    expect(factAsked(text, english)?.fact ?? null).toBe(fact);
  });
});
