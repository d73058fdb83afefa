// Tests which explanation page each refusal leads to.
import { describe, expect, it } from 'vitest';
import { linkProblemOf } from '../../../client/respondent/link-problem-of';

const refusal = (code: string) => ({ code, message: '' });

describe('linkProblemOf', () => {
  it('calls a missing study, agency or token an unknown link', () => {
    for (const code of ['STUDY_NOT_FOUND', 'AGENCY_NOT_FOUND', 'TOKEN_NOT_FOUND']) {
      expect(linkProblemOf(404, refusal(code))).toBe('unknown-link');
    }
    expect(linkProblemOf(404, refusal('HTTP_404'))).toBe('unknown-link');
  });

  it('tells a closed wave from a spent invitation', () => {
    expect(linkProblemOf(409, refusal('WAVE_CLOSED'))).toBe('closed');
    expect(linkProblemOf(409, refusal('TOKEN_USED'))).toBe('token-used');
  });

  it('treats any other refusal as one the respondent cannot fix', () => {
    expect(linkProblemOf(413, refusal('PAYLOAD_TOO_LARGE'))).toBe('send-refused');
    expect(linkProblemOf(400, refusal('INVALID_REQUEST'))).toBe('send-refused');
  });
});
