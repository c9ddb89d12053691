import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from '../log.js';
import type { AnswerStatus } from '../types.js';
import { openForWriting, pruneBefore, type FeedbackDatabase } from './database.js';
import { readGuildStats, type GuildStats } from './stats.js';

/** Where a question was asked from, as far as feedback keeps it. */
export type ChannelKind = 'text' | 'thread' | 'voice' | 'dm' | 'other';
/** How the question reached the bot. */
export type AskedVia = 'ask' | 'topic' | 'mention' | 'dm' | 'channel' | 'context_menu';

/** The scope feedback is kept under for direct messages (guild ids are digits, so they never collide). */
export const DM_SCOPE = 'dm';

/** One question and what came of it. */
export interface QuestionRecord {
  /** Guild id, or `DM_SCOPE`. */
  guild: string;
  channelKind: ChannelKind;
  via: AskedVia;
  status: AnswerStatus;
  /** The question as asked; kept only when the bot abstained. */
  question: string;
  /** answered: the unit and the search's confidence. */
  unitId: string | null;
  confidence: number | null;
  /** Abstentions: the topics the bot named as closest. */
  closestTopics: readonly string[];
}

/** A 👍 or 👎 on an answer unit. `userId` is hashed with the guild's salt before it is written. */
export interface VoteRecord {
  guild: string;
  userId: string;
  unitId: string;
  vote: 'up' | 'down';
}

/**
 * Feedback as the bot sees it: record calls only queue (no I/O on an interaction's path); the
 * queue is written in one transaction shortly after. When the database cannot be opened or
 * written, feedback turns off with one warning and the bot answers as before.
 */
export interface Feedback {
  /** Whether votes and questions are being kept (vote buttons are shown only then). */
  readonly enabled: boolean;
  recordQuestion(record: QuestionRecord): void;
  recordVote(vote: VoteRecord): void;
  /** Writes the queue now. */
  flush(): void;
  /** A guild's stats (the queue written first), or null when feedback is off. */
  guildStats(guild: string): GuildStats | null;
  /** Writes the queue and closes the database; safe to call twice. */
  close(): void;
}

/** Feedback that keeps nothing: `FEEDBACK=off`. */
export const FEEDBACK_OFF: Feedback = {
  enabled: false,
  recordQuestion() {},
  recordVote() {},
  flush() {},
  guildStats: () => null,
  close() {},
};

/** Options of `openFeedback`. */
export interface FeedbackOptions {
  /** The SQLite file; created with its folder and schema when missing. */
  path: string;
  /** Records older than this are deleted at start and every `PRUNE_INTERVAL_MS`. */
  retentionDays: number;
  logger: Logger;
  /** The clock (ms since the epoch). */
  now?: () => number;
}

/**
 * Opens the feedback store: the database in WAL mode with its migrations, a test write (so a
 * locked or read-only file is found now, not at the first vote), and a prune of what is past
 * retention. Any failure → feedback off, with one warning saying why; never an exception.
 */
export function openFeedback(options: FeedbackOptions): Feedback {
  return new FeedbackStore(options);
}

type Pending = { kind: 'question'; at: number; record: QuestionRecord } | { kind: 'vote'; at: number; record: VoteRecord };

class FeedbackStore implements Feedback {
  #db: FeedbackDatabase | null = null;
  #queue: Pending[] = [];
  #flushTimer: NodeJS.Timeout | null = null;
  #pruneTimer: NodeJS.Timeout | null = null;
  readonly #salts = new Map<string, Buffer>();
  readonly #now: () => number;

  constructor(private readonly options: FeedbackOptions) {
    this.#now = options.now ?? Date.now;
    let db: FeedbackDatabase;
    try {
      db = openForWriting(options.path);
    } catch (error) {
      this.#warnOff('cannot open', error);
      return;
    }
    this.#db = db;
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('last_start', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
        new Date(this.#now()).toISOString(),
      );
      this.#prune();
    } catch (error) {
      this.#turnOff('cannot write', error);
      return;
    }
    this.#pruneTimer = setInterval(() => this.#guard('cannot write', () => this.#prune()), PRUNE_INTERVAL_MS).unref();
  }

  get enabled(): boolean {
    return this.#db !== null;
  }

  recordQuestion(record: QuestionRecord): void {
    this.#enqueue({ kind: 'question', at: this.#now(), record });
  }

  recordVote(record: VoteRecord): void {
    this.#enqueue({ kind: 'vote', at: this.#now(), record });
  }

  flush(): void {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    const db = this.#db;
    const batch = this.#queue;
    this.#queue = [];
    if (db === null || batch.length === 0) return;
    this.#guard('cannot write', () => this.#write(db, batch), batch.length);
  }

