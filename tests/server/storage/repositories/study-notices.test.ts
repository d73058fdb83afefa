// Tests storing a study's respondent notice on every dialect: round trip, replacement, refusal of a malformed notice.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoNotice } from '../../../../server/services/seed/demo-notice.ts';
import {
  findStudyNotice,
  setStudyNotice,
  type StudyNotice,
} from '../../../../server/storage/repositories/study-notices.ts';
import { testDialects, useTestDatabase } from '../../../helpers/test-databases.ts';
import { setUpTestStudies } from '../../../helpers/test-studies.ts';

describe.each(testDialects())('study notices on $dialect', (dialect) => {
  const t = useTestDatabase(dialect);
  beforeAll(async () => {
    await setUpTestStudies(t.db);
  });

  it('has none until the study team sets one, then gives it back as set', async () => {
    expect(await findStudyNotice(t.db, 'open-study')).toBeUndefined();
    await setStudyNotice(t.db, 'open-study', demoNotice);
    expect(await findStudyNotice(t.db, 'open-study')).toEqual(demoNotice);
  });

  it('replaces a notice that is set again', async () => {
    const shorter: StudyNotice = { ...demoNotice, estimatedMinutes: 10 };
    await setStudyNotice(t.db, 'closed-study', demoNotice);
    await setStudyNotice(t.db, 'closed-study', shorter);
    expect(await findStudyNotice(t.db, 'closed-study')).toEqual(shorter);
  });

  it.each([
    ['a k below 5', { ...demoNotice, minimumGroupSize: 3 }],
    ['no contact e-mail', { ...demoNotice, contact: { ...demoNotice.contact, email: 'nope' } }],
    ['an untranslated purpose', { ...demoNotice, purpose: { id: 'Tujuan', en: '' } }],
    ['a fractional time', { ...demoNotice, estimatedMinutes: 12.5 }],
  ])('refuses a notice with %s and stores nothing', async (_, notice) => {
    await expect(setStudyNotice(t.db, 'token-study', notice as StudyNotice)).rejects.toThrow();
    expect(await findStudyNotice(t.db, 'token-study')).toBeUndefined();
  });

  it('treats a stored notice edited out of shape as absent, not as half a notice', async () => {
    await sql`insert into study_notices (study_id, notice) values ('token-study', '{"organizer":1}')`.execute(
      t.db,
    );
    expect(await findStudyNotice(t.db, 'token-study')).toBeUndefined();
  });
});
