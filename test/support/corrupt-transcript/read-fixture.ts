import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture, FixtureMeta, TranscriptTruth } from './types.js';

/**
 * Reads `<dir>/<name>.txt`, its `<name>.truth.json` and its optional `<name>.meta.json`.
 * Throws `corrupt-transcript: …` when the transcript or its truth is missing or the truth is malformed.
 */
export function readFixture(dir: string, name: string): Fixture {
  const textPath = join(dir, `${name}.txt`);
  const truthPath = join(dir, `${name}.truth.json`);
  if (!existsSync(textPath)) throw new Error(`corrupt-transcript: ${textPath} does not exist.`);
  if (!existsSync(truthPath)) throw new Error(`corrupt-transcript: ${truthPath} does not exist.`);
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as TranscriptTruth;
  if (!Array.isArray(truth.units) || truth.units.some((unit) => !Array.isArray(unit.paragraphs) || unit.paragraphs.length === 0)) {
    throw new Error(`corrupt-transcript: ${truthPath} needs units with at least one paragraph each.`);
  }
  truth.unanswered ??= [];
  const metaPath = join(dir, `${name}.meta.json`);
  const meta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as FixtureMeta) : {};
  return { name, text: readFileSync(textPath, 'utf8'), truth, meta };
}

/** Names of the fixtures of a folder: every `<name>.txt` with a `<name>.truth.json` beside it, sorted. */
export function listFixtures(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files = new Set(readdirSync(dir));
  return [...files]
    .filter((file) => file.endsWith('.txt') && files.has(file.replace(/\.txt$/, '.truth.json')))
    .map((file) => file.replace(/\.txt$/, ''))
    .sort();
}
