// Raking margins from a small CSV (variable, level, share): validated against the questionnaire's domains, stored per wave.
import type { Kysely } from 'kysely';
import type { DomainVariable } from '../../../surveys/types.ts';
import { buildCodebook } from '../../../surveys/codebook.ts';
import type { Database } from '../../storage/db/schema.ts';
import {
  replaceWaveMargins,
  type MarginShares,
} from '../../storage/repositories/raking-margins.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { readCsvTable } from '../csv/read-csv-table.ts';
import { findStudyWave } from './study-waves.ts';

export type { MarginShares } from '../../storage/repositories/raking-margins.ts';

/** Largest gap from 1 allowed in the sum of a variable's shares. */
export const shareTolerance = 1e-9;

const columns = ['variable', 'level', 'share'] as const;

/** A plain decimal such as `0.52`, `1` or `.25` (no sign, exponent or percent). */
const decimalPattern = /^(\d+(\.\d*)?|\.\d+)$/;

/**
 * The levels each raking variable may take: the study questionnaire's domain variables, their
 * option values passed through the domain's recode (raking works on reported groups).
 *
 * @example
 * rakingLevels(definition).get('A4') // Set { 'laki_laki', 'perempuan' }
 */
export function rakingLevels(
  definition: Parameters<typeof buildCodebook>[0],
): Map<string, Set<string>> {
  const codebook = new Map(buildCodebook(definition).map((row) => [row.variable, row]));
  return new Map(
    definition.domainVariables.map((domain: DomainVariable) => {
      const options = codebook.get(domain.question)?.options ?? [];
      const levels = options.map((o) => domain.recode?.[o.value] ?? o.value);
      return [domain.question, new Set(levels)];
    }),
  );
}

/**
 * Parses margins (`variable,level,share`, header first; comma or semicolon delimited, where a
 * semicolon file may write shares with a decimal comma as Excel does in Indonesia) and checks
 * them: every variable a raking variable of the questionnaire, every level one of its groups
 * and given once, shares plain decimals from 0 to 1 adding up to 1 within 1e-9 per variable.
 * Throws `INVALID_MARGINS` with every problem's line and column; returns the margins only when
 * there is none.
 *
 * @example
 * parseMarginsCsv('variable,level,share\nA4,laki_laki,0.52\nA4,perempuan,0.48\n', levels);
 * // [{ variable: 'A4', shares: { laki_laki: 0.52, perempuan: 0.48 } }]
 */
export function parseMarginsCsv(
  text: string,
  levels: ReadonlyMap<string, ReadonlySet<string>>,
): MarginShares[] {
  const table = readCsvTable(text, { columns, rowNoun: 'margins' });
  const margins = new Map<string, { firstLine: number; shares: Record<string, number> }>();
  for (const row of table.rows) {
    const { variable, level, share } = row.cells;
    const allowed = levels.get(variable);
    if (variable === '') table.problemAt(row, 'variable', 'empty variable');
    else if (!allowed) {
      table.problemAt(
        row,
        'variable',
        `"${variable}" is not a raking variable of this questionnaire (one of: ${[...levels.keys()].join(', ')})`,
      );
    }
    if (level === '') table.problemAt(row, 'level', 'empty level');
    else if (allowed && !allowed.has(level)) {
      table.problemAt(
        row,
        'level',
        `"${level}" is not a level of ${variable} (one of: ${[...allowed].join(', ')})`,
      );
    }
    const decimal = table.delimiter === ';' ? share.replace(',', '.') : share;
    const value = Number(decimal);
    if (!decimalPattern.test(decimal) || !(value >= 0 && value <= 1)) {
      table.problemAt(row, 'share', `share "${share}" must be a decimal from 0 to 1`);
    }
    const margin = margins.get(variable) ?? { firstLine: row.line, shares: {} };
    margins.set(variable, margin);
    if (Object.hasOwn(margin.shares, level)) {
      table.problemAt(row, 'level', `level "${level}" of ${variable} is given twice`);
    }
    margin.shares[level] = value;
  }
  if (table.problems.length === 0) {
    for (const [variable, { firstLine, shares }] of margins) {
      const sum = Object.values(shares).reduce((s, x) => s + x, 0);
      if (Math.abs(sum - 1) > shareTolerance) {
        table.problemAt(
          { line: firstLine, cells: { variable, level: '', share: '' } },
          'share',
          `the shares of ${variable} add up to ${sum}, not 1`,
        );
      }
    }
  }
  table.rejectIfProblems('INVALID_MARGINS', 'Margins');
  return [...margins].map(([variable, { shares }]) => ({ variable, shares }));
}

/**
 * Validates margins against the study's questionnaire and replaces the wave's margins with
 * them in one transaction; on any problem nothing changes. Throws `STUDY_NOT_FOUND`,
 * `WAVE_NOT_FOUND` or `INVALID_MARGINS`.
 *
 * @example
 * await setWaveMargins(db, questionnaires, 'open-study', 3, csvText);
 */
export async function setWaveMargins(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  studyId: string,
  waveId: number,
  text: string,
): Promise<MarginShares[]> {
  const { study } = await findStudyWave(db, studyId, waveId);
  const { definition } = questionnaires.get(study.questionnaireId, study.questionnaireVersion);
  const margins = parseMarginsCsv(text, rakingLevels(definition));
  await replaceWaveMargins(db, waveId, margins);
  return margins;
}
