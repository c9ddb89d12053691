import { describe, expect, it } from 'vitest';
import { dateInFileName } from '../../src/ingest/sources.js';

describe('dateInFileName', () => {
  it.each([
    ['2019-03-08-npc-press-conference', '2019-03-08'],
    ['2021-06-01-mfa-qa', '2021-06-01'],
    ['2021-06-01', '2021-06-01'],
    ['2021-02-30-mfa', null],
    ['npc-2019-03-08', null],
    ['20190308-npc', null],
  ])('GIVEN the file %s THEN the date is %s', (id, date) => {
    expect(dateInFileName(id)).toBe(date);
  });
});
