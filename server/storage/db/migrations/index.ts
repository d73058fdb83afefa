// The static, ordered list of migrations: no file-system scanning, so tsx, bundles and tests all see the same list.
import type { Migration } from 'kysely';
import { initialSchema } from './0001-initial-schema.ts';
import { studyNotice } from './0008-study-notice.ts';

/** Every migration by name; names sort in the order they must run. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial-schema': initialSchema,
  '0008-study-notice': studyNotice,
};
