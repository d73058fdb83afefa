// Attacks on every agency-facing and public output of generated studies: no cell below k, no hidden cell recovered by subtraction, across requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReportService,
  type ReportService,
} from '../../../../server/services/reports/report-service.ts';
import { staticMarginSource } from '../../../../server/services/reports/raking-margins.ts';
import type { ReportRow } from '../../../../server/services/reports/report-types.ts';
import { declaredTables } from '../../../../server/services/results/declared-tables.ts';
import {
  createResultsService,
  type ResultsService,
} from '../../../../server/services/results/results-service.ts';
import type {
  AgencyResults,
  DisclosedCell,
} from '../../../../server/services/results/results-types.ts';
import type { QuestionnaireRegistry } from '../../../../server/services/questionnaires/questionnaire-registry.ts';
import { saveDisclosureSettings } from '../../../../server/storage/repositories/disclosure-settings.ts';
import { listAgencies, type Agency } from '../../../../server/storage/repositories/agencies.ts';
import {
  generateResultsStudy,
  resultsQuestionnaire,
  setUpResultsFrame,
  type ResultsStudy,
} from '../../../helpers/results-study.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

const k = 10;
const sensitiveK = 15;
const kOf = (question: string) => (question === 'H2' ? sensitiveK : k);
const seeds = ['a', 'b', 'c', 'd', 'e', 'f'];
const domainVariables = ['A4', 'A6', 'A9'];

/** A cell of the declared set: question and domain. */
const cellKey = (question: string, variables: readonly string[], values: readonly string[]) =>
  `${question}|${variables.join('*')}|${values.join('*')}`;

/** What a reader has seen: the base of every shown cell, by cell key. */
type Seen = Map<string, number>;

function see(
  seen: Seen,
  question: string,
  vars: readonly string[],
  values: readonly string[],
  cell: DisclosedCell,
) {
  if (cell.suppressed !== null) return;
  const key = cellKey(question, vars, values);
  const before = seen.get(key);
  if (before !== undefined)
    expect(before, `${key} shown twice with different bases`).toBe(cell.figures.nBase);
  seen.set(key, cell.figures.nBase);
}

function seeAgency(seen: Seen, view: AgencyResults) {
  for (const row of view.comparison) {
    see(seen, row.question, [], [], row.national);
    see(seen, row.question, ['agency'], [view.agency.code], row.agency);
    see(
      seen,
      row.question,
      ['type', 'islandRegion'],
      [view.peerGroup.type, view.peerGroup.islandRegion],
      row.peer,
    );
  }
  for (const row of [...view.breakdowns, ...view.nationalBreakdowns]) {
    see(seen, row.question, row.domainVariables, row.domainValues, row.cell);
  }
}

interface Relation {
  total: string;
  members: string[];
  /** True respondents of the total in no member. */
  unclassified: number;
}

/**
 * Every additive relation among the declared tables, written out here (not taken from the
 * code under test): national = Σ region = Σ type = Σ province = Σ agency = Σ category + blank;
 * region = Σ its provinces = Σ its peer groups; province = Σ its agencies; type = Σ its peer
 * groups; peer group = Σ its agencies; agency = Σ agency × category + blank;
 * category = Σ agency × category.
 */
