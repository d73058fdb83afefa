// The columns of a microdata file, derived from the codebook: design columns, one column per single-choice variable, 0/1 per multi-select option.
import { buildCodebook, type CodebookRow } from '../../../surveys/codebook.ts';
import type { LocalizedText, QuestionnaireDefinition } from '../../../surveys/types.ts';

/** One column of the microdata file. */
export type MicrodataColumn =
  | {
      kind: 'agency' | 'stratum_N' | 'design_weight' | 'raked_weight';
      name: string;
      label: LocalizedText;
    }
  /** A single-choice, rating, boolean or matrix-row variable: holds the option value. */
  | { kind: 'single'; name: string; label: LocalizedText; row: CodebookRow }
  /** One option of a multi-select: 1 ticked, 0 not ticked, empty when the question was not answered. */
  | { kind: 'multi'; name: string; label: LocalizedText; row: CodebookRow; option: string }
  /** Free text, only when asked for: a text question or the "other" text of a choice question. */
  | { kind: 'text'; name: string; label: LocalizedText; source: string };

export interface MicrodataLayout {
  columns: MicrodataColumn[];
  /** Codebook rows of the answer columns (free text excluded). */
  variables: CodebookRow[];
}

/** The suffix of an "other" text column: `D1_other_text` holds the text typed for `D1 = other`. */
const otherTextSuffix = '_other_text';

/**
 * The microdata columns of a questionnaire: `agency`, `stratum_N`, `design_weight`,
 * `raked_weight` (when the wave has margins), then every codebook variable in questionnaire
 * order: a column named by the variable holding the option value, or for a multi-select one
 * `<variable>_<option>` 0/1 column per option. Free text (text questions and "other" texts) only
 * with `freeText`: it can name people and places.
 *
 * @example
 * microdataLayout(definition, { raked: true, freeText: false }).columns.map((c) => c.name);
 * // ['agency', 'stratum_N', 'design_weight', 'raked_weight', 'A4', …, 'B2_kasn', …]
 */
export function microdataLayout(
  definition: QuestionnaireDefinition,
  { raked, freeText }: { raked: boolean; freeText: boolean },
): MicrodataLayout {
  const columns: MicrodataColumn[] = [
    {
      kind: 'agency',
      name: 'agency',
      label: { id: 'Kode instansi (strata)', en: 'Agency code (stratum)' },
    },
    {
      kind: 'stratum_N',
      name: 'stratum_N',
      label: { id: 'Jumlah pegawai instansi (N_h)', en: 'Agency headcount (N_h)' },
    },
    {
      kind: 'design_weight',
      name: 'design_weight',
      label: { id: 'Bobot desain (N_h / n_h)', en: 'Design weight (N_h / n_h)' },
    },
  ];
  if (raked) {
    columns.push({
      kind: 'raked_weight',
      name: 'raked_weight',
      label: { id: 'Bobot raking', en: 'Raked weight' },
    });
  }
  const variables: CodebookRow[] = [];
  for (const row of buildCodebook(definition)) {
    if (row.type === 'text') {
      if (freeText)
        columns.push({ kind: 'text', name: row.variable, label: row.label, source: row.question });
      continue;
    }
    variables.push(row);
    if (row.type === 'multiple') {
      for (const option of row.options) {
        columns.push({
          kind: 'multi',
          name: `${row.variable}_${option.value}`,
          label: {
            id: `${row.label.id}: ${option.label.id}`,
            en: `${row.label.en}: ${option.label.en}`,
          },
          row,
          option: option.value,
        });
      }
    } else {
      columns.push({ kind: 'single', name: row.variable, label: row.label, row });
    }
    const hasOther = row.options.some((o) => o.value === 'other') && row.variable === row.question;
    if (freeText && hasOther) {
      columns.push({
        kind: 'text',
        name: `${row.variable}${otherTextSuffix}`,
        label: { id: `${row.label.id}: lainnya (teks)`, en: `${row.label.en}: other (text)` },
        source: `${row.question}-Comment`,
      });
    }
  }
  return { columns, variables };
}
