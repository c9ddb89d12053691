import { describe, expect, it } from 'vitest';
import { statesFact, yearsSpoken } from '../../src/search/facts.js';
import type { FactKind } from '../../src/search/question-analysis.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();
const concepts = (...terms: string[]) => terms.map((term) => ({ alternatives: [term], weight: 1 }));

describe('statesFact', () => {
  it.each<[string, { fact: FactKind; cue?: string; measure?: string; head?: string }, string[], boolean]>([
    ['中国已向150多个国家和国际组织提供抗疫援助。', { fact: 'quantity' }, ['国家', '援助'], true],
    ['中国已向150多个国家和国际组织提供抗疫援助。', { fact: 'quantity', measure: '个' }, ['国家', '援助'], true],
    ['中国已向150多个国家和国际组织提供抗疫援助。', { fact: 'quantity', measure: '美元' }, ['国家', '援助'], false],
    ['中俄双方愿进一步深化务实合作。', { fact: 'quantity' }, ['中俄', '合作'], false],
    ['中俄两国是全面战略协作伙伴。', { fact: 'quantity' }, ['中俄'], false],
    ['双方商定于2020年举行会晤。', { fact: 'date' }, ['会晤'], true],
    ['双方同意尽快举行会晤。', { fact: 'date' }, ['会晤'], false],
    ['峰会于2015年12月在约翰内斯堡举行。', { fact: 'date', cue: '几号' }, ['峰会', '约翰内斯堡'], false],
    ['峰会于2015年12月4日在约翰内斯堡举行。', { fact: 'date', cue: '几号' }, ['峰会', '约翰内斯堡'], true],
    ['峰会于2015年12月在约翰内斯堡举行。', { fact: 'date', cue: '几月' }, ['峰会', '约翰内斯堡'], true],
    ['中方对澳方的反倾销调查表示严重关切。', { fact: 'items', head: '产品' }, ['反倾销'], false],
    ['调查涉及钢材、铝材和光伏等产品。', { fact: 'items', head: '产品' }, ['调查'], true],
    ['中方已向10个岛国提供了抗疫物资。', { fact: 'quantity', measure: '只' }, ['岛国', '抗疫物资'], false],
    ['中方向岛国捐赠了50万只口罩。', { fact: 'quantity', measure: '只' }, ['岛国', '口罩'], true],
    ['红十字会提供的物资价值500万元。', { fact: 'quantity', measure: '钱' }, ['红十字会', '物资'], true],
    ['红十字会向乌克兰提供了5批人道主义物资。', { fact: 'quantity', measure: '钱' }, ['红十字会', '物资'], false],
    ['袭击造成3名当地雇员受伤。', { fact: 'quantity', measure: '人' }, ['袭击', '受伤'], true],
    ['袭击造成3辆汽车受损。', { fact: 'quantity', measure: '人' }, ['袭击', '受损'], false],
    ['专家组已赴意大利、塞尔维亚和伊拉克。', { fact: 'items', cue: '哪几个', head: '国家' }, ['专家组'], true],
    ['专家组已赴意大利开展工作。', { fact: 'items', cue: '哪几个', head: '国家' }, ['专家组'], false],
    ['中方叙利亚问题特使多次访问地区国家。', { fact: 'identity', head: '特使' }, ['叙利亚', '特使'], false],
    ['中方叙利亚问题特使王世杰多次访问地区国家。', { fact: 'identity', head: '特使' }, ['叙利亚', '特使'], true],
    // the holder of the role stands in its phrase, not elsewhere in the sentence
    ['国家主席特使出席了巴西新总统的就职仪式，转达了中国领导人的祝贺。', { fact: 'identity', head: '特使' }, ['巴西', '总统', '特使'], false],
    ['国家主席特使、全国人大常委会副委员长王世杰出席了就职仪式。', { fact: 'identity', head: '特使' }, ['就职仪式', '特使'], true],
    ['中方牵头人刘鹤副总理将同美方进行磋商。', { fact: 'identity', head: '牵头人' }, ['磋商', '牵头人'], true],
    // which one by its classifier (哪所中学): its name beside it, not 一所中学
    ['主席将参观当地企业和一所中学。', { fact: 'items', cue: '哪所', head: '中学' }, ['主席', '参观', '中学'], false],
    ['主席将参观湖滨中学。', { fact: 'items', cue: '哪所', head: '中学' }, ['主席', '参观', '中学'], true],
    ['专家组已赴多个国家开展工作。', { fact: 'items', cue: '哪个', head: '国家' }, ['专家组'], false],
  ])('GIVEN %s, asked %j about %j THEN %s', (paragraph, asked, terms, stated) => {
    expect(statesFact(analyzer, paragraph, asked, concepts(...terms))).toBe(stated);
  });

  it('GIVEN the speaker named in the question (王毅说…) THEN the unit’s speaker names him, not its sentence', () => {
    const asked = concepts('王毅', '一带一路', '合作文件');
    expect(statesFact(analyzer, '已有150多个国家同中国签署一带一路合作文件。', { fact: 'quantity' }, asked, '王毅说有多少国家签了一带一路合作文件', '王毅')).toBe(true);
    expect(statesFact(analyzer, '已有150多个国家同中国签署一带一路合作文件。', { fact: 'quantity' }, concepts('王毅', '一带一路', '合作文件', '高峰论坛', '外国元首', '确认'), '', '王毅')).toBe(false);
  });

  it('GIVEN a count asked THEN a date’s digits are no count, and a number the question already says (600亿美元) is not the one asked for', () => {
    const asked = concepts('医务人员', '疫苗', '紧急使用');
    expect(statesFact(analyzer, '今年7月22日起，我国对医务人员开展了疫苗紧急使用。', { fact: 'quantity', cue: '多少' }, asked, '7月以后一共给多少医务人员紧急使用了疫苗')).toBe(false);
    expect(statesFact(analyzer, '今年7月22日起，我国已对30万名医务人员开展了疫苗紧急使用。', { fact: 'quantity', cue: '多少' }, asked, '7月以后一共给多少医务人员紧急使用了疫苗')).toBe(true);
    const aid = concepts('峰会', '600亿美元', '无偿援助');
    expect(statesFact(analyzer, '本月3日至4日峰会举行，中方提供600亿美元支持，其中包括无偿援助。', { fact: 'quantity', cue: '多少' }, aid, '峰会那600亿美元里无偿援助占多少')).toBe(false);
  });

  it('GIVEN a date the question already says THEN it is not the date asked for', () => {
    const asked = concepts('峰会', '约翰内斯堡');
    expect(statesFact(analyzer, '约翰内斯堡峰会于12月举行。', { fact: 'date', cue: '什么时候' }, asked, '约翰内斯堡峰会是12月什么时候开的')).toBe(false);
    expect(statesFact(analyzer, '约翰内斯堡峰会于12月举行。', { fact: 'date', cue: '什么时候' }, asked, '约翰内斯堡峰会什么时候开的')).toBe(true);
  });

  it('GIVEN the subject named in the sentence before the number THEN the number is stated about it, but not by a sentence naming nothing of the question', () => {
    const asked = concepts('嫦娥六号', '国际', '载荷');
    expect(statesFact(analyzer, '嫦娥六号携带国际合作项目成功着陆。此次任务搭载了4个载荷。', { fact: 'quantity', measure: '个' }, asked)).toBe(true);
    expect(statesFact(analyzer, '此次任务搭载了4个载荷。', { fact: 'quantity', measure: '个' }, asked)).toBe(false);
    expect(statesFact(analyzer, '嫦娥六号搭载国际载荷成功着陆。此次任务共有4个阶段。', { fact: 'quantity', measure: '个' }, asked)).toBe(false);
  });

  it('GIVEN a number asked of the thing right before the cue (利率是多少) THEN only a sentence about that thing states it', () => {
    const asked = concepts('贷款', '额度', '利率');
    const question = '那200亿美元贷款额度利率是多少';
    expect(statesFact(analyzer, '中方将提供200亿美元贷款额度，利率为3%。', { fact: 'quantity', cue: '多少' }, asked, question)).toBe(true);
    expect(statesFact(analyzer, '中方将向非洲再提供300亿美元贷款额度，支持基础设施建设。', { fact: 'quantity', cue: '多少' }, asked, question)).toBe(false);
    // the object of a verb (占世界多少) is not what is measured
    expect(statesFact(analyzer, '金砖国家人口约占全球的45%。', { fact: 'quantity', cue: '多少' }, concepts('金砖国家', '人口', '世界'), '金砖国家人口占世界多少')).toBe(true);
  });

  it.each([
    ['苏丹现在还有多少中国公民', '已协助1300多名中国公民撤离苏丹。', '目前仍有20多名中国公民留在苏丹。'],
    ['22亿剂疫苗里无偿援助的有多少剂', '中方已向全球提供22亿剂疫苗。', '其中无偿援助的疫苗有1亿剂。'],
    ['中国维和官兵分别有多少人', '中国派出维和官兵5万人次。', '这些维和官兵分别部署在南苏丹和马里，各有1000人和400人。'],
  ])('GIVEN a count asked in a scope (%s) THEN a sentence counting outside it states nothing, one counting in it does', (question, outside, inside) => {
    const asked = concepts(...question.includes('苏丹') ? ['苏丹', '中国公民'] : question.includes('维和') ? ['维和', '官兵'] : ['疫苗', '无偿援助']);
    expect(statesFact(analyzer, outside, { fact: 'quantity', cue: '多少' }, asked, question)).toBe(false);
    expect(statesFact(analyzer, inside, { fact: 'quantity', cue: '多少' }, asked, question)).toBe(true);
  });

  it('GIVEN a number in a sentence that names too little of the question THEN the fact is not stated about it', () => {
    const asked = concepts('疫情', 'gdp', '下降');
    expect(statesFact(analyzer, '三国gdp占全球20%以上。疫情给世界带来冲击。', { fact: 'quantity' }, asked)).toBe(false);
  });
});

describe('yearsSpoken', () => {
  it.each([
    ['去年中非贸易额达到1700亿美元。', 2018, [2017]],
    ['2015年以来，中方已派出3万人次。', 2019, [2015]],
    ['今年前5个月进出口增长10%，明年将继续扩大。', 2022, [2022, 2023]],
    ['中非贸易额达到2040亿美元。', 2019, [2019, 2018]],
    ['2013年至2016年累计投资超过300亿美元。', 2017, [2013, 2014, 2015, 2016]],
    ['过去年均增长20%。', 2019, [2019, 2018]],
  ])('GIVEN %j said in %i THEN it speaks of %j', (sentence, said, years) => {
    expect(yearsSpoken(sentence, said)).toEqual(years);
  });
});
