import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCustomId,
  decodeParagraphRef,
  encodeCustomId,
  encodeParagraphRef,
  MAX_CUSTOM_ID_LENGTH,
  resolveRef,
  toRef,
  type ComponentAction,
} from '../../src/bot/custom-id.js';
import type { IndexFile } from '../../src/types.js';

const UNIT = '2020-05-24-npc-press-conference#3';

describe('encodeCustomId / decodeCustomId', () => {
  it.each<[ComponentAction, string]>([
    [{ kind: 'page', ref: UNIT, page: 1, best: 3, publishable: true }, `kj:page:1:3:e:${UNIT}`],
    [{ kind: 'page', ref: UNIT, page: 0, best: null, publishable: false }, `kj:page:0:-:p:${UNIT}`],
    [{ kind: 'publish', ref: UNIT }, `kj:publish:${UNIT}`],
    [{ kind: 'quote', ref: 'a:b#1' }, 'kj:quote:a:b#1'],
    [{ kind: 'vote', vote: 'up', ref: UNIT }, `kj:vote:up:${UNIT}`],
    [{ kind: 'vote', vote: 'down', ref: 'a:b#1' }, 'kj:vote:down:a:b#1'],
  ])('%j ⇄ %s', (action, customId) => {
    expect(encodeCustomId(action)).toBe(customId);
    expect(decodeCustomId(customId)).toEqual(action);
  });

  it.each(['', 'kj', 'kj:page:x:1:e:u', 'kj:page:1:1:z:u', 'kj:page:1:1:e', 'kj:publish', 'other:publish:u', 'kj:delete:u', 'kj:vote:meh:u', 'kj:vote:up'])(
    'GIVEN %j (not ours) THEN null',
    (customId) => {
      expect(decodeCustomId(customId)).toBeNull();
    },
  );

  it('GIVEN any unit id of any length THEN the custom id fits in 100 characters and resolves back', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.nat(9999), fc.option(fc.nat(9999)), fc.boolean(), (id, page, best, publishable) => {
        const file = { units: [{ id }], unanswered: [] } as unknown as IndexFile;
        const customId = encodeCustomId({ kind: 'page', ref: toRef(id), page, best, publishable });
        expect(customId.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
        const decoded = decodeCustomId(customId);
        expect(decoded).toEqual({ kind: 'page', ref: toRef(id), page, best, publishable });
        expect(resolveRef(file, decoded!.ref)).toBe(id);
      }),
    );
  });
});

describe('paragraph refs (/quote autocomplete values)', () => {
  it('GIVEN a unit id and paragraph THEN the value round-trips and fits in 100 characters', () => {
    expect(encodeParagraphRef(UNIT, 4)).toBe(`${UNIT}:4`);
    expect(decodeParagraphRef(`${UNIT}:4`)).toEqual({ ref: UNIT, paragraph: 4 });
    const long = 'x'.repeat(200);
    expect(encodeParagraphRef(long, 12).length).toBeLessThanOrEqual(100);
  });

  it.each(['中美关系', '政治病毒:', ':3', '中美:关系'])('GIVEN typed text %j THEN it is not a ref', (text) => {
    expect(decodeParagraphRef(text)).toBeNull();
  });
});
