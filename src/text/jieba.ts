/**
 * jieba in TypeScript, over a compact form of its full dictionary: the segmentation of
 * cppjieba 5 (as nodejieba 3 ships it), step for step, so that every cut, tag and keyword
 * weight is the one nodejieba gives (test/text/jieba.test.ts compares them on every text the
 * project holds and on generated ones). Why: nodejieba keeps its dictionary as a tree of hash
 * maps, twice (its segmenter and its TextRank extractor each load one), 243 MB and about a second
 * to load; here the same 349k words and 259k IDF entries are typed arrays, about 14 MB, loaded
 * from a cache file in milliseconds (see loadJiebaData). The bot answers with this; build-index
 * (ingest) keeps nodejieba.
 *
 * The stages, as in cppjieba: PreFilter (runs between the separators space, tab, newline, ，
 * and 。) → MPSegment (the most probable path through the DAG of dictionary words) → MixSegment
 * (runs of single characters re-cut by the HMM) → QuerySegment (search mode: the dictionary
 * words of 2 and 3 characters inside a long word, then the word), FullSegment (every dictionary
 * word), PosTagger (the dictionary's tag, else m/eng/x), KeywordExtractor (tf × IDF).
 */

/** cppjieba's "minus infinity". */
const MIN_DOUBLE = -3.14e100;
/** PreFilter's separators: space, tab, newline, ，, 。 */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);
const HMM_B = 0;
const HMM_E = 1;
const HMM_S = 3;

/**
 * jieba's data, compiled: a trie of every dictionary and IDF word in CSR form (the children
 * of node k are the nodes childStart[k] .. childStart[k+1]-1, sorted by character), each
 * node's weight and tag when it is a dictionary word and its IDF when the IDF file has it
 * (as indexes into tables of the distinct values: 5k weights, 3k IDFs), the HMM model and the
 * keyword stop words. About 7.5 MB for jieba's 349k words and 259k IDF entries.
 */
export interface JiebaData {
  childStart: Int32Array;
  childChar: Uint16Array;
  /** Per node: index into `weights`, or NONE when the node is no dictionary word. */
  weightOf: Uint16Array;
  weights: Float64Array;
  /** Per node: index into `tags`. */
  tagOf: Uint8Array;
  tags: string[];
  /** Per node: index into `idfs`, or NONE when the IDF file lacks the word. */
  idfOf: Uint16Array;
  idfs: Float64Array;
  /** Sum of the dictionary's frequencies: a user word of frequency f weighs log(f / total). */
  total: number;
  minWeight: number;
  medianWeight: number;
  idfAverage: number;
  startProb: Float64Array;
  /** transProb[from * 4 + to] */
  transProb: Float64Array;
  /** emitProb[state * 65536 + char] (MIN_DOUBLE where the model has none). */
  emitProb: Float64Array;
  stopWords: string[];
}

/** "No value" in JiebaData's index arrays. */
export const NONE = 0xffff;

/** The text of jieba's data files. */
export interface JiebaSources {
  dict: string;
  idf: string;
  hmm: string;
  stopWords: string;
}

/** limonp::Split: on any character of `pattern`, empty pieces kept, no trailing empty piece. */
function splitLikeLimonp(text: string, pattern: string): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && !pattern.includes(text[end] ?? '')) end++;
    if (end === text.length) {
      parts.push(text.slice(start));
      return parts;
    }
    parts.push(text.slice(start, end));
    start = end + 1;
  }
  return parts;
}

/** getline: lines without their \n, no last empty line after a final \n. */
function lines(text: string): string[] {
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}

/** A double's exact value times 2^scale, as a BigInt (the value must be a multiple of 2^-scale). */
function scaled(value: number, scale: bigint): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = (bits >> 52n) & 0x7ffn;
  const mantissa = exponent === 0n ? (bits & 0xfffffffffffffn) << 1n : (bits & 0xfffffffffffffn) | 0x10000000000000n;
  const shift = exponent - 1075n + scale;
  if (shift < 0n) throw new Error('jieba: a weight too small to compare exactly');
  const magnitude = mantissa << shift;
  return negative ? -magnitude : magnitude;
}

