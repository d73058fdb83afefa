// The results layer: the one way from the reports service to agency-facing and public outputs, each scoped and disclosure-controlled.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import type { ReportService } from '../reports/report-service.ts';
import type { Language } from '../reports/report-types.ts';
import { agencySelections, agencyView } from './agency-view.ts';
import { disclosedSet, StaleSetError, type DisclosedSet } from './disclosed-set.ts';
import { countWaveResponses } from '../../storage/repositories/answered-waves.ts';
import { findDisclosureSettings } from '../../storage/repositories/disclosure-settings.ts';
import { publicStudies } from './public-studies.ts';
import {
  headlineSelections,
  publicHeadline,
  publicRanking,
  rankingSelections,
  type RankingRequest,
} from './public-views.ts';
import { publicViolations } from './public-violations.ts';
import { resultsWave, type ResultsWave } from './results-wave.ts';

/** Disclosed sets kept (wave × language × state of the responses). */
const maxCachedSets = 4;

/** Times an answer is tried again on a set whose counts the reports service no longer holds. */
const staleRetries = 2;

import type {
  AgencyResults,
  PublicHeadline,
  PublicRanking,
  PublicStudy,
  PublicViolations,
} from './results-types.ts';

/** Agency and public results; nothing else may turn reports into agency-facing or public output. */
export interface ResultsService {
  /** The agency dashboard of `agencyCode` (taken from the signed-in principal, never the request). */
  agency(agencyCode: string, studyId: string | undefined, lang: Language): Promise<AgencyResults>;
  /** Public studies with responses, latest first. */
  studies(lang: Language): Promise<PublicStudy[]>;
  /** Headline indicators of a public study. */
  headline(studyId: string, lang: Language): Promise<PublicHeadline>;
  /** Provinces or agency types ranked on one indicator of a public study. */
  ranking(studyId: string, request: RankingRequest, lang: Language): Promise<PublicRanking>;
  /** Recorded violations beside the latest public study's perception figures. */
  violations(lang: Language): Promise<PublicViolations>;
}

/**
 * Creates the results layer over the reports service. Every answer is cut from one disclosed
 * table set per wave (`disclosedSet`), decided on bases alone, so the suppression pattern is
 * the same for every caller; each answer then estimates only the cells it shows.
 *
 * @example
 * const results = createResultsService(db, reports);
 * const view = await results.agency(principal.agencyCode, undefined, 'id');
 */
export function createResultsService(db: Kysely<Database>, reports: ReportService): ResultsService {
  const cache = new Map<string, Promise<DisclosedSet>>();
  const keyOf = new WeakMap<DisclosedSet, string>();
  /**
   * The disclosed set of a wave, decided once per state of its responses and settings and
   * shared by every caller (the pattern is the same for all).
   */
  const setOf = async ({ study, wave }: ResultsWave, lang: Language): Promise<DisclosedSet> => {
    const version = await countWaveResponses(db, wave.id);
    const settings = JSON.stringify((await findDisclosureSettings(db, study.id)) ?? null);
    const key = JSON.stringify([study.id, wave.id, lang, version, settings]);
    let pending = cache.get(key);
    if (pending === undefined) {
      pending = disclosedSet(db, reports, study, wave, lang);
      cache.set(key, pending);
      pending.then(
        (set) => keyOf.set(set, key),
        () => cache.delete(key),
      );
      while (cache.size > maxCachedSets) cache.delete(cache.keys().next().value as string);
    }
    return pending;
  };
  /**
   * Runs `answer` with a loader of the wave's set; when the set's counts are gone
   * (`StaleSetError`), drops it so the next load decides again, and retries.
   */
  const fromSet = async <T>(
    chosen: () => Promise<ResultsWave>,
    lang: Language,
    answer: (load: () => Promise<DisclosedSet>) => Promise<T>,
  ): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      let used: DisclosedSet | undefined;
      try {
        return await answer(async () => (used = await setOf(await chosen(), lang)));
      } catch (error) {
        if (!(error instanceof StaleSetError) || used === undefined || attempt >= staleRetries) {
          throw error;
        }
        const key = keyOf.get(used);
        if (key !== undefined) cache.delete(key);
      }
    }
  };
  return {
    async agency(agencyCode, studyId, lang) {
      const chosen = await resultsWave(db, studyId, { publicOnly: false });
      const { study, wave } = chosen;
      return fromSet(
        async () => chosen,
        lang,
        async (load) => {
          const set = await load();
          const cut = await set.cut(agencySelections(set, agencyCode));
          // Marks from the counts the cells came from, while they are held.
          const contrasts = await reports.agencyContrasts(
            study.id,
            wave.id,
            agencyCode,
            set.version,
          );
          return agencyView(set, cut, agencyCode, contrasts);
        },
      );
    },
    studies: (lang) => publicStudies(db, lang),
    async headline(studyId, lang) {
      const chosen = await resultsWave(db, studyId, { publicOnly: true });
      return fromSet(
        async () => chosen,
        lang,
        async (load) => {
          const set = await load();
          return publicHeadline(set, await set.cut(headlineSelections(set)));
        },
      );
    },
    async ranking(studyId, request, lang) {
      const chosen = await resultsWave(db, studyId, { publicOnly: true });
      return fromSet(
        async () => chosen,
        lang,
        async (load) => {
          const set = await load();
          return publicRanking(set, await set.cut(rankingSelections(request)), request);
        },
      );
    },
    async violations(lang) {
      return fromSet(
        () => resultsWave(db, undefined, { publicOnly: true }),
        lang,
        (load) => publicViolations(db, load),
      );
    },
  };
}
