import type { Draft } from './draft.js';
import type { Random } from './random.js';
import type { Defect } from './types.js';

/** The full-width indentation of Chinese web pages. */
const FULL_WIDTH_INDENT = '　　';

/**
 * (k) Whitespace noise: 0-3 blank lines before many lines, leading full-width spaces, trailing
 * spaces, and sometimes CRLF line ends for the whole file. The text of every line is kept.
 */
export function addWhitespaceNoise(draft: Draft, random: Random): Defect {
  const changes: string[] = [];
  const lines = draft.blocks.flatMap((block) => block.lines);
  const indent = random.chance(0.5);
  const trail = random.chance(0.5);
  // Blank lines change whenever nothing else does, so that the noise is never empty.
  const regap = random.chance(0.7) || (!indent && !trail);
  lines.forEach((line, position) => {
    if (regap && position > 0 && random.chance(0.5)) line.gapBefore = random.int(0, 3);
    if (indent && line.indent === '' && random.chance(0.4)) line.indent = FULL_WIDTH_INDENT;
    if (trail && random.chance(0.3)) line.trailing += random.pick([' ', '  ', '\t', '　']);
  });
  if (regap) changes.push('0-3 blank lines');
  if (indent) changes.push('full-width indents');
  if (trail) changes.push('trailing spaces');
  if (random.chance(0.3)) {
    draft.lineEnd = '\r\n';
    changes.push('CRLF');
  }
  return { kind: 'whitespace-noise', units: [], description: changes.join(', ') };
}
