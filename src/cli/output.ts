/** Where a CLI writes: the process streams by default, buffers in tests. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Standard output and standard error, a line at a time. */
export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
