// The understanding score classes and the agency neutrality perception index (PermenPANRB 14/2017 grades).

import { describe, expect, it } from 'vitest';
import {
  indexGrade,
  percentCorrect,
  perceptionIndex,
  perceptionIndexOf,
  roundToHundredths,
  understandingClass,
  type MeanEstimate,
} from '../../analysis/index.ts';

describe('understanding score', () => {
  it('is the percent of items answered correctly, "Tidak tahu" counting as wrong', () => {
    expect(percentCorrect(12, 14)).toBeCloseTo(85.714285714, 8);
    expect(percentCorrect(0, 19)).toBe(0);
    expect(() => percentCorrect(15, 14)).toThrow(/from 0 to 14/);
  });

  it('classes 80% and above as Baik, 60% to under 80% as Cukup, below 60% as Kurang', () => {
    expect(understandingClass(100)).toBe('Baik');
    expect(understandingClass(80)).toBe('Baik');
    expect(understandingClass(79.99)).toBe('Cukup');
    expect(understandingClass(percentCorrect(11, 14))).toBe('Cukup');
    expect(understandingClass(60)).toBe('Cukup');
    expect(understandingClass(59.9)).toBe('Kurang');
    expect(understandingClass(percentCorrect(8, 14))).toBe('Kurang');
    expect(() => understandingClass(101)).toThrow(/\[0, 100\]/);
  });
});

describe('perception index', () => {
  it('is the mean of the 1–4 items times 25', () => {
    expect(perceptionIndex(4)).toEqual({ index: 100, grade: 'A' });
    expect(perceptionIndex(1)).toEqual({ index: 25, grade: 'D' });
    expect(perceptionIndex(3.2)).toEqual({ index: 80, grade: 'B' });
    expect(() => perceptionIndex(0.5)).toThrow(/\[1, 4\]/);
  });

  it('grades from the value rounded to 2 decimals: A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, D below', () => {
    expect(indexGrade(88.31)).toBe('A');
    expect(indexGrade(88.305)).toBe('A');
    expect(indexGrade(88.3049)).toBe('B');
    expect(indexGrade(76.61)).toBe('B');
    // The printed table jumps from 76.60 (C) to 76.61 (B); rounding first leaves no gap.
    expect(indexGrade(76.6049)).toBe('C');
    expect(indexGrade(76.605)).toBe('B');
    expect(indexGrade(65)).toBe('C');
    expect(indexGrade(64.995)).toBe('C');
    expect(indexGrade(64.994)).toBe('D');
    expect(indexGrade(25)).toBe('D');
  });

  it('rounds half away from zero on the printed decimal value', () => {
    expect(roundToHundredths(88.305)).toBe(88.31);
    expect(roundToHundredths(1.005)).toBe(1.01);
    expect(roundToHundredths(76.6049)).toBe(76.6);
  });

  it('scales an estimated mean, its SE and interval by 25', () => {
    const estimate: MeanEstimate = {
      score: 'indeks',
      domainVariables: ['agency'],
      domainValues: ['A'],
      nBase: 50,
      weightedBase: 500,
      estimate: 3.06,
      se: 0.05,
      ci: { low: 2.96, high: 3.16, method: 't', basis: 'design' },
      df: 49,
      deff: 1.2,
      nEff: 41.7,
      kishDeff: 1,
      flags: {
        lowReliability: false,
        census: false,
        noInterval: false,
        reviewDegreesOfFreedom: false,
      },
    };
    const index = perceptionIndexOf(estimate);
    expect(index?.index).toBe(76.5);
    expect(index?.grade).toBe('C');
    expect(index?.se).toBeCloseTo(1.25, 12);
    expect(index?.ci?.high).toBeCloseTo(79, 12);
    expect(perceptionIndexOf({ ...estimate, estimate: null, se: null, ci: null })).toBeNull();
  });
});
