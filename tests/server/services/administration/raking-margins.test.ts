// Raking margins from CSV as Excel on an Indonesian Windows saves them: semicolons and decimal commas.
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../../server/errors.ts';
import { parseMarginsCsv } from '../../../../server/services/administration/raking-margins.ts';

const levels = new Map([['A4', new Set(['laki_laki', 'perempuan'])]]);

describe('parseMarginsCsv', () => {
  it('reads a semicolon file whose shares use a decimal comma', () => {
    const text = '\uFEFFvariable;level;share\r\nA4;laki_laki;0,4871\r\nA4;perempuan;0,5129\r\n';
    expect(parseMarginsCsv(text, levels)).toEqual([
      { variable: 'A4', shares: { laki_laki: 0.4871, perempuan: 0.5129 } },
    ]);
  });

  it('refuses a decimal comma in a comma-delimited file at its line and column', () => {
    const text = 'variable,level,share\nA4,laki_laki,"0,4871"\nA4,perempuan,0.5129\n';
    const error = (() => {
      try {
        parseMarginsCsv(text, levels);
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(error.code).toBe('INVALID_MARGINS');
    expect(error.details?.[0]).toMatchObject({ line: 2, column: 3, columnName: 'share' });
  });
});
