import type { IndexFile, SourceMeta } from '../types.js';

/** The source's metadata, or undefined for a source the index does not describe. */
export function findSource(file: IndexFile, sourceId: string): SourceMeta | undefined {
  return file.sources.find((source) => source.id === sourceId);
}

/**
 * Who said it, where and when, as one line, from the unit's speaker and its source's metadata;
 * shared by every front end so an answer is attributed the same way everywhere.
 * The title belongs to the source's main speaker, so it is shown only for them.
 * → `王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24`
 */
export function describeSpeech(file: IndexFile, unit: { speaker: string | null; source: string }): string {
  const meta = findSource(file, unit.source);
  const title = meta?.title != null && meta.speaker === unit.speaker ? `（${meta.title}）` : '';
  const speaker = unit.speaker === null ? null : `${unit.speaker}${title}`;
  return [speaker, meta?.event ?? null, meta?.date ?? null].filter((part) => part !== null).join('，') || unit.source;
}
