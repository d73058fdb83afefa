// Labels of breakdown variables and of their values in the chosen language: agency names, codebook options, attributes.
import type { CodebookRow } from '../../../surveys/codebook.ts';
import type { DomainVariable, LocalizedText } from '../../../surveys/types.ts';
import type { Language } from './report-types.ts';

/** Agency-level breakdown variables (the stratum and its frame attributes) and their labels. */
export const agencyVariables: Readonly<Record<string, LocalizedText>> = {
  agency: { id: 'Instansi', en: 'Agency' },
  province: { id: 'Provinsi', en: 'Province' },
  islandRegion: { id: 'Wilayah', en: 'Island region' },
  type: { id: 'Jenis instansi', en: 'Agency type' },
};

/** Names of the frame's agencies, by code. */
export type AgencyNames = ReadonlyMap<string, string>;

/**
 * Every variable a report may break down by: the agency-level ones and the questionnaire's
 * domain variables.
 *
 * @example
 * breakdownVariables(definition.domainVariables).has('A4'); // true
 */
export function breakdownVariables(
  domainVariables: readonly DomainVariable[],
): Map<string, LocalizedText> {
  return new Map<string, LocalizedText>([
    ...Object.entries(agencyVariables),
    ...domainVariables.map((d): [string, LocalizedText] => [d.question, d.label]),
  ]);
}

/**
 * A labeller for domain values: agency codes become names, a domain variable's option values
 * its codebook labels (a recoded group such as rank `III` keeps its value), attributes stay as
 * they are.
 *
 * @example
 * const label = domainValueLabeller(codebook, names, 'en');
 * label('A4', 'perempuan'); // 'Female'
 */
export function domainValueLabeller(
  codebook: readonly CodebookRow[],
  agencyNames: AgencyNames,
  lang: Language,
): (variable: string, value: string) => string {
  const optionLabels = new Map<string, Map<string, string>>(
    codebook.map((row) => [
      row.variable,
      new Map(row.options.map((o) => [o.value, o.label[lang]])),
    ]),
  );
  return (variable, value) => {
    if (variable === 'agency') return agencyNames.get(value) ?? value;
    return optionLabels.get(variable)?.get(value) ?? value;
  };
}