const PRECISION = 320n;
const ONE = 1n << PRECISION;

/** 2·atanh(z) with z = num/den (|z| ≤ 1/3), scaled by 2^PRECISION. */
function twiceAtanh(num: bigint, den: bigint): bigint {
  const z = (num * ONE) / den;
  const z2 = (z * z) >> PRECISION;
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * z2) >> PRECISION;
  }
  return 2n * sum;
}

const LN2 = twiceAtanh(1n, 3n);

/** ln(x) of a positive double, scaled by 2^PRECISION (error a few units of 2^-PRECISION). */
function preciseLog(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  if (exponent === 0) throw new Error('jieba: subnormal frequency ratio');
  const mantissa = (bits & 0xfffffffffffffn) | 0x10000000000000n;
  // x = (mantissa / 2^52) · 2^(exponent - 1023), mantissa / 2^52 in [1, 2).
  const t = twiceAtanh(mantissa - (1n << 52n), mantissa + (1n << 52n));
  return t + BigInt(exponent - 1023) * LN2;
}

/** The double after `value` upwards (1) or downwards (-1). */
function adjacent(value: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, value > 0 === direction > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/**
 * ln(x) correctly rounded, as glibc's log gives it for the frequency ratios of jieba's
 * dictionary (V8's Math.log is off by one unit in the last place for about 1% of them, which
 * could change which of two near-equal paths through a sentence wins).
 */
export function correctlyRoundedLog(x: number): number {
  const estimate = Math.log(x);
  // Zero, and values too close to it for the fixed-point comparison: Math.log's is as good.
  if (!(x > 0) || !Number.isFinite(x) || Math.abs(estimate) < 2 ** -200) return estimate;
  const exact = preciseLog(x);
  let best = estimate;
  let bestDistance = -1n;
  for (const candidate of [adjacent(estimate, -1), estimate, adjacent(estimate, 1)]) {
    const distance = scaled(candidate, PRECISION) - exact;
    const absolute = distance < 0n ? -distance : distance;
    if (bestDistance < 0n || absolute < bestDistance) {
      best = candidate;
      bestDistance = absolute;
    }
  }
  return best;
}

/** Compiles jieba's data files (their text) into JiebaData. Throws `jieba: …` on a malformed line. */
export function compileJiebaData(sources: JiebaSources): JiebaData {
  // The dictionary: `word freq tag`, three columns (cppjieba stops on anything else).
  const dictLines = lines(sources.dict);
  const words: string[] = [];
  const freqs = new Float64Array(dictLines.length);
  const tagNames: string[] = [];
  const tagIds = new Map<string, number>();
  const lineTags = new Uint8Array(dictLines.length);
  let total = 0;
  dictLines.forEach((line, i) => {
    const parts = splitLikeLimonp(line, ' ');
    if (parts.length !== 3) throw new Error(`jieba: dictionary line ${i + 1} has ${parts.length} columns: "${line}"`);
    const [word = '', freq = '', tag = ''] = parts;
    words.push(word);
    freqs[i] = Number.parseFloat(freq) || 0;
    total += freqs[i] ?? 0;
    let id = tagIds.get(tag);
    if (id === undefined) {
      id = tagNames.length;
      tagNames.push(tag);
      tagIds.set(tag, id);
    }
    lineTags[i] = id;
  });
  if (tagNames.length > 255) throw new Error('jieba: more than 255 tags');
  const logs = new Map<number, number>();
  const weights = new Float64Array(dictLines.length);
  freqs.forEach((freq, i) => {
    let weight = logs.get(freq);
    if (weight === undefined) {
      weight = correctlyRoundedLog(freq / total);
      logs.set(freq, weight);
    }
    weights[i] = weight;
  });
  const sorted = Float64Array.from(weights).sort();
  const minWeight = sorted[0] ?? MIN_DOUBLE;
  const medianWeight = sorted[Math.floor(sorted.length / 2)] ?? MIN_DOUBLE;

  // The IDF file: `word idf`; the average counts every line, as cppjieba does.
  const idfLines = lines(sources.idf);
  const idfOf = new Map<string, number>();
  let idfSum = 0;
  for (const line of idfLines) {
    const parts = splitLikeLimonp(line, ' ');
    if (line.length === 0 || parts.length !== 2) continue;
    const value = Number.parseFloat(parts[1] ?? '') || 0;
    idfOf.set(parts[0] ?? '', value);
    idfSum += value;
  }
  const idfAverage = idfSum / idfLines.length;

  // The trie: every dictionary and IDF word, sorted, nodes numbered breadth first.
  const lastLine = new Map<string, number>();
  words.forEach((word, i) => lastLine.set(word, i));
  const keys = [...new Set([...lastLine.keys(), ...idfOf.keys()])].filter((word) => word.length > 0).sort();
  for (const key of keys) {
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdfff) throw new Error(`jieba: "${key}" is outside the Basic Multilingual Plane`);
    }
  }
  // Distinct weights and IDFs, each node pointing into them.
  const table = (values: Iterable<number>) => {
    const distinct = [...new Set(values)];
    if (distinct.length >= NONE) throw new Error('jieba: too many distinct weights or IDFs for 16-bit indexes');
    return { values: Float64Array.from(distinct), index: new Map(distinct.map((value, i) => [value, i])) };
  };
  const weightTable = table(weights);
  const idfTable = table(idfOf.values());
  const childStartList: number[] = [];
  const childCharList: number[] = [0];
  const weightList: number[] = [];
  const tagList: number[] = [];
  const idfList: number[] = [];
  // Queue of nodes: [first key, end key, depth]; the node's own word, if any, is keys[first] of length depth.
  const queue: [number, number, number][] = [[0, keys.length, 0]];
  for (let head = 0; head < queue.length; head++) {
    const [from, to, depth] = queue[head] ?? [0, 0, 0];
    const own = depth > 0 && (keys[from]?.length ?? 0) === depth ? keys[from] : undefined;
    const line = own !== undefined ? lastLine.get(own) : undefined;
    const idf = own !== undefined ? idfOf.get(own) : undefined;
    weightList.push(line !== undefined ? (weightTable.index.get(weights[line] ?? 0) ?? NONE) : NONE);
    tagList.push(line !== undefined ? (lineTags[line] ?? 0) : 0);
    idfList.push(idf !== undefined ? (idfTable.index.get(idf) ?? NONE) : NONE);
    childStartList.push(queue.length);
    let i = own !== undefined ? from + 1 : from;
    while (i < to) {
      const char = keys[i]?.charCodeAt(depth) ?? 0;
      let j = i + 1;
      while (j < to && keys[j]?.charCodeAt(depth) === char) j++;
      queue.push([i, j, depth + 1]);
      childCharList.push(char);
      i = j;
    }
  }
  childStartList.push(queue.length);

  // The HMM model: start, 4×4 transitions, then the emissions of B, E, M, S (comment lines skipped).
  const modelLines = sources.hmm
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const numbers = (line: string | undefined, count: number): number[] => {
    const parts = splitLikeLimonp(line ?? '', ' ');
    if (parts.length !== count) throw new Error(`jieba: HMM model line "${line}" has ${parts.length} numbers, expected ${count}`);
    return parts.map((part) => Number.parseFloat(part) || 0);
  };
  const startProb = Float64Array.from(numbers(modelLines[0], 4));
  const transProb = Float64Array.from([1, 2, 3, 4].flatMap((row) => numbers(modelLines[row], 4)));
  const emitProb = new Float64Array(4 * 65_536).fill(MIN_DOUBLE);
  for (let state = 0; state < 4; state++) {
    for (const pair of splitLikeLimonp(modelLines[5 + state] ?? '', ',')) {
      const [char = '', prob = ''] = splitLikeLimonp(pair, ':');
      const code = char.codePointAt(0) ?? 0;
      if ([...char].length !== 1 || code > 0xffff) throw new Error(`jieba: HMM emission "${pair}" is not one BMP character`);
      emitProb[state * 65_536 + code] = Number.parseFloat(prob) || 0;
    }
  }

  return {
    childStart: Int32Array.from(childStartList),
    childChar: Uint16Array.from(childCharList),
    weightOf: Uint16Array.from(weightList),
    weights: weightTable.values,
    tagOf: Uint8Array.from(tagList),
    tags: tagNames,
    idfOf: Uint16Array.from(idfList),
    idfs: idfTable.values,
    total,
    minWeight,
    medianWeight,
    idfAverage,
    startProb,
    transProb,
    emitProb,
    stopWords: lines(sources.stopWords),
  };
}

