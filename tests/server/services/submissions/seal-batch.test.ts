// Tests sealing with the operator's attack: once a batch is sealed, no system column or row order links a spent token to its response.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellCounts } from '../../../../analysis/cells.ts';
import { materializePending } from '../../../../server/services/projection/materialize-pending.ts';
import { parseSubmission } from '../../../../server/services/submissions/parse-submission.ts';
import { responseStore } from '../../../../server/services/submissions/response-store.ts';
import { sealDueBatch } from '../../../../server/services/submissions/seal-batch.ts';
import {
  submitResponse,
  type SubmitDeps,
} from '../../../../server/services/submissions/submit-response.ts';
import type { Database } from '../../../../server/storage/db/schema.ts';
import { readCellCounts } from '../../../../server/storage/repositories/cell-counts.ts';
import {
  hashToken,
  issueInvitationTokens,
} from '../../../../server/storage/repositories/invitation-tokens.ts';
import { countResponses } from '../../../../server/storage/repositories/responses.ts';
import { storedResponses } from '../../../helpers/stored-responses.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { setUpTestStudies, type TestStudies } from '../../../helpers/test-studies.ts';

/** Submissions in the attacked batch: enough that chance and a real link are far apart. */
const n = 160;
/**
 * A random pairing of n tokens with n responses gets about one pair right (the fixed points
 * of a random permutation are Poisson(1)); P(≥ 9) ≈ 1e-6. A real link gets nearly all n.
 */
const maxChanceMatches = 8;
/** |Spearman's rho| of two independent orders has sd 1/√(n−1) ≈ 0.08; 0.4 is five of them. */
const maxChanceCorrelation = 0.4;

const sexes = ['f', 'm'] as const;
const ranks = ['II/a', 'III/a', 'III/b', 'IV/a'] as const;

/** A valid answer set that varies with i, so responses differ as real ones do. */
function answersFor(i: number) {
  return {
    sex: sexes[i % 2],
    rank: ranks[i % 4],
    aware: 'yes',
    channels: i % 3 === 0 ? ['web'] : ['web', 'tv'],
    trust: 1 + (i % 4),
    acts: { a1: 'never', a2: i % 2 === 0 ? 'often' : 'never' },
  };
}

/** How many positions two orders of the same pairs agree on, and their rank correlation. */
function linkage(tokenOrder: string[], responseOrder: string[], truth: Map<string, string>) {
  const rankOf = new Map(responseOrder.map((clientId, i) => [clientId, i]));
  let matches = 0;
  let d2 = 0;
  tokenOrder.forEach((hash, i) => {
    const rank = rankOf.get(truth.get(hash)!)!;
    if (rank === i) matches += 1;
    d2 += (rank - i) ** 2;
  });
  const m = tokenOrder.length;
  return { matches, rho: 1 - (6 * d2) / (m * (m * m - 1)) };
}

/** Sorts ids by a key: numbers, or PostgreSQL ctids `(page,item)`, compared numerically. */
function orderBy<T extends { id: string }>(rows: T[], key: (row: T) => number[]): string[] {
  return [...rows]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
      return 0;
    })
    .map((r) => r.id);
}

const ctid = (text: string) => text.replace(/[()]/g, '').split(',').map(Number);

interface SystemRow {
  id: string;
  position: number;
  xmin: number;
  ctid: number[];
  cmin: number;
  serial: number;
}

/** Every ordering an operator can read off a table: natural row order, ids, and the system columns. */
async function systemRows(
  db: Kysely<Database>,
  dialect: string,
  query: 'tokens' | 'responses',
): Promise<SystemRow[]> {
  const postgres = dialect === 'postgres';
  const text =
    query === 'tokens'
      ? `select token_hash as id, ${postgres ? 'xmin::text as xmin, ctid::text as ctid, cmin::text as cmin, 0' : 'rowid'} as serial from invitation_tokens where used ${postgres ? '' : '= 1'}`
      : `select client_id as id, ${postgres ? 'xmin::text as xmin, ctid::text as ctid, cmin::text as cmin,' : ''} id as serial from responses`;
  const { rows } = await sql.raw<Record<string, string | number>>(text).execute(db);
  return rows.map((r, position) => ({
    id: String(r.id),
    position,
    xmin: Number(r.xmin ?? 0),
    ctid: ctid(String(r.ctid ?? '(0,0)')),
    cmin: Number(r.cmin ?? 0),
    serial: Number(r.serial),
  }));
}

