// Tests the workspace's pure helpers: the breakdown parameter, invitation batch lines and the error envelope reader.
import { describe, expect, it } from 'vitest';
import { breakdownParam } from '../../../client/workspace/results-panel';
import { destination } from '../../../client/workspace/sign-in-page';
import { parseBatches } from '../../../client/workspace/study-card';
import { readError } from '../../../client/workspace/workspace-api';

describe('breakdownParam', () => {
  it('spells one variable, a two-way cross, or nothing as the results API expects', () => {
    expect(breakdownParam('', '')).toBe('');
    expect(breakdownParam('', 'A4')).toBe('');
    expect(breakdownParam('province', '')).toBe('province');
    expect(breakdownParam('province', 'A4')).toBe('province*A4');
    expect(breakdownParam('A4', 'A4')).toBe('A4');
  });
});

describe('parseBatches', () => {
  it('reads code,count lines, ignoring blank lines and spaces around the comma', () => {
    expect(parseBatches('kab-sleman,20\r\n\n kota-cilegon , 3 \n')).toEqual([
      { agency: 'kab-sleman', count: 20 },
      { agency: 'kota-cilegon', count: 3 },
    ]);
  });

  it('refuses the whole text when any line is not code,count', () => {
    for (const text of ['', 'kab-sleman', 'kab-sleman,x', 'kab-sleman,2\nkota,2,3', 'a b,2']) {
      expect(parseBatches(text), text).toBeUndefined();
    }
  });
});

describe('readError', () => {
  it('reads CSV problems with line and column and field problems with where', () => {
    const error = readError(
      {
        error: {
          code: 'INVALID_FRAME',
          message: 'Bad frame.',
          details: [
            { line: 3, column: 2, columnName: 'name', problem: 'empty' },
            { line: 1, column: null, problem: 'missing column headcount' },
            { field: 'metadata.version', problem: 'too small' },
            { question: 'A4', problem: 'required' },
            { nonsense: true },
          ],
        },
      },
      422,
    );
    expect(error).toEqual({
      status: 422,
      code: 'INVALID_FRAME',
      message: 'Bad frame.',
      problems: [
        { kind: 'csv', line: 3, column: 2, columnName: 'name', problem: 'empty' },
        {
          kind: 'csv',
          line: 1,
          column: null,
          columnName: undefined,
          problem: 'missing column headcount',
        },
        { kind: 'field', where: 'metadata.version', problem: 'too small' },
        { kind: 'field', where: 'A4', problem: 'required' },
      ],
    });
  });

  it('keeps only the status of a body that is not the envelope', () => {
    expect(readError('<html>', 502)).toEqual({
      status: 502,
      code: 'HTTP_502',
      message: 'HTTP 502',
      problems: [],
    });
  });
});

describe('destination after sign-in', () => {
  const origin = 'https://survei.example';

  it('sends each role home: administration, the researcher workspace, the agency dashboard', () => {
    expect(destination('admin', null, origin)).toBe('/admin');
    expect(destination('researcher', null, origin)).toBe('/research');
    expect(destination('agency', null, origin)).toBe('/agency');
  });

  it('sends each role to a page it may open, whatever next asks', () => {
    expect(destination('agency', '/research', origin)).toBe('/agency');
    expect(destination('agency', '/admin', origin)).toBe('/agency');
    expect(destination('agency', '/agency?study=netralitas-asn-2021&lang=en', origin)).toBe(
      '/agency?study=netralitas-asn-2021&lang=en',
    );
    expect(destination('researcher', '/agency', origin)).toBe('/research');
    expect(destination('admin', '/agency', origin)).toBe('/admin');
    expect(destination('admin', '/research?study=x', origin)).toBe('/research?study=x');
  });

  it('returns to the workspace page asked for, with its query', () => {
    expect(destination('researcher', '/research?study=kasn-2021-sintetis', origin)).toBe(
      '/research?study=kasn-2021-sintetis',
    );
    expect(destination('researcher', '/admin', origin)).toBe('/research');
  });

  it('never follows next off the workspace or off the origin', () => {
    for (const next of [
      'https://evil.example/research',
      '//evil.example/admin',
      '/s/x/y',
      'javascript:alert(1)',
    ]) {
      expect(destination('admin', next, origin), next).toBe('/admin');
    }
  });
});
