import { normalizeForMatching } from '../text/index.js';

/**
 * The list structure of answers: items that open with a list label (一是/二是, 第一/第二,
 * 首先/其次/最后, 一、二、, 其一/其二, or a term the intro announced: 专业性是指…) and the intro
 * that announces them (`我想强调三点：`, `…应坚持专业性、公正性和建设性：`).
 * Pure text functions, shared by the stages that judge corrupt copies and place paragraphs.
 */

/** The styles of list labels; items of one list share a style. */
export type ListStyle =
  | 'shi' // 一是, 二是 …
  | 'di' // 第一, 第二 … (also 第一是)
  | 'sequence' // 首先, 其次, 再次, 最后
  | 'numbered' // 一、 二、 …
  | 'qi' // 其一, 其二 …
  | 'named'; // 专业性是指…, 公正性：… (terms an intro announces)

/** The list label a paragraph opens with. */
export interface ListLabel {
  style: ListStyle;
  /** The label as written, e.g. `二是`, `第三`, `其次`, `专业性`. */
  label: string;
  /** Position in its list (1-based; 最后 is 99, after every other); null for named labels, whose order the intro gives. */
  ordinal: number | null;
}

const DIGITS = '一二三四五六七八九';

/** Traditional characters folded to simplified, one for one (no NFKC: lengths are kept). */
function foldHan(text: string): string {
  const folded = normalizeForMatching(text);
  return Array.from(folded).length === Array.from(text).length ? folded : text;
}

/** `三` → 3, `十二` → 12, `二十` → 20; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (/^[一二三四五六七八九]$/u.test(text)) return DIGITS.indexOf(text) + 1;
  const match = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/u.exec(text);
  if (!match) return null;
  const tens = match[1] ? DIGITS.indexOf(match[1]) + 1 : 1;
  const ones = match[2] ? DIGITS.indexOf(match[2]) + 1 : 0;
  return tens * 10 + ones;
}

const SEQUENCE_ORDINALS: Record<string, number> = { 首先: 1, 第一步: 1, 其次: 2, 再次: 3, 再者: 3, 最后: 99 };

const LABEL_PATTERNS: readonly { style: ListStyle; pattern: RegExp; ordinal: (match: RegExpExecArray) => number | null }[] = [
  { style: 'di', pattern: /^第([一二三四五六七八九十]{1,3})(?=是|[，,、：:；;])/u, ordinal: (m) => chineseNumber(m[1]!) },
  { style: 'shi', pattern: /^([一二三四五六七八九十]{1,3})是(?!否|不是|指)/u, ordinal: (m) => chineseNumber(m[1]!) },
  { style: 'qi', pattern: /^其([一二三四五六七八九十])(?=[，,、：:；;是])/u, ordinal: (m) => chineseNumber(m[1]!) },
  { style: 'numbered', pattern: /^([一二三四五六七八九十]{1,3})、/u, ordinal: (m) => chineseNumber(m[1]!) },
  { style: 'sequence', pattern: /^(首先|其次|再次|再者|最后)(?=[，,、：:；;])/u, ordinal: (m) => SEQUENCE_ORDINALS[m[1]!] ?? null },
  // A short term before 是指 or a colon (专业性是指…, 公正性：…).
  { style: 'named', pattern: /^([\p{Script=Han}]{2,6}?)(?=是指|：|:)/u, ordinal: () => null },
];

/**
 * The list label a paragraph opens with, or null.
 * `listLabel('二是务实合作不断深化。')` → `{ style: 'shi', label: '二是', ordinal: 2 }`;
 * `listLabel('第三，全球治理…')` → `{ style: 'di', label: '第三', ordinal: 3 }`;
 * `listLabel('专业性是指…')` → `{ style: 'named', label: '专业性', ordinal: null }`;
 * `listLabel('当前，美国…')` → null.
 */
export function listLabel(text: string): ListLabel | null {
  const known = memo.get(text);
  if (known !== undefined) return known;
  if (memo.size > MAX_MEMO) memo.clear();
  const label = readListLabel(text);
  memo.set(text, label);
  return label;
}

/** listLabel is asked about the same paragraphs many times. */
const memo = new Map<string, ListLabel | null>();
const MAX_MEMO = 10_000;

