// What one agency may see of a disclosed table set: its own cells, the nation, its peer group, significance marks; nothing of another agency.
import { suppressCells } from '../../../analysis/cell-suppression.ts';
import type { AgencyContrast } from '../../../analysis/index.ts';
import { AppError } from '../../errors.ts';
import type { CellSelection } from '../reports/report-types.ts';
import {
  domainKey,
  minimumPeerAgencies,
  type CutRows,
  type DisclosedSet,
} from './disclosed-set.ts';
import type {
  AgencyComparisonRow,
  AgencyResults,
  DisclosedCell,
  DisclosedRow,
  PerceptionIndexCell,
  PerceptionIndexResult,
  RespondentCounts,
  SignificanceMark,
  SuppressionReason,
} from './results-types.ts';
import { perceptionIndex } from '../../../analysis/perception-index.ts';

/** Significance level of the marks. */
export const significanceLevel = 0.05;

/** Variables of the agency's respondent counts widget: sex and education. */
const countVariables = ['A4', 'A6'] as const;

const peerVariables = ['type', 'islandRegion'];

const notes = {
  id: 'Tanda beda nyata: selisih instansi dengan angka nasional (yang mencakup instansi ini) berbeda dari nol pada taraf 5%, uji t berbasis desain dengan bobot desain (svycontrast); tidak diberikan untuk sel yang disembunyikan. Dengan banyak pertanyaan, sebagian tanda dapat muncul karena kebetulan.',
  en: "Significance mark: the agency's difference from the national figure (which includes the agency) differs from zero at the 5% level, a design-based t test under design weights (svycontrast); never given for a hidden cell. With many questions, some marks are expected by chance.",
};

/**
 * The cells the agency dashboard of `agencyCode` shows, to estimate (`DisclosedSet.cut`):
 * national rows, the nation by the agency breakdown variables, the peer group (when it holds
 * at least 3 other agencies with respondents) and, for an agency with at least k respondents,
 * its own rows and its rows by each breakdown variable. Nothing of another agency.
 * Throws `AGENCY_NOT_FOUND` for an agency outside the frame.
 *
 * @example
 * const cut = await set.cut(agencySelections(set, principal.agencyCode));
 */
export function agencySelections(set: DisclosedSet, agencyCode: string): CellSelection[] {
  const agency = agencyOf(set, agencyCode);
  const selections: CellSelection[] = [
    { by: null, indexes: true },
    ...set.agencyVariables.map((v): CellSelection => ({ by: v })),
  ];
  if (peersOf(set, agency) >= minimumPeerAgencies) {
    selections.push({
      by: ['type', 'islandRegion'],
      values: [[agency.type, agency.islandRegion]],
      indexes: true,
    });
  }
  if (agency.responses >= set.summary.minimumCellSize) {
    selections.push({ by: 'agency', values: [[agency.code]], indexes: true });
    for (const v of set.agencyVariables) {
      const values = set.domainsOf(['agency', v]).filter((d) => d[0] === agency.code);
      if (values.length > 0) selections.push({ by: ['agency', v], values });
    }
  }
  return selections;
}

function agencyOf(set: DisclosedSet, agencyCode: string) {
  const agency = set.agencies.find((a) => a.code === agencyCode);
  if (!agency) throw new AppError('AGENCY_NOT_FOUND', `No agency "${agencyCode}" in the frame.`);
  return agency;
}

function peersOf(set: DisclosedSet, agency: DisclosedSet['agencies'][number]): number {
  return set.agencies.filter(
    (a) =>
      a.code !== agency.code &&
      a.responses > 0 &&
      a.type === agency.type &&
      a.islandRegion === agency.islandRegion,
  ).length;
}

/**
 * The agency dashboard's data for `agencyCode`, drawn from `set` (decided over every agency at
 * once) and the rows cut from it for this agency (`cut`, see `agencySelections`): national rows, national rows by its breakdown variables, the agency's own
 * rows (by itself and × sex, education, position type), its peer group (same agency type and
 * island region) where at least 3 other agencies with respondents and at least k respondents
 * besides its own are in the question's base, and significance marks from `contrasts` (the
 * agency's `agencyContrast`s) where the agency's cell is shown without a bound and p < 0.05.
 * An agency with fewer than k respondents gets its response count and nothing else of its own.
 * Throws `AGENCY_NOT_FOUND` for an agency outside the frame.
 *
 * @example
 * const cut = await set.cut(agencySelections(set, code));
 * const view = agencyView(set, cut, code, await reports.agencyContrasts(studyId, waveId, code));
 */
