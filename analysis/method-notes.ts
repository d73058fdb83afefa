// The methodological footnotes every report of a weighting must carry (lonely strata, censuses, calibration).

import type { Weighting } from './weighting.ts';

/** The languages footnotes are written in. */
export type NoteLanguage = 'id' | 'en';

/** One footnote: a stable code, and its text in the requested language. */
export interface MethodNote {
  code:
    | 'design'
    | 'lonely-strata'
    | 'census-strata'
    | 'post-stratified'
    | 'raked'
    | 'intervals'
    | 'no-interval-rule';
  text: string;
}

/**
 * The footnotes for reports computed with a weighting: the design and variance method, the
 * lonely-stratum rule (every report must state it), census strata, what the
 * calibration did and which variance it implies, and the interval rule for edge cases;
 * in English (default) or Indonesian. Variable names and R's names stay as they are.
 * `nameStrata: false` leaves out which strata have a single respondent (for outputs that must
 * not tell an agency's size).
 *
 * @example
 * methodNotes(raked.weighting, 'id').map((note) => note.text);
 */
export function methodNotes(
  weighting: Weighting,
  lang: NoteLanguage = 'en',
  { nameStrata = true }: { nameStrata?: boolean } = {},
): MethodNote[] {
  const { design } = weighting;
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const notes: MethodNote[] = [
    {
      code: 'design',
      text: t(
        `Sampel berstrata menurut ${design.stratumVariable} (${design.strata.length} strata); bobot ${weighting.description}. ` +
          'Galat baku dengan linearisasi Taylor dan koreksi populasi hingga; domain diestimasi dari desain utuh, ' +
          'bukan dengan memilah responden.',
        `Stratified sample by ${design.stratumVariable} (${design.strata.length} strata); weights ${weighting.description}. ` +
          'Standard errors by Taylor linearization with finite-population correction; domains are estimated ' +
          'from the full design, not by subsetting respondents.',
      ),
    },
  ];
  if (design.singletonStrata.length > 0) {
    // Outside the researchers' view, naming them would tell which agency has one respondent.
    const list = nameStrata ? ` (${design.singletonStrata.join(', ')})` : '';
    notes.push({
      code: 'lonely-strata',
      text: t(
        `${design.singletonStrata.length} strata dengan satu responden${list} ` +
          'menyumbang kuadrat simpangannya dari nol, seperti survey.lonely.psu = "adjust" di R; estimasinya sendiri tidak ditampilkan.',
        `${design.singletonStrata.length} stratum/strata with a single respondent${list} ` +
          'contribute their squared deviation from zero, as R survey.lonely.psu = "adjust"; their own estimates are not shown.',
      ),
    });
  }
  if (design.censusStrata.length > 0) {
    notes.push({
      code: 'census-strata',
      text: t(
        `${design.censusStrata.length} strata menjawab lengkap (sensus) dan tidak menyumbang galat sampling.`,
        `${design.censusStrata.length} stratum/strata answered in full (census) and contribute no sampling error.`,
      ),
    });
  }
  for (const step of weighting.calibration) {
    if (step.kind === 'post-stratification') {
      notes.push({
        code: 'post-stratified',
        text: t(
          `Dipascastratifikasi ke total populasi ${step.variable}; varians memakai residu pascastratifikasi.`,
          `Post-stratified to population totals of ${step.variable}; variances use the post-stratified residuals.`,
        ),
      });
    } else {
      const variables = step.margins.map((margin) => margin.variable).join(', ');
      notes.push({
        code: 'raked',
        text: t(
          `Di-raking ke marginal populasi ${variables}; varians memakai residu kalibrasi yang didekati dengan ` +
            `${step.sweeps} putaran atas marginal, seperti paket survey R (rake).`,
          `Raked to population margins of ${variables}; variances use ` +
            `calibration residuals approximated by ${step.sweeps} sweeps over the margins, as R's survey package (rake).`,
        ),
      });
    }
  }
  notes.push(
    {
      code: 'intervals',
      text: t(
        'Interval 95% pada skala logit dengan kuantil t pada derajat bebas desain (responden − strata).',
        '95% intervals on the logit scale with t quantiles on the design degrees of freedom (respondents − strata).',
      ),
    },
    {
      code: 'no-interval-rule',
      text: t(
        'Bila model logistik R gagal padahal galat baku di atas 0, interval logit dihitung dalam bentuk tertutup ' +
          'pada estimasi. Pada 0% atau 100% (galat baku 0) interval Korn–Graubard dengan basis tak berbobot ' +
          'sebagai n efektif (NCHS). Basis instansi sensus dengan galat baku 0 tidak punya galat sampling: intervalnya ' +
          'estimasi itu sendiri. Tanpa derajat bebas tidak ada interval, dan barisnya ditandai.',
        "Where R's logistic fit fails although the standard error is above 0, the logit interval is computed in closed " +
          'form at the estimate. At 0% or 100% (standard error 0) the interval is Korn–Graubard with the unweighted base ' +
          'as effective n (NCHS). A base of census agencies with standard error 0 has no sampling error: the interval is ' +
          'the estimate itself. With no degrees of freedom there is no interval, and the row is flagged.',
      ),
    },
  );
  return notes;
}
