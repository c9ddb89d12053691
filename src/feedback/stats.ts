import { normalizeForMatching } from '../text/index.js';
import type { FeedbackDatabase } from './database.js';

/** Answers and abstentions in the last `days` days. */
export interface PeriodCounts {
  days: number;
  answered: number;
  /** Nothing in the transcripts answers the question. */
  noMatch: number;
  /** The transcript records the question without an answer. */
  unanswered: number;
}

/** Questions asked and not answered, near-identical phrasings counted together. */
export interface AskedGroup {
  /** The phrasing asked most often in the group (of equals, the latest), as typed. */
  question: string;
  /** How many times the group was asked. */
  count: number;
  /** Different phrasings in the group. */
  phrasings: number;
  /** The closest topics the bot named most often for the group, at most three. */
  closestTopics: string[];
}

/** An answer unit's votes. */
export interface VotedAnswer {
  unitId: string;
  up: number;
  down: number;
}

/** What `/stats` and `npm run stats` show for one guild. */
export interface GuildStats {
  guild: string;
  /** One entry per `STATS_PERIODS` day count. */
  periods: PeriodCounts[];
  /** The lists below cover this many days. */
  listDays: number;
  /** At most `TOP_UNANSWERED`, most asked first. */
  topUnanswered: AskedGroup[];
  /** At most `TOP_DOWNVOTED` units with a 👎, most 👎 first. */
  mostDownvoted: VotedAnswer[];
}

/** Reads a guild's stats as of `now` (ms since the epoch). */
export function readGuildStats(db: FeedbackDatabase, guild: string, now: number): GuildStats {
  const since = (days: number) => now - days * DAY_MS;
  const counts = db.prepare<[string, number], { status: string; n: number }>(
    'SELECT status, COUNT(*) AS n FROM questions WHERE guild = ? AND at >= ? GROUP BY status',
  );
  const periods = STATS_PERIODS.map((days) => {
    const byStatus = new Map(counts.all(guild, since(days)).map((row) => [row.status, row.n]));
    return { days, answered: byStatus.get('answered') ?? 0, noMatch: byStatus.get('no_match') ?? 0, unanswered: byStatus.get('unanswered') ?? 0 };
  });
  const abstentions = db
    .prepare<[string, number], { question: string; closest_topics: string | null }>(
      `SELECT question, closest_topics FROM questions
       WHERE guild = ? AND at >= ? AND status <> 'answered' AND question IS NOT NULL ORDER BY at DESC, id DESC`,
    )
    .all(guild, since(LIST_DAYS))
    .map((row) => ({ question: row.question, closestTopics: row.closest_topics === null ? [] : (JSON.parse(row.closest_topics) as string[]) }));
  const mostDownvoted = db
    .prepare<[string, number, number], VotedAnswer>(
      `SELECT unit_id AS unitId, SUM(vote = 1) AS up, SUM(vote = -1) AS down FROM votes
       WHERE guild = ? AND at >= ? GROUP BY unit_id HAVING down > 0 ORDER BY down DESC, up ASC, unit_id LIMIT ?`,
    )
    .all(guild, since(LIST_DAYS), TOP_DOWNVOTED);
  return { guild, periods, listDays: LIST_DAYS, topUnanswered: groupNearIdentical(abstentions).slice(0, TOP_UNANSWERED), mostDownvoted };
}

/**
 * Groups questions (given latest first) whose folded text (`questionKey`) is equal or
 * near-identical (at most one character in five inserted, deleted or replaced:
 * `NEAR_IDENTICAL_EDITS`), most asked first; of groups asked as often, the latest first. Each group shows its most
 * asked phrasing, as typed. Only the `MAX_DISTINCT_KEYS` most asked keys are compared, so a
 * guild with many one-off questions is grouped in bounded time.
 *
 * `groupNearIdentical([{ question: '中国如何看待气候变化问题？' }, { question: '中国怎样看待气候变化问题' }])`
 * → one group, count 2.
 */
export function groupNearIdentical(questions: readonly { question: string; closestTopics?: readonly string[] }[]): AskedGroup[] {
  interface Exact {
    key: string;
    chars: string[];
    count: number;
    phrasings: Map<string, number>;
    topics: Map<string, number>;
  }
  const exact = new Map<string, Exact>();
  for (const { question, closestTopics = [] } of questions) {
    const key = questionKey(question);
    let entry = exact.get(key);
    if (entry === undefined) exact.set(key, (entry = { key, chars: Array.from(key), count: 0, phrasings: new Map(), topics: new Map() }));
    entry.count++;
    increment(entry.phrasings, question);
    for (const topic of closestTopics) increment(entry.topics, topic);
  }
  // Most asked first, so each group is led (and compared) by its most asked key. Sorts are
  // stable: among equals, the insertion order (latest first) stands.
  const ordered = [...exact.values()].sort((a, b) => b.count - a.count).slice(0, MAX_DISTINCT_KEYS);
  const groups: Exact[] = [];
  for (const entry of ordered) {
    const into = groups.find((group) => nearIdentical(group.chars, entry.chars));
    if (into === undefined) {
      groups.push({ ...entry, phrasings: new Map(entry.phrasings), topics: new Map(entry.topics) });
      continue;
    }
    into.count += entry.count;
    for (const [phrasing, n] of entry.phrasings) increment(into.phrasings, phrasing, n);
    for (const [topic, n] of entry.topics) increment(into.topics, topic, n);
  }
  return groups
    .map((group) => ({
      question: mostFrequent(group.phrasings)[0]!,
      count: group.count,
      phrasings: group.phrasings.size,
      closestTopics: mostFrequent(group.topics).slice(0, 3),
    }))
    .sort((a, b) => b.count - a.count);
}

/**
 * The key near-identical questions share: folded for matching (simplified, half-width, lower
 * case), without punctuation, symbols or spaces.
 * `questionKey('歐洲怎麼看中國？ ')` → `'欧洲怎么看中国'`
 */
export function questionKey(question: string): string {
  return normalizeForMatching(question).replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
}

/**
 * Whether two keys differ by at most `NEAR_IDENTICAL_EDITS` of the longer one's characters
 * (Levenshtein distance, computed only within that band).
 * `nearIdentical([...'中国如何看待气候变化问题'], [...'中国怎样看待气候变化问题'])` → true (2 of 12).
 */
export function nearIdentical(a: readonly string[], b: readonly string[]): boolean {
  const max = Math.floor(Math.max(a.length, b.length) * NEAR_IDENTICAL_EDITS);
  if (Math.abs(a.length - b.length) > max) return false;
  // One row of the edit-distance table at a time; cells outside the band cannot be within max.
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i, ...new Array<number>(b.length).fill(Infinity)];
    let best = current[0]!;
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const replace = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(replace, previous[j]! + 1, current[j - 1]! + 1);
      best = Math.min(best, current[j]!);
    }
    if (best > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

function increment(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

function mostFrequent(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

/** Day counts `/stats` reports answers and abstentions over. */
export const STATS_PERIODS = [7, 30] as const;
/** Days the lists (most asked unanswered, most 👎) cover. */
export const LIST_DAYS = 30;
export const TOP_UNANSWERED = 10;
export const TOP_DOWNVOTED = 5;
/** Share of a question's characters that may differ in another asking of the same question. */
export const NEAR_IDENTICAL_EDITS = 0.2;
/** Distinct questions compared for grouping, most asked first. */
export const MAX_DISTINCT_KEYS = 1000;
const DAY_MS = 86_400_000;
