// What the public sees of a disclosed table set: headline indicators beside the published 2021 figures, and rankings with ties.
import type { ReferenceFigure } from '../../../surveys/types.ts';
import { AppError } from '../../errors.ts';
import { positionTypeVariable } from './declared-tables.ts';
import type { CellSelection } from '../reports/report-types.ts';
import { domainKey, type CutRows, type DisclosedSet } from './disclosed-set.ts';
import type {
  DisclosedCell,
  DisclosedRow,
  HeadlineIndicator,
  PublicHeadline,
  PublicRanking,
  RankingEntry,
} from './results-types.ts';

/** A ranking request: the indicator `question:option` and the agency attribute to rank. */
export interface RankingRequest {
  question: string;
  option: string;
  by: 'province' | 'type';
}

const rankingNotes = {
  id: 'Peringkat berupa rentang: dua wilayah yang selang kepercayaan 95%-nya bertumpang tindih tidak dapat dibedakan; kelompok seri disusun dari atas, setiap kelompok memuat wilayah yang selangnya bertumpang tindih dengan wilayah teratas kelompok itu. Wilayah dengan basis di bawah k disembunyikan.',
  en: 'Ranks are ranges: two regions whose 95% intervals overlap cannot be told apart; tie groups are formed from the top, each holding the regions whose interval overlaps that of the group’s first region. Regions with a base below k are hidden.',
};

/**
 * The cells the public headline shows, to estimate (`DisclosedSet.cut`): the questions of the
 * published figures, nationally, by island region and by position type.
 *
 * @example
 * const headline = publicHeadline(set, await set.cut(headlineSelections(set)));
 */
export function headlineSelections(set: DisclosedSet): CellSelection[] {
  const questions = [...new Set((set.definition.referenceFigures ?? []).map((f) => f.variable))];
  if (questions.length === 0) return [];
  return [null, 'islandRegion', positionTypeVariable].map((by) => ({ by, questions }));
}

/**
 * The cells a ranking shows, to estimate: the indicator's question nationally and by the
 * ranked attribute.
 *
 * @example
 * const ranking = publicRanking(set, await set.cut(rankingSelections(request)), request);
 */
export function rankingSelections(request: RankingRequest): CellSelection[] {
  return [
    { by: null, questions: [request.question] },
    { by: request.by, questions: [request.question] },
  ];
}

/**
 * The public headline: each published KASN 2021 figure of the questionnaire (influencing
 * parties, causes, deterrence, voting rights, briefing and self-rated understanding) beside
 * our national estimate with its interval, and by island region and position type; a figure
 * of several options (top-2 box) is their sum, with each option's interval listed.
 *
 * @example
 * const headline = publicHeadline(set, await set.cut(headlineSelections(set)));
 * headline.indicators[0].published.percent; // 96.49
 */
export function publicHeadline(set: DisclosedSet, cut: CutRows): PublicHeadline {
  const lang = set.context.lang;
  const rowsOf = (variable: string, variables: string[]) =>
    cut.rows.filter(
      (r) =>
        r.question === variable &&
        r.domainVariables.length === variables.length &&
        r.domainVariables.every((v, i) => v === variables[i]),
    );
  const indicators = (set.definition.referenceFigures ?? []).map((figure): HeadlineIndicator => {
    const national = rowsOf(figure.variable, []);
    const breakdown = (variable: string) => {
      const rows = rowsOf(figure.variable, [variable]);
      const values = [...new Set(rows.map((r) => r.domainValues[0] as string))];
      return values.map((value) => {
        const ofValue = rows.filter((r) => r.domainValues[0] === value);
        return {
          value,
          label: ofValue[0]?.domainLabels[0] ?? value,
          cell: combined(ofValue, figure),
        };
      });
    };
    return {
      variable: figure.variable,
      options: [...figure.options],
      label: figure.label[lang],
      national: combined(national, figure),
      components: national.filter((r) => figure.options.includes(r.option)),
      published: { percent: figure.percent, source: { ...figure.source } },
      byIslandRegion: breakdown('islandRegion'),
      byPositionType: breakdown(positionTypeVariable),
    };
  });
  return {
    ...set.context,
    disclosure: set.summary,
    respondents: set.respondents,
    indicators,
  };
}

