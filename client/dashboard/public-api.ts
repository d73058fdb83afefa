// The public dashboard's door to the server: the `/api/public` routes through `hc<AppType>`, settled into typed results.

import { hc } from 'hono/client';
import type { AppType } from '../../server/http/app';
import type {
  PublicHeadline,
  PublicRanking,
  PublicStudy,
  PublicViolations,
} from '../../server/services/results/results-types';
import type { Lang } from '../lang';

export type { PublicHeadline, PublicRanking, PublicStudy, PublicViolations };
export type DisclosedCell = PublicHeadline['indicators'][number]['national'];
export type RankingBy = PublicRanking['by'];

/** A settled call: the body, or the status (network failures reject). */
export type Loaded<T> = { ok: true; value: T } | { ok: false; status: number };

// Anonymous and public: no cookie of a researcher's session goes with these requests.
const client = hc<AppType>('/', { init: { credentials: 'omit', cache: 'no-store' } });
const pub = client.api.public;

async function settle<T>(request: Promise<Response>): Promise<Loaded<T>> {
  const res = await request;
  if (!res.ok) return { ok: false, status: res.status };
  return { ok: true, value: (await res.json()) as T };
}

export const publicApi = {
  /** Public studies with responses, latest first. */
  studies: (lang: Lang) => settle<PublicStudy[]>(pub.studies.$get({ query: { lang } })),

  headline: (study: string, lang: Lang) =>
    settle<PublicHeadline>(
      pub.studies[':study'].headline.$get({ param: { study }, query: { lang } }),
    ),

  /** `indicator` is `question:option`, e.g. `H2:ya`. */
  ranking: (study: string, indicator: string, by: RankingBy, lang: Lang) =>
    settle<PublicRanking>(
      pub.studies[':study'].ranking.$get({ param: { study }, query: { indicator, by, lang } }),
    ),

  violations: (lang: Lang) => settle<PublicViolations>(pub.violations.$get({ query: { lang } })),
};