export function agencyView(
  set: DisclosedSet,
  cut: CutRows,
  agencyCode: string,
  contrasts: readonly AgencyContrast[],
): AgencyResults {
  const agency = agencyOf(set, agencyCode);
  const k = set.summary.minimumCellSize;
  const shown = agency.responses >= k;
  const peers = peersOf(set, agency);
  const peerValues = [agency.type, agency.islandRegion];
  const peerGroupShown = peers >= minimumPeerAgencies;

  const byDomain = new Map<string, DisclosedRow>();
  for (const row of cut.rows) {
    byDomain.set(
      `${row.question}\u0000${row.option}\u0000${domainKey(row.domainVariables, row.domainValues)}`,
      row,
    );
  }
  const find = (question: string, option: string, variables: string[], values: string[]) =>
    byDomain.get(`${question}\u0000${option}\u0000${domainKey(variables, values)}`);
  const contrastOf = new Map(contrasts.map((c) => [`${c.question}\u0000${c.option}`, c]));

  const comparison: AgencyComparisonRow[] = cut.rows
    .filter((row) => row.domainVariables.length === 0)
    .map((national) => {
      const { question, option } = national;
      const own = find(question, option, ['agency'], [agency.code]);
      const agencyCell: DisclosedCell = !shown
        ? { suppressed: 'agency-below-minimum', figures: null }
        : (own?.cell ?? { suppressed: 'below-minimum', figures: null });
      const peerRow = find(question, option, peerVariables, peerValues);
      const othersInBase =
        set.baseOf(question, peerVariables, peerValues) -
        set.baseOf(question, ['agency'], [agency.code]);
      const peerCell: DisclosedCell =
        peerGroupShown && othersInBase >= set.minimumOf(question) && peerRow
          ? peerRow.cell
          : { suppressed: 'peer-group-too-small', figures: null };
      return {
        question,
        questionLabel: national.questionLabel,
        option,
        optionLabel: national.optionLabel,
        agency: agencyCell,
        national: national.cell,
        peer: peerCell,
        significance: markOf(agencyCell, contrastOf.get(`${question}\u0000${option}`)),
      };
    });

  const breakdownVariables = new Set(set.agencyVariables);
  const breakdowns = shown
    ? cut.rows.filter(
        (r) =>
          r.domainVariables.length === 2 &&
          r.domainVariables[0] === 'agency' &&
          r.domainValues[0] === agency.code,
      )
    : [];
  const nationalBreakdowns = cut.rows.filter(
    (r) => r.domainVariables.length === 1 && breakdownVariables.has(r.domainVariables[0] as string),
  );

  return {
    ...set.context,
    agency: {
      code: agency.code,
      name: agency.name,
      type: agency.type,
      province: agency.province,
      islandRegion: agency.islandRegion,
      respondents: agency.responses,
      shown,
    },
    peerGroup: {
      type: agency.type,
      islandRegion: agency.islandRegion,
      otherAgencies: peerGroupShown ? peers : null,
      shown: peerGroupShown,
    },
    disclosure: set.summary,
    comparison,
    breakdowns,
    nationalBreakdowns,
    respondentCounts: shown ? respondentCounts(set, cut, agency.code, agency.responses) : [],
    perceptionIndexes: perceptionIndexes(set, cut, comparison, agency.code, peerValues),
    significanceNote: set.context.lang === 'en' ? notes.en : notes.id,
  };
}

function markOf(
  cell: DisclosedCell,
  contrast: AgencyContrast | undefined,
): SignificanceMark | null {
  // No mark on a hidden or bounded cell: its direction would tell what is withheld.
  if (cell.suppressed !== null || cell.figures.bound !== null || cell.figures.estimate === null) {
    return null;
  }
  if (!contrast || contrast.pValue === null || contrast.difference === null) return null;
  if (!(contrast.pValue < significanceLevel)) return null;
  return {
    difference: contrast.difference,
    pValue: contrast.pValue,
    direction: contrast.difference > 0 ? 'higher' : 'lower',
  };
}

const indexNotes = {
  id: 'Indeks = rata-rata butir 1–4 × 25 dari persentase tertimbang tiap butir (semua butir wajib diisi, jadi sama dengan rata-rata skor responden). Galat baku dan selang kepercayaan 95% berbasis desain (linearisasi Taylor atas rata-rata tertimbang skor responden, strata = instansi dengan koreksi populasi terhingga; selang t dengan db = responden − strata), pada skala 25–100. Tidak ditampilkan bila salah satu sel butir disembunyikan.',
  en: 'Index = mean of the 1–4 items × 25, from the weighted shares of each item (every item is required, so this equals the mean of respondent scores). Its SE and 95% interval are design-based (Taylor linearization of the weighted mean of respondent scores, strata = agencies with finite-population correction; t interval with df = respondents − strata), on the 25–100 scale. Not shown when any item cell is hidden.',
};

