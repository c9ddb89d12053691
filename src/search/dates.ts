/**
 * Dates in questions: which time a question asks about, read from its words, and the question
 * without them (the words that say when are not what the question is about). Pure, table-tested.
 *
 * - a year: 2021年, 二〇二一年 is not read (digits only), "in 2019", a lone 2019 between spaces,
 *   two digits with 年 opening the question or after a space (19年两会, not 建交40年);
 * - a range of years: 2019-2021, 2019年至2021年, 2019到2021年, "between 2019 and 2021", "2019 to 2021";
 * - from a year on: 2019年以来, 自2019年, "since 2019";
 * - relative years: 今年, 去年, 前年 ("this year", "last year"), counted from the newest source
 *   date in the index, never from the wall clock (an archive ends when its last transcript does);
 * - the newest statement: 最近, 最新, 近期, 目前, "latest", "recently", "most recent";
 * - 当时, 那时: the time of something the question names; no constraint.
 */

/** Years, both included. */
export interface Period {
  from: number;
  to: number;
}

/** What a question asks about time. */
export type AskedTime =
  /** Nothing said about time. */
  | { kind: 'any' }
  /** Statements of these years. */
  | { kind: 'period'; period: Period; cues: string[] }
  /** The newest statement on the subject. */
  | { kind: 'latest'; cues: string[] }
  /** 当时: the time of the event named; no constraint on the statement. */
  | { kind: 'then'; cues: string[] };

/** A question read for time: what it asks, and its text with the words that say when left out. */
export interface TimeReading {
  time: AskedTime;
  /** The question (NFKC) with each time expression replaced by a space. */
  rest: string;
}

const YEAR = '((?:19|20)\\d\\d)';
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** What stands around a lone year: white space and punctuation. */
const SEPARATOR = '[\\s,.，。、？?!！:：;；()（）]';
/** The end of a period open towards the present when the index has no dated source. */
const OPEN_END = 9999;
const TO = '\\s*(?:-|–|—|~|～|至|到|to|until|through)\\s*';

/** Time expressions, most specific first; each gives the years it means (`newest`: the newest year of the index, or null). */
const PATTERNS: { pattern: RegExp; read: (match: RegExpExecArray, newest: number | null) => AskedTime | null }[] = [
  { pattern: new RegExp(`\\b(?:between|from)\\s+${YEAR}\\s+(?:and|to|until|through)\\s+${YEAR}`, 'giu'), read: (m) => years(m[1], m[2]) },
  { pattern: new RegExp(`(?:从|自)?${YEAR}年?${TO}${YEAR}年?(?:间|之间|期间)?`, 'giu'), read: (m) => years(m[1], m[2]) },
  { pattern: new RegExp(`(?:\\bsince\\s+${YEAR})|(?:(?:自|从)?${YEAR}年(?:以来|来|以后|之后|起))|(?:(?:自|从)${YEAR}年)`, 'giu'), read: (m, newest) => years(m[1] ?? m[2] ?? m[3], String(Math.max(Number(m[1] ?? m[2] ?? m[3]), newest ?? OPEN_END))) },
  { pattern: new RegExp(`(?:\\b(?:in|during)\\s+${YEAR})|(?:${YEAR}年(?:的|内|里|度)?)`, 'giu'), read: (m) => years(m[1] ?? m[2], m[1] ?? m[2]) },
  { pattern: /(?:今年|本年度|\bthis year\b)/giu, read: (_, newest) => (newest === null ? null : years(String(newest), String(newest))) },
  { pattern: /(?:去年|\blast year\b)/giu, read: (_, newest) => (newest === null ? null : years(String(newest - 1), String(newest - 1))) },
  { pattern: /前年/gu, read: (_, newest) => (newest === null ? null : years(String(newest - 2), String(newest - 2))) },
  { pattern: /(?:最近一次|最近|最新|近期|近来|目前|\b(?:the latest|latest|most recent(?:ly)?|recently|lately)\b)/giu, read: () => ({ kind: 'latest', cues: [] }) },
  { pattern: /(?:当时|那时候|那时)/gu, read: () => ({ kind: 'then', cues: [] }) },
  // A lone year between spaces or punctuation, or at an end: 中美关系 2019.
  { pattern: new RegExp(`(?<=^|${SEPARATOR})${YEAR}(?=$|${SEPARATOR})`, 'gu'), read: (m) => years(m[1], m[1]) },
  // A year in two digits where a question opens or after a space (19年两会, 24年12月): not a
  // number of years, which follows a word (建交40年, 过去10年). Of this century up to the index's
  // newest year, else of the last (98年 → 1998).
  { pattern: new RegExp(`(?<=^|${SEPARATOR})(\\d\\d)年(?![代级])`, 'gu'), read: (m, newest) => twoDigitYear(m[1]!, newest) },
];

