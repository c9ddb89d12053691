import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHtml, importPage, type ImportedTranscript } from '../../src/import/import-page.js';

const PAGES = new URL('../fixtures/pages/', import.meta.url);
const page = (name: string): Buffer => readFileSync(new URL(name, PAGES));
const fromFile = { url: null, contentType: null };

function imported(name: string): ImportedTranscript {
  const result = importPage(page(name), fromFile);
  if (!result.ok) throw new Error(`expected ${name} to import: ${result.reason}`);
  return result.transcript;
}

/** The transcript's paragraphs after its title line. */
const paragraphsOf = (transcript: ImportedTranscript): string[] => transcript.files.text.trimEnd().split('\n\n').slice(1);

describe('importPage on the ministry’s transcript pages', () => {
  it('GIVEN the Chinese regular press conference (mfa.gov.cn template) THEN the text is its title and paragraphs, labels as in the page', () => {
    const transcript = imported('regular-zh.html');
    expect(transcript.files.name).toBe('2024-05-20-regular-press-conference-zh');
    expect(transcript.files.text).toBe(
      [
        '2024年5月20日外交部发言人林明主持例行记者会',
        '应中方邀请，新西兰外长将于5月22日至24日访华。访问期间，双方将就双边关系和共同关心的国际地区问题交换意见。',
        '总台央视记者：据报道，首届中国—太平洋岛国渔业合作论坛日前在福州闭幕。发言人能否介绍论坛取得了哪些成果？',
        '林明：本届论坛以“蓝色伙伴、共同发展”为主题，来自十余个岛国的代表出席。各方围绕渔业资源养护、远洋渔业合作和人员培训深入交流，达成多项共识。',
        '中方愿同岛国一道，落实论坛成果，推动渔业合作惠及更多当地民众。',
        '路透社记者：有消息称，某国政府计划对中国产电动汽车加征关税。中方对此有何回应？',
        '林明：我们注意到有关报道。中方一贯反对将经贸问题政治化，反对以各种借口搞保护主义。',
        '我们希望有关方面恪守世贸组织规则，为中国企业提供公平、公正、非歧视的营商环境。中方将采取必要措施，坚决维护中国企业的正当权益。',
        '法新社记者：中方是否会派代表出席下月在日内瓦举行的国际会议？',
        '林明：关于你提到的问题，目前我没有可以发布的消息。',
      ].join('\n\n') + '\n',
    );
    expect(transcript.files.metaJson).toBe(
      `{
  "date": "2024-05-20",
  "event": "外交部例行记者会",
  "speaker": "林明",
  "title": "外交部发言人",
  "url": "https://www.mfa.gov.cn/web/fyrbt_673021/jzhsl_673025/202405/t20240520_11300001.shtml",
  "language": "zh"
}
`,
    );
    expect(transcript.paragraphs).toBe(9);
    expect(transcript.dateFrom).toBe('title');
  });

  it('GIVEN its English edition (fmprc.gov.cn English template, saved by a browser) THEN the same briefing in English, the URL from the saved-from mark', () => {
    const transcript = imported('regular-en.html');
    expect(transcript.files.name).toBe('2024-05-20-regular-press-conference-en');
    expect(transcript.meta).toEqual({
      date: '2024-05-20',
      event: 'Foreign Ministry Regular Press Conference',
      speaker: 'Lin Ming',
      title: 'Foreign Ministry Spokesperson',
      url: 'https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202405/t20240520_11300002.html',
      language: 'en',
    });
    expect(transcript.files.text.split('\n')[0]).toBe("Foreign Ministry Spokesperson Lin Ming's Regular Press Conference on May 20, 2024");
    expect(paragraphsOf(transcript)).toEqual([
      "At the invitation of the Chinese side, New Zealand's Foreign Minister will visit China from May 22 to 24. During the visit, the two sides will exchange views on bilateral relations and international and regional issues of common interest.",
      'CCTV: The first China-Pacific Island Countries Fisheries Cooperation Forum closed in Fuzhou recently. Could you share with us what the forum has achieved?',
      // `reached</SPAN><SPAN>&nbsp;consensus`: the no-break space of the page is kept.
      'Lin Ming: Themed "Blue Partners for Common Development", the forum brought together representatives from more than ten island countries. The participants had in-depth exchanges on the conservation of fishery resources, cooperation in distant-water fisheries and personnel training, and reached\u00a0consensus on a number of issues.',
      'China stands ready to work with the island countries to follow through on the outcomes of the forum and bring the benefits of fisheries cooperation to more local people.',
      "Reuters: It is reported that a certain government plans to impose additional tariffs on Chinese-made electric vehicles. What is China's response?",
      'Lin Ming: We noted the reports. China consistently opposes politicizing economic and trade issues and opposes protectionism under any pretext.',
      'We hope the relevant side will abide by WTO rules and provide a fair, just and non-discriminatory business environment for Chinese companies. China will take necessary measures to firmly safeguard the legitimate rights and interests of Chinese companies.',
      'AFP: Will China send a representative to the international conference to be held in Geneva next month?',
      'Lin Ming: On the question you raised, I have no information to release at the moment.',
    ]);
  });

  it('GIVEN the minister’s press conference (older fmprc.gov.cn template) THEN date, session, office and minister come from the lead; the host’s words are kept', () => {
    const transcript = imported('minister-zh.html');
    expect(transcript.files.name).toBe('2019-03-08-minister-press-conference-zh');
    expect(transcript.meta).toEqual({ date: '2019-03-08', event: '十三届全国人大二次会议记者会', speaker: '周衡', title: '国务委员兼外交部长', url: null, language: 'zh' });
    expect(transcript.dateFrom).toBe('lead');
    expect(paragraphsOf(transcript)).toEqual([
      '2019年3月8日，十三届全国人大二次会议在梅地亚中心举行记者会，国务委员兼外交部长周衡就中国外交政策和对外关系回答中外记者提问。',
      '主持人：各位记者朋友，上午好。今天我们请周衡部长回答大家的提问。',
      '周衡：各位记者朋友，大家好！很高兴再次同大家见面。过去一年，国际形势变乱交织，中国外交在风浪中坚定前行。下面，我愿回答大家的问题。',
      '新华社记者：过去一年，中国举办了多场主场外交活动。您如何评价这些活动的意义？',
      // A <BR> inside a paragraph separates lines; ingest joins a paragraph that ends mid-sentence.
      '周衡：主场外交是中国展示开放合作姿态的重要平台。一年来，我们同各方共商合作大计，签署了一大批合作文件，',
      '推动各领域务实合作取得新进展。',
      '这些成果表明，中国的朋友越来越多，合作的道路越走越宽。',
      '《环球时报》记者：有观点认为，某些大国之间正在滑向对抗。中方如何看待？',
      '周衡：大国之间有分歧很正常，关键是以对话管控分歧，以合作扩大共识。对抗没有出路，合作才能共赢。',
    ]);
  });

  it('GIVEN a page fetched from a URL THEN that URL is the meta url, not the page’s canonical link', () => {
    const result = importPage(page('regular-zh.html'), { url: 'http://127.0.0.1:8080/t20240520_1.shtml', contentType: 'text/html; charset=UTF-8' });
    expect(result.ok && result.transcript.meta.url).toBe('http://127.0.0.1:8080/t20240520_1.shtml');
  });

  it('GIVEN the same page twice THEN the files are the same, byte for byte', () => {
    expect(imported('regular-zh.html').files).toEqual(imported('regular-zh.html').files);
  });
});

