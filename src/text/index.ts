/**
 * Text analysis shared by ingest and search: folding for matching, cutting, stop words,
 * specificity. One `Analyzer` value is created by the entry point and passed in.
 */
export { createAnalyzer, createCompactAnalyzer, type Analyzer, type AnalyzerFiles } from './analyzer.js';
export { DEFAULT_ANALYZER_FILES, createDefaultAnalyzer, createServingAnalyzer } from './default-files.js';
export { foldScript, normalizeForMatching } from './normalize.js';
export { charBigrams, CJK_ONLY } from './char-bigrams.js';
export { parseGlossary, parseStopWords, parseSynonyms, type Glossary, type Lexicon, type SynonymMap } from './lexicon.js';
export { englishPartsOfSpeech } from './english-parts-of-speech.js';
