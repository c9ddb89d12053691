import type { BuiltIndex } from '../ingest/sources.js';

/**
 * The archive's part of the build-index report, for people: the sources read but not ingested
 * as answers, with why.
 * `formatArchiveReport({ skipped: [{ file: 'a-en.txt', reason: '…' }], … })` → `# a-en.txt: skipped, …`
 */
export function formatArchiveReport(built: Pick<BuiltIndex, 'skipped'>): string {
  return built.skipped.map((skip) => `# ${skip.file}: skipped, ${skip.reason}`).join('\n');
}