/** A dictionary entry added after loading (user dictionary, insertWord): it wins over the compiled one. */
interface AddedEntry {
  weight: number;
  tag: string;
}

/** A word of a cut: runes [left, right] of the sentence. */
type Range = [left: number, right: number];

/** A sentence as runes (code points), with where each starts in the (well-formed) string. */
interface Runes {
  text: string;
  codes: Int32Array;
  offsets: Int32Array;
}

/** The string with each lone surrogate replaced by U+FFFD, as N-API's UTF-8 conversion does. */
function wellFormed(input: string): string {
  // With the u flag a surrogate pair is one code point: only lone surrogates match.
  return input.replace(/[\ud800-\udfff]/gu, '\ufffd');
}

function toRunes(input: string): Runes {
  const text = wellFormed(input);
  const codes = new Int32Array(text.length);
  const offsets = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    codes[n] = code;
    offsets[n] = i;
    n++;
    i += code > 0xffff ? 2 : 1;
  }
  offsets[n] = text.length;
  return { text, codes: codes.subarray(0, n), offsets: offsets.subarray(0, n + 1) };
}

function wordOf(runes: Runes, [left, right]: Range): string {
  return runes.text.slice(runes.offsets[left], runes.offsets[right + 1]);
}

/** Compares strings by code point, as std::string compares their UTF-8 bytes. */
function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]?.codePointAt(0) ?? 0;
    const q = y[i]?.codePointAt(0) ?? 0;
    if (p !== q) return p - q;
  }
  return x.length - y.length;
}

