import { normalizeForMatching } from '../text/index.js';

/**
 * Near-duplicate texts in a large collection without comparing all pairs: each text becomes the
 * set of its character shingles (k characters in a row of its letters and digits, width and case
 * folded: see shingleKey), a
 * MinHash signature of that set (one-permutation hashing, empty bins filled by rotation), and
 * LSH bands of the signature. Texts that share a band are candidates; a candidate pair is
 * accepted only when the exact Jaccard similarity of the two shingle sets is at least the
 * threshold. Accepted pairs are joined into groups (union-find), so a line that drifts over the
 * years stays one group as long as each wording is near the one before.
 *
 * Work grows with the number of texts, not its square: a band bucket keeps at most
 * `maxComparisonsPerBucket` earlier texts, each of another group, and a text is compared with
 * those only (and not with a text too much shorter or longer to be near).
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
  /** Texts with fewer letters and digits than this are not grouped: set phrases and one-sentence formulas, not positions. */
  minChars: number;
  /** Jaccard similarity of the shingle sets from which two texts are the same line. */
  threshold: number;
  /** LSH bands; the signature has bands × rows values. */
  bands: number;
  /** Signature values per band: more rows, fewer false candidates. */
  rows: number;
  /** The most texts (of distinct groups) one band bucket keeps to compare later texts with. */
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
 * The key two wordings are compared on: folded (script, width, case) and reduced to letters and
 * digits, so punctuation and spacing make no difference. `compactText('中方，坚决 反对！')` → `中方坚决反对`
 */
export function compactText(text: string): string {
  return normalizeForMatching(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The key texts are shingled on: letters and digits only, full-width forms made half-width, Latin
 * letters lower case; no traditional → simplified folding, which costs more than all the rest of
 * grouping (the ministry publishes its transcripts in one script). One pass over the code units:
 * grouping reads every answer twice (whole and by paragraph).
 * `shingleKey('中方，ＷＨＯ！')` → `中方who`
 */
export function shingleKey(text: string): string {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code > 0x7f && isLetterOrDigit(code))) codes.push(code);
  }
  let key = '';
  for (let i = 0; i < codes.length; i += 4096) key += String.fromCharCode(...codes.slice(i, i + 4096));
  return key;
}

/** A code unit above ASCII that is a letter or digit: CJK ideographs and surrogates at once, anything else as Unicode says. */
function isLetterOrDigit(code: number): boolean {
  if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd800 && code <= 0xdfff)) return true;
  if ((code >= 0x2000 && code <= 0x2bff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xffef)) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

/** The sorted, distinct 32-bit hashes of the key's shingles of `size` code units (the whole key when shorter). */
export function shingleHashes(key: string, size: number): Uint32Array {
  const count = Math.max(1, key.length - size + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let hash = 0x811c9dc5;
    for (let j = i; j < Math.min(key.length, i + size); j++) hash = Math.imul(hash ^ key.charCodeAt(j), 0x01000193);
    hashes[i] = mix32(hash);
  }
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i]!;
  return hashes.subarray(0, distinct);
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
    const key = shingleKey(item.text);
    return key.length < minChars ? null : shingleHashes(key, shingleSize);
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
  // A bucket keeps at most `maxComparisonsPerBucket` heads: earlier texts of distinct groups. A
  // text joined to a head needs no place of its own; a text that joins none takes a free place.
  // One head is stored as a number, several as an array: most buckets hold one text.
  const buckets = Array.from({ length: bands }, () => new Map<number, number | number[]>());
  const signatures: (Float64Array | null)[] = shingles.map((set) => (set === null ? null : minHashSignature(set, bins)));
  // Far below the threshold by the signatures (4 standard deviations of the estimate): not worth the exact count.
  const estimateFloor = Math.ceil((threshold - 4 * Math.sqrt((threshold * (1 - threshold)) / bins)) * bins);
  const tried: number[] = [];
  const met = new Set<number>();
  shingles.forEach((set, i) => {
    const signature = signatures[i];
    if (set === null || !signature) return;
    met.clear();
    for (let band = 0; band < bands; band++) {
      const key = bandKey(signature, band * rows, rows);
      const stored = buckets[band]!.get(key);
      if (stored === undefined) {
        buckets[band]!.set(key, i);
        continue;
      }
      const heads = typeof stored === 'number' ? [stored] : stored;
      let grouped = false;
      tried.length = 0;
      for (const head of heads) {
        const headRoot = find(head);
        if (headRoot === find(i)) {
          grouped = true;
          continue;
        }
        // A text met in an earlier band was weighed then.
        if (met.has(head) || tried.includes(headRoot) || items[head]!.unit === items[i]!.unit) continue;
        met.add(head);
        tried.push(headRoot);
        const other = shingles[head]!;
        // Jaccard is at most the ratio of the two sizes: a much shorter or longer text cannot be near.
        if (Math.min(other.length, set.length) < threshold * Math.max(other.length, set.length)) continue;
        if (!agreesOn(signature, signatures[head]!, estimateFloor)) continue;
        compared++;
        if (jaccard(set, other) >= threshold) {
          parent[headRoot] = find(i);
          joined++;
          grouped = true;
        }
      }
      if (!grouped && heads.length < maxComparisonsPerBucket) buckets[band]!.set(key, [...heads, i]);
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

/** True when two signatures agree on at least `needed` values (an estimate of the Jaccard similarity, × their length). */
function agreesOn(a: Float64Array, b: Float64Array, needed: number): boolean {
  let same = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) same++;
    else if (same + (a.length - i - 1) < needed) return false;
  }
  return same >= needed;
}

/** A band's values hashed to one number (a collision only adds a candidate, which is verified). */
function bandKey(signature: Float64Array, start: number, rows: number): number {
  let hash = 0x9e3779b9;
  for (let i = start; i < start + rows; i++) {
    const value = signature[i]!;
    hash = mix32(hash ^ (value >>> 0));
    hash = mix32(hash ^ Math.floor(value / 2 ** 32));
  }
  return hash;
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
  minChars: 40,
  threshold: 0.7,
  bands: 16,
  rows: 4,
  maxComparisonsPerBucket: 8,
});
