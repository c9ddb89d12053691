/**
 * `npm run units -- [--index <file>] [--json]`
 * Prints the answer units and unanswered questions of a built index: one JSON object with
 * `--json` (the contract other tools read), otherwise for a person to read.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_INDEX_PATH, readIndexFile } from '../index-file.js';
import type { IndexFile } from '../types.js';

/** The `--json` shape: `{ units: [{ id, topic, question, speaker, source, paragraphs }], unanswered: [{ question, source }] }`. */
export function unitsJson(index: IndexFile): object {
  return {
    units: index.units.map(({ id, topic, question, speaker, source, paragraphs }) => ({ id, topic, question, speaker, source, paragraphs })),
    unanswered: index.unanswered.map(({ question, source }) => ({ question, source })),
  };
}

/** The same for people: each unit with its topic, question and numbered paragraphs. */
export function formatUnits(index: IndexFile): string {
  const out: string[] = [];
  for (const unit of index.units) {
    out.push(`【${unit.topic}】 ${unit.id}`);
    out.push(`  问（${unit.outlet ?? '记者'}）：${unit.question ?? '（文中缺少提问）'}`);
    unit.paragraphs.forEach((paragraph, i) => out.push(`  ${i === 0 ? `${unit.speaker}：` : ''}${paragraph}`));
    out.push('');
  }
  if (index.unanswered.length > 0) {
    out.push('未获回答的提问（文中没有对应回答）：');
    for (const question of index.unanswered) out.push(`  【${question.topic}】（${question.outlet ?? '记者'}）${question.question}`);
  }
  return out.join('\n');
}

function main(argv: string[]): number {
  try {
    const { values } = parseArgs({ args: argv, options: { index: { type: 'string' }, json: { type: 'boolean', default: false } } });
    const index = readIndexFile(resolve(values.index ?? DEFAULT_INDEX_PATH));
    console.log(values.json ? JSON.stringify(unitsJson(index)) : formatUnits(index));
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
