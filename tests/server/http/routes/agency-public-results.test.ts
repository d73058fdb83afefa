// The agency and public results routes on every dialect: who may ask, scope from the principal only, CSV equal to JSON, marks equal to agencyContrast, public studies only, violations import.
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyContrast, createDesign, designWeights } from '../../../../analysis/index.ts';
import { estimateColumns } from '../../../../server/services/analyze-csv/estimate-table.ts';
import { createAccessKey } from '../../../../server/services/auth/access-keys.ts';
import { loadReportInput } from '../../../../server/services/reports/load-report-input.ts';
import type {
  AgencyResults,
  DisclosedCell,
  PublicHeadline,
  PublicRanking,
  PublicStudy,
  PublicViolations,
} from '../../../../server/services/results/results-types.ts';
import { listAgencies } from '../../../../server/storage/repositories/agencies.ts';
import {
  generateResultsStudy,
  publishResultsStudy,
  setUpResultsFrame,
  type ResultsStudy,
} from '../../../helpers/results-study.ts';
import { createTestApp } from '../../../helpers/test-app.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { bearer, signIn } from '../../../helpers/test-keys.ts';

type App = ReturnType<typeof createTestApp>['app'];

async function body<T>(app: App, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  return { status: res.status, json: (await res.json()) as T };
}

const violationsHeader =
  'region_type,region,province,election_year,reported_on,source,cases_recorded,recommended_to_kasn,followed_up,note,civil_servants,civil_servants_source';

