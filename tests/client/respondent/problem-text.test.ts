// Tests how the server's validation phrases reach the respondent: translated when known, kept when not.
import { describe, expect, it } from 'vitest';
import { problemText } from '../../../client/respondent/problem-text';

describe('problemText', () => {
  it('translates the validator’s phrases into Indonesian', () => {
    expect(problemText('required', 'id')).toBe('wajib diisi');
    expect(problemText('not one of the choices: x', 'id')).toBe('bukan salah satu pilihan jawaban');
    expect(problemText('more than 3 choices', 'id')).toBe('lebih dari 3 pilihan');
    expect(problemText('unknown row', 'id')).toBe('baris tidak dikenal');
  });

  it('keeps the server’s words in English and for phrases it does not know', () => {
    expect(problemText('required', 'en')).toBe('required');
    expect(problemText('something new', 'id')).toBe('something new');
  });
});
