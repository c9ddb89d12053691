import type { BuiltIndex } from '../ingest/sources.js';

/**
 * The archive's part of the build-index report, for people: the sources read but not ingested
 * as answers (with why), then the lines said more than once.
 * → `# a-en.txt: skipped, …` and `lines: 3 said in more than one transcript (12 occurrences, 2 wording changes); 240 texts compared in 31 candidate pairs`
 */
export function formatArchiveReport(built: Pick<BuiltIndex, 'skipped' | 'lines'>): string {
  const { lines, occurrences, changes, texts, compared } = built.lines;
  return [
    ...built.skipped.map((skip) => `# ${skip.file}: skipped, ${skip.reason}`),
    `lines: ${lines} said in more than one transcript (${occurrences} occurrences, ${changes} wording changes); ${texts} texts compared in ${compared} candidate pairs`,
  ].join('\n');
}
