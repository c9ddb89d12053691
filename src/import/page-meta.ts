/**
 * What a ministry page says about itself: its title, which press conference it records (a
 * regular press conference or the minister's), in which language, on which date, and who
 * answered. Read from the title, the publication time line, the lead paragraph and the URL.
 */
import type { CheerioAPI } from 'cheerio';

/** The press conferences the importer reads. */
export type ConferenceKind = 'regular' | 'minister';
export type Language = 'zh' | 'en';

/** Where the page's title is, most specific first; the `<title>` element last. */
const TITLE_SELECTORS = ['#News_Body_Title', '.news-title h1', '.vibox .title', 'h2.title', 'h1', '.title'] as const;
/** Where the publication time is: the older template's `#News_Body_Time`, the newer `发布时间` line. */
const TIME_SELECTORS = ['#News_Body_Time', '.news-title .time', 'p.time', '.time', '.date'] as const;

/** `_中华人民共和国外交部`, ` - Ministry of Foreign Affairs of the People's Republic of China` after a `<title>`. */
const SITE_SUFFIX = /\s*(?:[_|–—-]\s*)+(?:中华人民共和国外交部|外交部|Ministry of Foreign Affairs.*)$/u;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The page's title: `<meta name="ArticleTitle">`, the title element of the template, else `<title>` less the site's name. */
export function pageTitle($: CheerioAPI): string | null {
  const meta = $('meta[name="ArticleTitle"]').attr('content')?.trim();
  if (meta) return squeeze(meta);
  for (const selector of TITLE_SELECTORS) {
    for (const element of $(selector).toArray()) {
      const text = squeeze($(element).text());
      if (text !== '') return text;
    }
  }
  const title = squeeze($('title').first().text()).replace(SITE_SUFFIX, '');
  return title === '' ? null : title;
}

function squeeze(text: string): string {
  return text.replace(/[ \t\n\r\f]+/gu, ' ').trim();
}

/** The language of a title: Chinese when it has Han characters. */
export function languageOf(title: string): Language {
  return /\p{Script=Han}/u.test(title) ? 'zh' : 'en';
}

/** Who answered, as the title and lead name them, and which conference it was. */
export interface Conference {
  kind: ConferenceKind;
  language: Language;
  speaker: string;
  /** The speaker's office as the page gives it (外交部发言人, 国务委员兼外交部长). */
  title: string | null;
}

/**
 * The press conference a title (and, for the minister's, the lead) names; null when the page is
 * no press conference the importer reads.
 * `recognizeConference('2024年5月20日外交部发言人林明主持例行记者会', []) → { kind: 'regular', language: 'zh', speaker: '林明', title: '外交部发言人' }`
 * `recognizeConference("Foreign Ministry Spokesperson Lin Ming's Regular Press Conference on May 20, 2024", [])`
 *   `→ { kind: 'regular', language: 'en', speaker: 'Lin Ming', title: 'Foreign Ministry Spokesperson' }`
 * `recognizeConference('周衡就中国外交政策和对外关系回答中外记者提问', ['2019年3月8日，…国务委员兼外交部长周衡就…回答中外记者提问。'])`
 *   `→ { kind: 'minister', language: 'zh', speaker: '周衡', title: '国务委员兼外交部长' }`
 */
