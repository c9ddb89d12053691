import type { AnswerUnit, IndexFile } from '../src/types.js';

/**
 * Synthetic corpora for the scale benchmark, made by recombining the real index: each unit
 * takes a real topic (numbered, so topics stay distinct), a real reporter question or none,
 * and 1–8 paragraphs, each a recombination of 1–4 real sentences. Deterministic (seeded).
 */

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('bench: cannot pick from an empty list');
  return item;
}

/** Builds an index file of about `paragraphs` paragraphs from the real one. */
export function syntheticIndex(real: IndexFile, paragraphs: number, seed = 42): IndexFile {
  const random = seededRandom(seed);
  const sentences = real.units
    .flatMap((unit) => unit.paragraphs)
    .flatMap((paragraph) => paragraph.match(/[^。！？；]+[。！？；]?/gu) ?? [paragraph]);
  const topics = [...real.units.map((unit) => unit.topic), ...real.unanswered.map((question) => question.topic)];
  const questions = [...real.units.map((unit) => unit.question), ...real.unanswered.map((question) => question.question)];
  const source = real.sources[0]?.id ?? 'synthetic';
  const units: AnswerUnit[] = [];
  let made = 0;
  while (made < paragraphs) {
    const count = Math.min(paragraphs - made, 1 + Math.floor(random() * 8));
    const unitParagraphs = Array.from({ length: count }, () =>
      Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(sentences, random)).join(''),
    );
    units.push({
      id: `${source}#${units.length + 1}`,
      topic: `${pick(topics, random)}${units.length + 1}`,
      question: pick(questions, random),
      outlet: null,
      speaker: '王毅',
      source,
      paragraphs: unitParagraphs,
    });
    made += count;
  }
  return { ...real, generated: `synthetic: ${paragraphs} paragraphs recombined from the bundled index`, units, unanswered: real.unanswered };
}
