// Reads what a report is computed from: the wave's cell counts, its study and questionnaire version, agency names.
import type { Kysely } from 'kysely';
import type { QuestionnaireDefinition } from '../../../surveys/types.ts';
import { AppError } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import { listAgencies } from '../../storage/repositories/agencies.ts';
import { readCellCounts } from '../../storage/repositories/cell-counts.ts';
import { readRespondentCells } from '../../storage/repositories/respondent-cells.ts';
import { findQuestionnaireDefinition } from '../../storage/repositories/questionnaire-versions.ts';
import { findStudy } from '../../storage/repositories/studies.ts';
import { isStudySynthetic } from '../../storage/repositories/synthetic-studies.ts';
import { findWave } from '../../storage/repositories/waves.ts';
import type { ReportInput } from './build-report.ts';
import type { CellCountsCache } from './cell-counts-cache.ts';

/** Published versions never change, so each is parsed once per process. */
const definitions = new Map<string, QuestionnaireDefinition>();

/**
 * The stored definition of a questionnaire version (parsed once per process).
 *
 * @example
 * const definition = await loadDefinition(db, 'netralitas-asn', 1);
 */
export async function loadDefinition(
  db: Kysely<Database>,
  questionnaireId: string,
  version: number,
): Promise<QuestionnaireDefinition> {
  const key = `${questionnaireId}@${version}`;
  let definition = definitions.get(key);
  if (definition === undefined) {
    const stored = await findQuestionnaireDefinition(db, questionnaireId, version);
    if (stored === undefined) throw new Error(`Questionnaire ${key} is not published`);
    definition = JSON.parse(stored) as QuestionnaireDefinition;
    definitions.set(key, definition);
  }
  return definition;
}

/**
 * Reads a report's input for a wave of a study. Reads only materialized counts: the caller
 * catches up first (`materializePending`, on the main thread). Throws `WAVE_NOT_FOUND` when the
 * wave does not belong to the study. With `respondentsOnly` the cells carry respondents per
 * (agency, profile) and no answer counts: enough for weights, a fraction of the memory. With
 * a `cache`, full counts are taken from it while the wave's counts and the frame are unchanged
 * (or, given a `version`, while the counts of that version are held).
 *
 * @example
 * const input = await loadReportInput(db, 'netralitas-asn-2021', wave.id);
 */
export async function loadReportInput(
  db: Kysely<Database>,
  studyId: string,
  waveId: number,
  {
    respondentsOnly = false,
    cache,
    version,
  }: {
    respondentsOnly?: boolean;
    cache?: CellCountsCache | undefined;
    /** Prefer the cached counts of this version (`countsVersion`) while they are held. */
    version?: string | undefined;
  } = {},
): Promise<ReportInput> {
  const study = await findStudy(db, studyId);
  const wave = await findWave(db, waveId);
  if (!study || !wave || wave.studyId !== studyId) {
    throw new AppError('WAVE_NOT_FOUND', `Study "${studyId}" has no wave ${waveId}.`);
  }
  const definition = await loadDefinition(db, study.questionnaireId, study.questionnaireVersion);
  const agencies = await listAgencies(db);
  const cells = respondentsOnly
    ? await readRespondentCells(db, waveId)
    : cache
      ? ((version === undefined ? undefined : await cache.pinned(waveId, version)) ??
        (await cache.cells(db, waveId, agencies)))
      : await readCellCounts(db, waveId);
  return {
    cells,
    definition,
    agencyNames: new Map(agencies.map((a) => [a.code, a.name])),
    headcountsIllustrative: agencies.some(
      (a) => a.headcountIllustrative && cells.strata.has(a.code),
    ),
    study: { id: study.id, title: study.title, synthetic: await isStudySynthetic(db, study.id) },
    wave: { id: wave.id, name: wave.name },
  };
}