/**
 * The perception indexes of the questionnaire for the agency, the nation and the peer group,
 * each computed from the cells the agency is shown (so it reveals nothing they do not): the
 * weighted mean of each 1–4 item is Σ value × share, the index their mean × 25, graded as
 * PermenPANRB 14/2017. Hidden when any option cell of any item is hidden or bounded. A shown
 * index carries the design-based SE and 95% interval of the mean respondent score × 25
 * (`estimateIndexes`, R's `svymean`) when every respondent in its base has a counted score;
 * null SE and interval otherwise (counts folded before item totals were counted).
 */
function perceptionIndexes(
  set: DisclosedSet,
  cut: CutRows,
  comparison: readonly AgencyComparisonRow[],
  agencyCode: string,
  peerValues: readonly string[],
): PerceptionIndexResult[] {
  const lang = set.context.lang;
  return (set.definition.likertIndexes ?? []).map((definition) => {
    const rows = comparison.filter((r) => definition.items.includes(r.question));
    const estimateOf = (variables: readonly string[], values: readonly string[]) =>
      cut.indexes.find(
        (e) =>
          e.index === definition.id &&
          domainKey(e.domainVariables, e.domainValues) === domainKey(variables, values),
      );
    const of = (
      cellOf: (row: AgencyComparisonRow) => DisclosedCell,
      variables: readonly string[],
      values: readonly string[],
    ): PerceptionIndexCell => {
      let total = 0;
      let nBase = Number.POSITIVE_INFINITY;
      for (const item of definition.items) {
        const options = rows.filter((r) => r.question === item);
        if (options.length === 0) return hiddenIndex('below-minimum');
        let mean = 0;
        for (const row of options) {
          const cell = cellOf(row);
          if (cell.suppressed !== null) return hiddenIndex(cell.suppressed);
          const value = Number(row.option);
          if (cell.figures.estimate === null || !Number.isFinite(value)) {
            return hiddenIndex('below-minimum');
          }
          mean += value * cell.figures.estimate;
          nBase = Math.min(nBase, cell.figures.nBase);
        }
        total += mean;
      }
      const meanScore = total / definition.items.length;
      if (!(meanScore >= definition.scaleMin && meanScore <= definition.scaleMax)) {
        return hiddenIndex('below-minimum');
      }
      const { index, grade } = perceptionIndex(meanScore);
      const estimate = estimateOf(variables, values);
      const complete = estimate !== undefined && estimate.nBase === nBase;
      return {
        suppressed: null,
        index,
        grade,
        nBase,
        se: complete ? estimate.se : null,
        ciLow: complete ? estimate.ciLow : null,
        ciHigh: complete ? estimate.ciHigh : null,
      };
    };
    return {
      id: definition.id,
      label: definition.label[lang],
      methodNote: definition.methodNote[lang],
      items: [...definition.items],
      agency: of((r) => r.agency, ['agency'], [agencyCode]),
      national: of((r) => r.national, [], []),
      peer: of((r) => r.peer, peerVariables, peerValues),
      note: indexNotes[lang],
    };
  });
}

function hiddenIndex(reason: SuppressionReason): PerceptionIndexCell {
  return {
    suppressed: reason,
    index: null,
    grade: null,
    nBase: null,
    se: null,
    ciLow: null,
    ciHigh: null,
  };
}

/**
 * The agency's respondents by sex and by education (the answers to those questions), each
 * category shown only at k or more, with complementary suppression over the agency total and
 * the respondents who left the question blank.
 */
function respondentCounts(
  set: DisclosedSet,
  cut: CutRows,
  code: string,
  total: number,
): RespondentCounts[] {
  const k = set.summary.minimumCellSize;
  const counts: RespondentCounts[] = [];
  for (const variable of countVariables) {
    const rows = cut.rows.filter(
      (r) => r.question === variable && r.domainVariables.length === 0 && r.option !== '',
    );
    if (rows.length === 0) continue;
    const categories = rows.map((r) => ({
      value: r.option,
      label: r.optionLabel,
      n: cut.countOf(variable, r.option, ['agency'], [code]),
    }));
    const classified = categories.reduce((sum, c) => sum + c.n, 0);
    const hidden = suppressCells(
      [
        { id: '\u0000total', n: total, minimum: k },
        ...categories.map((c) => ({ id: c.value, n: c.n, minimum: k })),
      ],
      [
        {
          total: '\u0000total',
          members: categories.map((c) => c.value),
          unclassified: Math.max(0, total - classified),
        },
      ],
    );
    counts.push({
      variable,
      label: rows[0]?.questionLabel ?? variable,
      categories: categories.map((c) => {
        const reason = hidden.get(c.value) ?? null;
        return {
          value: c.value,
          label: c.label,
          respondents: reason === null ? c.n : null,
          suppressed: reason,
        };
      }),
    });
  }
  return counts;
}
