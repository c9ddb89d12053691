import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodejieba from 'nodejieba';
import { PROJECT_ROOT } from '../index-file.js';
import { compileJiebaData, type JiebaData } from './jieba.js';

/**
 * jieba's data files, compiled once (jieba.ts) and kept in a cache file that later processes
 * read in milliseconds: `node_modules/.cache/koujing/jieba-<key>.bin`, where the key names the
 * source files, their sizes and times (a reinstall or another dictionary makes a new one).
 * Compiling takes 1–2 s; `npm ci` does it (the prepare script), else the first start does.
 * Where the cache cannot be written, each process compiles for itself.
 */

/** Bump when the compiled layout or the compiler changes. */
const FORMAT_VERSION = 2;
const MAGIC = 'KJJB';

/** The files compiled: jieba's dictionary, IDF, HMM model and keyword stop words. */
export interface JiebaDataPaths {
  dictPath: string;
  idfPath: string;
  hmmPath: string;
  stopWordsPath: string;
}

/** nodejieba's own files, with the dictionary and IDF file given instead where set. */
export function jiebaDataPaths(paths: { dictPath?: string | undefined; idfPath?: string | undefined } = {}): JiebaDataPaths {
  // nodejieba exports the paths of the files it ships (its type declarations omit them).
  const shipped = nodejieba as unknown as { DEFAULT_DICT: string; DEFAULT_IDF_DICT: string; DEFAULT_HMM_DICT: string; DEFAULT_STOP_WORD_DICT: string };
  return {
    dictPath: paths.dictPath ?? shipped.DEFAULT_DICT,
    idfPath: paths.idfPath ?? shipped.DEFAULT_IDF_DICT,
    hmmPath: shipped.DEFAULT_HMM_DICT,
    stopWordsPath: shipped.DEFAULT_STOP_WORD_DICT,
  };
}

/** The cache folder: node_modules/.cache/koujing of the project. */
export const JIEBA_CACHE_DIR = resolve(PROJECT_ROOT, 'node_modules/.cache/koujing');

const ARRAYS = ['childStart', 'childChar', 'weightOf', 'weights', 'tagOf', 'idfOf', 'idfs', 'startProb', 'transProb', 'emitProb'] as const;
type ArrayName = (typeof ARRAYS)[number];
const KINDS = {
  childStart: Int32Array,
  childChar: Uint16Array,
  weightOf: Uint16Array,
  weights: Float64Array,
  tagOf: Uint8Array,
  idfOf: Uint16Array,
  idfs: Float64Array,
  startProb: Float64Array,
  transProb: Float64Array,
  emitProb: Float64Array,
} as const;

interface Header {
  version: number;
  tags: string[];
  total: number;
  minWeight: number;
  medianWeight: number;
  idfAverage: number;
  stopWords: string[];
  lengths: Record<ArrayName, number>;
}

/** The compiled data as one file: MAGIC, header length, JSON header, then each array at an 8-byte boundary. */
export function serializeJiebaData(data: JiebaData): Buffer {
  const header: Header = {
    version: FORMAT_VERSION,
    tags: data.tags,
    total: data.total,
    minWeight: data.minWeight,
    medianWeight: data.medianWeight,
    idfAverage: data.idfAverage,
    stopWords: data.stopWords,
    lengths: Object.fromEntries(ARRAYS.map((name) => [name, data[name].length])) as Record<ArrayName, number>,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), Buffer.alloc(4), json];
  parts[1]?.writeUInt32LE(json.length);
  let size = 8 + json.length;
  for (const name of ARRAYS) {
    const padding = (8 - (size % 8)) % 8;
    parts.push(Buffer.alloc(padding));
    const array = data[name];
    parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    size += padding + array.byteLength;
  }
  return Buffer.concat(parts);
}

/** Reads what serializeJiebaData wrote (the arrays are views of `file`); undefined when it is not that (another version, truncated). */
export function deserializeJiebaData(file: Uint8Array): JiebaData | undefined {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buffer.length < 8 || buffer.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const jsonLength = buffer.readUInt32LE(4);
  let header: Header;
  try {
    header = JSON.parse(buffer.toString('utf8', 8, 8 + jsonLength)) as Header;
  } catch {
    return undefined;
  }
  if (header.version !== FORMAT_VERSION) return undefined;
  // Typed arrays need aligned offsets: a copy only when the bytes do not start on a boundary.
  const bytes = file.byteOffset % 8 === 0 ? file : Uint8Array.from(file);
  let offset = 8 + jsonLength;
  const arrays = {} as { [K in ArrayName]: InstanceType<(typeof KINDS)[K]> };
  for (const name of ARRAYS) {
    offset += (8 - (offset % 8)) % 8;
    const Kind = KINDS[name];
    const length = header.lengths[name];
    if (offset + length * Kind.BYTES_PER_ELEMENT > bytes.length) return undefined;
    (arrays as Record<ArrayName, unknown>)[name] = new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, length);
    offset += length * Kind.BYTES_PER_ELEMENT;
  }
  return { ...arrays, tags: header.tags, total: header.total, minWeight: header.minWeight, medianWeight: header.medianWeight, idfAverage: header.idfAverage, stopWords: header.stopWords };
}

/** A whole file in a buffer of its own (offset 0, so typed arrays can view it without a copy). */
function readWhole(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(fstatSync(fd).size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The cache file of a set of source files. */
export function jiebaCachePath(paths: JiebaDataPaths, cacheDir: string = JIEBA_CACHE_DIR): string {
  const hash = createHash('sha256').update(String(FORMAT_VERSION));
  for (const path of [paths.dictPath, paths.idfPath, paths.hmmPath, paths.stopWordsPath]) {
    const stat = statSync(path);
    hash.update(`\u0000${resolve(path)}\u0000${stat.size}\u0000${stat.mtimeMs}`);
  }
  return join(cacheDir, `jieba-${hash.digest('hex').slice(0, 16)}.bin`);
}

function compileFrom(paths: JiebaDataPaths): JiebaData {
  return compileJiebaData({
    dict: readFileSync(paths.dictPath, 'utf8'),
    idf: readFileSync(paths.idfPath, 'utf8'),
    hmm: readFileSync(paths.hmmPath, 'utf8'),
    stopWords: readFileSync(paths.stopWordsPath, 'utf8'),
  });
}

/**
 * jieba's data for these files: from the cache when it holds them, else compiled and written to
 * the cache (atomically; a cache that cannot be written is skipped).
 */
export function loadJiebaData(paths: JiebaDataPaths = jiebaDataPaths(), cacheDir: string = JIEBA_CACHE_DIR): JiebaData {
  const cachePath = jiebaCachePath(paths, cacheDir);
  try {
    const cached = deserializeJiebaData(readWhole(cachePath));
    if (cached) return cached;
  } catch {
    // Not cached yet.
  }
  const data = compileFrom(paths);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(temporary, serializeJiebaData(data));
    renameSync(temporary, cachePath);
    // Caches of older layouts or other files are of no further use.
    for (const name of readdirSync(cacheDir)) {
      if (/^jieba-[0-9a-f]+\.bin$/u.test(name) && join(cacheDir, name) !== cachePath) rmSync(join(cacheDir, name), { force: true });
    }
  } catch {
    // A read-only install: every process compiles for itself.
  }
  return data;
}
