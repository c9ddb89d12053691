import { createRequire } from 'node:module';

/**
 * Parts of speech of common English words, the commonest first, in Penn Treebank tags (RB, JJ,
 * VB, VBD, NN …), from wink-lexicon's lexicon of 13,462 words (1.2 MB of heap, loaded on the
 * first call: only English questions need it).
 */
let lexicon: Readonly<Record<string, readonly string[]>> | undefined;

/**
 * The tags of a lower-case English word, the commonest first; empty for a word the lexicon does
 * not know (a name, an acronym, a misspelling).
 *
 * @example englishPartsOfSpeech('already') // → ['RB']
 */
export function englishPartsOfSpeech(word: string): readonly string[] {
  lexicon ??= createRequire(import.meta.url)('wink-lexicon/src/lexicon.js') as Record<string, readonly string[]>;
  return Object.hasOwn(lexicon, word) ? lexicon[word]! : [];
}
