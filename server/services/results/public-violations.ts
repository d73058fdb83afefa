// Recorded violations for the public dashboard: counts by stage with source and year, a rate per 1,000 civil servants, and the province's perception figure.
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import { listRecordedViolations } from '../../storage/repositories/recorded-violations.ts';
import type { CutRows, DisclosedSet } from './disclosed-set.ts';
import type { DisclosedCell, PublicViolations } from './results-types.ts';

/** The perception figure shown beside recorded cases: the share who were pressured to back a candidate. */
export const violationPerceptionIndicator = { question: 'H2', option: 'ya' } as const;

/**
 * Every recorded violation row with its rate per 1,000 civil servants (cases recorded ÷ the
 * row's denominator × 1,000; null without one) and, where the latest public study has
 * responses and shows the row's province on the perception indicator, that province's cell
 * (hidden cells stay hidden: their reason, no number). `loadSet` is only called when there are
 * rows; a study-less platform answers `perception: null`.
 *
 * @example
 * const { violations } = await publicViolations(db, () => disclosedSet(db, reports, study, wave, 'id'));
 */
export async function publicViolations(
  db: Kysely<Database>,
  loadSet: () => Promise<DisclosedSet>,
): Promise<PublicViolations> {
  const recorded = await listRecordedViolations(db);
  let set: DisclosedSet | undefined;
  if (recorded.length > 0) {
    try {
      set = await loadSet();
    } catch (error) {
      // No public study with responses: the counts are shown without perception figures.
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      set = undefined;
    }
  }
  const { question, option } = violationPerceptionIndicator;
  const cut: CutRows | undefined = await set?.cut([
    { by: null, questions: [question] },
    { by: 'province', questions: [question] },
  ]);
  const national = cut?.rows.find(
    (r) => r.question === question && r.option === option && r.domainVariables.length === 0,
  );
  const provinceCells = new Map<string, DisclosedCell>();
  if (cut && national) {
    for (const row of cut.rows) {
      if (row.question !== question || row.option !== option) continue;
      if (row.domainVariables.length !== 1 || row.domainVariables[0] !== 'province') continue;
      provinceCells.set(row.domainValues[0] as string, row.cell);
    }
  }
  return {
    perception:
      set && national
        ? {
            studyId: set.study.id,
            waveId: set.wave.id,
            question,
            option,
            label: `${national.questionLabel}: ${national.optionLabel}`,
          }
        : null,
    violations: recorded.map((v) => {
      const cell = provinceCells.get(v.province);
      return {
        regionType: v.regionType,
        region: v.region,
        province: v.province,
        electionYear: v.electionYear,
        reportedOn: v.reportedOn,
        source: v.source,
        casesRecorded: v.casesRecorded,
        recommendedToKasn: v.recommendedToKasn,
        followedUp: v.followedUp,
        civilServants: v.civilServants,
        civilServantsSource: v.civilServantsSource,
        ratePerThousand:
          v.civilServants !== null && v.civilServants > 0
            ? (v.casesRecorded / v.civilServants) * 1000
            : null,
        illustrative: v.illustrative,
        note: v.note,
        perception: cell ? { province: v.province, cell } : null,
      };
    }),
  };
}