function readListLabel(text: string): ListLabel | null {
  // Read folded (最後 as 最后), show the source's own characters: folding keeps Han characters one for one.
  const folded = foldHan(text);
  for (const { style, pattern, ordinal } of LABEL_PATTERNS) {
    const match = pattern.exec(folded);
    if (!match) continue;
    // A term and a colon with nothing after it is an intro (我想强调三点：), not an item.
    if (style === 'named' && text.slice(match[0].length).replace(/^(?:是指|[：:])/u, '').trim() === '') return null;
    const label = style === 'named' ? match[1]! : match[0];
    return { style, label: Array.from(text).slice(0, Array.from(label).length).join(''), ordinal: ordinal(match) };
  }
  return null;
}

/** True when two labels are items of the same style, so they can belong to one list. */
export function sameStyle(a: ListLabel | null, b: ListLabel | null): boolean {
  return a !== null && b !== null && a.style === b.style;
}

/**
 * Labels a list intro announces by name: `…应坚持专业性、公正性和建设性：` → 专业性, 公正性, 建设性.
 * Empty when the paragraph does not end with a colon or names fewer than two labels.
 */
export function announcedLabels(text: string): string[] {
  if (!/[：:]$/u.test(text)) return [];
  const clause = text.slice(0, -1).split(/[，,。；;]/u).at(-1) ?? '';
  const parts = clause.split(/、|和|及|与/u).map((part) => part.trim());
  if (parts.length < 2) return [];
  const last = parts.at(-1)!;
  const labelLength = Array.from(last).length;
  if (labelLength === 0 || labelLength > 6) return [];
  // The first part carries the clause's verb (应坚持专业性): keep as many trailing characters as the last label has.
  return parts.map((part) => Array.from(part).slice(-labelLength).join('')).filter((label) => label.length > 0);
}

/**
 * True for a paragraph that announces a list after it: its last clause names the items
 * (专业性、公正性和建设性：) or says how many there are or that some follow (`我想强调三点：`,
 * `做好三方面工作：`, `中方希望会议实现以下目标。`).
 */
export function isListIntro(text: string): boolean {
  const trimmed = text.trimEnd();
  const clause = trimmed.slice(0, -1).split(/[。；;！？]/u).at(-1) ?? '';
  if (/[：:]$/u.test(trimmed)) return announcedLabels(trimmed).length >= 2 || /[两二三四五六七八九十几]\s*(?:点|个方面|方面|条|项|句话|层意思|件事)|以下|如下|下面/u.test(clause);
  // A sentence may announce what follows too: 中方希望会议实现以下目标。
  return /。$/u.test(trimmed) && /以下|如下/u.test(clause);
}

/**
 * True when `item` can be an item of the list whose other items are `siblings`: they share its
 * style and none has its label (三是 with 一是, 二是; 最后 with 首先, 其次), and, for named items
 * (专业性是指…), an intro among `intros` names it.
 */
export function continuesList(item: ListLabel, siblings: readonly ListLabel[], intros: readonly string[] = []): boolean {
  const same = siblings.filter((sibling) => sibling.style === item.style);
  if (same.length === 0 || same.some((sibling) => sibling.label === item.label)) return false;
  if (item.style === 'named') return intros.some((intro) => announcedLabels(intro).includes(item.label));
  return item.ordinal !== null;
}

/**
 * True when `next` can directly follow `previous` inside one list: same style and the next
 * ordinal (第一 → 第二; 其次 → 最后), or both named labels in the order an intro announces them.
 */
export function followsInList(previous: ListLabel, next: ListLabel, intros: readonly string[] = []): boolean {
  if (previous.style !== next.style || previous.label === next.label) return false;
  if (previous.style === 'named') {
    return intros.some((intro) => {
      const labels = announcedLabels(intro);
      const [i, j] = [labels.indexOf(previous.label), labels.indexOf(next.label)];
      return i >= 0 && j === i + 1;
    });
  }
  if (previous.ordinal === null || next.ordinal === null) return false;
  if (previous.style === 'sequence') return next.ordinal > previous.ordinal;
  return next.ordinal === previous.ordinal + 1;
}

/** True when a list's first item can directly follow this intro: ordinal 1, or the first label it names. */
export function opensList(intro: string, item: ListLabel): boolean {
  if (!isListIntro(intro)) return false;
  if (item.style === 'named') return announcedLabels(intro)[0] === item.label;
  return item.ordinal === 1;
}
