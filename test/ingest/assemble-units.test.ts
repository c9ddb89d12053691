import { describe, expect, it } from 'vitest';
import { positionVotes, takesOver } from '../../src/ingest/assemble-units.js';
import { parseTranscript } from '../../src/ingest/parse-transcript.js';
import { removeDuplicates } from '../../src/ingest/remove-duplicates.js';
import { repairSplitParagraphs } from '../../src/ingest/repair-split-paragraphs.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();
const dedupe = (text: string) => removeDuplicates(repairSplitParagraphs(parseTranscript(text, { knownSpeakers: ['王毅'] }).value.blocks).value, analyzer).value;

describe('takesOver', () => {
  it.each([
    ['the first occurrence of an answer start, after a question', false, 'question', true],
    ['the first occurrence, after another answer’s paragraph (its question lost)', false, 'continuation', true],
    ['a repeat after its question (a repeated question-and-answer run)', true, 'question', true],
    ['a repeat pasted among another answer’s paragraphs', true, 'continuation', false],
    ['a repeat right after another answer’s start', true, 'answer-start', false],
    ['a repeat before any answer', true, null, true],
  ] as const)('GIVEN %s THEN it owns what follows: %s', (_, repeat, before, expected) => {
    expect(takesOver(repeat, before)).toBe(expected);
  });
});

describe('positionVotes', () => {
  it('GIVEN a copy of one answer’s start pasted inside another answer THEN the paragraphs after the copy still vote for the answer they stand in', () => {
    const transcript = dedupe(
      [
        '新华社记者：中方如何看待中欧关系？',
        '王毅：中欧是全面战略伙伴，双方合作远大于竞争。',
        '欧方应当同中方相向而行，推动双边关系行稳致远。',
        '路透社记者：中方对非洲的合作有何新举措？',
        '王毅：中国将继续扩大对非洲的投资，支持非洲的工业化进程。',
        '王毅：中欧是全面战略伙伴，双方合作远大于竞争。',
        '我们将同非洲国家一道，办好下一届中非合作论坛。',
      ].join('\n\n'),
    );
    const startOf = (text: string) => transcript.paragraphs.find((p) => p.kind === 'answer-start' && p.text.includes(text))!.id;
    const idOf = (text: string) => transcript.paragraphs.find((p) => p.text.includes(text))!.id;
    const votes = positionVotes(transcript);
    expect(votes.get(idOf('办好下一届中非合作论坛'))).toEqual(new Map([[startOf('扩大对非洲的投资'), 1]]));
    expect(votes.get(idOf('推动双边关系行稳致远'))).toEqual(new Map([[startOf('中欧是全面战略伙伴'), 1]]));
  });
});