/** 19 → 2019 when that is no later than the index's newest year (any year of this century when undated), else 98 → 1998. */
function twoDigitYear(digits: string, newest: number | null): AskedTime | null {
  const year = 2000 + Number(digits);
  if (year <= (newest ?? 2099)) return years(String(year), String(year));
  return years(String(year - 100), String(year - 100));
}

function years(from: string | undefined, to: string | undefined): AskedTime | null {
  const a = Number(from);
  const b = Number(to);
  if (!Number.isInteger(a) || !Number.isInteger(b)) return null;
  return { kind: 'period', period: { from: Math.min(a, b), to: Math.max(a, b) }, cues: [] };
}

/**
 * Reads what a question asks about time (see the module comment). The first period found wins;
 * several periods widen to the years they span (2019年和2021年 → 2019–2021); a period wins over
 * 最近 and 当时. `newestYear`: the year of the index's newest source (null when no source is
 * dated: relative years are then not read).
 *
 * @example readAskedTime('2021年中方对气候变化的立场', 2024) // → { time: { kind: 'period', period: { from: 2021, to: 2021 }, cues: ['2021年'] }, rest: ' 中方对气候变化的立场' }
 * @example readAskedTime('去年外交部怎么说的', 2024).time // → { kind: 'period', period: { from: 2023, to: 2023 }, cues: ['去年'] }
 */
export function readAskedTime(text: string, newestYear: number | null): TimeReading {
  let rest = text.normalize('NFKC');
  const periods: Period[] = [];
  const cues: string[] = [];
  let latest = false;
  let then = false;
  for (const { pattern, read } of PATTERNS) {
    rest = rest.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const time = read(match, newestYear);
      if (time === null) return match[0];
      cues.push(match[0].trim());
      if (time.kind === 'period') periods.push(time.period);
      if (time.kind === 'latest') latest = true;
      if (time.kind === 'then') then = true;
      // Between Chinese words the time leaves nothing (非盟对2024年北京… reads 非盟对北京…): a space
      // there would end a clause the question never ended.
      const offset = args.at(-2) as number;
      const whole = args.at(-1) as string;
      return HAN.test(whole[offset - 1] ?? '') && HAN.test(whole[offset + match[0].length] ?? '') ? '' : ' ';
    });
  }
  if (periods.length > 0) {
    const period = { from: Math.min(...periods.map((p) => p.from)), to: Math.max(...periods.map((p) => p.to)) };
    return { time: { kind: 'period', period, cues }, rest };
  }
  if (latest) return { time: { kind: 'latest', cues }, rest };
  if (then) return { time: { kind: 'then', cues }, rest };
  return { time: { kind: 'any' }, rest };
}

/**
 * Reads the `时间` option of /ask: a year or a range of years (2019, 2019年, 2019-2021,
 * 2019至2021年, 去年); null when it says no period.
 */
export function parsePeriod(text: string, newestYear: number | null): Period | null {
  const { time, rest } = readAskedTime(text.trim(), newestYear);
  return time.kind === 'period' && rest.trim() === '' ? time.period : null;
}

/** True when an ISO date falls within the period; an unknown date never does. */
export function inPeriod(date: string | null, period: Period): boolean {
  if (date === null) return false;
  const year = Number(date.slice(0, 4));
  return year >= period.from && year <= period.to;
}