/** The share of a figure's options in one domain: one option's cell, or the sum of several. */
function combined(rows: readonly DisclosedRow[], figure: ReferenceFigure): DisclosedCell {
  const parts = figure.options.map((option) => rows.find((r) => r.option === option)?.cell);
  const first = parts[0];
  if (first === undefined) return { suppressed: 'below-minimum', figures: null };
  if (parts.length === 1) return first;
  let nOption = 0;
  let estimate = 0;
  for (const part of parts) {
    if (part === undefined) return { suppressed: 'below-minimum', figures: null };
    if (part.suppressed !== null) return { suppressed: part.suppressed, figures: null };
    if (part.figures.estimate === null || part.figures.nOption === null) {
      return { suppressed: 'below-minimum', figures: null };
    }
    nOption += part.figures.nOption;
    estimate += part.figures.estimate;
  }
  const { nBase, df, lowReliability } = first.figures ?? { nBase: 0, df: 0, lowReliability: true };
  return {
    suppressed: null,
    figures: {
      nBase,
      nOption,
      estimate,
      // The SE of a sum needs the options' covariance, which the rows do not carry.
      se: null,
      ciLow: null,
      ciHigh: null,
      df,
      deff: null,
      nEff: null,
      bound: null,
      lowReliability,
    },
  };
}

/**
 * Provinces (or agency types) ranked on one indicator: hidden entries (base below k, or their
 * complements) keep only their name and reason; shown ones are ordered by estimate, highest
 * first, with a rank range (best: 1 + those whose interval lies wholly above; worst: all but
 * those wholly below) and a tie group (from the top, the entries whose interval overlaps the
 * group's first). Throws `INVALID_REQUEST` for an indicator the study does not have.
 *
 * @example
 * const request = { question: 'H2', option: 'ya', by: 'province' } as const;
 * publicRanking(set, await set.cut(rankingSelections(request)), request).entries[0].rank; // { best: 1, worst: 4, tieGroup: 1 }
 */
export function publicRanking(
  set: DisclosedSet,
  cut: CutRows,
  request: RankingRequest,
): PublicRanking {
  const { question, option, by } = request;
  const national = cut.rows.find(
    (r) => r.question === question && r.option === option && r.domainVariables.length === 0,
  );
  if (!national) {
    throw new AppError('INVALID_REQUEST', `No indicator "${question}:${option}" in this study.`, [
      {
        field: 'indicator',
        problem: `"${question}:${option}" is no question and option of the questionnaire`,
      },
    ]);
  }
  const rows = cut.rows.filter(
    (r) =>
      r.question === question &&
      r.option === option &&
      domainKey(r.domainVariables, []) === domainKey([by], []),
  );
  const ranked = rows
    .flatMap((row) => {
      const f = row.cell.figures;
      if (f === null || f.estimate === null) return [];
      return [
        { row, estimate: f.estimate, low: f.ciLow ?? f.estimate, high: f.ciHigh ?? f.estimate },
      ];
    })
    .sort(
      (a, b) =>
        b.estimate - a.estimate || a.row.domainLabels[0]!.localeCompare(b.row.domainLabels[0]!),
    );
  const entries: RankingEntry[] = [];
  let group = 0;
  let groupLow = Number.POSITIVE_INFINITY;
  for (const entry of ranked) {
    if (entry.high < groupLow) {
      group += 1;
      groupLow = entry.low;
    }
    const above = ranked.filter((o) => o !== entry && o.low > entry.high).length;
    const below = ranked.filter((o) => o !== entry && o.high < entry.low).length;
    entries.push({
      value: entry.row.domainValues[0] as string,
      label: entry.row.domainLabels[0] as string,
      cell: entry.row.cell,
      rank: { best: above + 1, worst: ranked.length - below, tieGroup: group },
    });
  }
  const shown = new Set(ranked.map((r) => r.row));
  const hidden = rows
    .filter((r) => !shown.has(r))
    .sort((a, b) => a.domainLabels[0]!.localeCompare(b.domainLabels[0]!))
    .map((row) => ({
      value: row.domainValues[0] as string,
      label: row.domainLabels[0] as string,
      cell: row.cell,
      rank: null,
    }));
  return {
    ...set.context,
    disclosure: set.summary,
    indicator: {
      question,
      option,
      questionLabel: national.questionLabel,
      optionLabel: national.optionLabel,
    },
    by,
    entries: [...entries, ...hidden],
    note: set.context.lang === 'en' ? rankingNotes.en : rankingNotes.id,
  };
}
