// Tests the client's URL scheme: which page each path opens.
import { describe, expect, it } from 'vitest';
import { agencyLinkPath, parseRoute } from '../../client/routes';

describe('parseRoute', () => {
  it('opens the landing page at the root', () => {
    expect(parseRoute('/')).toEqual({ page: 'landing' });
    expect(parseRoute('')).toEqual({ page: 'landing' });
  });

  it('reads an agency link', () => {
    expect(parseRoute('/s/netralitas-asn-2021/kab-sleman')).toEqual({
      page: 'respondent',
      link: { study: 'netralitas-asn-2021', kind: 'agency', agency: 'kab-sleman' },
    });
  });

  it('reads an invitation-token link and tolerates a trailing slash', () => {
    expect(parseRoute('/s/netralitas-asn-token/t/AbC123/')).toEqual({
      page: 'respondent',
      link: { study: 'netralitas-asn-token', kind: 'token', token: 'AbC123' },
    });
  });

  it('decodes escaped characters in link segments', () => {
    expect(parseRoute('/s/studi%20x/kab-sleman')).toMatchObject({
      link: { study: 'studi x', agency: 'kab-sleman' },
    });
  });

  it('treats incomplete, overlong, malformed or foreign paths as unknown', () => {
    for (const path of [
      '/s',
      '/s/study',
      '/s/a/b/c/d',
      '/s/a/%E0%A4%A',
      '/admin/x',
      '/constructor',
    ]) {
      expect(parseRoute(path), path).toEqual({ page: 'not-found' });
    }
  });

  it('opens the sign-in, research and admin pages at their paths', () => {
    expect(parseRoute('/masuk')).toEqual({ page: 'signin' });
    expect(parseRoute('/signin/')).toEqual({ page: 'signin' });
    expect(parseRoute('/research')).toEqual({ page: 'research' });
    expect(parseRoute('/admin')).toEqual({ page: 'admin' });
  });

  it('builds agency links that parse back to the same agency', () => {
    const path = agencyLinkPath('netralitas-asn-2021', 'kota cilegon');
    expect(parseRoute(path)).toMatchObject({ link: { agency: 'kota cilegon' } });
  });
});