export function recognizeConference(title: string, lead: readonly string[]): Conference | null {
  const regularZh = /外交部发言人(\p{Script=Han}{2,4}?)主持例行记者会/u.exec(title);
  if (regularZh) return { kind: 'regular', language: 'zh', speaker: regularZh[1]!, title: '外交部发言人' };
  const regularEn = /(Foreign Ministry Spokesperson) ([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})['’]s Regular Press Conference/u.exec(title);
  if (regularEn) return { kind: 'regular', language: 'en', speaker: regularEn[2]!, title: regularEn[1]! };
  const ministerEn = /((?:State Councilor and )?Foreign Minister) ([A-Z][\w.-]*(?: [A-Z][\w.-]*){1,3}) (?:Meets the Press|Answers Questions)/u.exec(title);
  if (ministerEn) return { kind: 'minister', language: 'en', speaker: ministerEn[2]!, title: ministerEn[1]! };
  if (languageOf(title) === 'zh' && /记者(?:会|提问|问)/u.test(title)) {
    // The minister's press conference: the lead (or the title) names the minister and the office.
    for (const text of [title, ...lead]) {
      const named = /((?:国务委员兼)?外交部长|外长)(\p{Script=Han}{2,3}?)(?:就|回答|答|出席|在)/u.exec(text);
      if (named) return { kind: 'minister', language: 'zh', speaker: named[2]!, title: named[1]! };
    }
  }
  return null;
}

/** The day a conference was held, and where the page says it. */
export interface ConferenceDate {
  date: string;
  from: 'title' | 'lead' | 'time' | 'url';
}

/**
 * The conference's date, YYYY-MM-DD: the date in the title (2024年5月20日…, …on May 20, 2024),
 * else one that opens the lead (2019年3月8日，…), else the publication time
 * (`<meta name="PubDate">`, `#News_Body_Time`, `发布时间：2024-05-20 19:30`), else the URL's
 * `/t20240520_…`. Only real calendar dates count. Null when the page gives none.
 */
export function conferenceDate($: CheerioAPI, title: string, lead: readonly string[], url: string | null): ConferenceDate | null {
  const fromTitle = chineseDate(title) ?? englishDate(title);
  if (fromTitle) return { date: fromTitle, from: 'title' };
  const opening = lead[0] === undefined ? null : /^\s*(\d{4}年\d{1,2}月\d{1,2}日)/u.exec(lead[0]);
  const fromLead = opening ? chineseDate(opening[1]!) : null;
  if (fromLead) return { date: fromLead, from: 'lead' };
  const times = [$('meta[name="PubDate"]').attr('content') ?? '', ...TIME_SELECTORS.flatMap((selector) => $(selector).toArray().map((element) => $(element).text()))];
  for (const time of times) {
    const found = numericDate(time) ?? chineseDate(time);
    if (found) return { date: found, from: 'time' };
  }
  const fromUrl = url === null ? null : /\/t(\d{4})(\d{2})(\d{2})_\d+\.s?html?/u.exec(url);
  const urlDate = fromUrl ? calendarDate(Number(fromUrl[1]), Number(fromUrl[2]), Number(fromUrl[3])) : null;
  return urlDate ? { date: urlDate, from: 'url' } : null;
}

/** `2024年5月20日` → `2024-05-20`. */
function chineseDate(text: string): string | null {
  const match = /(\d{4})年(\d{1,2})月(\d{1,2})日/u.exec(text);
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** `May 20, 2024` (or `Sept. 3, 2019`) → `2024-05-20`. */
function englishDate(text: string): string | null {
  for (const match of text.matchAll(/\b([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})\b/gu)) {
    const name = match[1]!.toLowerCase();
    const month = MONTHS.findIndex((full) => full === name || (name.length >= 3 && full.startsWith(name)));
    const date = month < 0 ? null : calendarDate(Number(match[3]), month + 1, Number(match[2]));
    if (date) return date;
  }
  return null;
}

/** `2024-05-20 19:30`, `2019/03/08`, `2019.03.08` → the date. */
function numericDate(text: string): string | null {
  const match = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/u.exec(text);
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1949 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The event, as the index names it: `外交部例行记者会` / `Foreign Ministry Regular Press
 * Conference`; for the minister, the session of the National People's Congress the lead names
 * (`十三届全国人大二次会议记者会`), else `外交部长记者会` / `Foreign Minister's Press Conference`.
 */
export function eventName(conference: Conference, lead: readonly string[]): string {
  if (conference.kind === 'regular') return conference.language === 'zh' ? '外交部例行记者会' : 'Foreign Ministry Regular Press Conference';
  if (conference.language === 'en') return "Foreign Minister's Press Conference";
  for (const text of lead) {
    const session = /((?:第)?[十一二三四五六七八九]+届全国人(?:大|民代表大会)(?:第)?[一二三四五六七八九]次会议)/u.exec(text);
    if (session) return `${session[1]}记者会`;
  }
  return '外交部长记者会';
}

/**
 * The page's own address when it was saved from the web: `<link rel="canonical">`,
 * `<meta property="og:url">`, or the `<!-- saved from url=(0071)https://… -->` mark browsers
 * write; null when the page does not say.
 */
export function savedFromUrl($: CheerioAPI, html: string): string | null {
  const canonical = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  if (canonical && /^https?:\/\//u.test(canonical.trim())) return canonical.trim();
  const mark = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/iu.exec(html);
  return mark ? mark[1]! : null;
}
