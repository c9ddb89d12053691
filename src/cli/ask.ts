import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_INDEX_PATH } from '../index-file.js';
import { formatAnswerText } from '../present/text.js';
import { answerQuestion } from '../search/index.js';
import { loadSearchIndex, type LoadedIndex } from '../search/load-index.js';
import { processOutput, type CliOutput } from './output.js';

/**
 * `npm run ask -- [--index <file>] [--json] [--batch <file>] "<question>"`
 *
 * Answers one question (or each line of a batch file, blank lines skipped) from the index.
 * With --json: one JSON object per question (JSON Lines with --batch), the `Answer` shape of
 * src/types.ts. Without: the answer as a person reads it. Exit codes: 0 done, 2 usage error,
 * 1 unreadable index or batch file.
 */

export const ASK_USAGE = 'usage: npm run ask -- [--index <file>] [--json] [--batch <file>] "<question>"';


/** Runs the ask CLI with these arguments (without `node` and the script); returns the exit code. */
export function runAsk(argv: readonly string[], output: CliOutput = processOutput): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        index: { type: 'string' },
        json: { type: 'boolean', default: false },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    output.err(`ask: ${(error as Error).message}\n${ASK_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    output.out(ASK_USAGE);
    return 0;
  }
  let questions: string[];
  if (values.batch !== undefined) {
    if (positionals.length > 0) {
      output.err(`ask: give either --batch <file> or a question, not both\n${ASK_USAGE}`);
      return 2;
    }
    try {
      questions = readFileSync(values.batch, 'utf8')
        .split(/\r?\n/)
        .filter((line) => line.trim().length > 0);
    } catch (error) {
      output.err(`ask: cannot read batch file ${values.batch}: ${(error as Error).message}`);
      return 1;
    }
  } else {
    const question = positionals.join(' ');
    if (question.trim().length === 0) {
      output.err(`ask: no question given\n${ASK_USAGE}`);
      return 2;
    }
    questions = [question];
  }
  let loaded: LoadedIndex;
  try {
    loaded = loadSearchIndex(values.index ?? DEFAULT_INDEX_PATH);
  } catch (error) {
    output.err((error as Error).message);
    return 1;
  }
  const { file, index } = loaded;
  questions.forEach((question, i) => {
    const answer = answerQuestion(index, question);
    if (values.json) output.out(JSON.stringify(answer));
    else output.out(`${i > 0 ? '\n' : ''}${questions.length > 1 ? `问：${question}\n` : ''}${formatAnswerText(answer, file)}`);
  });
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runAsk(process.argv.slice(2));
}
