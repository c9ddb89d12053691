/**
 * Feedback kept for the people who run a server: 👍/👎 on answers, every question with its
 * outcome (the text only when the bot abstained), in SQLite (better-sqlite3, WAL). No user id is
 * stored; records past the retention are deleted. Only the Discord bot writes here.
 */
export {
  DM_SCOPE,
  FEEDBACK_OFF,
  openFeedback,
  type AskedVia,
  type ChannelKind,
  type Feedback,
  type FeedbackOptions,
  type QuestionRecord,
  type VoteRecord,
} from './feedback-store.js';
export { forgetGuild, listGuilds, openExisting, type FeedbackDatabase, type Forgotten, type GuildSummary } from './database.js';
export { groupNearIdentical, questionKey, readGuildStats, type AskedGroup, type GuildStats, type PeriodCounts, type VotedAnswer } from './stats.js';
