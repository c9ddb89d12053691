/** List labels that open a list item paragraph, grouped by family (siblings share a family). */
const LIST_LABELS: readonly { family: string; pattern: RegExp }[] = [
  { family: '一是', pattern: /^[一二三四五六七八九十]+是/u },
  { family: '第一', pattern: /^第[一二三四五六七八九十]+(?=[，、,：:])/u },
  { family: '首先', pattern: /^(?:首先|其次|再次|最后)(?=[，、,：:])/u },
  { family: 'X性是指', pattern: /^\p{Script=Han}{1,3}性是指/u },
];

/** The list label a paragraph opens with. */
export interface ListLabel {
  family: string;
  /** The label text, e.g. `二是`, `第三`, `其次`, `公正性是指`. */
  label: string;
}

/**
 * The list label at the start of a paragraph, or null.
 * `listLabelOf('二是务实合作不断深化。')` → `{ family: '一是', label: '二是' }`;
 * `listLabelOf('第二，多边主义……')` → `{ family: '第一', label: '第二' }`.
 */
export function listLabelOf(text: string): ListLabel | null {
  for (const { family, pattern } of LIST_LABELS) {
    const match = pattern.exec(text);
    if (match) return { family, label: match[0] };
  }
  return null;
}

/** The other labels of the same family among a unit's paragraphs: the labels a corrupt copy may wrongly carry. */
export function siblingLabels(paragraphs: readonly string[], own: ListLabel): string[] {
  const labels = paragraphs.map(listLabelOf).filter((label): label is ListLabel => label !== null && label.family === own.family);
  return [...new Set(labels.map((label) => label.label))].filter((label) => label !== own.label);
}
