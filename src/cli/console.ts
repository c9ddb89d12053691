import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { messages } from '../messages.js';
import { formatAnswerText } from '../present/text.js';
import { createDefaultAnalyzer } from '../text/index.js';
import { answerQuestion, createSearchIndex, type SearchIndex } from '../search/index.js';
import type { IndexFile } from '../types.js';

/** Where console mode reads and writes; `interactive` (a TTY) adds the banner and the prompt. */
export interface ConsoleOptions {
  file: IndexFile;
  /** The search index of `file` (as loadSearchIndex gives it); built with the default analyzer when absent. */
  index?: SearchIndex;
  input: Readable;
  output: Writable;
  interactive: boolean;
}

/**
 * Console mode (`npm start` without DISCORD_TOKEN): reads one question per line, from the terminal
 * with a prompt or from piped stdin, and prints each answer as text (`formatAnswerText`, the same
 * `answerQuestion` the bot uses). Blank lines are skipped; resolves at end of input (Ctrl+D).
 *
 * `echo 中美关系会恶化吗 | npm start` → the official answer on 中美关系, quoted.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const index = options.index ?? createSearchIndex(options.file, createDefaultAnalyzer());
  const lines = createInterface({ input: options.input, output: options.output, terminal: options.interactive });
  const print = (text: string) => options.output.write(`${text}\n`);
  if (options.interactive) {
    print(messages.consoleBanner);
    lines.setPrompt(messages.consolePrompt);
    lines.prompt();
  }
  let first = true;
  for await (const line of lines) {
    const question = line.trim();
    if (question !== '') {
      if (!first && !options.interactive) print('');
      first = false;
      print(formatAnswerText(answerQuestion(index, question), options.file));
    }
    if (options.interactive) lines.prompt();
  }
  if (options.interactive) print('');
}
