/**
 * Minimal argument reading shared by the CLI scripts: `--name value` options, `--flag`
 * switches and positional words. Throws `cli: …` on an option without its value.
 */
export function parseArgs(argv: readonly string[], options: readonly string[], flags: readonly string[] = []): {
  options: Map<string, string>;
  flags: Set<string>;
  positional: string[];
} {
  const result = { options: new Map<string, string>(), flags: new Set<string>(), positional: [] as string[] };
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i]!;
    const name = word.replace(/^--/, '');
    if (word.startsWith('--') && options.includes(name)) {
      const value = argv[i + 1];
      if (value === undefined) throw new Error(`cli: ${word} needs a value.`);
      result.options.set(name, value);
      i += 1;
    } else if (word.startsWith('--') && flags.includes(name)) {
      result.flags.add(name);
    } else if (word.startsWith('--')) {
      throw new Error(`cli: unknown option ${word}.`);
    } else {
      result.positional.push(word);
    }
  }
  return result;
}
