import type { Client } from 'discord.js';
import type { Logger } from '../log.js';
import type { SearchIndex } from '../search/index.js';

/**
 * Reloading a rebuilt index while the bot runs (SIGHUP, or /reload for the bot's owner): the new
 * index is loaded beside the one answering, then takes its place in one assignment. A request in
 * flight keeps the index it started with (handlers read `context.index` once, when they start),
 * so none is dropped or fails; a reload that cannot load the new index keeps the old one and
 * says why. Reloads do not overlap: one asked for while another runs shares its outcome.
 */

/** How a reload went. */
export type ReloadOutcome =
  | { ok: true; units: number; previousUnits: number; lines: number; ms: number }
  | { ok: false; reason: string };

/** The index answering now, and how to replace it. */
export interface IndexReloader {
  readonly current: SearchIndex;
  reload(trigger: 'signal' | 'command'): Promise<ReloadOutcome>;
}

/**
 * A reloader starting with `initial`; `load` reads and builds the index as start-up does. The
 * load runs on the next turn of the event loop, after the work already queued (replies being sent).
 */
export function createIndexReloader(initial: SearchIndex, load: () => SearchIndex, logger: Logger): IndexReloader {
  let current = initial;
  let running: Promise<ReloadOutcome> | null = null;
  const reloadOnce = async (trigger: 'signal' | 'command'): Promise<ReloadOutcome> => {
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    let next: SearchIndex;
    try {
      next = load();
    } catch (error) {
      // The rebuilt index is the operator's file: a bad one is reported, and the bot goes on with the index it has.
      const reason = (error as Error).message;
      logger.error({ trigger, reason }, 'index reload failed; still answering from the previous index');
      return { ok: false, reason };
    }
    const previousUnits = current.file.units.length;
    current = next;
    const outcome = { ok: true as const, units: next.file.units.length, previousUnits, lines: next.file.lines?.length ?? 0, ms: Math.round(performance.now() - started) };
    logger.info({ trigger, ...outcome }, 'index reloaded');
    return outcome;
  };
  return {
    get current() {
      return current;
    },
    reload(trigger) {
      running ??= reloadOnce(trigger).finally(() => {
        running = null;
      });
      return running;
    },
  };
}

/** Reloads on every SIGHUP (the operator rebuilt the index: `kill -HUP <pid>`). */
export function reloadOnSignal(reload: () => Promise<unknown>): void {
  process.on('SIGHUP', () => void reload());
}

/**
 * Who may run /reload: the application's owner as the REST API names it (a user, or a team's
 * owner and members), and the configured OWNER_IDS. The application is fetched once.
 */
export function ownerCheck(client: Client, configured: readonly string[]): (userId: string) => Promise<boolean> {
  let owners: Promise<Set<string>> | null = null;
  const fetchOwners = async () => {
    const ids = new Set(configured);
    const application = await client.application?.fetch();
    const owner = application?.owner;
    if (owner && 'members' in owner) {
      ids.add(owner.ownerId ?? '');
      for (const id of owner.members.keys()) ids.add(id);
    } else if (owner) ids.add(owner.id);
    return ids;
  };
  return async (userId) => {
    owners ??= fetchOwners().catch((error: unknown) => {
      owners = null;
      throw error;
    });
    return (await owners).has(userId);
  };
}