/** A node of the trie of added words (by code point). */
interface AddedNode {
  next?: Map<number, AddedNode>;
  entry?: AddedEntry;
}

/** The DAG of a range, flat: position i's words end at ends[start[i] .. start[i+1]) (i first, ascending), with their weights (NaN: a character the dictionary lacks). */
interface Dag {
  start: Int32Array;
  ends: Int32Array;
  weights: Float64Array;
}

/**
 * One jieba: the compiled dictionary plus what was added to it since (the user dictionary,
 * inserted words). Methods mirror nodejieba's: `cut` and `cutForSearch` without HMM by
 * default (nodejieba's default), `tag` and `extract` with it (cppjieba's).
 */
export class Jieba {
  private readonly added: AddedNode = {};
  private readonly userSingles = new Set<number>();
  private readonly stopWords: ReadonlySet<string>;
  // Buffers reused by dag(), grown as needed (a sentence's DAG is consumed before the next is made).
  private dagStart = new Int32Array(64);
  private dagEnds = new Int32Array(256);
  private dagWeights = new Float64Array(256);
  private readonly scratchEnds = new Int32Array(64);
  private readonly scratchWeights = new Float64Array(64);
  private readonly addedEnds = new Int32Array(256);
  private readonly addedWeights = new Float64Array(256);

  constructor(
    private readonly data: JiebaData,
    userDict = '',
  ) {
    this.stopWords = new Set(data.stopWords);
    // cppjieba: 1 column → median weight and no tag; 2 → median weight and the tag; 3 → log(freq / total).
    for (const line of lines(userDict)) {
      if (line.length === 0) continue;
      const parts = splitLikeLimonp(line, ' ');
      const [word = '', second = '', third = ''] = parts;
      if (parts.length > 3) continue;
      const entry =
        parts.length === 3
          ? { weight: correctlyRoundedLog((Number.parseInt(second, 10) || 0) / data.total), tag: third }
          : { weight: data.medianWeight, tag: parts.length === 2 ? second : '' };
      this.add(word, entry);
      if ([...word].length === 1) this.userSingles.add(word.codePointAt(0) ?? 0);
    }
  }

