// The fieldwork monitor: per agency n_h, N_h, response rate and last submission day; totals by province and island region; responses per day.
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import { listAgencies, type Agency } from '../../storage/repositories/agencies.ts';
import { findStudy } from '../../storage/repositories/studies.ts';
import { isStudySynthetic } from '../../storage/repositories/synthetic-studies.ts';
import {
  countResponsesByAgencyAndDay,
  type AgencyDayCount,
} from '../../storage/repositories/wave-responses.ts';
import { findWave } from '../../storage/repositories/waves.ts';
import type { AgencyFieldwork, FieldworkReport, FieldworkTotal } from './report-types.ts';

/**
 * Per-agency fieldwork from the frame and the (agency, day) response counts: every agency of
 * the frame is listed, with or without responses. Pure; see `loadFieldwork` for the reads.
 *
 * @example
 * const { agencies, days } = fieldworkFromCounts(frame, counts);
 */
export function fieldworkFromCounts(
  frame: readonly Agency[],
  counts: readonly AgencyDayCount[],
): Pick<FieldworkReport, 'national' | 'agencies' | 'provinces' | 'islandRegions' | 'days'> {
  const responses = new Map<string, number>();
  const lastDay = new Map<string, string>();
  const perDay = new Map<string, number>();
  for (const { agencyCode, day, responses: n } of counts) {
    responses.set(agencyCode, (responses.get(agencyCode) ?? 0) + n);
    const last = lastDay.get(agencyCode);
    if (last === undefined || day > last) lastDay.set(agencyCode, day);
    perDay.set(day, (perDay.get(day) ?? 0) + n);
  }
  const agencies: AgencyFieldwork[] = frame.map((a) => {
    const n = responses.get(a.code) ?? 0;
    return {
      code: a.code,
      name: a.name,
      province: a.province,
      islandRegion: a.islandRegion,
      type: a.type,
      responses: n,
      headcount: a.headcount,
      responseRate: n / a.headcount,
      lastSubmissionDay: lastDay.get(a.code) ?? null,
    };
  });
  return {
    national: totalsBy(agencies, () => 'Indonesia')[0] ?? emptyTotal('Indonesia'),
    agencies,
    provinces: totalsBy(agencies, (a) => a.province),
    islandRegions: totalsBy(agencies, (a) => a.islandRegion),
    days: [...perDay]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([day, n]) => ({ day, responses: n })),
  };
}

function emptyTotal(group: string): FieldworkTotal {
  return {
    group,
    agencies: 0,
    agenciesWithResponses: 0,
    responses: 0,
    headcount: 0,
    responseRate: 0,
  };
}

function totalsBy(
  agencies: readonly AgencyFieldwork[],
  groupOf: (agency: AgencyFieldwork) => string,
): FieldworkTotal[] {
  const totals = new Map<string, FieldworkTotal>();
  for (const agency of agencies) {
    const group = groupOf(agency);
    const total = totals.get(group) ?? emptyTotal(group);
    total.agencies += 1;
    total.agenciesWithResponses += agency.responses > 0 ? 1 : 0;
    total.responses += agency.responses;
    total.headcount += agency.headcount;
    totals.set(group, total);
  }
  return [...totals.values()]
    .map((t) => ({ ...t, responseRate: t.headcount > 0 ? t.responses / t.headcount : 0 }))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/**
 * Reads and assembles the fieldwork monitor of a wave of a study. Counts every stored
 * response (folded into the analysis counts or not). Throws `WAVE_NOT_FOUND` for a wave of another
 * study.
 *
 * @example
 * const fieldwork = await loadFieldwork(db, 'netralitas-asn-2021', wave.id);
 */
export async function loadFieldwork(
  db: Kysely<Database>,
  studyId: string,
  waveId: number,
): Promise<FieldworkReport> {
  const study = await findStudy(db, studyId);
  const wave = await findWave(db, waveId);
  if (!study || !wave || wave.studyId !== studyId) {
    throw new AppError('WAVE_NOT_FOUND', `Study "${studyId}" has no wave ${waveId}.`);
  }
  const frame = await listAgencies(db);
  const counts = await countResponsesByAgencyAndDay(db, waveId);
  return {
    study: { id: study.id, title: study.title, synthetic: await isStudySynthetic(db, study.id) },
    wave: {
      id: wave.id,
      name: wave.name,
      status: wave.status,
      opensOn: wave.opensOn,
      closesOn: wave.closesOn,
    },
    headcountsIllustrative: frame.some((a) => a.headcountIllustrative),
    ...fieldworkFromCounts(frame, counts),
  };
}
