import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate, fitCalibration } from '../../src/search/calibration.js';

describe('calibrate', () => {
  const table = [
    [0.2, 0.3],
    [0.8, 0.9],
  ] as const;
  it.each([
    [0.1, 0.3],
    [0.2, 0.3],
    [0.5, 0.6],
    [0.8, 0.9],
    [1, 0.9],
  ])('GIVEN raw %s THEN %s', (raw, calibrated) => {
    expect(calibrate(table, raw)).toBeCloseTo(calibrated, 10);
  });

  it('GIVEN an empty table THEN the raw confidence', () => {
    expect(calibrate([], 0.42)).toBe(0.42);
  });
});

describe('fitCalibration', () => {
  it('GIVEN answers right more often at higher raw confidence THEN a monotone table of pooled blocks', () => {
    expect(
      fitCalibration([
        [0.3, false],
        [0.5, true],
        [0.9, true],
      ]),
    ).toEqual([
      [0.3, 0],
      [0.5, 1],
      [0.9, 1],
    ]);
  });

  it('GIVEN a violation (a wrong answer above a right one) THEN the two are pooled', () => {
    expect(
      fitCalibration([
        [0.4, true],
        [0.6, false],
      ]),
    ).toEqual([[0.5, 0.5]]);
  });

  it('always fits a table whose calibrated values never decrease, each within 0..1', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 60 }), (samples) => {
        const table = fitCalibration(samples);
        for (let i = 1; i < table.length; i++) expect(table[i]![1]).toBeGreaterThanOrEqual(table[i - 1]![1]);
        for (const [, y] of table) expect(y >= 0 && y <= 1).toBe(true);
      }),
    );
  });
});
