/** A run of one paragraph's source text placed on a page (the whole paragraph, or some of its sentences). */
export interface PageSegment {
  /** Index of the paragraph in the unit. */
  paragraph: number;
  /** Source text: the paragraph, or a run of whole sentences of it. */
  text: string;
}

/** Renders a segment for display (markup, escaping); its length is what counts against the budget. */
export type RenderSegment = (segment: PageSegment) => string;

/**
 * Splits paragraphs into pages whose rendered text (segments joined by `separator`) is at most
 * `budget` characters. A paragraph that fits on a page is never split: it moves to the next page.
 * One longer than a page is split between sentences; only a single sentence longer than a page
 * (not seen in transcripts) is split between clauses, and as a last resort between characters.
 * Concatenating a paragraph's segments gives back the paragraph exactly.
 *
 * `paginate(['甲。', '乙。'], 3, render)` → `[[{ paragraph: 0, text: '甲。' }], [{ paragraph: 1, text: '乙。' }]]`
 */
export function paginate(paragraphs: readonly string[], budget: number, render: RenderSegment, separator = '\n\n'): PageSegment[][] {
  const renderPage = (page: PageSegment[]) => page.map(render).join(separator);
  const fits = (segment: PageSegment) => render(segment).length <= budget;

  const pieces = paragraphs.flatMap((text, paragraph) => splitToFit({ paragraph, text }, fits));
  const pages: PageSegment[][] = [];
  let current: PageSegment[] = [];
  for (const piece of pieces) {
    const candidate = appendPiece(current, piece);
    if (current.length === 0 || renderPage(candidate).length <= budget) {
      current = candidate;
    } else {
      pages.push(current);
      current = [piece];
    }
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/** Adds a piece to a page, merging it into the last segment when it continues the same paragraph. */
function appendPiece(page: PageSegment[], piece: PageSegment): PageSegment[] {
  const last = page.at(-1);
  if (last?.paragraph === piece.paragraph) return [...page.slice(0, -1), { paragraph: last.paragraph, text: last.text + piece.text }];
  return [...page, piece];
}

function splitToFit(segment: PageSegment, fits: (segment: PageSegment) => boolean): PageSegment[] {
  if (fits(segment)) return [segment];
  const levels = [splitSentences, splitClauses, (text: string) => Array.from(text)];
  const split = (text: string, level: number): string[] => {
    if (fits({ paragraph: segment.paragraph, text }) || level >= levels.length) return [text];
    const parts = levels[level]!(text);
    return parts.length > 1 || level + 1 < levels.length ? parts.flatMap((part) => split(part, level + 1)) : parts;
  };
  return split(segment.text, 0).map((text) => ({ paragraph: segment.paragraph, text }));
}

// A sentence ends after 。！？!?； or …… (and any closing quotes or brackets), or after ". ".
const SENTENCE = /[^。！？!?；…]*?(?:[。！？!?；]+|…+|\.(?=\s)|$)[”’」』）)"'\s]*/gu;
const CLAUSE = /[^，、,：:]*?(?:[，、,：:]+|$)[”’」』）)"'\s]*/gu;

/**
 * Splits text after each sentence end; the parts concatenate to the text.
 * `splitSentences('中方欢迎。美方呢？好')` → `['中方欢迎。', '美方呢？', '好']`
 */
export function splitSentences(text: string): string[] {
  return (text.match(SENTENCE) ?? []).filter((part) => part !== '');
}

function splitClauses(text: string): string[] {
  return (text.match(CLAUSE) ?? []).filter((part) => part !== '');
}
