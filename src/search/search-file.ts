import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { AnalyzerFiles } from '../text/index.js';
import { FIELDS, type FieldPostings, type PostingIndex } from './postings.js';
import type { SearchIndex } from './search-index.js';

/**
 * The search index of an index file, serialized beside it (`index.json` → `index.search`) by
 * build-index, so that the bot loads an archive instead of cutting every paragraph again at
 * start: the ranking index's typed arrays, its terms, each document's folded match text, and
 * the index file's text again in UTF-16 (which JavaScript reads ten times faster than UTF-8
 * JSON of Chinese text). Valid while the index file (its bytes' digest), the analyzer's data
 * files and jieba's version are those it was made from; otherwise the bot builds the index in
 * memory. Each section is read into its own buffer, so the text sections do not stay resident.
 */

/** Bump when the layout or how documents are tokenized changes. */
const SEARCH_FILE_VERSION = 2;
const MAGIC = 'KJSI';

/** What a search file holds, ready for restoreSearchIndex. */
export interface StoredSearchIndex {
  postings: PostingIndex;
  /** Each document's match text (SearchDoc.matchText), in document order. */
  matchTexts: string[];
  /** The index file's text, as it was when the search file was written. */
  indexText: string;
}

interface Header {
  version: number;
  generated: string;
  index: string;
  analyzer: string;
  documentCount: number;
  termCount: number;
  averageLengths: number[];
  /** Byte lengths of the arrays, in the order written. */
  sizes: number[];
}

/** `<index>.json` → `<index>.search`. */
export function searchFilePath(indexPath: string): string {
  return join(dirname(indexPath), `${basename(indexPath).replace(/\.json$/u, '')}.search`);
}

/** Digest of an index file's bytes (or of its text, which is the same digest). */
export function indexDigest(index: string | Uint8Array): string {
  return createHash('sha256').update(index).digest('hex');
}

/** Digest of what tokenizing depends on: the analyzer's data files and jieba's version. */
export function analyzerDigest(files: Readonly<AnalyzerFiles>): string {
  const hash = createHash('sha256').update(String(SEARCH_FILE_VERSION));
  for (const path of [files.userDictPath, files.stopWordsPath, files.englishStopWordsPath, files.synonymsPath, files.glossaryPath, files.dictPath, files.idfPath]) {
    hash.update('\u0000').update(path === undefined ? '' : readFileSync(path));
  }
  const require = createRequire(import.meta.url);
  const jieba = JSON.parse(readFileSync(join(dirname(require.resolve('nodejieba')), 'package.json'), 'utf8')) as { version: string };
  return hash.update(`\u0000nodejieba ${jieba.version}`).digest('hex');
}

/** Strings as one UTF-16LE buffer, and the lengths to cut them back apart. */
function packStrings(strings: readonly string[]): { bytes: Buffer; lengths: Int32Array } {
  return { bytes: Buffer.from(strings.join(''), 'utf16le'), lengths: Int32Array.from(strings, (text) => text.length) };
}

function unpackStrings(bytes: Buffer, lengths: Int32Array): string[] {
  const all = bytes.toString('utf16le');
  const strings = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] ?? 0;
    strings[i] = all.slice(at, at + length);
    at += length;
  }
  return strings;
}

/** Writes the search index of an index file (whose text is `indexText`) beside it, atomically. */
export function writeSearchFile(indexPath: string, indexText: string, index: SearchIndex): string {
  const { postings } = index;
  const terms = [...postings.termIds.keys()];
  if (terms.some((term, id) => postings.termIds.get(term) !== id)) throw new Error('search: term ids are not in insertion order');
  const packedTerms = packStrings(terms);
  const packedTexts = packStrings(index.docs.map((doc) => doc.matchText));
  const arrays: ArrayBufferView[] = [
    ...postings.fields.flatMap((field) => [field.start, field.docs, field.frequencies, field.length, field.maxScore]),
    postings.wordDocumentFrequency,
    packedTerms.lengths,
    packedTerms.bytes,
    packedTexts.lengths,
    packedTexts.bytes,
    Buffer.from(indexText, 'utf16le'),
  ];
  const header: Header = {
    version: SEARCH_FILE_VERSION,
    generated: `Written by \`npm run build-index\` beside ${basename(indexPath)}; rebuild instead of editing.`,
    index: indexDigest(indexText),
    analyzer: analyzerDigest(index.analyzer.files),
    documentCount: postings.documentCount,
    termCount: terms.length,
    averageLengths: postings.fields.map((field) => field.averageLength),
    sizes: arrays.map((array) => array.byteLength),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), Buffer.alloc(4), json];
  parts[1]?.writeUInt32LE(json.length);
  let size = 8 + json.length;
  for (const array of arrays) {
    const padding = (8 - (size % 8)) % 8;
    parts.push(Buffer.alloc(padding), Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    size += padding + array.byteLength;
  }
  const path = searchFilePath(indexPath);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat(parts));
  renameSync(temporary, path);
  return path;
}

