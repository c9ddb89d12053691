import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { conferenceDate, eventName, languageOf, pageTitle, recognizeConference, savedFromUrl } from '../../src/import/page-meta.js';

describe('pageTitle', () => {
  it.each([
    ['<meta name="ArticleTitle">', '<head><meta name="ArticleTitle" content="甲"><title>乙_中华人民共和国外交部</title></head><body><h1>丙</h1></body>', '甲'],
    ['#News_Body_Title of the older template', '<head><title>乙</title></head><body><div id="News_Body_Title">\n  周衡就中国外交政策\n</div><h1>丙</h1></body>', '周衡就中国外交政策'],
    ['.news-title h1 of the newer template', '<body><h1 class="logo">外交部</h1><div class="news-title"><h1>甲</h1></div></body>', '甲'],
    ['h2.title of the English template', "<body><h2 class=\"title\">Foreign Ministry Spokesperson Lin Ming's Regular Press Conference on May 20, 2024</h2></body>", "Foreign Ministry Spokesperson Lin Ming's Regular Press Conference on May 20, 2024"],
    ['<title> less the site’s name', '<head><title>例行记者会_中华人民共和国外交部</title></head><body></body>', '例行记者会'],
    ['an English <title> less the site’s name', "<head><title>Lin Ming's Regular Press Conference - Ministry of Foreign Affairs of the People's Republic of China</title></head>", "Lin Ming's Regular Press Conference"],
  ])('GIVEN %s THEN the title', (_, html, expected) => {
    expect(pageTitle(load(`<html>${html}</html>`))).toBe(expected);
  });

  it('GIVEN a page without any title THEN null', () => {
    expect(pageTitle(load('<html><body><p>正文。</p></body></html>'))).toBeNull();
  });
});

describe('recognizeConference', () => {
  it.each([
    ['2024年5月20日外交部发言人林明主持例行记者会', [], { kind: 'regular', language: 'zh', speaker: '林明', title: '外交部发言人' }],
    ['2021年3月1日外交部发言人欧阳明远主持例行记者会', [], { kind: 'regular', language: 'zh', speaker: '欧阳明远', title: '外交部发言人' }],
    ["Foreign Ministry Spokesperson Lin Ming's Regular Press Conference on May 20, 2024", [], { kind: 'regular', language: 'en', speaker: 'Lin Ming', title: 'Foreign Ministry Spokesperson' }],
    ['Foreign Ministry Spokesperson Lin Ming’s Regular Press Conference on May 20, 2024', [], { kind: 'regular', language: 'en', speaker: 'Lin Ming', title: 'Foreign Ministry Spokesperson' }],
    ['周衡就中国外交政策和对外关系回答中外记者提问', ['2019年3月8日，十三届全国人大二次会议在梅地亚中心举行记者会，国务委员兼外交部长周衡就中国外交政策和对外关系回答中外记者提问。'], { kind: 'minister', language: 'zh', speaker: '周衡', title: '国务委员兼外交部长' }],
    ['外交部长周衡答中外记者问', [], { kind: 'minister', language: 'zh', speaker: '周衡', title: '外交部长' }],
    ['State Councilor and Foreign Minister Zhou Heng Meets the Press', [], { kind: 'minister', language: 'en', speaker: 'Zhou Heng', title: 'State Councilor and Foreign Minister' }],
  ])('GIVEN %s THEN the conference', (title, lead, expected) => {
    expect(recognizeConference(title, lead)).toEqual(expected);
  });

  it.each([
    ['例行记者会'],
    ['外交部发言人答记者问'],
    ['外交部副部长会见新西兰驻华大使'],
    ['Foreign Ministry Spokesperson Lin Ming’s Remarks on a Question'],
    ['周衡就中国外交政策和对外关系回答中外记者提问'], // no lead naming the minister's office
  ])('GIVEN %s THEN no conference the importer reads', (title) => {
    expect(recognizeConference(title, ['双方就共同关心的问题交换意见。'])).toBeNull();
  });
});

