import type { BuiltIndex } from '../ingest/sources.js';

/**
 * The archive's part of the build-index report, for people: the sources read but not ingested
 * as answers (with why), the English editions aligned (and every answer left without its
 * translation, with why), what the cache reused, then the lines said more than once.
 * → `# a-en.txt: skipped, …` and `lines: 3 said in more than one transcript (12 occurrences, 2 wording changes); 240 texts compared in 31 candidate pairs`
 */
export function formatArchiveReport(built: Pick<BuiltIndex, 'skipped' | 'editions' | 'lines' | 'cache'>): string {
  const { lines, occurrences, changes, texts, compared } = built.lines;
  const cache = built.cache;
  return [
    ...built.skipped.map((skip) => `# ${skip.file}: skipped, ${skip.reason}`),
    ...built.editions.flatMap(({ file, chinese, report }) => [
      `# ${file}: English edition of ${chinese}: ${report.paired} answer(s) given their official translation, ${report.uncertain.length + report.unmatchedUnits.length} left without`,
      ...report.uncertain.map(({ unitId, reason }) => `  left out ${unitId}: ${reason}`),
      ...report.unmatchedUnits.map((unitId) => `  left out ${unitId}: no English answer aligned with it`),
      ...report.unmatchedExchanges.map((start) => `  English answer aligned with no unit: ${start}`),
    ]),
    ...(cache === undefined ? [] : [`cache: reused ${cache.reused} source(s), ingested ${cache.ingested}${cache.pruned > 0 ? `, ${cache.pruned} unused entr${cache.pruned === 1 ? 'y' : 'ies'} deleted` : ''} (${cache.dir})`]),
    `lines: ${lines} said in more than one transcript (${occurrences} occurrences, ${changes} wording changes); ${texts} texts compared in ${compared} candidate pairs`,
  ].join('\n');
}
