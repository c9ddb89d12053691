/**
 * A seeded generator of messy press-conference transcripts with their expected ingest, for the
 * ingest corruption benchmark (`npm run eval:ingest`) and its tests.
 */
export { cleanExpectation, corruptTranscript } from './corrupt-transcript.js';
export { listFixtures, readFixture } from './read-fixture.js';
export { isMostlyLatin, modelLines, renderLines, type Block, type Line, type LineModel, type Role } from './line-model.js';
export { Random, seedOf } from './random.js';
export * from './types.js';