describe('conferenceDate', () => {
  const page = (html: string) => load(`<html><head>${html}</head><body></body></html>`);
  it.each([
    ['the Chinese title', '2024年5月20日外交部发言人林明主持例行记者会', [], '', null, { date: '2024-05-20', from: 'title' }],
    ['the English title', "Lin Ming's Regular Press Conference on May 20, 2024", [], '', null, { date: '2024-05-20', from: 'title' }],
    ['an abbreviated English month', 'Regular Press Conference on Sept. 3, 2019', [], '', null, { date: '2019-09-03', from: 'title' }],
    ['the title over a later publication time', '2024年5月20日外交部发言人林明主持例行记者会', [], '<meta name="PubDate" content="2024-05-21 09:00">', null, { date: '2024-05-20', from: 'title' }],
    ['the lead', '周衡就中国外交政策回答中外记者提问', ['　2019年3月8日，十三届全国人大二次会议举行记者会。'], '<meta name="PubDate" content="2019-03-09">', null, { date: '2019-03-08', from: 'lead' }],
    ['<meta name="PubDate">', '无日期', ['正文。'], '<meta name="PubDate" content="2019-03-08 12:50">', null, { date: '2019-03-08', from: 'time' }],
    ['#News_Body_Time', '无日期', [], '</head><body><span id="News_Body_Time">2019/03/08</span>', null, { date: '2019-03-08', from: 'time' }],
    ['the 发布时间 line', '无日期', [], '</head><body><div class="news-title"><p class="time">发布时间：2024-05-20 19:45</p></div>', null, { date: '2024-05-20', from: 'time' }],
    ['the URL', '无日期', [], '', 'https://www.mfa.gov.cn/web/fyrbt_673021/jzhsl_673025/202405/t20240520_11300001.shtml', { date: '2024-05-20', from: 'url' }],
    ['an impossible date in the title, then the time', '2023年2月30日外交部发言人林明主持例行记者会', [], '<meta name="PubDate" content="2023-02-28">', null, { date: '2023-02-28', from: 'time' }],
  ])('GIVEN the date in %s THEN that date', (_, title, lead, head, url, expected) => {
    expect(conferenceDate(page(head), title, lead, url)).toEqual(expected);
  });

  it('GIVEN no date anywhere THEN null', () => {
    expect(conferenceDate(page(''), '标题', ['正文。'], 'https://www.mfa.gov.cn/web/wjdt/index.shtml')).toBeNull();
  });
});

describe('eventName', () => {
  it.each([
    [{ kind: 'regular', language: 'zh' }, [], '外交部例行记者会'],
    [{ kind: 'regular', language: 'en' }, [], 'Foreign Ministry Regular Press Conference'],
    [{ kind: 'minister', language: 'zh' }, ['2019年3月8日，十三届全国人大二次会议在梅地亚中心举行记者会。'], '十三届全国人大二次会议记者会'],
    [{ kind: 'minister', language: 'zh' }, ['第十四届全国人民代表大会第一次会议举行记者会。'], '第十四届全国人民代表大会第一次会议记者会'],
    [{ kind: 'minister', language: 'zh' }, ['外交部长举行记者会。'], '外交部长记者会'],
    [{ kind: 'minister', language: 'en' }, [], "Foreign Minister's Press Conference"],
  ] as const)('GIVEN %j and its lead THEN %s', (conference, lead, expected) => {
    expect(eventName({ ...conference, speaker: '某', title: null }, lead)).toBe(expected);
  });
});

describe('savedFromUrl and languageOf', () => {
  it.each([
    ['<link rel="canonical" href="https://www.mfa.gov.cn/web/a/t20240520_1.shtml">', 'https://www.mfa.gov.cn/web/a/t20240520_1.shtml'],
    ['<meta property="og:url" content="https://www.fmprc.gov.cn/eng/b.html">', 'https://www.fmprc.gov.cn/eng/b.html'],
    ['<!-- saved from url=(0039)https://www.fmprc.gov.cn/eng/c/t1.html -->', 'https://www.fmprc.gov.cn/eng/c/t1.html'],
    ['<link rel="canonical" href="/web/relative.shtml">', null],
    ['', null],
  ])('GIVEN %s THEN the page’s own address is %s', (head, expected) => {
    const html = `<!DOCTYPE html>${head.startsWith('<!--') ? head : ''}<html><head>${head.startsWith('<!--') ? '' : head}</head></html>`;
    expect(savedFromUrl(load(html), html)).toBe(expected);
  });

  it.each([
    ['2024年5月20日外交部发言人林明主持例行记者会', 'zh'],
    ["Lin Ming's Regular Press Conference", 'en'],
  ])('GIVEN %s THEN language %s', (title, language) => {
    expect(languageOf(title)).toBe(language);
  });
});
