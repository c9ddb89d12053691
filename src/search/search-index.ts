import type { AnswerUnit, IndexFile, UnansweredQuestion } from '../types.js';
import { charBigrams, normalizeForMatching, type Analyzer } from '../text/index.js';
import { SEARCH_OPTIONS, type SearchOptions } from './options.js';
import { buildPostingIndex, FIELDS, type PostingIndex } from './postings.js';
import type { StoredSearchIndex } from './search-file.js';

/** One searchable document: an answer unit or an unanswered reporter question. */
export type SearchDoc = ({ kind: 'unit'; unit: AnswerUnit } | { kind: 'unanswered'; unanswered: UnansweredQuestion }) & MatchText & {
  id: string;
  topic: string;
};

/** A document's folded text, for substring matching. */
interface MatchText {
  /**
   * Folded question, topic (with the opening-statement words), speaker and outlet, then each
   * folded paragraph, joined by PARAGRAPH_BREAK: one string, for fast substring matching.
   */
  matchText: string;
  /** Offset in matchText where each paragraph starts (units only). */
  paragraphStarts: number[];
}

/** The reporter question of a document (a unit's may be null). */
export function questionOf(doc: SearchDoc): string | null {
  return doc.kind === 'unit' ? doc.unit.question : doc.unanswered.question;
}

/** An in-memory search index over one index file. Build it with `createSearchIndex`. */
export interface SearchIndex {
  /** The index file it was built from (units, unanswered questions, sources). */
  readonly file: IndexFile;
  readonly options: Readonly<SearchOptions>;
  /** The analyzer that cut the documents; queries are cut by the same one. */
  readonly analyzer: Analyzer;
  /** Who speaks for China in this index (its speakers, folded): a question naming them asks China's view. */
  readonly chinaSide: ReadonlySet<string>;
  /** Documents, units first then unanswered questions, in file order; position = document number in `postings`. */
  readonly docs: readonly SearchDoc[];
  /** The ranking index (postings.ts): fields question, topic, text, people and bigrams. */
  readonly postings: PostingIndex;
  /** Number of documents containing each token (any field but bigrams). */
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly unitsById: ReadonlyMap<string, AnswerUnit>;
  readonly unansweredById: ReadonlyMap<string, UnansweredQuestion>;
}

/** Words that name an opening statement, given to a source's first unit when it has no question. */
const OPENING_TERMS = '开场 开场白 致辞 开场致辞';

/**
 * The documents of an index file: units then unanswered questions, each with its folded match
 * text, folded here or (`matchTexts`, from a search file) folded at build.
 */
function toDocs(file: IndexFile, matchTexts?: readonly string[]): SearchDoc[] {
  const firstUnitOfSource = new Set<string>();
  const seenSources = new Set<string>();
  for (const unit of file.units) {
    if (!seenSources.has(unit.source)) {
      seenSources.add(unit.source);
      firstUnitOfSource.add(unit.id);
    }
  }
  const match = (position: number, heading: () => string, paragraphs: () => string[]) => {
    const stored = matchTexts?.[position];
    return stored === undefined ? joinForMatching(heading(), paragraphs()) : splitForMatching(stored);
  };
  const docs: SearchDoc[] = file.units.map((unit, position) => {
    // An opening statement answers "what did he say at the start": say so in its topic terms.
    const opening = unit.question === null && firstUnitOfSource.has(unit.id) ? ` ${OPENING_TERMS}` : '';
    return {
      kind: 'unit',
      id: unit.id,
      topic: unit.topic,
      unit,
      ...match(
        position,
        () => normalizeForMatching(`${unit.question ?? ''}\n${unit.topic}${opening}\n${unit.speaker} ${unit.outlet ?? ''}`),
        () => unit.paragraphs.map(normalizeForMatching),
      ),
    };
  });
  file.unanswered.forEach((question, i) => {
    docs.push({
      kind: 'unanswered',
      id: question.id,
      topic: question.topic,
      unanswered: question,
      ...match(file.units.length + i, () => normalizeForMatching(`${question.question}\n${question.topic}\n${question.outlet ?? ''}`), () => []),
    });
  });
  return docs;
}

/** The search index of an index file from its search file (search-file.ts): nothing is cut or folded again. */
export function restoreSearchIndex(file: IndexFile, analyzer: Analyzer, stored: StoredSearchIndex, options: Readonly<SearchOptions> = SEARCH_OPTIONS): SearchIndex {
  if (stored.matchTexts.length !== file.units.length + file.unanswered.length) throw new Error('search: the search file does not match the index file');
  addNames(file, analyzer);
  return assemble(file, analyzer, options, checkIds(toDocs(file, stored.matchTexts)), stored.postings);
}

/** Names in the file become words, so 华春莹 or 路透社 in a question is one term, not three. */
function addNames(file: IndexFile, analyzer: Analyzer): void {
  // A few speakers and outlets, named by every unit: each once.
  const names = new Set<string>();
  for (const unit of file.units) names.add(unit.speaker).add(unit.outlet ?? '');
  for (const question of file.unanswered) names.add(question.outlet ?? '');
  for (const source of file.sources) names.add(source.speaker ?? '');
  analyzer.addWords([...names]);
}

/** The documents, when no two share an id; throws `search: duplicate id …` otherwise. */
function checkIds(docs: SearchDoc[]): SearchDoc[] {
  const ids = new Set<string>();
  for (const doc of docs) {
    if (ids.has(doc.id)) throw new Error(`search: duplicate id "${doc.id}" in the index file`);
    ids.add(doc.id);
  }
  return docs;
}