/** The orderings worth trying on a dialect. */
function orderings(dialect: string): Record<string, (r: SystemRow) => number[]> {
  const common = {
    'row order': (r: SystemRow) => [r.position],
    'id/rowid': (r: SystemRow) => [r.serial],
  };
  if (dialect !== 'postgres') return common;
  return {
    ...common,
    xmin: (r: SystemRow) => [r.xmin, r.cmin, ...r.ctid],
    ctid: (r: SystemRow) => r.ctid,
    'xmin then cmin': (r: SystemRow) => [r.xmin, r.cmin],
  };
}

/** A wave's counts keyed by meaning (profile values, not ids), for comparing two readings. */
function tally(cells: CellCounts): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: unknown[], count: number) => {
    const k = JSON.stringify(key);
    out.set(k, (out.get(k) ?? 0) + count);
  };
  const values = (id: number) => cells.profiles.get(id);
  for (const r of cells.respondents) add(['n', r.stratum, values(r.profile)], r.count);
  for (const b of cells.bases) add(['base', b.stratum, values(b.profile), b.question], b.count);
  for (const c of cells.choices)
    add(['choice', c.stratum, values(c.profile), c.question, c.option], c.count);
  return out;
}

describe.each(testDialects())('sealing a batch on $dialect', ({ dialect, create }) => {
  const t = useTestDatabase({ dialect, create });
  let studies: TestStudies;
  let deps: SubmitDeps;
  let tokens: string[];
  /** token hash → client id of the response it submitted: what the operator must not learn. */
  const truth = new Map<string, string>();

  beforeAll(async () => {
    studies = await setUpTestStudies(t.db);
    deps = {
      db: t.db,
      questionnaires: studies.questionnaires,
      store: responseStore(t.db),
      today: () => '2021-09-16',
    };
    tokens = await issueInvitationTokens(t.db, {
      studyId: 'token-study',
      agencyCode: 'kota-yogyakarta',
      count: n,
    });
    // One at a time, in the order the tokens were issued: arrival order = token order, the
    // operator's best case.
    for (const [i, token] of tokens.entries()) {
      const id = randomUUID();
      truth.set(hashToken(token), id);
      await submitResponse(
        deps,
        'token-study',
        parseSubmission({ id, token, answers: answersFor(i) }),
      );
    }
  }, 120_000);

  it('before sealing, the attack works: pending rows give away which token sent which response', async () => {
    const tokenRows = await systemRows(t.db, dialect, 'tokens');
    const pending =
      dialect === 'postgres'
        ? (
            await sql<{
              id: string;
              xmin: string;
            }>`select client_id as id, xmin::text as xmin from pending_responses`.execute(t.db)
          ).rows.map((r) => ({ id: r.id, key: [Number(r.xmin)] }))
        : (
            await sql<{
              id: string;
              rowid: number;
            }>`select client_id as id, rowid from pending_responses`.execute(t.db)
          ).rows.map((r) => ({ id: r.id, key: [r.rowid] }));
    const tokenOrder = orderBy(
      tokenRows,
      dialect === 'postgres' ? (r) => [r.xmin] : (r) => [r.serial],
    );
    const { matches } = linkage(
      tokenOrder,
      orderBy(pending, (r) => r.key),
      truth,
    );
    // The window the README documents: this is why batches are sealed.
    expect(matches).toBeGreaterThan(n * 0.9);
  });

  it('counts pending responses in reports before the seal, and the same counts after it', async () => {
    await materializePending(t.db, studies.questionnaires);
    const before = await readCellCounts(t.db, studies.tokenWave.id);
    expect(before.respondents.reduce((s, r) => s + r.count, 0)).toBe(n);
    expect(await countResponses(t.db, studies.tokenWave.id)).toBe(n);

    // Not due yet: fewer than k, all from today.
    expect(
      await sealDueBatch(t.db, studies.questionnaires, {
        minBatchSize: n + 1,
        today: '2021-09-16',
      }),
    ).toBe(0);
    expect(
      await sealDueBatch(t.db, studies.questionnaires, { minBatchSize: n, today: '2021-09-16' }),
    ).toBe(n);

    const pendingLeft = await t.db.selectFrom('pending_responses').select('client_id').execute();
    expect(pendingLeft).toEqual([]);
    expect(await t.db.selectFrom('pending_answer_counts').selectAll().execute()).toEqual([]);
    const after = await readCellCounts(t.db, studies.tokenWave.id);
    expect(tally(after)).toEqual(tally(before));
    expect(await countResponses(t.db, studies.tokenWave.id)).toBe(n);
    // Sealed rows are counted already: catching up finds nothing.
    expect(await materializePending(t.db, studies.questionnaires)).toBe(0);
  });

  it('after sealing, no ordering of spent tokens and sealed responses links them better than chance', async () => {
    const tokenRows = await systemRows(t.db, dialect, 'tokens');
    const responseRows = await systemRows(t.db, dialect, 'responses');
    expect(tokenRows).toHaveLength(n);
    expect(responseRows).toHaveLength(n);
    const results: string[] = [];
    for (const [tokenName, tokenKey] of Object.entries(orderings(dialect))) {
      for (const [responseName, responseKey] of Object.entries(orderings(dialect))) {
        const { matches, rho } = linkage(
          orderBy(tokenRows, tokenKey),
          orderBy(responseRows, responseKey),
          truth,
        );
        results.push(`${tokenName} × ${responseName}: ${matches} matches, rho ${rho.toFixed(2)}`);
        expect(matches, results.at(-1)).toBeLessThanOrEqual(maxChanceMatches);
        expect(Math.abs(rho), results.at(-1)).toBeLessThan(maxChanceCorrelation);
      }
    }
    if (dialect === 'postgres') {
      // One transaction wrote every sealed row; no token shares its transaction id.
      expect(new Set(responseRows.map((r) => r.xmin)).size).toBe(1);
      const tokenXmins = new Set(tokenRows.map((r) => r.xmin));
      expect(responseRows.some((r) => tokenXmins.has(r.xmin))).toBe(false);
    }
  });

  it('keeps retries idempotent across pending and sealed: the same id is stored once', async () => {
    const sealedId = truth.get(hashToken(tokens[0]!))!;
    // A sealed token response, retried: its first answer, nothing new.
    await expect(
      submitResponse(
        deps,
        'token-study',
        parseSubmission({ id: sealedId, token: tokens[0]!, answers: answersFor(0) }),
      ),
    ).resolves.toEqual({ id: sealedId });
    // An agency-link response, retried while pending and again after its seal.
    const id = randomUUID();
    const body = { id, agency: 'kab-sleman', answers: answersFor(1) };
    await submitResponse(deps, 'open-study', parseSubmission(body));
    await submitResponse(deps, 'open-study', parseSubmission(body));
    expect((await storedResponses(t.db, id)).map((r) => r.sealed)).toEqual([false]);
    await sealDueBatch(t.db, studies.questionnaires, { minBatchSize: 1, today: '2021-09-16' });
    await submitResponse(deps, 'open-study', parseSubmission(body));
    expect((await storedResponses(t.db, id)).map((r) => r.sealed)).toEqual([true]);
    expect(await t.db.selectFrom('pending_responses').select('client_id').execute()).toEqual([]);
    expect(await countResponses(t.db, studies.openWave.id)).toBe(1);
  });

  it('never counts twice a retry that slipped into pending while its first attempt was sealed', async () => {
    const [sealed] = await t.db
      .selectFrom('responses')
      .selectAll()
      .where('wave_id', '=', studies.openWave.id)
      .execute();
    // What the race leaves behind: a pending copy of a sealed id.
    await t.db
      .insertInto('pending_responses')
      .values({
        client_id: sealed!.client_id,
        wave_id: sealed!.wave_id,
        agency_code: sealed!.agency_code,
        questionnaire_id: sealed!.questionnaire_id,
        questionnaire_version: sealed!.questionnaire_version,
        submitted_on: sealed!.submitted_on,
        answers: sealed!.answers,
        materialized: false,
      })
      .execute();
    const before = tally(await readCellCounts(t.db, studies.openWave.id));
    expect(await materializePending(t.db, studies.questionnaires)).toBe(0);
    expect(await countResponses(t.db, studies.openWave.id)).toBe(1);
    expect(tally(await readCellCounts(t.db, studies.openWave.id))).toEqual(before);
    // A day later the batch is due whatever its size; the copy is dropped, not stored again.
    expect(
      await sealDueBatch(t.db, studies.questionnaires, { minBatchSize: 100, today: '2021-09-17' }),
    ).toBe(0);
    expect(await t.db.selectFrom('pending_responses').select('client_id').execute()).toEqual([]);
    expect(await countResponses(t.db, studies.openWave.id)).toBe(1);
  });
});