  private add(word: string, entry: AddedEntry): void {
    if (word.length === 0) return;
    let node = this.added;
    for (const char of word) {
      const code = char.codePointAt(0) ?? 0;
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) {
        child = {};
        node.next.set(code, child);
      }
      node = child;
    }
    node.entry = entry;
  }

  /** nodejieba.insertWord: the word, with the dictionary's median weight and tag `x` unless given. */
  insertWord(word: string, tag = 'x'): boolean {
    this.add(wellFormed(word), { weight: this.data.medianWeight, tag });
    return true;
  }

  /** The compiled trie's child of `node` for `char`, or -1. */
  private child(node: number, char: number): number {
    const { childStart, childChar } = this.data;
    let lo = childStart[node] ?? 0;
    let hi = (childStart[node + 1] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = childChar[mid] ?? 0;
      if (value === char) return mid;
      if (value < char) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The trie node of a whole word (runes [from, to) of a sentence), or -1. */
  private nodeOf(codes: Int32Array, from: number, to: number): number {
    let node = 0;
    for (let i = from; i < to && node >= 0; i++) {
      const code = codes[i] ?? 0;
      node = code > 0xffff ? -1 : this.child(node, code);
    }
    return node;
  }

  /** The added word of runes [from, to), if any. */
  private addedEntry(codes: Int32Array, from: number, to: number): AddedEntry | undefined {
    let node: AddedNode | undefined = this.added;
    for (let i = from; i < to && node; i++) node = node.next?.get(codes[i] ?? 0);
    return node?.entry;
  }

  /** Weight of the word runes [from, to), if it is a dictionary word (added words first). */
  private weightOf(runes: Runes, from: number, to: number): number | undefined {
    const added = this.addedEntry(runes.codes, from, to);
    return added ? added.weight : this.nodeWeight(this.nodeOf(runes.codes, from, to));
  }

  /** The weight of a trie node's word, if it is a dictionary word. */
  private nodeWeight(node: number): number | undefined {
    const index = node > 0 ? (this.data.weightOf[node] ?? NONE) : NONE;
    return index === NONE ? undefined : this.data.weights[index];
  }

  /**
   * The DAG of runes [begin, end), as cppjieba's Trie::Find makes it: for each position i, the
   * ends j of the dictionary words starting there, i first then ascending, with their weights;
   * an added word replaces a compiled word of the same characters. Valid until the next call.
   */
  private dag(runes: Runes, begin: number, end: number): Dag {
    const { codes } = runes;
    const n = end - begin;
    if (this.dagStart.length < n + 1) this.dagStart = new Int32Array(Math.max(n + 1, this.dagStart.length * 2));
    let count = 0;
    const push = (j: number, weight: number) => {
      if (count === this.dagEnds.length) {
        const ends = new Int32Array(count * 2);
        ends.set(this.dagEnds);
        this.dagEnds = ends;
        const weights = new Float64Array(count * 2);
        weights.set(this.dagWeights);
        this.dagWeights = weights;
      }
      this.dagEnds[count] = j;
      this.dagWeights[count] = weight;
      count++;
    };
    const { scratchEnds, scratchWeights, addedEnds, addedWeights } = this;
    for (let i = begin; i < end; i++) {
      this.dagStart[i - begin] = count;
      // The compiled words starting at i (ends ascending), kept aside to merge with the added ones.
      let found = 0;
      let single = Number.NaN;
      let node = 0;
      for (let j = i; j < end && found < scratchEnds.length; j++) {
        const code = codes[j] ?? 0;
        node = code > 0xffff ? -1 : this.child(node, code);
        if (node < 0) break;
        const weight = this.nodeWeight(node);
        if (weight === undefined) continue;
        if (j === i) single = weight;
        else {
          scratchEnds[found] = j;
          scratchWeights[found] = weight;
          found++;
        }
      }
      // The added words starting at i, merged in (an added word wins over a compiled one).
      let addedFound = 0;
      let added: AddedNode | undefined = this.added.next?.get(codes[i] ?? 0);
      if (added?.entry) single = added.entry.weight;
      for (let j = i + 1; added && j < end && addedFound < addedEnds.length; j++) {
        added = added.next?.get(codes[j] ?? 0);
        if (added?.entry) {
          addedEnds[addedFound] = j;
          addedWeights[addedFound] = added.entry.weight;
          addedFound++;
        }
      }
      push(i, single);
      let a = 0;
      let c = 0;
      while (a < addedFound || c < found) {
        const addedEnd = a < addedFound ? (addedEnds[a] ?? 0) : Infinity;
        const compiledEnd = c < found ? (scratchEnds[c] ?? 0) : Infinity;
        if (addedEnd <= compiledEnd) {
          push(addedEnd, addedWeights[a] ?? 0);
          a++;
          if (compiledEnd === addedEnd) c++;
        } else {
          push(compiledEnd, scratchWeights[c] ?? 0);
          c++;
        }
      }
    }
    this.dagStart[n] = count;
    return { start: this.dagStart, ends: this.dagEnds, weights: this.dagWeights };
  }

  /** MPSegment: the most probable path through the DAG. */
  private cutMp(runes: Runes, begin: number, end: number, out: Range[]): void {
    const { start, ends, weights } = this.dag(runes, begin, end);
    const n = end - begin;
    const best = new Float64Array(n);
    const choice = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      // cppjieba starts from MIN_DOUBLE and keeps the first strictly better path (shorter words win ties).
      let bestWeight = MIN_DOUBLE;
      let bestEnd = i;
      for (let k = start[i] ?? 0; k < (start[i + 1] ?? 0); k++) {
        const next = (ends[k] ?? 0) - begin;
        const weight = weights[k] ?? Number.NaN;
        let value = 0.0;
        if (next + 1 < n) value += best[next + 1] ?? 0;
        value += Number.isNaN(weight) ? this.data.minWeight : weight;
        if (value > bestWeight) {
          bestWeight = value;
          bestEnd = next;
        }
      }
      best[i] = bestWeight;
      choice[i] = bestEnd;
    }
    for (let i = 0; i < n; ) {
      const next = choice[i] ?? i;
      out.push([begin + i, begin + next]);
      i = next + 1;
    }
  }

  /** HMMSegment on runes [begin, end): Latin words and numbers whole, other runs by Viterbi. */
  private cutHmm(runes: Runes, begin: number, end: number, out: Range[]): void {
    const { codes } = runes;
    let left = begin;
    let right = begin;
    while (right !== end) {
      if ((codes[right] ?? 0) < 0x80) {
        if (left !== right) this.viterbiCut(runes, left, right, out);
        left = right;
        right = this.sequentialLetters(codes, left, end);
        if (right === left) right = this.numbers(codes, left, end);
        if (right === left) right++;
        out.push([left, right - 1]);
        left = right;
      } else {
        right++;
      }
    }
    if (left !== right) this.viterbiCut(runes, left, right, out);
  }

  private sequentialLetters(codes: Int32Array, begin: number, end: number): number {
    const letter = (x: number) => (x >= 0x61 && x <= 0x7a) || (x >= 0x41 && x <= 0x5a);
    if (!letter(codes[begin] ?? 0)) return begin;
    let i = begin + 1;
    while (i !== end && (letter(codes[i] ?? 0) || ((codes[i] ?? 0) >= 0x30 && (codes[i] ?? 0) <= 0x39))) i++;
    return i;
  }

  private numbers(codes: Int32Array, begin: number, end: number): number {
    const digit = (x: number) => x >= 0x30 && x <= 0x39;
    if (!digit(codes[begin] ?? 0)) return begin;
    let i = begin + 1;
    while (i !== end && (digit(codes[i] ?? 0) || codes[i] === 0x2e)) i++;
    return i;
  }

  private viterbiCut(runes: Runes, begin: number, end: number, out: Range[]): void {
    const { codes } = runes;
    const { startProb, transProb, emitProb } = this.data;
    const X = end - begin;
    const weight = new Float64Array(X * 4);
    const path = new Int32Array(X * 4);
    const emit = (state: number, x: number): number => {
      const code = codes[begin + x] ?? 0;
      return code > 0xffff ? MIN_DOUBLE : (emitProb[state * 65_536 + code] ?? MIN_DOUBLE);
    };
    for (let y = 0; y < 4; y++) {
      weight[y * X] = (startProb[y] ?? 0) + emit(y, 0);
      path[y * X] = -1;
    }
    for (let x = 1; x < X; x++) {
      for (let y = 0; y < 4; y++) {
        const now = x + y * X;
        weight[now] = MIN_DOUBLE;
        path[now] = HMM_E;
        const emitted = emit(y, x);
        for (let from = 0; from < 4; from++) {
          const value = (weight[x - 1 + from * X] ?? 0) + (transProb[from * 4 + y] ?? 0) + emitted;
          if (value > (weight[now] ?? 0)) {
            weight[now] = value;
            path[now] = from;
          }
        }
      }
    }
    let state = (weight[X - 1 + HMM_E * X] ?? 0) >= (weight[X - 1 + HMM_S * X] ?? 0) ? HMM_E : HMM_S;
    const status = new Int32Array(X);
    for (let x = X - 1; x >= 0; x--) {
      status[x] = state;
      state = path[x + state * X] ?? HMM_B;
    }
    let left = begin;
    for (let i = 0; i < X; i++) {
      if ((status[i] ?? 0) % 2 === 1) {
        out.push([left, begin + i]);
        left = begin + i + 1;
      }
    }
  }

  /** MixSegment: MPSegment, then each run of single characters (not user-dictionary ones) through the HMM. */
  private cutMix(runes: Runes, begin: number, end: number, hmm: boolean, out: Range[]): void {
    if (!hmm) {
      this.cutMp(runes, begin, end, out);
      return;
    }
    const words: Range[] = [];
    this.cutMp(runes, begin, end, words);
    const single = (range: Range | undefined) => range !== undefined && range[0] === range[1] && !this.userSingles.has(runes.codes[range[0]] ?? 0);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as Range;
      if (!single(word)) {
        out.push(word);
        continue;
      }
      let j = i;
      while (j < words.length && single(words[j])) j++;
      this.cutHmm(runes, word[0], (words[j - 1] as Range)[0] + 1, out);
      i = j - 1;
    }
  }

  /** Runs the segmenter over each PreFilter range of the sentence. */
  private each(input: string, cutRange: (runes: Runes, begin: number, end: number, out: Range[]) => void): string[] {
    const runes = toRunes(input);
    const out: Range[] = [];
    const n = runes.codes.length;
    let cursor = 0;
    while (cursor !== n) {
      const begin = cursor;
      while (cursor !== n && !SEPARATORS.has(runes.codes[cursor] ?? 0)) cursor++;
      if (cursor !== n && cursor === begin) cursor++;
      cutRange(runes, begin, cursor, out);
    }
    return out.map((range) => wordOf(runes, range));
  }

  /** nodejieba.cut(sentence, hmm): MixSegment (without HMM by default, as nodejieba calls it). */
  cut(sentence: string, hmm = false): string[] {
    return this.each(sentence, (runes, begin, end, out) => this.cutMix(runes, begin, end, hmm, out));
  }

  /** nodejieba.cutForSearch(sentence, hmm): each word, preceded by the dictionary words of 2 and 3 characters inside it. */
  cutForSearch(sentence: string, hmm = false): string[] {
    return this.each(sentence, (runes, begin, end, out) => {
      const words: Range[] = [];
      this.cutMix(runes, begin, end, hmm, words);
      for (const word of words) {
        const length = word[1] - word[0] + 1;
        if (length > 2) {
          for (let i = 0; i + 1 < length; i++) if (this.weightOf(runes, word[0] + i, word[0] + i + 2) !== undefined) out.push([word[0] + i, word[0] + i + 1]);
        }
        if (length > 3) {
          for (let i = 0; i + 2 < length; i++) if (this.weightOf(runes, word[0] + i, word[0] + i + 3) !== undefined) out.push([word[0] + i, word[0] + i + 2]);
        }
        out.push(word);
      }
    });
  }

  /** nodejieba.cutAll: FullSegment, every dictionary word of the sentence. */
  cutAll(sentence: string): string[] {
    return this.each(sentence, (runes, begin, end, out) => {
      const { start, ends, weights } = this.dag(runes, begin, end);
      let maxIndex = 0;
      let wordLength = 0;
      for (let uIndex = 0; uIndex < end - begin; uIndex++) {
        const from = start[uIndex] ?? 0;
        const to = start[uIndex + 1] ?? 0;
        for (let k = from; k < to; k++) {
          const next = (ends[k] ?? 0) - begin;
          if (Number.isNaN(weights[k] ?? Number.NaN)) {
            if (to - from === 1 && maxIndex <= uIndex) out.push([begin + uIndex, begin + next]);
          } else {
            wordLength = next - uIndex + 1;
            if (wordLength >= 2 || (to - from === 1 && maxIndex <= uIndex)) out.push([begin + uIndex, begin + next]);
          }
          maxIndex = uIndex + wordLength > maxIndex ? uIndex + wordLength : maxIndex;
        }
      }
    });
  }

  /** The dictionary tag of a word, else cppjieba's rule: `m` for digits, `eng` for other ASCII, `x`. */
  private tagOf(word: string): string {
    const runes = toRunes(word);
    const added = this.addedEntry(runes.codes, 0, runes.codes.length);
    let tag: string | undefined;
    if (added) tag = added.tag;
    else {
      const node = this.nodeOf(runes.codes, 0, runes.codes.length);
      if (this.nodeWeight(node) !== undefined) tag = this.data.tags[this.data.tagOf[node] ?? 0];
    }
    if (tag !== undefined && tag.length > 0) return tag;
    let digits = 0;
    let ascii = 0;
    const n = runes.codes.length;
    for (let i = 0; i < n && ascii < Math.floor(n / 2); i++) {
      const code = runes.codes[i] ?? 0;
      if (code < 0x80) {
        ascii++;
        if (code >= 0x30 && code <= 0x39) digits++;
      }
    }
    if (ascii === 0) return 'x';
    return digits === ascii ? 'm' : 'eng';
  }

  /** nodejieba.tag: MixSegment with HMM, each word with its tag. */
  tag(sentence: string): { word: string; tag: string }[] {
    return this.cut(sentence, true).map((word) => ({ word, tag: this.tagOf(word) }));
  }

  /**
   * nodejieba.extract(sentence, topN): words of two characters or more, not on jieba's stop
   * list, weighted by count × IDF (the mean IDF for words without one), best first; among equal
   * weights the first in code-point order (what cppjieba's partial sort keeps for topN = 1).
   */
  extract(sentence: string, topN: number): { word: string; weight: number }[] {
    const counts = new Map<string, number>();
    for (const word of this.cut(sentence, true)) {
      if ([...word].length === 1 || this.stopWords.has(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1.0);
    }
    const keywords = [...counts.keys()].sort(byCodePoint).map((word) => {
      const runes = toRunes(word);
      const node = this.nodeOf(runes.codes, 0, runes.codes.length);
      const index = node > 0 ? (this.data.idfOf[node] ?? NONE) : NONE;
      return { word, weight: (counts.get(word) ?? 0) * (index === NONE ? this.data.idfAverage : (this.data.idfs[index] ?? 0)) };
    });
    const result: { word: string; weight: number }[] = [];
    const remaining = [...keywords];
    for (let k = 0; k < Math.min(topN, keywords.length); k++) {
      let bestIndex = 0;
      for (let i = 1; i < remaining.length; i++) if ((remaining[i]?.weight ?? 0) > (remaining[bestIndex]?.weight ?? 0)) bestIndex = i;
      const [best] = remaining.splice(bestIndex, 1);
      if (best) result.push(best);
    }
    return result;
  }
}
