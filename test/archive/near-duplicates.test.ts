import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactText, groupNearDuplicates, jaccard, minHashSignature, shingleHashes } from '../../src/archive/near-duplicates.js';
import { seededRandom } from '../../benchmarks/corpus.js';
import { OTHER_ANSWERS, REEF_LINE, REEF_LINE_CHANGED } from './helpers.js';

describe('compactText', () => {
  it.each([
    ['中方，坚决 反对！', '中方坚决反对'],
    ['歐洲怎麼看中國？', '欧洲怎么看中国'],
    ['ＷＨＯ與中方', 'who与中方'],
  ])('%s → %s', (text, expected) => expect(compactText(text)).toBe(expected));
});

describe('shingles and similarity', () => {
  it('GIVEN a text THEN its shingles are the distinct 3-character windows, sorted', () => {
    expect(shingleHashes('甲乙丙甲乙丙', 3).length).toBe(3);
    expect(shingleHashes('甲乙', 3).length).toBe(1);
    const hashes = shingleHashes(compactText(REEF_LINE), 3);
    expect([...hashes]).toEqual([...hashes].sort((a, b) => a - b));
  });

  it.each([
    ['the same text', REEF_LINE, REEF_LINE, 1, 1],
    ['a clause added', REEF_LINE, REEF_LINE_CHANGED, 0.7, 0.95],
    ['another position', REEF_LINE, OTHER_ANSWERS[1]!, 0, 0.2],
  ])('GIVEN %s THEN the Jaccard similarity of the shingle sets is in [%s, %s]', (_, a, b, low, high) => {
    const similarity = jaccard(shingleHashes(compactText(a), 3), shingleHashes(compactText(b), 3));
    expect(similarity).toBeGreaterThanOrEqual(low);
    expect(similarity).toBeLessThanOrEqual(high);
  });

  it('GIVEN equal sets THEN equal signatures; the signature agrees with Jaccard on about the share of values', () => {
    const a = shingleHashes(compactText(REEF_LINE), 3);
    expect([...minHashSignature(a, 64)]).toEqual([...minHashSignature(shingleHashes(compactText(REEF_LINE), 3), 64)]);
    const b = shingleHashes(compactText(REEF_LINE_CHANGED), 3);
    const [sa, sb] = [minHashSignature(a, 64), minHashSignature(b, 64)];
    const agree = sa.filter((value, i) => value === sb[i]).length / 64;
    expect(Math.abs(agree - jaccard(a, b))).toBeLessThan(0.25);
  });
});

/** A text of `length` characters drawn from a small alphabet of common characters (seeded). */
function randomText(random: () => number, length: number): string {
  const alphabet = [...'中方美国关系合作发展和平稳定坚决反对支持推动国际社会共同维护地区安全经济贸易问题立场原则对话协商'];
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

describe('groupNearDuplicates', () => {
  it('GIVEN 2,000 unlike texts and 50 texts said twice THEN exactly the 50 pairs are found, comparing far fewer than all pairs', () => {
    const random = seededRandom(3);
    const items = Array.from({ length: 2000 }, (_, i) => ({ text: randomText(random, 60 + Math.floor(random() * 100)), unit: `u${i}` }));
    const repeated = items.slice(0, 50).map((item, i) => ({ text: `${item.text}。`, unit: `r${i}` }));
    const { groups, figures } = groupNearDuplicates([...items, ...repeated]);
    expect(groups).toEqual(Array.from({ length: 50 }, (_, i) => [i, 2000 + i]));
    expect(figures.compared).toBeLessThan(2050 * 4);
  });

  it('PROPERTY: texts repeated exactly in other units are grouped, no group is one unit alone, and the result is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: OTHER_ANSWERS.length - 1 }), { minLength: 2, maxLength: 12 }), fc.boolean(), (picks, wholeAndPart) => {
        const items = picks.flatMap((pick, i) => [
          { text: OTHER_ANSWERS[pick]!, unit: `u${i}` },
          ...(wholeAndPart ? [{ text: `${OTHER_ANSWERS[pick]!}\n好。`, unit: `u${i}` }] : []),
        ]);
        const { groups } = groupNearDuplicates(items);
        for (const group of groups) expect(new Set(group.map((i) => items[i]!.unit)).size).toBeGreaterThanOrEqual(2);
        const groupOf = (i: number) => groups.findIndex((group) => group.includes(i));
        items.forEach((item, i) =>
          items.forEach((other, j) => {
            if (item.text === other.text && item.unit !== other.unit) expect(groupOf(i)).toBe(groupOf(j));
          }),
        );
        expect(groupNearDuplicates(items)).toEqual({ groups, figures: groupNearDuplicates(items).figures });
      }),
      { numRuns: 60 },
    );
  });
});