function assemble(file: IndexFile, analyzer: Analyzer, options: Readonly<SearchOptions>, docs: SearchDoc[], postings: PostingIndex): SearchIndex {
  return {
    file,
    options,
    analyzer,
    chinaSide: new Set(
      [...file.units.map((unit) => unit.speaker), ...file.sources.map((source) => source.speaker ?? '')]
        .filter((name) => name.length > 0)
        .map(normalizeForMatching),
    ),
    docs,
    postings,
    documentFrequency: new DocumentFrequencies(postings),
    unitsById: new Map(file.units.map((unit) => [unit.id, unit])),
    unansweredById: new Map(file.unanswered.map((question) => [question.id, question])),
  };
}

/**
 * Builds the search index of an index file in memory: the ranking index (postings.ts) of units
 * and unanswered questions with the fields question, topic, text (the answer's paragraphs),
 * people (speaker and outlet) and bigrams (character bigrams of question and topic), and the
 * document frequencies of tokens. Each paragraph is folded once (for matching and for
 * tokenizing). The file's speakers and outlets join the analyzer's dictionary.
 * Throws `search: …` when two documents share an id.
 */
export function createSearchIndex(file: IndexFile, analyzer: Analyzer, options: Readonly<SearchOptions> = SEARCH_OPTIONS): SearchIndex {
  addNames(file, analyzer);
  const docs = checkIds(toDocs(file));
  let current = -1;
  let tokens: string[][] = [];
  const postings = buildPostingIndex(docs.length, (position, field) => {
    if (position !== current) {
      tokens = fieldTokens(docs[position] as SearchDoc, analyzer);
      current = position;
    }
    return tokens[field] ?? [];
  });
  return assemble(file, analyzer, options, docs, postings);
}

/**
 * The tokens of a document in each field of the ranking index, in FIELDS order: its question,
 * its topic (with the opening-statement words), its paragraphs (folded once already), speaker
 * and outlet, and the character bigrams of question and topic.
 */
export function fieldTokens(doc: SearchDoc, analyzer: Analyzer): string[][] {
  const opening = headingOf(doc).includes(OPENING_TERMS) ? ` ${OPENING_TERMS}` : '';
  const byField: Record<(typeof FIELDS)[number], string[]> = {
    question: analyzer.tokenize(questionOf(doc) ?? ''),
    topic: analyzer.tokenize(doc.topic + opening),
    text: foldedParagraphs(doc).flatMap((paragraph) => analyzer.tokenizeFolded(paragraph)),
    people: analyzer.tokenize(doc.kind === 'unit' ? `${doc.unit.speaker} ${doc.unit.outlet ?? ''}` : (doc.unanswered.outlet ?? '')),
    bigrams: charBigrams(normalizeForMatching(`${questionOf(doc) ?? ''} ${doc.topic}`)),
  };
  return FIELDS.map((field) => byField[field]);
}

/** The document frequencies of the word fields, as a read-only map over the ranking index (terms only in bigrams are absent). */
class DocumentFrequencies implements ReadonlyMap<string, number> {
  readonly size: number;

  constructor(private readonly postings: PostingIndex) {
    let size = 0;
    for (const count of postings.wordDocumentFrequency) if (count > 0) size++;
    this.size = size;
  }

  get(term: string): number | undefined {
    const id = this.postings.termIds.get(term);
    const count = id === undefined ? 0 : (this.postings.wordDocumentFrequency[id] ?? 0);
    return count > 0 ? count : undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    for (const [term, id] of this.postings.termIds) {
      const count = this.postings.wordDocumentFrequency[id] ?? 0;
      if (count > 0) yield [term, count];
    }
  }

  *keys(): MapIterator<string> {
    for (const [term] of this.entries()) yield term;
  }

  *values(): MapIterator<number> {
    for (const [, count] of this.entries()) yield count;
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [term, count] of this.entries()) callback(count, term, this);
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/** Separates the heading and the paragraphs in SearchDoc.matchText; never in folded text. */
const PARAGRAPH_BREAK = '\u0002';

function joinForMatching(heading: string, paragraphs: readonly string[]): { matchText: string; paragraphStarts: number[] } {
  const paragraphStarts: number[] = [];
  let offset = heading.length + 1;
  for (const paragraph of paragraphs) {
    paragraphStarts.push(offset);
    offset += paragraph.length + 1;
  }
  return { matchText: [heading, ...paragraphs].join(PARAGRAPH_BREAK), paragraphStarts };
}

/** The inverse of joinForMatching: a match text and where its paragraphs start. */
function splitForMatching(matchText: string): { matchText: string; paragraphStarts: number[] } {
  const paragraphStarts: number[] = [];
  for (let at = matchText.indexOf(PARAGRAPH_BREAK); at >= 0; at = matchText.indexOf(PARAGRAPH_BREAK, at + 1)) paragraphStarts.push(at + 1);
  return { matchText, paragraphStarts };
}

function headingOf(doc: SearchDoc): string {
  return doc.matchText.slice(0, (doc.paragraphStarts[0] ?? doc.matchText.length + 1) - 1);
}

/** The folded answer of a unit, its paragraphs as they stand in the match text (empty for an unanswered question). */
export function foldedAnswer(doc: SearchDoc): string {
  return doc.matchText.slice(doc.paragraphStarts[0] ?? doc.matchText.length);
}

/** The folded paragraphs of a unit (none for an unanswered question). */
export function foldedParagraphs(doc: SearchDoc): string[] {
  return doc.paragraphStarts.map((start, i) => doc.matchText.slice(start, (doc.paragraphStarts[i + 1] ?? doc.matchText.length + 1) - 1));
}

/** True when the folded question, topic, speaker, outlet or a paragraph of the document contains `text`. */
export function documentContains(doc: SearchDoc, text: string): boolean {
  return text.length > 0 && !text.includes(PARAGRAPH_BREAK) && doc.matchText.includes(text);
}