function relationsOf(rows: readonly ReportRow[], agencies: readonly Agency[]): Relation[] {
  const base = new Map<string, number>();
  for (const r of rows) base.set(cellKey(r.question, r.domainVariables, r.domainValues), r.nBase);
  const relations: Relation[] = [];
  const questions = [...new Set(rows.map((r) => r.question))];
  const present = (key: string) => base.has(key);
  const add = (question: string, total: string, members: string[]) => {
    if (!present(total)) return;
    const shown = members.filter(present);
    const sum = shown.reduce((s, m) => s + (base.get(m) as number), 0);
    relations.push({ total, members: shown, unclassified: (base.get(total) as number) - sum });
    void question;
  };
  const regions = [...new Set(agencies.map((a) => a.islandRegion))];
  const provinces = [...new Set(agencies.map((a) => a.province))];
  const types = [...new Set(agencies.map((a) => a.type))];
  for (const q of questions) {
    const national = cellKey(q, [], []);
    add(
      q,
      national,
      regions.map((r) => cellKey(q, ['islandRegion'], [r])),
    );
    add(
      q,
      national,
      types.map((t) => cellKey(q, ['type'], [t])),
    );
    add(
      q,
      national,
      provinces.map((p) => cellKey(q, ['province'], [p])),
    );
    add(
      q,
      national,
      agencies.map((a) => cellKey(q, ['agency'], [a.code])),
    );
    for (const r of regions) {
      const region = cellKey(q, ['islandRegion'], [r]);
      add(
        q,
        region,
        provinces
          .filter((p) => agencies.some((a) => a.province === p && a.islandRegion === r))
          .map((p) => cellKey(q, ['province'], [p])),
      );
      add(
        q,
        region,
        types.map((t) => cellKey(q, ['type', 'islandRegion'], [t, r])),
      );
    }
    for (const t of types)
      add(
        q,
        cellKey(q, ['type'], [t]),
        regions.map((r) => cellKey(q, ['type', 'islandRegion'], [t, r])),
      );
    for (const p of provinces)
      add(
        q,
        cellKey(q, ['province'], [p]),
        agencies.filter((a) => a.province === p).map((a) => cellKey(q, ['agency'], [a.code])),
      );
    for (const t of types) {
      for (const r of regions) {
        add(
          q,
          cellKey(q, ['type', 'islandRegion'], [t, r]),
          agencies
            .filter((a) => a.type === t && a.islandRegion === r)
            .map((a) => cellKey(q, ['agency'], [a.code])),
        );
      }
    }
    for (const d of domainVariables) {
      const values = [
        ...new Set(
          rows
            .filter((r) => r.domainVariables.length === 1 && r.domainVariables[0] === d)
            .map((r) => r.domainValues[0] as string),
        ),
      ];
      add(
        q,
        national,
        values.map((v) => cellKey(q, [d], [v])),
      );
      for (const a of agencies)
        add(
          q,
          cellKey(q, ['agency'], [a.code]),
          values.map((v) => cellKey(q, ['agency', d], [a.code, v])),
        );
      for (const v of values)
        add(
          q,
          cellKey(q, [d], [v]),
          agencies.map((a) => cellKey(q, ['agency', d], [a.code, v])),
        );
    }
  }
  return relations;
}

/**
 * What an attacker can work out from `seen`: repeatedly, in every relation with one unknown
 * (a blank group counts as unknown when it is not empty), subtract. Returns every cell
 * learned, shown or derived.
 */
function attack(seen: Seen, relations: readonly Relation[]): Map<string, number> {
  const known = new Map(seen);
  let changed = true;
  while (changed) {
    changed = false;
    for (const rel of relations) {
      const cells = [rel.total, ...rel.members];
      const unknown = cells.filter((c) => !known.has(c));
      if (unknown.length !== 1 || rel.unclassified !== 0) continue;
      const [target] = unknown as [string];
      const sum = rel.members
        .filter((m) => m !== target)
        .reduce((s, m) => s + (known.get(m) as number), 0);
      known.set(target, target === rel.total ? sum : (known.get(rel.total) as number) - sum);
      changed = true;
    }
  }
  return known;
}

