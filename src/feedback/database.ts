import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type FeedbackDatabase = Database.Database;

/** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 250;

/**
 * Opens the feedback database for writing: creates the file and its folder when missing, turns
 * on WAL (readers never wait for the writer, and shard processes can share the file), and runs
 * the migrations it lacks. Throws (SqliteError, or the file system's error) when it cannot.
 */
export function openForWriting(path: string): FeedbackDatabase {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens an existing feedback database (for `npm run stats`). Throws `stats: …` when the file is
 * missing or of a newer schema than this code knows.
 */
export function openExisting(path: string, options: { readonly: boolean }): FeedbackDatabase {
  let db: FeedbackDatabase;
  try {
    db = new Database(path, { fileMustExist: true, readonly: options.readonly, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`stats: cannot open the feedback database ${path}: ${(error as Error).message}`, { cause: error });
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`stats: ${path} has schema version ${version}, newer than this koujing knows (${SCHEMA_VERSION}); update koujing`);
  }
  if (version < SCHEMA_VERSION && !options.readonly) migrate(db);
  return db;
}

/**
 * Runs the migrations after the database's `user_version`, all in one write transaction that
 * reads the version first: two processes opening a new file at once (shards) migrate it once.
 */
export function migrate(db: FeedbackDatabase): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`feedback: the database has schema version ${version}, newer than this koujing knows (${SCHEMA_VERSION})`);
    }
    if (version === SCHEMA_VERSION) return;
    for (const migration of MIGRATIONS.slice(version)) db.exec(migration);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** What `forgetGuild` deleted. */
export interface Forgotten {
  questions: number;
  votes: number;
}

/** Deletes everything kept for `guild` (questions, votes, its salt) in one transaction. */
export function forgetGuild(db: FeedbackDatabase, guild: string): Forgotten {
  return db
    .transaction(() => {
      const questions = db.prepare('DELETE FROM questions WHERE guild = ?').run(guild).changes;
      const votes = db.prepare('DELETE FROM votes WHERE guild = ?').run(guild).changes;
      db.prepare('DELETE FROM guild_salts WHERE guild = ?').run(guild);
      return { questions, votes };
    })
    .immediate();
}

/**
 * Deletes what is older than `cutoff` (ms since the epoch): questions, votes last cast before
 * it, and the salts of guilds left without votes (a later vote there gets a new salt).
 * Returns how many questions and votes went.
 */
export function pruneBefore(db: FeedbackDatabase, cutoff: number): Forgotten {
  return db
    .transaction(() => {
      const questions = db.prepare('DELETE FROM questions WHERE at < ?').run(cutoff).changes;
      const votes = db.prepare('DELETE FROM votes WHERE at < ?').run(cutoff).changes;
      db.prepare('DELETE FROM guild_salts WHERE guild NOT IN (SELECT DISTINCT guild FROM votes)').run();
      return { questions, votes };
    })
    .immediate();
}

/** Guilds with anything kept, with counts and the time range, most recent first. */
export interface GuildSummary {
  guild: string;
  questions: number;
  votes: number;
  /** ms since the epoch of the oldest and newest record. */
  first: number;
  last: number;
}

export function listGuilds(db: FeedbackDatabase): GuildSummary[] {
  return db
    .prepare(
      `SELECT guild, SUM(q) AS questions, SUM(v) AS votes, MIN(first) AS first, MAX(last) AS last FROM (
         SELECT guild, COUNT(*) AS q, 0 AS v, MIN(at) AS first, MAX(at) AS last FROM questions GROUP BY guild
         UNION ALL
         SELECT guild, 0, COUNT(*), MIN(at), MAX(at) FROM votes GROUP BY guild
       ) GROUP BY guild ORDER BY last DESC, guild`,
    )
    .all() as GuildSummary[];
}
