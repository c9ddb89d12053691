/**
 * The feedback database's schema, as migrations: `MIGRATIONS[n]` takes a database from
 * `PRAGMA user_version = n` to `n + 1`. Append a migration to change the schema; never edit one
 * that has shipped, since databases already past it will not run it again.
 *
 * No table holds a Discord user id. `guild` is a guild id, or `dm` for direct messages.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  -- A random salt per guild: a voter is sha256(salt ‖ user id), so one person's votes cannot be
  -- linked across guilds, and forgetting a guild (its salt with it) unlinks them for good.
  CREATE TABLE guild_salts (
    guild      TEXT PRIMARY KEY,
    salt       BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );

  -- Every question the bot answered or abstained on. The text is kept only for abstentions
  -- (no_match, unanswered): the operator's list of what the archive lacks.
  CREATE TABLE questions (
    id             INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,              -- ms since the epoch
    guild          TEXT NOT NULL,
    channel_kind   TEXT NOT NULL,                 -- text, thread, voice, dm, other
    via            TEXT NOT NULL,                 -- ask, topic, mention, dm, channel, context_menu
    status         TEXT NOT NULL CHECK (status IN ('answered', 'no_match', 'unanswered')),
    unit_id        TEXT,                          -- answered: the unit quoted
    confidence     REAL,                          -- answered: the search's confidence
    question       TEXT,                          -- abstentions only
    closest_topics TEXT                           -- abstentions only: JSON array of topic labels
  );
  CREATE INDEX questions_by_guild_time ON questions (guild, at);
  CREATE INDEX questions_by_time ON questions (at);

  -- One vote per voter per answer unit in a guild; voting again replaces it.
  CREATE TABLE votes (
    guild   TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    voter   TEXT NOT NULL,
    vote    INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    at      INTEGER NOT NULL,
    PRIMARY KEY (guild, unit_id, voter)
  ) WITHOUT ROWID;
  CREATE INDEX votes_by_time ON votes (at);
  `,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