describe.each(testDialects())(
  'disclosure control of agency and public outputs on $dialect',
  (dialect) => {
    const t = useTestDatabase(dialect);
    let questionnaires: QuestionnaireRegistry;
    let reports: ReportService;
    let results: ResultsService;
    let agencies: Agency[];
    const studies: ResultsStudy[] = [];

    beforeAll(async () => {
      questionnaires = await setUpResultsFrame(t.db);
      agencies = await listAgencies(t.db);
      for (const seed of seeds) {
        const study = await generateResultsStudy(
          t.db,
          questionnaires,
          `gen-${seed}`,
          `results-${seed}`,
        );
        await saveDisclosureSettings(t.db, {
          studyId: study.studyId,
          minimumCellSize: k,
          sensitiveMinimumCellSize: sensitiveK,
          sensitiveQuestions: ['H2'],
          public: true,
        });
        studies.push(study);
      }
      reports = createReportService({
        db: t.db,
        database: t.config,
        questionnaires,
        margins: staticMarginSource({}),
      });
      results = createResultsService(t.db, reports);
    }, 120_000);
    afterAll(() => reports.close());

    /** The unsuppressed truth of the declared tables (what researchers see), once per study. */
    const truths = new Map<string, ReturnType<ReportService['report']>>();
    const truth = (study: ResultsStudy) => {
      let report = truths.get(study.studyId);
      if (report === undefined) {
        report = reports.report(study.studyId, {
          waveId: study.wave.id,
          weighting: 'design',
          by: declaredTables(resultsQuestionnaire).by,
          lang: 'en',
        });
        truths.set(study.studyId, report);
      }
      return report;
    };

    /** Everything the public can ask for about a study. */
    async function publicSeen(study: ResultsStudy): Promise<Seen> {
      const seen: Seen = new Map();
      const headline = await results.headline(study.studyId, 'en');
      for (const indicator of headline.indicators) {
        for (const row of indicator.components) see(seen, row.question, [], [], row.cell);
        for (const entry of indicator.byIslandRegion)
          see(seen, indicator.variable, ['islandRegion'], [entry.value], entry.cell);
        for (const entry of indicator.byPositionType)
          see(seen, indicator.variable, ['A9'], [entry.value], entry.cell);
      }
      for (const question of ['Q1', 'H2', 'A4', 'A6', 'A9']) {
        for (const by of ['province', 'type'] as const) {
          const option =
            question === 'A4'
              ? 'perempuan'
              : question === 'A6'
                ? 'sma'
                : question === 'A9'
                  ? 'struktural'
                  : 'ya';
          const ranking = await results.ranking(study.studyId, { question, option, by }, 'en');
          for (const entry of ranking.entries) see(seen, question, [by], [entry.value], entry.cell);
        }
      }
      return seen;
    }

    it('shows no cell whose unweighted base is below k (stricter for the sensitive item), in any agency or public answer', async () => {
      for (const study of studies) {
        const rows = (await truth(study)).rows;
        const trueBase = new Map(
          rows.map((r) => [cellKey(r.question, r.domainVariables, r.domainValues), r.nBase]),
        );
        const seen = await publicSeen(study);
        for (const agency of agencies)
          seeAgency(seen, await results.agency(agency.code, study.studyId, 'en'));
        expect(seen.size).toBeGreaterThan(20);
        for (const [key, n] of seen) {
          expect(trueBase.get(key), key).toBe(n);
          expect(n, `${study.studyId} ${key}`).toBeGreaterThanOrEqual(
            kOf(key.split('|')[0] as string),
          );
        }
      }
    }, 300_000);

    it('lets no reader recover a hidden cell by subtraction, combining every answer it can get (totals minus siblings, one breakdown minus another)', async () => {
      let hiddenCells = 0;
      for (const study of studies) {
        const rows = (await truth(study)).rows;
        const trueBase = new Map(
          rows.map((r) => [cellKey(r.question, r.domainVariables, r.domainValues), r.nBase]),
        );
        const relations = relationsOf(rows, agencies);
        const publicView = await publicSeen(study);
        const readers: [string, Seen][] = [['public', publicView]];
        for (const agency of agencies) {
          // An agency also reads the public dashboard: its attack uses both.
          const seen: Seen = new Map(publicView);
          seeAgency(seen, await results.agency(agency.code, study.studyId, 'en'));
          readers.push([agency.code, seen]);
        }
        for (const [reader, seen] of readers) {
          const learned = attack(seen, relations);
          for (const [key, n] of trueBase) {
            if (seen.has(key) || n === 0) continue;
            hiddenCells += 1;
            if (n >= kOf(key.split('|')[0] as string)) continue;
            expect(learned.has(key), `${study.studyId}: ${reader} recovers ${key} (n = ${n})`).toBe(
              false,
            );
          }
        }
      }
      expect(hiddenCells).toBeGreaterThan(100);
    }, 300_000);

    it('shows every shown cell with exactly the figures of the full report (estimates are made only for the cells shown, from the same counts)', async () => {
      let compared = 0;
      for (const study of studies) {
        const truthRows = new Map(
          (await truth(study)).rows.map((r) => [
            `${r.question}|${r.option}|${r.domainVariables.join('*')}|${r.domainValues.join('*')}`,
            r,
          ]),
        );
        const check = (
          question: string,
          option: string,
          vars: readonly string[],
          values: readonly string[],
          cell: DisclosedCell,
        ) => {
          if (cell.suppressed !== null) return;
          const row = truthRows.get(`${question}|${option}|${vars.join('*')}|${values.join('*')}`);
          expect(row, `${question}:${option} ${vars.join('*')}=${values.join('*')}`).toBeDefined();
          const f = cell.figures;
          expect(f.nBase).toBe(row!.nBase);
          if (f.bound !== null) return;
          compared += 1;
          expect([f.nOption, f.estimate, f.se, f.ciLow, f.ciHigh, f.df, f.deff, f.nEff]).toEqual([
            row!.nOption,
            row!.estimate,
            row!.se,
            row!.ciLow,
            row!.ciHigh,
            row!.df,
            row!.deff,
            row!.nEff,
          ]);
        };
        for (const agency of agencies.slice(0, 12)) {
          const view = await results.agency(agency.code, study.studyId, 'en');
          for (const row of view.comparison) {
            check(row.question, row.option, [], [], row.national);
            check(row.question, row.option, ['agency'], [agency.code], row.agency);
            check(
              row.question,
              row.option,
              ['type', 'islandRegion'],
              [view.peerGroup.type, view.peerGroup.islandRegion],
              row.peer,
            );
          }
          for (const row of [...view.breakdowns, ...view.nationalBreakdowns]) {
            check(row.question, row.option, row.domainVariables, row.domainValues, row.cell);
          }
        }
        const ranking = await results.ranking(
          study.studyId,
          { question: 'Q1', option: 'ya', by: 'province' },
          'en',
        );
        for (const entry of ranking.entries)
          check('Q1', 'ya', ['province'], [entry.value], entry.cell);
      }
      expect(compared).toBeGreaterThan(1000);
    }, 300_000);

    it('shows a peer figure only with at least 3 other agencies with respondents and k respondents besides the agency', async () => {
      let shownPeers = 0;
      for (const study of studies) {
        for (const agency of agencies) {
          const view = await results.agency(agency.code, study.studyId, 'en');
          const others = agencies.filter(
            (a) =>
              a.code !== agency.code &&
              a.type === agency.type &&
              a.islandRegion === agency.islandRegion &&
              (study.sizes.get(a.code) ?? 0) > 0,
          );
          for (const row of view.comparison) {
            if (row.peer.suppressed !== null) continue;
            shownPeers += 1;
            expect(others.length).toBeGreaterThanOrEqual(3);
            const own = (await truth(study)).rows.find(
              (r) =>
                r.question === row.question &&
                r.domainVariables[0] === 'agency' &&
                r.domainVariables.length === 1 &&
                r.domainValues[0] === agency.code,
            );
            expect(row.peer.figures.nBase - (own?.nBase ?? 0)).toBeGreaterThanOrEqual(
              kOf(row.question),
            );
          }
        }
      }
      expect(shownPeers).toBeGreaterThan(0);
    }, 300_000);

    it('shows an agency with fewer than k respondents only its response count', async () => {
      let small = 0;
      for (const study of studies) {
        for (const agency of agencies) {
          const size = study.sizes.get(agency.code) ?? 0;
          const view = await results.agency(agency.code, study.studyId, 'en');
          expect(view.agency.respondents).toBe(size);
          expect(view.agency.shown).toBe(size >= k);
          if (size >= k) continue;
          small += 1;
          expect(view.breakdowns).toEqual([]);
          expect(view.respondentCounts).toEqual([]);
          expect(
            view.comparison.every(
              (r) => r.agency.suppressed === 'agency-below-minimum' && r.significance === null,
            ),
          ).toBe(true);
        }
      }
      expect(small).toBeGreaterThan(0);
    }, 300_000);
  },
);
