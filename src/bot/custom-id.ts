import { createHash } from 'node:crypto';
import type { IndexFile } from '../types.js';

/**
 * Stateless references carried by buttons, select menus and autocomplete values, so they keep
 * working after a restart. Discord limits custom ids and choice values to 100 characters.
 */
export const MAX_CUSTOM_ID_LENGTH = 100;
/** Discord's limits on autocomplete: 25 choices, each name and value at most 100 characters. */
export const MAX_AUTOCOMPLETE_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** Ids up to this length travel as they are; longer ones as `@` + a digest resolved against the index. */
const MAX_PLAIN_REF_LENGTH = 64;

/** What a component on an answer message does. */
export type ComponentAction =
  /** Show `page` of the unit; `best` is the marked paragraph (null: none); `publishable` keeps the publish button. */
  | { kind: 'page'; ref: string; page: number; best: number | null; publishable: boolean }
  /** Post the whole answer publicly as a block quote. */
  | { kind: 'publish'; ref: string }
  /** Select menu: post the chosen paragraph publicly as a block quote. */
  | { kind: 'quote'; ref: string }
  /** 👍 / 👎: the user's vote on the unit (one per user per unit in a guild; voting again changes it). */
  | { kind: 'vote'; vote: 'up' | 'down'; ref: string }
  /** /timeline ◀ ▶: show `page` of the timeline of the line `ref` refers to. */
  | { kind: 'timeline'; ref: string; page: number };

const PREFIX = 'kj';

/**
 * Encodes an action as a custom id of at most 100 characters (the ref goes last, so it may hold `:`).
 * `{ kind: 'page', ref: 'src#3', page: 1, best: 2, publishable: true }` → `kj:page:1:2:e:src#3`;
 * `{ kind: 'vote', vote: 'down', ref: 'src#3' }` → `kj:vote:down:src#3`
 */
export function encodeCustomId(action: ComponentAction): string {
  const id =
    action.kind === 'page'
      ? [PREFIX, 'page', action.page, action.best ?? '-', action.publishable ? 'e' : 'p', action.ref].join(':')
      : action.kind === 'vote'
        ? [PREFIX, 'vote', action.vote, action.ref].join(':')
        : action.kind === 'timeline'
          ? [PREFIX, 'tl', action.page, action.ref].join(':')
          : [PREFIX, action.kind, action.ref].join(':');
  if (id.length > MAX_CUSTOM_ID_LENGTH) throw new Error(`custom-id: "${id}" is ${id.length} characters, over ${MAX_CUSTOM_ID_LENGTH}`);
  return id;
}

/** Decodes a custom id made by `encodeCustomId`; anything else (another bot version, a typo) → null. */
export function decodeCustomId(customId: string): ComponentAction | null {
  const parts = customId.split(':');
  if (parts[0] !== PREFIX) return null;
  const kind = parts[1];
  if (kind === 'page') {
    const [, , page, best, mode, ...ref] = parts;
    if (!isIndex(page) || !(best === '-' || isIndex(best)) || (mode !== 'e' && mode !== 'p') || ref.length === 0) return null;
    return { kind, ref: ref.join(':'), page: Number(page), best: best === '-' ? null : Number(best), publishable: mode === 'e' };
  }
  if ((kind === 'publish' || kind === 'quote') && parts.length > 2) return { kind, ref: parts.slice(2).join(':') };
  if (kind === 'vote' && (parts[2] === 'up' || parts[2] === 'down') && parts.length > 3) return { kind, vote: parts[2], ref: parts.slice(3).join(':') };
  if (kind === 'tl' && isIndex(parts[2]) && parts.length > 3) return { kind: 'timeline', page: Number(parts[2]), ref: parts.slice(3).join(':') };
  return null;
}

/** A `/quote` autocomplete value: `<ref>:<paragraph index>`. */
export function encodeParagraphRef(unitId: string, paragraph: number): string {
  return `${toRef(unitId)}:${paragraph}`;
}

/** Reads `encodeParagraphRef` output; other text (typed, not chosen) → null. */
export function decodeParagraphRef(value: string): { ref: string; paragraph: number } | null {
  const colon = value.lastIndexOf(':');
  const paragraph = value.slice(colon + 1);
  if (colon <= 0 || !isIndex(paragraph)) return null;
  return { ref: value.slice(0, colon), paragraph: Number(paragraph) };
}

/**
 * The short reference to a unit or unanswered-question id: the id itself when short, else a digest.
 * `toRef('2020-05-24-npc-press-conference#3')` → the same string.
 */
export function toRef(id: string): string {
  return id.length <= MAX_PLAIN_REF_LENGTH && !id.startsWith('@') ? id : `@${digest(id)}`;
}

/** The id (of a unit, an unanswered question or a line) a ref stands for in `file` (plain refs are returned as they are; the caller looks them up). */
export function resolveRef(file: IndexFile, ref: string): string {
  if (!ref.startsWith('@')) return ref;
  let digests = digestsByFile.get(file);
  if (digests === undefined) {
    digests = new Map();
    for (const { id } of [...file.units, ...file.unanswered, ...(file.lines ?? [])]) if (toRef(id) !== id) digests.set(toRef(id), id);
    digestsByFile.set(file, digests);
  }
  return digests.get(ref) ?? ref;
}

const digestsByFile = new WeakMap<IndexFile, Map<string, string>>();

function digest(id: string): string {
  return createHash('sha256').update(id).digest('base64url').slice(0, 22);
}

function isIndex(text: string | undefined): text is string {
  return text !== undefined && /^\d{1,4}$/.test(text);
}
