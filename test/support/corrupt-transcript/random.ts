import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Outputs discarded after seeding. */
const WARM_UP = 16;

/** Scrambles a 32-bit seed (murmur3's finaliser), so that neighbouring seeds start far apart. */
function mix(seed: number): number {
  let h = seed | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * A seeded source of random choices (xoroshiro128+ from pure-rand). The same seed always gives
 * the same sequence of choices, so a variant is reproducible from its seed.
 */
export class Random {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(mix(seed));
    // The first outputs of xoroshiro128+ follow the seed closely (seeds 1, 2, 3 open alike).
    for (let i = 0; i < WARM_UP; i++) this.generator.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.int(0, 999_999) < p * 1_000_000;
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('corrupt-transcript: pick from an empty list.');
    return items[this.int(0, items.length - 1)]!;
  }

  /** Up to `count` distinct items of a list, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(this.int(0, pool.length - 1), 1)[0]!);
    return chosen;
  }
}

/**
 * A 32-bit seed from any text, so each (run seed, transcript, variant) has its own stream:
 * `seedOf('1:2019-04-02-briefing:7')` is always the same number (FNV-1a).
 */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