describe('importPage on pages that are not transcripts', () => {
  it.each([
    ['an empty page', 'empty.html', 'the page is empty (0 bytes)'],
    [
      'a GBK page',
      'regular-gbk.html',
      'the page is encoded in GBK (charset=gbk); only UTF-8 pages are imported, so that no character is decoded by guesswork. Save it as UTF-8 (its <meta charset> too) and import that copy',
    ],
    [
      'the list of press conferences',
      'listing.html',
      'not a press-conference transcript: the title “例行记者会” names no regular press conference (…主持例行记者会, …’s Regular Press Conference) and no minister\'s press conference',
    ],
    [
      'a news article in the transcript template',
      'news-article.html',
      'not a press-conference transcript: the title “外交部副部长会见新西兰驻华大使” names no regular press conference (…主持例行记者会, …’s Regular Press Conference) and no minister\'s press conference',
    ],
  ])('GIVEN %s THEN it is refused with the reason', (_, name, reason) => {
    expect(importPage(page(name), fromFile)).toEqual({ ok: false, reason });
  });

  it('GIVEN the GBK fixture THEN its bytes really are GBK: not UTF-8, and a GBK decoder reads the conference title', () => {
    const bytes = page('regular-gbk.html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gbk', { fatal: true }).decode(bytes)).toContain('2009年6月2日外交部发言人秦明主持例行记者会');
  });

  const REGULAR = (body: string, head = ''): string =>
    `<html><head><meta charset="utf-8"><title>2024年5月21日外交部发言人林明主持例行记者会</title>${head}</head><body><div id="News_Body_Txt_A">${body}</div></body></html>`;

  it.each([
    ['a page with only white space', '  \n\t ', 'the page is empty (only white space)'],
    ['an HTML page with nothing in it', '<html><head></head><body></body></html>', 'the page has no title, so it is no transcript page of the ministry'],
    [
      'a transcript page whose text is missing',
      REGULAR('<p>&nbsp;</p><p><img src="a.jpg"></p>'),
      'the page “2024年5月21日外交部发言人林明主持例行记者会” holds no transcript text (no paragraph in #News_Body_Txt_A, .TRS_Editor, .news-main or .content)',
    ],
    ['a transcript page without questions', REGULAR('<p>林明：今天没有问题。</p>'), 'the page “2024年5月21日外交部发言人林明主持例行记者会” is not a transcript: no reporter\'s question labelled “…记者：” or “问：” found'],
    ['a transcript page without answers', REGULAR('<p>路透社记者：有问题吗？</p>'), 'the page “2024年5月21日外交部发言人林明主持例行记者会” is not a transcript: no answer labelled “林明：” or “答：” found'],
    [
      'a minister’s page without a date anywhere',
      '<html><head><meta charset="utf-8"><title>周衡就中国外交政策和对外关系回答中外记者提问</title></head><body><div class="content"><p>国务委员兼外交部长周衡就中国外交政策回答中外记者提问。</p><p>新华社记者：请问？</p><p>周衡：回答。</p></div></body></html>',
      'the page “周衡就中国外交政策和对外关系回答中外记者提问” gives no date (none in its title, lead, publication time or URL)',
    ],
  ])('GIVEN %s THEN it is refused with the reason', (_, html, reason) => {
    expect(importPage(Buffer.from(html, 'utf8'), fromFile)).toEqual({ ok: false, reason });
  });

  it('GIVEN a transcript with 问：/答： labels THEN 答： counts as the answer label', () => {
    const result = importHtml(`<html><head><title>2009年6月2日外交部发言人秦明主持例行记者会</title></head><body><div id="News_Body_Txt_A"><p>问：有何期待？</p><p>答：希望会议成功。</p></div></body></html>`, null);
    expect(result.ok && result.transcript.files.text).toBe('2009年6月2日外交部发言人秦明主持例行记者会\n\n问：有何期待？\n\n答：希望会议成功。\n');
  });
});
