// Tests the client's URL scheme: which page each path opens.
import { describe, expect, it } from 'vitest';
import {
  agencyLinkPath,
  parseRoute,
  respondentLinkPath,
  type RespondentLink,
} from '../../client/routes';

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

  it('opens the sign-in, research, admin and agency pages at their paths', () => {
    expect(parseRoute('/masuk')).toEqual({ page: 'signin' });
    expect(parseRoute('/signin/')).toEqual({ page: 'signin' });
    expect(parseRoute('/research')).toEqual({ page: 'research' });
    expect(parseRoute('/admin')).toEqual({ page: 'admin' });
    expect(parseRoute('/agency/')).toEqual({ page: 'agency' });
  });

  it('builds agency links that parse back to the same agency', () => {
    const path = agencyLinkPath('netralitas-asn-2021', 'kota cilegon');
    expect(parseRoute(path)).toMatchObject({ link: { agency: 'kota cilegon' } });
  });

  it('reads a coded agency link', () => {
    expect(parseRoute('/s/netralitas-asn-kode/l/Vb2x_9-abcdefghijklmnop')).toEqual({
      page: 'respondent',
      link: { study: 'netralitas-asn-kode', kind: 'link', code: 'Vb2x_9-abcdefghijklmnop' },
    });
  });

  it('builds every kind of link so that it parses back to itself', () => {
    const links: RespondentLink[] = [
      { study: 'a b', kind: 'agency', agency: 'kota cilegon' },
      { study: 's', kind: 'link', code: 'x/y?z' },
      { study: 's', kind: 'token', token: 'q#r' },
    ];
    for (const link of links) {
      expect(parseRoute(respondentLinkPath(link))).toEqual({ page: 'respondent', link });
    }
  });
});
