import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexFile } from './types.js';

/** Version of the index file's shape; bump it when the shape changes. */
export const INDEX_SCHEMA_VERSION = 1;

/**
 * The project root: the nearest folder above this module that holds package.json (src/ when
 * run from source, dist/src/ when compiled).
 */
export const PROJECT_ROOT = projectRootAbove(dirname(fileURLToPath(import.meta.url)));

function projectRootAbove(folder: string): string {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(folder, '..');
  }
}

/** Default location of the built index. */
export const DEFAULT_INDEX_PATH = resolve(PROJECT_ROOT, 'index-data/index.json');

/** Default folder of bundled transcripts. */
export const DEFAULT_SOURCES_PATH = resolve(PROJECT_ROOT, 'index-data/sources');

/**
 * Reads and checks a built index file.
 * Throws `index-file: …` with the path and the reason when it is missing, not JSON,
 * or of another schema version.
 */
export function readIndexFile(path: string = DEFAULT_INDEX_PATH): IndexFile {
  return parseIndexFile(readIndexText(path), path);
}

/** The text of a built index file; throws `index-file: …` when it cannot be read. */
export function readIndexText(path: string = DEFAULT_INDEX_PATH): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`index-file: cannot read ${path}: ${(error as Error).message}. Run \`npm run build-index\`.`);
  }
}

/** Parses and checks the text of an index file read from `path` (named in errors), as readIndexFile does. */
export function parseIndexFile(raw: string, path: string): IndexFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new Error(`index-file: ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const file = parsed as Partial<IndexFile>;
  if (file.schemaVersion !== INDEX_SCHEMA_VERSION) {
    throw new Error(
      `index-file: ${path} has schema version ${String(file.schemaVersion)}, expected ${INDEX_SCHEMA_VERSION}. Run \`npm run build-index\`.`,
    );
  }
  if (!Array.isArray(file.units) || !Array.isArray(file.unanswered) || !Array.isArray(file.sources)) {
    throw new Error(`index-file: ${path} lacks units, unanswered or sources.`);
  }
  return file as IndexFile;
}
