import { normalizeForMatching } from '../text/index.js';

/**
 * Near-duplicate texts in a large collection without comparing all pairs: each text becomes the
 * set of its character shingles (k characters in a row of its folded letters and digits), a
 * MinHash signature of that set (one-permutation hashing, empty bins filled by rotation), and
 * LSH bands of the signature. Texts that share a band are candidates; a candidate pair is
 * accepted only when the exact Jaccard similarity of the two shingle sets is at least the
 * threshold. Accepted pairs are joined into groups (union-find), so a line that drifts over the
 * years stays one group as long as each wording is near the one before.
 *
 * Work grows with the number of texts, not its square: within a band bucket a text is compared
 * with at most `maxComparisonsPerBucket` earlier texts of other groups.
 */

/** One text to group. `unit` texts never pair with each other (a unit's whole text and its own paragraphs). */
export interface NearDuplicateItem {
  text: string;
  /** Items with the same `unit` are never paired. */
  unit: string;
}

/** Options of `groupNearDuplicates`; defaults in NEAR_DUPLICATE_DEFAULTS below. */
export interface NearDuplicateOptions {
  /** Characters per shingle. 3 keeps one changed character from touching more than 3 shingles. */
  shingleSize: number;
  /** Texts with fewer folded letters and digits than this are not grouped (set phrases, not positions). */
  minChars: number;
  /** Jaccard similarity of the shingle sets from which two texts are the same line. */
  threshold: number;
  /** LSH bands; the signature has bands × rows values. */
  bands: number;
  /** Signature values per band: more rows, fewer false candidates. */
  rows: number;
  /** Within one band bucket, the most earlier texts (of distinct groups) a text is compared with. */
  maxComparisonsPerBucket: number;
}

/** The groups found and what it took. */
export interface NearDuplicateGroups {
  /** Indexes of the items in each group of two or more, each group in item order; groups by their first item. */
  groups: number[][];
  figures: {
    /** Items long enough to take part. */
    items: number;
    /** Candidate pairs whose similarity was computed. */
    compared: number;
    /** Pairs accepted (at or above the threshold) that joined two groups. */
    joined: number;
  };
}

/**
 * The key a text is compared on: folded (script, width, case) and reduced to letters and
 * digits, so punctuation and spacing make no difference. `compactText('中方，坚决 反对！')` → `中方坚决反对`
 */
export function compactText(text: string): string {
  return normalizeForMatching(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** The sorted, distinct 32-bit hashes of the text's shingles of `size` characters (the whole text when shorter). */
export function shingleHashes(compact: string, size: number): Uint32Array {
  const chars = Array.from(compact);
  const count = Math.max(1, chars.length - size + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let hash = 0x811c9dc5;
    for (let j = i; j < Math.min(chars.length, i + size); j++) {
      const code = chars[j]!.codePointAt(0)!;
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    hashes[i] = mix32(hash);
  }
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i]!;
  return hashes.slice(0, distinct);
}

/** |A ∩ B| / |A ∪ B| of two sorted sets of distinct values; 1 for two empty sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

const BIN_BITS = 26;
const BIN_RANGE = 2 ** BIN_BITS;

/**
 * A MinHash signature of `bins` values by one-permutation hashing: each hash falls in the bin of
 * its high bits and keeps the least low bits there; an empty bin takes the value of the next
 * non-empty bin to its right (circularly) plus its distance × the value range, so that equal
 * sets give equal signatures and the fill does not make unlike sets collide.
 */
export function minHashSignature(hashes: Uint32Array, bins: number): Float64Array {
  const signature = new Float64Array(bins).fill(Number.POSITIVE_INFINITY);
  const shift = 32 - Math.log2(bins);
  for (const hash of hashes) {
    const bin = hash >>> shift;
    const value = hash & (BIN_RANGE - 1);
    if (value < signature[bin]!) signature[bin] = value;
  }
  for (let bin = 0; bin < bins; bin++) {
    if (signature[bin] !== Number.POSITIVE_INFINITY) continue;
    for (let distance = 1; distance < bins; distance++) {
      const value = signature[(bin + distance) % bins]!;
      if (value < BIN_RANGE) {
        signature[bin] = value + distance * BIN_RANGE;
        break;
      }
    }
  }
  return signature;
}

/**
 * Groups near-duplicate texts (see the module comment). Deterministic: the same items in the
 * same order give the same groups.
 *
 * @example groupNearDuplicates([{ text: A, unit: 'a' }, { text: A + '。', unit: 'b' }, { text: B, unit: 'c' }]).groups // → [[0, 1]]
 */
export function groupNearDuplicates(items: readonly NearDuplicateItem[], options: Partial<NearDuplicateOptions> = {}): NearDuplicateGroups {
  const { shingleSize, minChars, threshold, bands, rows, maxComparisonsPerBucket } = { ...NEAR_DUPLICATE_DEFAULTS, ...options };
  const bins = 2 ** Math.ceil(Math.log2(bands * rows));
  const shingles: (Uint32Array | null)[] = items.map((item) => {
    const compact = compactText(item.text);
    return Array.from(compact).length < minChars ? null : shingleHashes(compact, shingleSize);
  });
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  let compared = 0;
  let joined = 0;
  const buckets = Array.from({ length: bands }, () => new Map<string, number[]>());
  shingles.forEach((set, i) => {
    if (set === null) return;
    const signature = minHashSignature(set, bins);
    for (let band = 0; band < bands; band++) {
      const key = Array.from(signature.subarray(band * rows, band * rows + rows)).join(',');
      const bucket = buckets[band]!.get(key);
      if (bucket === undefined) {
        buckets[band]!.set(key, [i]);
        continue;
      }
      // Compare with the earlier members that head another group, most recent first, up to the cap.
      const root = find(i);
      const heads: number[] = [];
      for (let k = bucket.length - 1; k >= 0 && heads.length < maxComparisonsPerBucket; k--) {
        const other = bucket[k]!;
        const otherRoot = find(other);
        if (otherRoot === root) {
          heads.length = 0;
          break;
        }
        if (items[other]!.unit === items[i]!.unit || heads.some((head) => find(head) === otherRoot)) continue;
        heads.push(other);
      }
      for (const other of heads) {
        if (find(other) === find(i)) continue;
        compared++;
        if (jaccard(set, shingles[other]!) >= threshold) {
          parent[find(other)] = find(i);
          joined++;
        }
      }
      bucket.push(i);
    }
  });
  const byRoot = new Map<number, number[]>();
  shingles.forEach((set, i) => {
    if (set === null) return;
    const root = find(i);
    const group = byRoot.get(root);
    if (group) group.push(i);
    else byRoot.set(root, [i]);
  });
  const groups = [...byRoot.values()].filter((group) => group.length >= 2).sort((a, b) => a[0]! - b[0]!);
  return { groups, figures: { items: shingles.filter((set) => set !== null).length, compared, joined } };
}

/** murmur3's 32-bit finalizer: spreads the bits of a hash. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Defaults of NearDuplicateOptions. */
export const NEAR_DUPLICATE_DEFAULTS: Readonly<NearDuplicateOptions> = Object.freeze({
  shingleSize: 3,
  minChars: 30,
  threshold: 0.7,
  bands: 16,
  rows: 4,
  maxComparisonsPerBucket: 8,
});
