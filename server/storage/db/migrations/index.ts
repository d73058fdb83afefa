// The static, ordered list of migrations: no file-system scanning, so tsx, bundles and tests all see the same list.
import type { Migration } from 'kysely';
import { initialSchema } from './0001-initial-schema.ts';
import { accessKeysAndSessions } from './0002-access-keys-and-sessions.ts';
import { administration } from './0003-administration.ts';
import { reportsSchema } from './0004-reports.ts';
import { sealedBatches } from './0005-sealed-batches.ts';
import { waveLinkCodes } from './0006-wave-link-codes.ts';
import { studyNotice } from './0008-study-notice.ts';
import { recordedViolations } from './0009-recorded-violations.ts';
import { disclosureSettings } from './0010-disclosure-settings.ts';

/** Every migration by name; names sort in the order they must run. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial-schema': initialSchema,
  '0002-access-keys-and-sessions': accessKeysAndSessions,
  '0003-administration': administration,
  '0004-reports': reportsSchema,
  '0005-sealed-batches': sealedBatches,
  '0006-wave-link-codes': waveLinkCodes,
  '0008-study-notice': studyNotice,
  '0009-recorded-violations': recordedViolations,
  '0010-disclosure-settings': disclosureSettings,
};
