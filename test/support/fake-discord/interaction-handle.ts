import { MessageFlags } from 'discord.js';
import type { FakeMessage, Json } from './payloads.js';
import type { FakeDiscordState, InteractionRecord, RecordedCallback } from './state.js';

/**
 * A dispatched interaction, to await and inspect the bot's answer.
 *
 * @example
 * const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '台湾问题' } });
 * const callback = await ask.waitForCallback();
 * expect(callback.elapsedMs).toBeLessThan(3000);
 * const answer = await ask.waitForOriginal(); // after defer + editReply
 */
export class InteractionHandle {
  constructor(
    private readonly state: FakeDiscordState,
    private readonly record: InteractionRecord,
  ) {}

  /** Interaction id (snowflake). */
  get id(): string {
    return this.record.payload.id as string;
  }

  /** Interaction token, as used in the callback and webhook routes. */
  get token(): string {
    return this.record.payload.token as string;
  }

  /** The INTERACTION_CREATE payload as dispatched. */
  get payload(): Json {
    return this.record.payload;
  }

  /** Every callback attempt so far, rejected ones included (see `status`). */
  get callbacks(): readonly RecordedCallback[] {
    return this.record.callbacks;
  }

  /** Follow-up messages so far, after any edits. */
  get followups(): readonly FakeMessage[] {
    return this.record.followups;
  }

  /** The original response as it is now (after edits); `undefined` before a reply or after deletion. */
  original(): FakeMessage | undefined {
    return this.record.original;
  }

  /**
   * Resolves with the first callback attempt (type, data, `elapsedMs` since dispatch, HTTP
   * `status`). "Acknowledged in time" is `status < 300 && elapsedMs < 3000`.
   */
  waitForCallback(timeoutMs?: number): Promise<RecordedCallback> {
    return this.state.waiters.waitFor(`a callback to interaction ${this.id}`, () => this.record.callbacks[0], timeoutMs);
  }

  /**
   * Resolves with the original response once `predicate` holds; by default once it exists
   * and is no longer a "thinking…" placeholder (LOADING flag cleared by `editReply`).
   */
  waitForOriginal(
    predicate: (message: FakeMessage) => boolean = (message) => ((message.flags ?? 0) & MessageFlags.Loading) === 0,
    timeoutMs?: number,
  ): Promise<FakeMessage> {
    return this.state.waiters.waitFor(
      `the original response of interaction ${this.id} to match`,
      () => (this.record.original && predicate(this.record.original) ? this.record.original : undefined),
      timeoutMs,
    );
  }

  /** Resolves with the first follow-up matching `predicate` (any follow-up by default). */
  waitForFollowup(predicate: (message: FakeMessage) => boolean = () => true, timeoutMs?: number): Promise<FakeMessage> {
    return this.state.waiters.waitFor(
      `a follow-up to interaction ${this.id}`,
      () => this.record.followups.find(predicate),
      timeoutMs,
    );
  }
}
