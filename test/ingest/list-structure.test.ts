import { describe, expect, it } from 'vitest';
import { announcedLabels, chineseNumber, continuesList, followsInList, isListIntro, listLabel, opensList } from '../../src/ingest/list-structure.js';

const label = (text: string) => listLabel(text)!;

describe('listLabel', () => {
  it.each([
    ['一是“一带一路”是开放的合作平台。', 'shi', '一是', 1],
    ['三是深化同周边国家的关系。', 'shi', '三是', 3],
    ['第二，多边主义需要更加坚定地维护弘扬。', 'di', '第二', 2],
    ['第三是推动构建开放型世界经济。', 'di', '第三', 3],
    ['其次，各方已经完成第一轮审读。', 'sequence', '其次', 2],
    ['最后，中方提出了力争在三年内完成磋商的设想。', 'sequence', '最后', 99],
    ['最後，以發展促和平。', 'sequence', '最後', 99],
    ['一、坚持对话协商。', 'numbered', '一、', 1],
    ['其二，坚持合作共赢。', 'qi', '其二', 2],
    ['专业性是指溯源应以科学为依据。', 'named', '专业性', null],
  ])('listLabel(%s) → %s %s %s', (text, style, written, ordinal) => {
    expect(listLabel(text)).toEqual({ style, label: written, ordinal });
  });

  it.each([['当前，美国已经成为世界上疫情最严重的国家。'], ['我想强调三点：'], ['第一颗扣子扣错了，两国关系就会偏离正确的轨道。'], ['一是否有效，要看结果。']])(
    'listLabel(%s) → null',
    (text) => {
      expect(listLabel(text)).toBeNull();
    },
  );

  it.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['两', null],
  ])('chineseNumber(%s) → %s', (text, value) => {
    expect(chineseNumber(text)).toBe(value);
  });
});

describe('list intros', () => {
  it.each([
    ['我想强调三点：', true],
    ['面向明年的峰会，中方将同非方一道，做好三方面工作：', true],
    ['中方希望会议实现以下目标。', true],
    ['这一进程应坚持专业性、公正性和建设性：', true],
    ['我们已经向三个国家提供了援助。', false],
    ['他说：', false],
  ])('isListIntro(%s) → %s', (text, expected) => {
    expect(isListIntro(text)).toBe(expected);
  });

  it('GIVEN an intro naming its items THEN announcedLabels gives them in order', () => {
    expect(announcedLabels('中方对国际科学界开展病毒溯源科研合作持开放态度，这一进程应坚持专业性、公正性和建设性：')).toEqual(['专业性', '公正性', '建设性']);
    expect(announcedLabels('我想强调三点：')).toEqual([]);
  });
});

describe('list order', () => {
  it.each([
    ['三是…', ['一是…', '二是…'], true],
    ['三是…', ['一是…'], true],
    ['二是…', ['一是…', '二是…'], false],
    ['最后，…', ['首先，…', '其次，…'], true],
    ['第三，…', ['一是…', '二是…'], false],
  ])('continuesList(%s, %j) → %s', (item, siblings, expected) => {
    expect(continuesList(label(item), siblings.map(label))).toBe(expected);
  });

  it('GIVEN named items THEN they continue a list only when an intro names them', () => {
    const intro = '这一进程应坚持专业性、公正性和建设性：';
    expect(continuesList(label('建设性是指…'), [label('专业性是指…')], [intro])).toBe(true);
    expect(continuesList(label('建设性是指…'), [label('专业性是指…')], [])).toBe(false);
  });

  it.each([
    ['第一，…', '第二，…', true],
    ['第一，…', '第三，…', false],
    ['首先，…', '最后，…', true],
    ['二是…', '一是…', false],
  ])('followsInList(%s, %s) → %s', (previous, next, expected) => {
    expect(followsInList(label(previous), label(next))).toBe(expected);
  });

  it.each([
    ['我想强调三点：', '一是…', true],
    ['我想强调三点：', '二是…', false],
    ['这一进程应坚持专业性、公正性和建设性：', '专业性是指…', true],
    ['这一进程应坚持专业性、公正性和建设性：', '公正性是指…', false],
    ['两国关系发展得很好。', '一是…', false],
  ])('opensList(%s, %s) → %s', (intro, item, expected) => {
    expect(opensList(intro, label(item))).toBe(expected);
  });
});
