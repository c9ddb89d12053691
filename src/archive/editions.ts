import { relative } from 'node:path';
import type { IngestResult } from '../ingest/pipeline.js';
import type { SkippedSource, SourceFile } from '../ingest/sources.js';
import type { Analyzer } from '../text/index.js';
import { alignEditions, type AlignmentReport } from './align-editions.js';

/** What became of one English edition: the Chinese edition it was aligned with, and the alignment's report. */
export interface EditionReport {
  /** The English edition's file (relative to the build's root). */
  file: string;
  /** The Chinese edition's source id. */
  chinese: string;
  report: AlignmentReport;
}

/**
 * Gives the Chinese editions among `results` the official translation their English editions
 * hold (src/archive/align-editions.ts). An English edition's Chinese edition is the Chinese
 * source of the same date whose id is its own with `-zh` for `-en` (as `npm run import` names
 * them), else the only Chinese source of that date; an English edition without one is skipped,
 * with why.
 */
export function translateEditions(
  results: readonly IngestResult[],
  english: readonly SourceFile[],
  root: string,
  analyzer: Analyzer,
): { results: IngestResult[]; editions: EditionReport[]; skipped: SkippedSource[] } {
  const translated = [...results];
  const editions: EditionReport[] = [];
  const skipped: SkippedSource[] = [];
  for (const source of english) {
    // Relative to the build's root when inside it (index-data/sources/…), else the path itself.
    const inside = relative(root, source.path);
    const file = inside.startsWith('..') ? source.path : inside;
    const date = source.input.date ?? null;
    const sameDate = translated.filter((result) => date !== null && result.source.date === date);
    const twin = sameDate.find((result) => result.source.id === source.input.id.replace(/-en$/u, '-zh'));
    const partner = twin ?? (sameDate.length === 1 ? sameDate[0] : undefined);
    if (partner === undefined) {
      const reason =
        date === null
          ? 'an English edition without a date: no Chinese edition to align it with'
          : sameDate.length === 0
            ? `an English edition: no Chinese edition of ${date} to align it with`
            : `an English edition: ${sameDate.length} Chinese editions of ${date}, none named as its twin (${source.input.id.replace(/-en$/u, '-zh')})`;
      skipped.push({ file, reason });
      continue;
    }
    const aligned = alignEditions(partner, { text: source.text, speaker: source.input.speaker ?? null }, analyzer);
    translated[translated.indexOf(partner)] = { ...partner, units: aligned.units, unanswered: aligned.unanswered };
    editions.push({ file, chinese: partner.source.id, report: aligned.report });
  }
  return { results: translated, editions, skipped };
}
