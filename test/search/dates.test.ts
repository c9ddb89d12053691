import { describe, expect, it } from 'vitest';
import { inPeriod, parsePeriod, readAskedTime } from '../../src/search/dates.js';

const NEWEST = 2024;
const period = (from: number, to: number) => ({ kind: 'period', period: { from, to } });

describe('readAskedTime', () => {
  it.each([
    ['2021年中方对气候变化的立场', period(2021, 2021), ' 中方对气候变化的立场'],
    ['中方2021年的立场', period(2021, 2021), '中方立场'],
    ['去年外交部怎么说的', period(2023, 2023), ' 外交部怎么说的'],
    ['今年中美关系', period(2024, 2024), ' 中美关系'],
    ['前年的南海仲裁案', period(2022, 2022), ' 的南海仲裁案'],
    ['2019-2021年中欧关系', period(2019, 2021), ' 中欧关系'],
    ['2019年至2021年中欧关系', period(2019, 2021), ' 中欧关系'],
    ['从2018到2020年的贸易摩擦', period(2018, 2020), ' 的贸易摩擦'],
    ['2016年以来的南海问题', period(2016, 2024), ' 的南海问题'],
    ['自2016年起中方的立场', period(2016, 2024), ' 中方的立场'],
    ['2019年和2021年的对美政策', period(2019, 2021), ' 和对美政策'],
    ['中美关系 2019', period(2019, 2019), '中美关系  '],
    ['What did China say about Taiwan in 2019?', period(2019, 2019), 'What did China say about Taiwan  ?'],
    ['China on the South China Sea between 2016 and 2018', period(2016, 2018), 'China on the South China Sea  '],
    ['China and the WTO since 2001', period(2001, 2024), 'China and the WTO  '],
    ["China's position last year", period(2023, 2023), "China's position  "],
    ['最近中方对朝鲜半岛的立场', { kind: 'latest' }, ' 中方对朝鲜半岛的立场'],
    ['中方最新表态', { kind: 'latest' }, '中方表态'],
    ["China's latest position on Ukraine", { kind: 'latest' }, "China's   position on Ukraine"],
    ['当时中方怎么回应的', { kind: 'then' }, ' 中方怎么回应的'],
    ['中美关系会走向新冷战吗', { kind: 'any' }, '中美关系会走向新冷战吗'],
    ['中国向150个国家提供了568亿只口罩', { kind: 'any' }, '中国向150个国家提供了568亿只口罩'],
    ['2000亿美元的贸易额', { kind: 'any' }, '2000亿美元的贸易额'],
    ['G20峰会', { kind: 'any' }, 'G20峰会'],
    ['２０２１年的立场', period(2021, 2021), ' 立场'],
    ['2000多人参加', { kind: 'any' }, '2000多人参加'],
    ['19年两会 一带一路', period(2019, 2019), ' 两会 一带一路'],
    ['王毅 24年12月说的', period(2024, 2024), '王毅  12月说的'],
    ['98年的亚洲金融危机', period(1998, 1998), ' 的亚洲金融危机'],
    ['中美建交40年', { kind: 'any' }, '中美建交40年'],
    ['90年代的中美关系', { kind: 'any' }, '90年代的中美关系'],
  ])('%s → %j, rest %j', (question, time, rest) => {
    const reading = readAskedTime(question, NEWEST);
    expect(reading.time).toMatchObject(time);
    expect(reading.rest).toBe(rest);
  });

  it('GIVEN an index without dates THEN relative years say nothing, a named year still does', () => {
    expect(readAskedTime('去年的立场', null).time).toEqual({ kind: 'any' });
    expect(readAskedTime('2016年以来', null).time).toMatchObject(period(2016, 9999));
  });

  it('GIVEN a period and 最近 THEN the period wins', () => {
    expect(readAskedTime('2019年最近一次表态', NEWEST).time).toMatchObject(period(2019, 2019));
  });
});

describe('parsePeriod (the /ask 时间 option)', () => {
  it.each([
    ['2019', { from: 2019, to: 2019 }],
    ['2019年', { from: 2019, to: 2019 }],
    ['2019-2021', { from: 2019, to: 2021 }],
    ['2021–2019', { from: 2019, to: 2021 }],
    ['2019至2021年', { from: 2019, to: 2021 }],
    [' 去年 ', { from: 2023, to: 2023 }],
    ['最近', null],
    ['2019年的南海', null],
    ['明年', null],
    ['', null],
  ])('%j → %j', (text, expected) => expect(parsePeriod(text, NEWEST)).toEqual(expected));
});

describe('inPeriod', () => {
  it.each([
    ['2019-12-31', true],
    ['2021-01-01', true],
    ['2018-12-31', false],
    [null, false],
  ] as const)('%s in 2019–2021 → %s', (date, expected) => expect(inPeriod(date, { from: 2019, to: 2021 })).toBe(expected));
});
