/**
 * `npm run stats -- [--db <file>] [--index <file>] [--guild <id> [--csv]] [--forget-guild <id>]`
 *
 * The feedback the bot keeps (FEEDBACK_DB_PATH, default data/koujing.sqlite), for the people who
 * run it. Without options: the guilds with anything kept. `--guild <id>` (`dm` for direct
 * messages): what `/stats` shows there, for a person, or as CSV with `--csv`. `--forget-guild
 * <id>`: deletes everything kept for that guild. Exit codes: 0 done, 2 usage error, 1 no
 * database or a setting is wrong.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { forgetGuild, listGuilds, openExisting, readGuildStats, type FeedbackDatabase, type GuildStats } from '../feedback/index.js';
import { readIndexFile } from '../index-file.js';
import { feedbackMessages } from '../messages.js';
import type { IndexFile } from '../types.js';
import { processOutput, type CliOutput } from './output.js';

export const STATS_USAGE = 'usage: npm run stats -- [--db <file>] [--index <file>] [--guild <id|dm> [--csv]] [--forget-guild <id|dm>]';

/** Runs the stats CLI with these arguments (without `node` and the script); returns the exit code. */
export function runStats(argv: readonly string[], output: CliOutput = processOutput, now: number = Date.now()): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        db: { type: 'string' },
        index: { type: 'string' },
        guild: { type: 'string' },
        csv: { type: 'boolean', default: false },
        'forget-guild': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    output.err(`stats: ${(error as Error).message}\n${STATS_USAGE}`);
    return 2;
  }
  if (values.help) {
    output.out(STATS_USAGE);
    return 0;
  }
  const forget = values['forget-guild'];
  const problem =
    forget !== undefined && (values.guild !== undefined || values.csv)
      ? '--forget-guild goes alone'
      : values.csv && values.guild === undefined
        ? '--csv needs --guild <id>'
        : [values.guild, forget].find((guild) => guild !== undefined && !GUILD.test(guild)) !== undefined
          ? 'a guild is a Discord id (17 to 20 digits) or dm'
          : null;
  if (problem !== null) {
    output.err(`stats: ${problem}\n${STATS_USAGE}`);
    return 2;
  }

  let paths: { db: string; index: string };
  try {
    const config = values.db !== undefined && values.index !== undefined ? null : loadConfig();
    paths = { db: values.db ?? config!.feedback.path, index: values.index ?? config!.indexPath };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    output.err(error.message);
    return 1;
  }
  let db: FeedbackDatabase;
  try {
    db = openExisting(paths.db, { readonly: forget === undefined });
  } catch (error) {
    output.err((error as Error).message);
    return 1;
  }
  try {
    if (forget !== undefined) {
      const forgotten = forgetGuild(db, forget);
      output.out(`stats: forgot guild ${forget}: ${forgotten.questions} questions and ${forgotten.votes} votes deleted from ${paths.db}`);
    } else if (values.guild === undefined) {
      output.out(formatGuildList(db));
    } else {
      const stats = readGuildStats(db, values.guild, now);
      const file = readIndexOrNull(paths.index);
      output.out(values.csv ? formatStatsCsv(stats, file) : formatStatsText(stats, file));
    }
  } finally {
    db.close();
  }
  return 0;
}

/** The guilds with anything kept: id, questions, votes, first and last record (UTC). */
export function formatGuildList(db: FeedbackDatabase): string {
  const guilds = listGuilds(db);
  if (guilds.length === 0) return 'stats: nothing is kept yet';
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return ['guild\tquestions\tvotes\tfirst\tlast', ...guilds.map((g) => [g.guild, g.questions, g.votes, day(g.first), day(g.last)].join('\t'))].join('\n');
}

/** What `/stats` shows, as lines of text. */
export function formatStatsText(stats: GuildStats, file: IndexFile | null): string {
  const lines = [`${feedbackMessages.statsTitle}（${stats.guild}）`, ''];
  for (const period of stats.periods) {
    lines.push(`${feedbackMessages.statsPeriodName(period.days)}：${feedbackMessages.statsPeriod(period.answered, period.noMatch, period.unanswered).split('\n').join(' ')}`);
  }
  lines.push('', `${feedbackMessages.statsTopUnansweredName(stats.listDays)}：`);
  lines.push(...listOrNone(stats.topUnanswered.map((group, i) => feedbackMessages.statsAskedItem(i + 1, group.question, group.count, group.closestTopics))));
  lines.push('', `${feedbackMessages.statsMostDownvotedName(stats.listDays)}：`);
  lines.push(...listOrNone(stats.mostDownvoted.map((answer, i) => `${feedbackMessages.statsVotedItem(i + 1, topicOf(file, answer.unitId) ?? answer.unitId, answer.down, answer.up)}  ${answer.unitId}`)));
  return lines.join('\n');
}

/** The CSV header of `formatStatsCsv`. */
export const CSV_COLUMNS = ['section', 'days', 'rank', 'count', 'question', 'closest_topics', 'unit_id', 'topic', 'up', 'down'] as const;

/**
 * The same as CSV (RFC 4180, `\r\n`), one row per figure: `answered`, `no_match`, `unanswered`
 * per period; `asked_unanswered` (question as typed, closest topics joined by `|`);
 * `most_downvoted`. A cell starting with `=`, `+`, `-` or `@` gets a leading `'`, so a question
 * typed as a formula stays text in a spreadsheet.
 */
export function formatStatsCsv(stats: GuildStats, file: IndexFile | null): string {
  type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;
  const rows: Row[] = [];
  for (const period of stats.periods) {
    rows.push({ section: 'answered', days: period.days, count: period.answered });
    rows.push({ section: 'no_match', days: period.days, count: period.noMatch });
    rows.push({ section: 'unanswered', days: period.days, count: period.unanswered });
  }
  stats.topUnanswered.forEach((group, i) =>
    rows.push({ section: 'asked_unanswered', days: stats.listDays, rank: i + 1, count: group.count, question: group.question, closest_topics: group.closestTopics.join('|') }),
  );
  stats.mostDownvoted.forEach((answer, i) =>
    rows.push({ section: 'most_downvoted', days: stats.listDays, rank: i + 1, unit_id: answer.unitId, topic: topicOf(file, answer.unitId) ?? '', up: answer.up, down: answer.down }),
  );
  return [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','))].join('\r\n');
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function topicOf(file: IndexFile | null, unitId: string): string | undefined {
  return file?.units.find((unit) => unit.id === unitId)?.topic;
}

function listOrNone(lines: string[]): string[] {
  return lines.length === 0 ? [`  ${feedbackMessages.statsNone}`] : lines.map((line) => `  ${line}`);
}

/** The index, for topic names; without it the report shows unit ids alone. */
function readIndexOrNull(path: string): IndexFile | null {
  try {
    return readIndexFile(path);
  } catch {
    return null;
  }
}

const GUILD = /^(\d{17,20}|dm)$/;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runStats(process.argv.slice(2));
}