describe.each(testDialects())('agency and public results routes on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  let app: App;
  let study: ResultsStudy;
  let codes: string[];
  let agencyA: string;
  let agencyB: string;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    const questionnaires = await setUpResultsFrame(t.db);
    study = await generateResultsStudy(t.db, questionnaires, 'gen-route', 'route-seed-7');
    await publishResultsStudy(t.db, study.studyId);
    // A second study, never marked public.
    await generateResultsStudy(t.db, questionnaires, 'gen-private', 'route-seed-3');
    codes = (await listAgencies(t.db)).map((a) => a.code);
    const large = [...study.sizes].filter(([, n]) => n >= 20).map(([code]) => code);
    // A is a kabupaten that answers Q1 unlike the nation, so it gets significance marks.
    agencyA = large.find((code) => /^kab-\da$/.test(code)) as string;
    agencyB = large.find((code) => code !== agencyA) as string;
    expect(agencyA).toBeDefined();
    expect(agencyB).toBeDefined();
    for (const [name, role, agency] of [
      ['A', 'agency', agencyA],
      ['B', 'agency', agencyB],
      ['researcher', 'researcher', null],
      ['admin', 'admin', null],
    ] as const) {
      keys[name] = (await createAccessKey(t.db, { role, agencyCode: agency })).key;
    }
    ({ app } = createTestApp(t.db, questionnaires));
  }, 120_000);

  it('serves agency results to agency keys and sessions only: 401 anonymous, 403 researcher and admin', async () => {
    for (const path of ['/api/agency/results', '/api/agency/results.csv']) {
      expect((await app.request(path)).status).toBe(401);
      expect((await app.request(path, { headers: bearer(keys.researcher!) })).status).toBe(403);
      expect((await app.request(path, { headers: bearer(keys.admin!) })).status).toBe(403);
      expect((await app.request(path, { headers: bearer(keys.A!) })).status).toBe(200);
      const session = await signIn(app, keys.A!);
      expect((await app.request(path, { headers: session })).status).toBe(200);
    }
  });

  it('takes the agency from the principal only: parameters naming another agency are refused, and no other agency appears in JSON or CSV', async () => {
    const plain = await app.request(`/api/agency/results?study=${study.studyId}`, {
      headers: bearer(keys.A!),
    });
    const plainText = await plain.text();
    const view = JSON.parse(plainText) as AgencyResults;
    expect(view.agency.code).toBe(agencyA);
    for (const tail of [
      `agency=${agencyB}`,
      `agencyCode=${agencyB}`,
      `code=${agencyB}`,
      `agency[]=${agencyB}`,
    ]) {
      const res = await app.request(`/api/agency/results?study=${study.studyId}&${tail}`, {
        headers: bearer(keys.A!),
      });
      expect(res.status, tail).toBe(400);
      const refusal = (await res.json()) as {
        error: { code: string; details: { field: string; problem: string }[] };
      };
      expect(refusal.error.code).toBe('INVALID_REQUEST');
      expect(refusal.error.details.map((d) => d.problem).join(' ')).toContain(tail.split('=')[0]);
      expect(JSON.stringify(refusal)).not.toContain(`"estimate"`);
    }
    const refusedCsv = await app.request(
      `/api/agency/results.csv?study=${study.studyId}&agency=${agencyB}`,
      { headers: bearer(keys.A!) },
    );
    expect(refusedCsv.status).toBe(400);
    const csv = await (
      await app.request(`/api/agency/results.csv?study=${study.studyId}`, {
        headers: bearer(keys.A!),
      })
    ).text();
    // Anywhere, footnotes included: naming an agency there would tell its respondent count.
    for (const other of codes.filter((c) => c !== agencyA)) {
      const named = new RegExp(`(?<![a-z0-9-])${other}(?![a-z0-9-])`);
      expect(named.test(plainText), other).toBe(false);
      expect(named.test(csv), other).toBe(false);
    }
    // B's own view differs: the scope is the key's.
    const b = await body<AgencyResults>(
      app,
      `/api/agency/results?study=${study.studyId}`,
      bearer(keys.B!),
    );
    expect(b.json.agency.code).toBe(agencyB);
  });

  it('answers the CSV with the analyze columns, a BOM, the reason of each hidden cell and no number of it, cell for cell as the JSON', async () => {
    const res = await app.request(`/api/agency/results.csv?study=${study.studyId}`, {
      headers: bearer(keys.A!),
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields?.slice(0, 13)).toEqual([...estimateColumns]);
    const view = (
      await body<AgencyResults>(app, `/api/agency/results?study=${study.studyId}`, bearer(keys.A!))
    ).json;
    const hidden = parsed.data.filter((r) => r.suppressed !== '');
    expect(hidden.length).toBeGreaterThan(0);
    for (const row of hidden) {
      for (const column of estimateColumns.slice(4)) {
        expect(row[column], column).toBe('');
      }
    }
    const own = parsed.data.filter((r) => r.domain_var === 'agency');
    expect(own).toHaveLength(view.comparison.length);
    for (const [i, row] of own.entries()) {
      const cell = view.comparison[i]!.agency;
      expect(row.domain).toBe(agencyA);
      expect(row.suppressed).toBe(cell.suppressed ?? '');
      expect(row.n_base).toBe(cell.figures ? String(cell.figures.nBase) : '');
      expect(row.estimate).toBe(
        cell.figures?.estimate == null ? '' : String(cell.figures.estimate),
      );
    }
    for (const row of parsed.data) {
      if (row.n_base !== '')
        expect(Number(row.n_base)).toBeGreaterThanOrEqual(row.question === 'H2' ? 15 : 10);
    }
  });

  it('marks significance exactly where agencyContrast under design weights gives p < 0.05 and the agency cell is shown, with the difference of the shown shares', async () => {
    const input = await loadReportInput(t.db, study.studyId, study.wave.id);
    const weighting = designWeights(createDesign(input.cells));
    let compared = 0;
    let marks = 0;
    for (const [key, agency] of [
      ['A', agencyA],
      ['B', agencyB],
    ] as const) {
      const view = (
        await body<AgencyResults>(
          app,
          `/api/agency/results?study=${study.studyId}`,
          bearer(keys[key]!),
        )
      ).json;
      for (const row of view.comparison) {
        const answered = weighting.design.questions.get(row.question)?.options.includes(row.option);
        const hand = answered
          ? agencyContrast(weighting, agency, row.question, row.option)
          : { pValue: null, difference: null };
        const eligible = row.agency.suppressed === null && row.agency.figures.bound === null;
        if (!eligible) {
          expect(row.significance).toBeNull();
          continue;
        }
        compared += 1;
        if (hand.pValue !== null && hand.pValue < 0.05) {
          marks += 1;
          expect(row.significance?.pValue).toBeCloseTo(hand.pValue, 12);
          expect(row.significance?.direction).toBe(hand.difference! > 0 ? 'higher' : 'lower');
          // By hand: the agency's shown share minus the nation's shown share.
          const difference = row.agency.figures!.estimate! - row.national.figures!.estimate!;
          expect(row.significance?.difference).toBeCloseTo(difference, 12);
        } else {
          expect(row.significance).toBeNull();
        }
      }
      expect(view.significanceNote.length).toBeGreaterThan(20);
    }
    expect(compared).toBeGreaterThan(10);
    expect(marks).toBeGreaterThan(0);
  });

  it('gives the perception index of the agency, the nation and the peers as the mean of the shown item means × 25, graded A–D', async () => {
    const view = (
      await body<AgencyResults>(app, `/api/agency/results?study=${study.studyId}`, bearer(keys.A!))
    ).json;
    const [index] = view.perceptionIndexes;
    expect(index?.items).toEqual(['I.I1', 'I.I2']);
    const byHand = (cellOf: (r: AgencyResults['comparison'][number]) => DisclosedCell) => {
      let sum = 0;
      for (const item of ['I.I1', 'I.I2']) {
        for (const row of view.comparison.filter((r) => r.question === item)) {
          sum += Number(row.option) * cellOf(row).figures!.estimate!;
        }
      }
      return Math.round((sum / 2) * 25 * 100) / 100;
    };
    expect(index?.national.suppressed).toBeNull();
    expect(index?.national.index).toBeCloseTo(
      byHand((r) => r.national),
      10,
    );
    // A design-based SE and 95% interval around the (unrounded) index, on its 25–100 scale.
    const national = index!.national;
    expect(national.se).toBeGreaterThan(0);
    expect(national.ciLow).toBeLessThan(national.index! + 0.005);
    expect(national.ciHigh).toBeGreaterThan(national.index! - 0.005);
    expect(national.ciHigh! - national.ciLow!).toBeGreaterThan(2 * 1.95 * national.se!);
    const grade = (x: number) => (x >= 88.31 ? 'A' : x >= 76.61 ? 'B' : x >= 65 ? 'C' : 'D');
    expect(index?.national.grade).toBe(grade(index!.national.index!));
    const items = view.comparison.filter((r) => r.question.startsWith('I.'));
    for (const [name, cellOf] of [
      ['agency', (r: (typeof items)[number]) => r.agency],
      ['peer', (r: (typeof items)[number]) => r.peer],
    ] as const) {
      const cell = index![name];
      if (items.every((r) => cellOf(r).suppressed === null)) {
        expect(cell.index, name).toBeCloseTo(byHand(cellOf), 10);
        expect(cell.grade).toBe(grade(cell.index!));
      } else {
        // A hidden item cell hides the index too, and its SE and interval.
        expect(cell.suppressed, name).not.toBeNull();
        expect(cell.index).toBeNull();
        expect([cell.se, cell.ciLow, cell.ciHigh]).toEqual([null, null, null]);
      }
    }
  });

  it('refuses a malformed study parameter (400) and an unknown study (404)', async () => {
    const bad = await body<{ error: { code: string } }>(
      app,
      '/api/agency/results?study=Bad%20Study!',
      bearer(keys.A!),
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('INVALID_REQUEST');
    const unknown = await body<{ error: { code: string } }>(
      app,
      '/api/agency/results?study=no-such',
      bearer(keys.A!),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('STUDY_NOT_FOUND');
  });

  it('serves the headline of a public study beside the published figure, and hides a study not marked public as if unknown', async () => {
    const headline = await body<PublicHeadline>(
      app,
      `/api/public/studies/${study.studyId}/headline?lang=en`,
    );
    expect(headline.status).toBe(200);
    const [indicator] = headline.json.indicators;
    expect(indicator?.published.percent).toBe(51.16);
    expect(indicator?.national.suppressed).toBeNull();
    expect(indicator?.byIslandRegion.map((e) => e.value).sort()).toEqual(['Barat', 'Timur']);
    expect(headline.json.disclosure.minimumCellSize).toBe(10);
    for (const path of [
      '/api/public/studies/gen-private/headline',
      '/api/public/studies/gen-private/ranking?indicator=Q1:ya',
      '/api/public/studies/nope/headline',
    ]) {
      const res = await body<{ error: { code: string } }>(app, path);
      expect(res.status, path).toBe(404);
      expect(res.json.error.code).toBe('STUDY_NOT_FOUND');
    }
  });

  it('lists the public studies with responses, in the asked language, and never a study not marked public', async () => {
    const listed = await body<PublicStudy[]>(app, '/api/public/studies?lang=en');
    expect(listed.status).toBe(200);
    const responses = await t.db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('wave_id', '=', study.wave.id)
      .executeTakeFirstOrThrow();
    expect(listed.json).toEqual([
      {
        id: study.studyId,
        title: expect.any(String),
        synthetic: false,
        wave: { id: study.wave.id, name: study.wave.name },
        responses: Number(responses.n),
        // The test questionnaire declares no ranking indicators (public-studies.ts).
        rankingIndicators: [],
      },
    ]);
    const indonesian = await body<PublicStudy[]>(app, '/api/public/studies');
    expect(indonesian.json[0]?.title).not.toBe(listed.json[0]?.title);
    for (const query of ['lang=fr', 'study=gen-private']) {
      const res = await body<{ error: { code: string } }>(app, `/api/public/studies?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe('INVALID_REQUEST');
    }
  });

  it('ranks provinces with rank ranges where intervals overlap, hidden entries last without numbers, and refuses unknown indicators', async () => {
    const ranking = await body<PublicRanking>(
      app,
      `/api/public/studies/${study.studyId}/ranking?indicator=Q1:ya&by=province`,
    );
    expect(ranking.status).toBe(200);
    const shown = ranking.json.entries.filter((e) => e.rank !== null);
    expect(shown.length).toBeGreaterThan(1);
    for (const [i, entry] of shown.entries()) {
      expect(entry.rank!.best).toBeLessThanOrEqual(i + 1);
      expect(entry.rank!.worst).toBeGreaterThanOrEqual(i + 1);
      for (const other of shown) {
        const a = entry.cell.figures!;
        const b = other.cell.figures!;
        // Same tie group only if the intervals chain together; disjoint groups never overlap their first members.
        if (other.rank!.tieGroup === entry.rank!.tieGroup) continue;
        if (other.rank!.tieGroup < entry.rank!.tieGroup)
          expect(b.estimate!).toBeGreaterThanOrEqual(a.estimate!);
      }
    }
    for (const entry of ranking.json.entries.filter((e) => e.rank === null)) {
      expect(entry.cell.figures === null || entry.cell.figures.estimate === null).toBe(true);
    }
    for (const query of [
      'indicator=Q1',
      'indicator=Q9:ya',
      'indicator=Q1:ya&by=agency',
      'indicator=Q1:ya&x=1',
    ]) {
      const res = await body<{ error: { code: string } }>(
        app,
        `/api/public/studies/${study.studyId}/ranking?${query}`,
      );
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe('INVALID_REQUEST');
    }
  });

  it('imports recorded violations all or nothing: a malformed file is refused with line and column and changes nothing; a good one shows with its rate per 1,000', async () => {
    const post = (csv: string, contentType = 'text/csv') =>
      app.request('/api/admin/violations', {
        method: 'POST',
        headers: { 'content-type': contentType, ...bearer(keys.admin!) },
        body: csv,
      });
    const good = `kabupaten,Kabupaten Satu A,Satu,2020,2021-03-01,Bawaslu (test),8,4,2,test,4000,test denominator`;
    const malformed = [
      violationsHeader,
      good,
      'kabupaten,Kabupaten Satu B,Satu,2020,2021-03-01,Bawaslu (test),3,9,1,test,,',
    ].join('\n');
    const refused = await post(malformed);
    expect(refused.status).toBe(422);
    const error = (
      (await refused.json()) as {
        error: { code: string; details: { line: number; column: number | null }[] };
      }
    ).error;
    expect(error.code).toBe('INVALID_CONTEXT');
    expect(error.details).toContainEqual(expect.objectContaining({ line: 3, column: 8 }));
    expect((await body<PublicViolations>(app, '/api/public/violations')).json.violations).toEqual(
      [],
    );
    expect((await post(`${violationsHeader}\n${good}`, 'application/json')).status).toBe(400);

    expect((await post(`${violationsHeader}\n${good}`)).status).toBe(200);
    const shown = await body<PublicViolations>(app, '/api/public/violations');
    expect(shown.status).toBe(200);
    expect(shown.json.violations).toHaveLength(1);
    const [row] = shown.json.violations;
    expect(row).toMatchObject({
      region: 'Kabupaten Satu A',
      casesRecorded: 8,
      illustrative: false,
      source: 'Bawaslu (test)',
    });
    expect(row?.ratePerThousand).toBeCloseTo(2, 12);
    expect(shown.json.perception?.studyId).toBe(study.studyId);
  });
});
