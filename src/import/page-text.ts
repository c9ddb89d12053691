/**
 * The transcript's paragraphs on a ministry page: the text of the content element, one string
 * per paragraph, in page order, as the page shows it.
 */
import type { CheerioAPI } from 'cheerio';

/** The part of a parsed HTML node this module reads (cheerio's nodes have this shape). */
export interface HtmlNode {
  /** `tag`, `text`, `comment`, `script`, `style`, `root` … */
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
}

/**
 * Where the ministry's pages keep the article text, innermost first: the older fmprc.gov.cn
 * template (`#News_Body_Txt_A`), the TRS editor's own div, the newer mfa.gov.cn template
 * (`.news-main`), and the English pages (`.content`).
 */
export const CONTENT_SELECTORS = ['#News_Body_Txt_A', '.TRS_Editor', '.TRS_UEDITOR', '.trs_editor_view', '.news-main', '.content', '#content'] as const;

/** Elements that start a new paragraph (a `<br>` does too). */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tr', 'td', 'th', 'pre', 'center', 'figure', 'figcaption', 'hr',
]);
/** Elements whose text is not part of what the page says. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'img', 'iframe', 'video', 'audio', 'object', 'embed', 'button', 'input', 'select', 'textarea', 'form', 'svg']);

/** A wide (East Asian) character: a line break of the HTML source between two of them shows as nothing. */
const WIDE = /[\p{Script=Han}\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\uff00-\uff60\uffe0-\uffe6]/u;

/** The page's content element and its paragraphs. */
export interface PageText {
  /** The selector that found the content element. */
  selector: (typeof CONTENT_SELECTORS)[number];
  paragraphs: string[];
}

/**
 * The first content element (in `CONTENT_SELECTORS` order) that holds text, and its
 * paragraphs; null when the page has none.
 */
export function extractPageText($: CheerioAPI): PageText | null {
  for (const selector of CONTENT_SELECTORS) {
    for (const element of $(selector).toArray()) {
      const paragraphs = paragraphsOf(element);
      if (paragraphs.length > 0) return { selector, paragraphs };
    }
  }
  return null;
}

/**
 * The paragraphs of an element as a reader sees them: `<p>`, `<div>` and the other block
 * elements and `<br>` separate paragraphs; inline markup (`<span>`, `<b>`, `<strong>`, `<a>`)
 * does not, so a word split across spans is whole again. White space follows CSS: a run of
 * spaces, tabs and line breaks shows as one space, or as nothing where a line break of the
 * source falls between two wide (Chinese) characters; no-break and ideographic spaces are
 * kept; each paragraph is trimmed (its indentation, `　　` or `&nbsp;`, is layout). Scripts,
 * styles, images and elements hidden with `display:none` are skipped; empty paragraphs too.
 * `<p>　　林明：我们<span>注意到</span>有关报道。</p>` → `['林明：我们注意到有关报道。']`
 */
export function paragraphsOf(element: HtmlNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = collapseWhiteSpace(current).trim();
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const walk = (node: HtmlNode): void => {
    if (node.type === 'text') {
      current += node.data ?? '';
      return;
    }
    // Comments, directives, and <script>/<style> (their own node types) show nothing.
    if (node.type !== 'tag') return;
    const name = (node.name ?? '').toLowerCase();
    if (SKIPPED.has(name) || isHidden(node)) return;
    if (name === 'br') {
      flush();
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of node.children ?? []) walk(child);
    if (block) flush();
  };
  for (const child of element.children ?? []) walk(child);
  flush();
  return paragraphs;
}

function isHidden(element: HtmlNode): boolean {
  const style = element.attribs?.['style'];
  return style !== undefined && /display\s*:\s*none/iu.test(style);
}

/**
 * HTML white space (space, tab, line feed, carriage return, form feed) collapsed as CSS
 * `white-space: normal` shows it: a run becomes one space, or nothing when it holds a line
 * break and both neighbours are wide characters.
 * `collapseWhiteSpace('中方\n  愿意  同 各方') → '中方愿意 同 各方'`
 */
export function collapseWhiteSpace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/gu, (run, offset: number, whole: string) => {
    if (!/[\n\r]/u.test(run)) return ' ';
    const before = Array.from(whole.slice(Math.max(0, offset - 2), offset)).at(-1);
    const after = String.fromCodePoint(whole.codePointAt(offset + run.length) ?? 0x20);
    return before !== undefined && after !== undefined && WIDE.test(before) && WIDE.test(after) ? '' : ' ';
  });
}