/**
 * The search file beside an index, when it exists and was made from this index (its bytes)
 * and these analyzer files; otherwise undefined, with why.
 */
export function readSearchFile(indexPath: string, indexBytes: Uint8Array, files: Readonly<AnalyzerFiles>): { stored: StoredSearchIndex } | { stored: undefined; reason: string } {
  const path = searchFilePath(indexPath);
  if (!existsSync(path)) return { stored: undefined, reason: `no ${basename(path)} beside ${basename(indexPath)}` };
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const read = (target: Uint8Array, position: number): void => {
      if (position + target.length > size) throw new Error(`search: ${path} is truncated`);
      for (let done = 0; done < target.length; ) {
        const count = readSync(fd, target, done, target.length - done, position + done);
        if (count === 0) throw new Error(`search: ${path} is truncated`);
        done += count;
      }
    };
    const lead = Buffer.alloc(8);
    if (size < 8) return { stored: undefined, reason: `${basename(path)} is not a search file` };
    read(lead, 0);
    if (lead.toString('latin1', 0, 4) !== MAGIC) return { stored: undefined, reason: `${basename(path)} is not a search file` };
    const json = Buffer.alloc(lead.readUInt32LE(4));
    read(json, 8);
    let header: Header;
    try {
      header = JSON.parse(json.toString('utf8')) as Header;
    } catch {
      return { stored: undefined, reason: `${basename(path)} has an unreadable header` };
    }
    if (header.version !== SEARCH_FILE_VERSION) return { stored: undefined, reason: `${basename(path)} is of another version` };
    if (header.index !== indexDigest(indexBytes)) return { stored: undefined, reason: `${basename(path)} was made from another ${basename(indexPath)}` };
    if (header.analyzer !== analyzerDigest(files)) return { stored: undefined, reason: `${basename(path)} was made with other analyzer files` };
    // Each section into a buffer of its own: the arrays keep only theirs.
    let offset = 8 + json.length;
    let part = 0;
    const next = <T extends Int32Array | Uint16Array | Float32Array>(Kind: { new (length: number): T; BYTES_PER_ELEMENT: number }): T => {
      offset += (8 - (offset % 8)) % 8;
      const bytes = header.sizes[part++] ?? 0;
      const array = new Kind(bytes / Kind.BYTES_PER_ELEMENT);
      read(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
      offset += bytes;
      return array;
    };
    const buffer = (): Buffer => {
      offset += (8 - (offset % 8)) % 8;
      const bytes = Buffer.allocUnsafe(header.sizes[part++] ?? 0);
      read(bytes, offset);
      offset += bytes.length;
      return bytes;
    };
    const fields = FIELDS.map(
      (_, i): FieldPostings => ({
        start: next(Int32Array),
        docs: next(Int32Array),
        frequencies: next(Uint16Array),
        length: next(Int32Array),
        maxScore: next(Float32Array),
        averageLength: header.averageLengths[i] ?? 0,
      }),
    );
    const wordDocumentFrequency = next(Int32Array);
    const termLengths = next(Int32Array);
    const terms = unpackStrings(buffer(), termLengths);
    const textLengths = next(Int32Array);
    const matchTexts = unpackStrings(buffer(), textLengths);
    const indexText = buffer().toString('utf16le');
    if (terms.length !== header.termCount || matchTexts.length !== header.documentCount) throw new Error(`search: ${path} does not hold what its header says`);
    const termIds = new Map<string, number>();
    terms.forEach((term, id) => termIds.set(term, id));
    return { stored: { postings: { documentCount: header.documentCount, termIds, wordDocumentFrequency, fields }, matchTexts, indexText } };
  } finally {
    closeSync(fd);
  }
}
