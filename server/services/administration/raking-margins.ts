// Raking margins from a small CSV (variable, level, share): validated against the questionnaire's domains, stored per wave.
import type { Kysely } from 'kysely';
import type { DomainVariable } from '../../../surveys/types.ts';
import { buildCodebook } from '../../../surveys/codebook.ts';
import { AppError, type CsvProblem } from '../../errors.ts';
import type { Database } from '../../storage/db/schema.ts';
import {
  replaceWaveMargins,
  type MarginShares,
} from '../../storage/repositories/raking-margins.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import { readCsvRows } from './read-csv-rows.ts';
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
 * Parses margins (`variable,level,share`, header first) and checks them: every variable a
 * raking variable of the questionnaire, every level one of its groups and given once, shares
 * plain decimals from 0 to 1 adding up to 1 within 1e-9 per variable. Throws `INVALID_MARGINS`
 * with every problem's line and column; returns the margins only when there is none.
 *
 * @example
 * parseMarginsCsv('variable,level,share\nA4,laki_laki,0.52\nA4,perempuan,0.48\n', levels);
 * // [{ variable: 'A4', shares: { laki_laki: 0.52, perempuan: 0.48 } }]
 */
export function parseMarginsCsv(
  text: string,
  levels: ReadonlyMap<string, ReadonlySet<string>>,
): MarginShares[] {
  const { header, rows, problems } = readCsvRows(text);
  const report = (p: CsvProblem) => problems.push(p);
  const columnOf = new Map<string, number>();
  if (header === undefined) report({ line: 1, column: null, problem: 'the file is empty' });
  else {
    for (const name of columns) {
      const index = header.indexOf(name);
      if (index < 0)
        report({ line: 1, column: null, columnName: name, problem: `missing column "${name}"` });
      columnOf.set(name, index);
    }
  }
  const margins = new Map<string, { firstLine: number; shares: Record<string, number> }>();
  if (header !== undefined && problems.length === 0) {
    if (rows.length === 0)
      report({ line: 2, column: null, problem: 'the file has a header but no margins' });
    for (const { fields, line } of rows) {
      const cell = (name: (typeof columns)[number]) => {
        const column = columnOf.get(name)!;
        return { value: (fields[column] ?? '').trim(), column: column + 1, columnName: name };
      };
      if (fields.length !== header.length) {
        report({
          line,
          column: null,
          problem: `expected ${header.length} fields, found ${fields.length}`,
        });
        continue;
      }
      const variable = cell('variable');
      const level = cell('level');
      const share = cell('share');
      const at = (c: typeof variable, problem: string) =>
        report({ line, column: c.column, columnName: c.columnName, problem });
      const allowed = levels.get(variable.value);
      if (variable.value === '') at(variable, 'empty variable');
      else if (!allowed) {
        at(
          variable,
          `"${variable.value}" is not a raking variable of this questionnaire (one of: ${[...levels.keys()].join(', ')})`,
        );
      }
      if (level.value === '') at(level, 'empty level');
      else if (allowed && !allowed.has(level.value)) {
        at(
          level,
          `"${level.value}" is not a level of ${variable.value} (one of: ${[...allowed].join(', ')})`,
        );
      }
      const value = Number(share.value);
      if (!decimalPattern.test(share.value) || !(value >= 0 && value <= 1)) {
        at(share, `share "${share.value}" must be a decimal from 0 to 1`);
      }
      const margin = margins.get(variable.value) ?? { firstLine: line, shares: {} };
      margins.set(variable.value, margin);
      if (Object.hasOwn(margin.shares, level.value))
        at(level, `level "${level.value}" of ${variable.value} is given twice`);
      margin.shares[level.value] = value;
    }
    if (problems.length === 0) {
      for (const [variable, { firstLine, shares }] of margins) {
        const sum = Object.values(shares).reduce((s, x) => s + x, 0);
        if (Math.abs(sum - 1) > shareTolerance) {
          report({
            line: firstLine,
            column: columnOf.get('share')! + 1,
            columnName: 'share',
            problem: `the shares of ${variable} add up to ${sum}, not 1`,
          });
        }
      }
    }
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    const where =
      first.column === null ? `line ${first.line}` : `line ${first.line}, column ${first.column}`;
    throw new AppError(
      'INVALID_MARGINS',
      `Margins rejected: ${where}: ${first.problem}.`,
      problems,
    );
  }
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
