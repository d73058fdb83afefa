// Tests which links are refused before the questionnaire is shown, and which refusal page they get.
import { describe, expect, it } from 'vitest';
import type { ApiResult, StudySummary } from '../../../client/api-client';
import { loadProblemOf } from '../../../client/respondent/link-problem-of';
import { linkRefusal } from '../../../client/respondent/link-refusal';
import type { RespondentLink } from '../../../client/routes';

const tokenLink: RespondentLink = { study: 'token-study', kind: 'token', token: 'abc' };
const agencyLink: RespondentLink = { study: 'open-study', kind: 'agency', agency: 'kab-sleman' };

const study = (usesTokens: boolean, open = true): ApiResult<StudySummary> => ({
  ok: true,
  value: { id: 's', title: { id: 'S', en: 'S' }, usesTokens, usesLinkCodes: false, open },
});
const agency: ApiResult<unknown> = { ok: true, value: { code: 'kab-sleman' } };
const refused = (status: number, code: string): ApiResult<never> => ({
  ok: false,
  status,
  error: { code, message: '' },
});

describe('linkRefusal', () => {
  it('lets a known, unused invitation of an open token study through', () => {
    expect(linkRefusal(tokenLink, study(true), agency, false)).toBeUndefined();
    expect(linkRefusal(agencyLink, study(false), agency, false)).toBeUndefined();
  });

  it('refuses an unknown study, agency or invitation as an unknown link', () => {
    expect(linkRefusal(tokenLink, refused(404, 'STUDY_NOT_FOUND'), agency, false)).toBe(
      'unknown-link',
    );
    expect(linkRefusal(tokenLink, study(true), refused(404, 'TOKEN_NOT_FOUND'), false)).toBe(
      'unknown-link',
    );
    expect(linkRefusal(agencyLink, study(false), refused(404, 'AGENCY_NOT_FOUND'), true)).toBe(
      'unknown-link',
    );
  });

  it('refuses a link of the wrong kind for its study as an unknown link', () => {
    expect(linkRefusal(agencyLink, study(true), agency, false)).toBe('unknown-link');
    expect(linkRefusal(tokenLink, study(false), agency, true)).toBe('unknown-link');
  });

  it('refuses a spent invitation before anything is filled, even in a closed study', () => {
    const used = refused(409, 'TOKEN_USED');
    expect(linkRefusal(tokenLink, study(true), used, false)).toBe('token-used');
    expect(linkRefusal(tokenLink, study(true, false), used, false)).toBe('token-used');
  });

  it('refuses a study without an open wave as closed', () => {
    expect(linkRefusal(agencyLink, study(false, false), agency, false)).toBe('closed');
    expect(linkRefusal(tokenLink, study(true, false), agency, false)).toBe('closed');
  });

  it('leaves a spent invitation or a closed wave to the server when answers were being sent', () => {
    expect(linkRefusal(tokenLink, study(true), refused(409, 'TOKEN_USED'), true)).toBeUndefined();
    expect(linkRefusal(agencyLink, study(false, false), agency, true)).toBeUndefined();
  });

  it('offers a retry when the server could not answer', () => {
    expect(linkRefusal(tokenLink, refused(500, 'INTERNAL'), agency, false)).toBe('load-failed');
    expect(linkRefusal(tokenLink, study(true), refused(502, 'HTTP_502'), false)).toBe(
      'load-failed',
    );
  });
});

describe('loadProblemOf', () => {
  it('turns a refusal the respondent cannot fix into a failed load, keeping the others', () => {
    expect(loadProblemOf(500, { code: 'INTERNAL', message: '' })).toBe('load-failed');
    expect(loadProblemOf(409, { code: 'TOKEN_USED', message: '' })).toBe('token-used');
    expect(loadProblemOf(409, { code: 'WAVE_CLOSED', message: '' })).toBe('closed');
  });
});
