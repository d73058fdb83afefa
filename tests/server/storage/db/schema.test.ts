// Tests the migrated schema on every dialect: anonymity by design (no identifying columns) and repeatable migrations.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialectOf } from '../../../../server/storage/db/dialect.ts';
import { migrateToLatest } from '../../../../server/storage/db/migrate.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';

describe.each(testDialects())('the schema on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);

  /** Tables of this database's own schema (PostgreSQL lists every schema otherwise). */
  const columnsByTable = async () => {
    const schema =
      dialectOf(t.db) === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s
        : undefined;
    const tables = await t.db.introspection.getTables();
    return new Map(
      tables
        .filter((table) => schema === undefined || table.schema === schema)
        .map((table) => [table.name, table.columns.map((c) => c.name)]),
    );
  };

  it('has the tables of responses, the frame, tokens, the analysis projection and sign-in', async () => {
    expect([...(await columnsByTable()).keys()].sort()).toEqual([
      'access_keys',
      'agencies',
      'answer_counts',
      'disclosure_settings',
      'invitation_tokens',
      'pending_answer_counts',
      'pending_profile_counts',
      'pending_responses',
      'profile_counts',
      'profiles',
      'questionnaire_versions',
      'raking_margins',
      'recorded_violations',
      'responses',
      'server_settings',
      'sessions',
      'studies',
      'study_notices',
      'synthetic_studies',
      'wave_link_codes',
      'waves',
    ]);
  });

  it('stores no IP address, user agent, name, NIP or time of day anywhere', async () => {
    const identifying = /ip|addr|agent|ua$|name$|nip|email|phone|time|_at$/i;
    // A staff session's expiry instant: it belongs to a key holder, never to a respondent.
    const allowed = new Set(['agencies.name', 'waves.name', 'sessions.expires_at']);
    for (const [table, columns] of await columnsByTable()) {
      for (const column of columns) {
        if (allowed.has(`${table}.${column}`)) continue;
        expect(`${table}.${column}`).not.toMatch(identifying);
      }
    }
  });

  it('keeps invitation tokens unjoinable to responses: no timestamp, no reference either way', async () => {
    const columns = await columnsByTable();
    expect(columns.get('invitation_tokens')!.sort()).toEqual([
      'agency_code',
      'study_id',
      'token_hash',
      'used',
    ]);
    expect(columns.get('responses')!.sort()).toEqual([
      'agency_code',
      'answers',
      'client_id',
      'id',
      'materialized',
      'questionnaire_id',
      'questionnaire_version',
      'submitted_on',
      'wave_id',
    ]);
    expect(columns.get('pending_responses')!.sort()).toEqual([
      'agency_code',
      'answers',
      'client_id',
      'materialized',
      'questionnaire_id',
      'questionnaire_version',
      'submitted_on',
      'wave_id',
    ]);
  });

  it('does nothing when migrated again', async () => {
    const before = await columnsByTable();
    await migrateToLatest(t.db);
    expect(await columnsByTable()).toEqual(before);
  });
});
