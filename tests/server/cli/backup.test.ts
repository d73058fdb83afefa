// Tests the SQLite backup and restore commands: an online copy taken while submissions keep arriving, and a verified restore.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupCommand } from '../../../server/cli/backup.ts';
import { parseSubmission } from '../../../server/services/submissions/parse-submission.ts';
import { responseStore } from '../../../server/services/submissions/response-store.ts';
import { sealDueBatch } from '../../../server/services/submissions/seal-batch.ts';
import {
  submitResponse,
  type SubmitDeps,
} from '../../../server/services/submissions/submit-response.ts';
import { createDatabase } from '../../../server/storage/db/create-database.ts';
import { migrateToLatest } from '../../../server/storage/db/migrate.ts';
import { storedResponses } from '../../helpers/stored-responses.ts';
import { validTestAnswers } from '../../helpers/test-questionnaire.ts';
import { setUpTestStudies } from '../../helpers/test-studies.ts';

describe('backup and restore of an SQLite database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backup-'));
  const live = join(dir, 'live.db');
  const db = createDatabase({ dialect: 'sqlite', path: live });
  let deps: SubmitDeps;
  const env = { DATABASE_URL: live };
  const submit = () =>
    submitResponse(
      deps,
      'open-study',
      parseSubmission({ id: randomUUID(), agency: 'kab-sleman', answers: validTestAnswers }),
    );

  beforeAll(async () => {
    await migrateToLatest(db);
    const studies = await setUpTestStudies(db);
    deps = {
      db,
      questionnaires: studies.questionnaires,
      store: responseStore(db),
      today: () => '2021-09-16',
    };
    for (let i = 0; i < 30; i++) await submit();
    await sealDueBatch(db, studies.questionnaires, { minBatchSize: 20, today: '2021-09-16' });
    for (let i = 0; i < 5; i++) await submit();
  });

  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const quiet = () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  };

  it('copies the live database while submissions keep arriving, and restores it intact', async () => {
    quiet();
    const copy = join(dir, 'copy.db');
    // Submissions during the backup: the copy holds one consistent state, the live file keeps all.
    const during = Promise.all(Array.from({ length: 20 }, submit));
    expect(await backupCommand(['backup', copy], env)).toBe(0);
    await during;
    const atBackup = createDatabase({ dialect: 'sqlite', path: copy });
    const copied = await storedResponses(atBackup);
    await atBackup.destroy();
    expect(copied.length).toBeGreaterThanOrEqual(35);
    expect(copied.length).toBeLessThanOrEqual(55);
    expect(copied.filter((r) => r.sealed)).toHaveLength(30);
    expect((await storedResponses(db)).length).toBe(55);

    // Restore into a fresh target (the server is stopped for a restore).
    const target = join(dir, 'restored.db');
    expect(await backupCommand(['restore', copy], { DATABASE_URL: target })).toBe(0);
    const restored = createDatabase({ dialect: 'sqlite', path: target });
    try {
      expect((await storedResponses(restored)).map((r) => r.client_id).sort()).toEqual(
        copied.map((r) => r.client_id).sort(),
      );
    } finally {
      await restored.destroy();
    }
  });

  it('refuses to overwrite a file, to restore something that is not a backup, and PostgreSQL', async () => {
    quiet();
    const existing = join(dir, 'existing.db');
    writeFileSync(existing, 'x');
    expect(await backupCommand(['backup', existing], env)).toBe(1);
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database'.repeat(100));
    const target = join(dir, 'untouched.db');
    expect(await backupCommand(['restore', garbage], { DATABASE_URL: target })).toBe(1);
    expect(await backupCommand(['restore', join(dir, 'missing.db')], env)).toBe(1);
    expect(
      await backupCommand(['backup', join(dir, 'pg.db')], { DATABASE_URL: 'postgres://x@y/z' }),
    ).toBe(2);
    expect(await backupCommand(['copy'], env)).toBe(2);
    // The live database is as it was.
    expect((await storedResponses(db)).length).toBe(55);
  });
});