  guildStats(guild: string): GuildStats | null {
    this.flush();
    const db = this.#db;
    if (db === null) return null;
    return this.#guard('cannot read', () => readGuildStats(db, guild, this.#now())) ?? null;
  }

  close(): void {
    this.flush();
    if (this.#pruneTimer !== null) clearInterval(this.#pruneTimer);
    this.#pruneTimer = null;
    this.#db?.close();
    this.#db = null;
  }

  #enqueue(item: Pending): void {
    if (this.#db === null) return;
    this.#queue.push(item);
    if (this.#queue.length >= MAX_QUEUE) this.flush();
    else this.#flushTimer ??= setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  #write(db: FeedbackDatabase, batch: readonly Pending[]): void {
    const insertQuestion = db.prepare(
      `INSERT INTO questions (at, guild, channel_kind, via, status, unit_id, confidence, question, closest_topics)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const upsertVote = db.prepare(
      `INSERT INTO votes (guild, unit_id, voter, vote, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (guild, unit_id, voter) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
    );
    db.transaction(() => {
      for (const item of batch) {
        if (item.kind === 'vote') {
          const { guild, userId, unitId, vote } = item.record;
          upsertVote.run(guild, unitId, this.#voterOf(db, guild, userId), vote === 'up' ? 1 : -1, item.at);
          continue;
        }
        const record = item.record;
        const abstained = record.status !== 'answered';
        insertQuestion.run(
          item.at,
          record.guild,
          record.channelKind,
          record.via,
          record.status,
          record.unitId,
          record.confidence,
          abstained ? record.question : null,
          abstained ? JSON.stringify(record.closestTopics) : null,
        );
      }
    }).immediate();
  }

  /** sha256(guild salt ‖ user id): the same person is the same voter within a guild, and no user id is stored. */
  #voterOf(db: FeedbackDatabase, guild: string, userId: string): string {
    let salt = this.#salts.get(guild);
    if (salt === undefined) {
      // INSERT OR IGNORE, then read: another process sharing the file (a shard) may have made it first.
      db.prepare('INSERT OR IGNORE INTO guild_salts (guild, salt, created_at) VALUES (?, ?, ?)').run(guild, randomBytes(32), this.#now());
      salt = db.prepare<[string], { salt: Buffer }>('SELECT salt FROM guild_salts WHERE guild = ?').get(guild)!.salt;
      this.#salts.set(guild, salt);
    }
    return createHash('sha256').update(salt).update(userId).digest('base64url');
  }

  #prune(): void {
    if (this.#db === null) return;
    const removed = pruneBefore(this.#db, this.#now() - this.options.retentionDays * DAY_MS);
    // Salts of guilds left without votes are gone; the next vote there makes a new one.
    this.#salts.clear();
    if (removed.questions + removed.votes > 0) this.options.logger.info({ ...removed, retentionDays: this.options.retentionDays }, 'feedback pruned');
  }

  /** Runs `work`; on a database error turns feedback off (one warning) and returns undefined. */
  #guard<T>(doing: string, work: () => T, losing = 0): T | undefined {
    try {
      return work();
    } catch (error) {
      this.#turnOff(doing, error, losing);
      return undefined;
    }
  }

  /** Closes the database and warns once; `losing` records were being written and are lost with the queue. */
  #turnOff(doing: string, error: unknown, losing = 0): void {
    if (this.#db === null) return;
    const dropped = losing + this.#queue.length;
    this.#queue = [];
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    if (this.#pruneTimer !== null) clearInterval(this.#pruneTimer);
    this.#flushTimer = this.#pruneTimer = null;
    try {
      this.#db.close();
    } catch {
      // Closing a connection that just failed may fail too; it is abandoned either way.
    }
    this.#db = null;
    this.#warnOff(doing, error, dropped);
  }

  #warnOff(doing: string, error: unknown, dropped = 0): void {
    const { code, message } = error as { code?: string; message?: string };
    this.options.logger.warn(
      { path: this.options.path, code, reason: message, ...(dropped > 0 ? { dropped } : {}) },
      `feedback is off: ${doing} ${this.options.path} (${code ?? 'error'}: ${message ?? String(error)}). ` +
        'Answers go on as before; votes and the log of unanswered questions are not kept until the bot restarts with a file it can write ' +
        '(check that no other program holds the file locked, and that the bot may write the file and its folder), or set FEEDBACK=off.',
    );
  }
}

/** The queue is written this long after its first item … */
export const FLUSH_DELAY_MS = 250;
/** … or at once when it holds this many. */
export const MAX_QUEUE = 500;
/** How often records past retention are deleted (also at start). */
export const PRUNE_INTERVAL_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;
