import MiniSearch, { type Options } from 'minisearch';
import type { AnswerUnit, IndexFile, UnansweredQuestion } from '../types.js';
import { charBigrams, normalizeForMatching, type Analyzer } from '../text/index.js';
import { SEARCH_OPTIONS, type SearchOptions } from './options.js';

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
  /** Documents, units first then unanswered questions, in file order; position = minisearch id. */
  readonly docs: readonly SearchDoc[];
  readonly minisearch: MiniSearch<IndexedFields>;
  /** Number of documents containing each token (any field). */
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly unitsById: ReadonlyMap<string, AnswerUnit>;
  readonly unansweredById: ReadonlyMap<string, UnansweredQuestion>;
}

/** Fields handed to minisearch: tokens already cut, joined by SEPARATOR. */
export interface IndexedFields {
  id: number;
  question: string;
  topic: string;
  text: string;
  /** Who answered and who asked: the speaker and the outlet. */
  people: string;
  bigrams: string;
}

const SEPARATOR = '\u0001';

/** Words that name an opening statement, given to a source's first unit when it has no question. */
const OPENING_TERMS = '开场 开场白 致辞 开场致辞';

/** minisearch options shared by building and searching, derived from the search options. */
export function minisearchOptions(options: Readonly<SearchOptions>): Options<IndexedFields> {
  return {
    idField: 'id',
    fields: ['question', 'topic', 'text', 'people', 'bigrams'],
    tokenize: (text: string) => (text.length === 0 ? [] : text.split(SEPARATOR)),
    processTerm: (term: string) => term,
    searchOptions: {
      boost: { ...options.fieldBoosts },
      tokenize: (text: string) => (text.length === 0 ? [] : text.split(SEPARATOR)),
      processTerm: (term: string) => term,
    },
  };
}

function toDocs(file: IndexFile): SearchDoc[] {
  const firstUnitOfSource = new Set<string>();
  const seenSources = new Set<string>();
  for (const unit of file.units) {
    if (!seenSources.has(unit.source)) {
      seenSources.add(unit.source);
      firstUnitOfSource.add(unit.id);
    }
  }
  const docs: SearchDoc[] = file.units.map((unit) => {
    const folded = unit.paragraphs.map(normalizeForMatching);
    // An opening statement answers "what did he say at the start": say so in its topic terms.
    const opening = unit.question === null && firstUnitOfSource.has(unit.id) ? ` ${OPENING_TERMS}` : '';
    return {
      kind: 'unit',
      id: unit.id,
      topic: unit.topic,
      unit,
      ...joinForMatching(normalizeForMatching(`${unit.question ?? ''}\n${unit.topic}${opening}\n${unit.speaker} ${unit.outlet ?? ''}`), folded),
    };
  });
  for (const question of file.unanswered) {
    docs.push({
      kind: 'unanswered',
      id: question.id,
      topic: question.topic,
      unanswered: question,
      ...joinForMatching(normalizeForMatching(`${question.question}\n${question.topic}\n${question.outlet ?? ''}`), []),
    });
  }
  return docs;
}

/**
 * Builds the search index of an index file in memory: a minisearch index of units and
 * unanswered questions with the fields question, topic, text (the answer's paragraphs),
 * people (speaker and outlet) and bigrams (character bigrams of question and topic), plus
 * document frequencies of tokens. The file's speakers and outlets join the analyzer's dictionary.
 * Throws `search: …` when two documents share an id.
 */
export function createSearchIndex(file: IndexFile, analyzer: Analyzer, options: Readonly<SearchOptions> = SEARCH_OPTIONS): SearchIndex {
  const { tokenize } = analyzer;
  // Names in the file become words, so 华春莹 or 路透社 in a question is one term, not three.
  analyzer.addWords([
    ...file.units.flatMap((unit) => [unit.speaker, unit.outlet ?? '']),
    ...file.unanswered.map((question) => question.outlet ?? ''),
    ...file.sources.map((source) => source.speaker ?? ''),
  ]);
  const docs = toDocs(file);
  const minisearch = new MiniSearch<IndexedFields>(minisearchOptions(options));
  const documentFrequency = new Map<string, number>();
  const ids = new Set<string>();
  const indexed: IndexedFields[] = docs.map((doc, position) => {
    if (ids.has(doc.id)) throw new Error(`search: duplicate id "${doc.id}" in the index file`);
    ids.add(doc.id);
    const question = tokenize(questionOf(doc) ?? '');
    const opening = headingOf(doc).includes(OPENING_TERMS) ? ` ${OPENING_TERMS}` : '';
    const topic = tokenize(doc.topic + opening);
    const text = doc.kind === 'unit' ? doc.unit.paragraphs.flatMap((paragraph) => tokenize(paragraph)) : [];
    const people = tokenize(doc.kind === 'unit' ? `${doc.unit.speaker} ${doc.unit.outlet ?? ''}` : (doc.unanswered.outlet ?? ''));
    const heading = normalizeForMatching(`${questionOf(doc) ?? ''} ${doc.topic}`);
    for (const token of new Set([...question, ...topic, ...text, ...people])) {
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    }
    return {
      id: position,
      question: question.join(SEPARATOR),
      topic: topic.join(SEPARATOR),
      text: text.join(SEPARATOR),
      people: people.join(SEPARATOR),
      bigrams: charBigrams(heading).join(SEPARATOR),
    };
  });
  minisearch.addAll(indexed);
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
    minisearch,
    documentFrequency,
    unitsById: new Map(file.units.map((unit) => [unit.id, unit])),
    unansweredById: new Map(file.unanswered.map((question) => [question.id, question])),
  };
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

function headingOf(doc: SearchDoc): string {
  return doc.matchText.slice(0, (doc.paragraphStarts[0] ?? doc.matchText.length + 1) - 1);
}

/** The folded paragraphs of a unit (none for an unanswered question). */
export function foldedParagraphs(doc: SearchDoc): string[] {
  return doc.paragraphStarts.map((start, i) => doc.matchText.slice(start, (doc.paragraphStarts[i + 1] ?? doc.matchText.length + 1) - 1));
}

/** True when the folded question, topic, speaker, outlet or a paragraph of the document contains `text`. */
export function documentContains(doc: SearchDoc, text: string): boolean {
  return text.length > 0 && !text.includes(PARAGRAPH_BREAK) && doc.matchText.includes(text);
}
