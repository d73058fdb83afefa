// Adds a batch's in-memory counts to the projection tables, resolving its profiles to ids first.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/db/schema.ts';
import { addAnswerCounts, addProfileCounts } from '../../storage/repositories/analysis-counts.ts';
import { ensureProfiles } from '../../storage/repositories/profiles.ts';
import type { CountAggregate } from './aggregate-responses.ts';

/**
 * Writes an aggregate; call it inside the transaction that also flags (or inserts) the
 * responses it came from, so counts and responses never disagree.
 *
 * @example
 * await db.transaction().execute((trx) => storeAggregate(trx, aggregate));
 */
export async function storeAggregate(
  db: Kysely<Database>,
  aggregate: CountAggregate,
): Promise<void> {
  const ids = await ensureProfiles(db, aggregate.profiles);
  const idOf = new Map(aggregate.profiles.map((p, i) => [p.ref, ids[i]!]));
  const profileId = (ref: string): number => {
    const id = idOf.get(ref);
    if (id === undefined) throw new Error(`Unknown profile reference ${ref}`);
    return id;
  };
  await addProfileCounts(
    db,
    aggregate.profileCounts.map((c) => ({
      waveId: c.waveId,
      agencyCode: c.agencyCode,
      profileId: profileId(c.profileRef),
      respondents: c.respondents,
    })),
  );
  await addAnswerCounts(
    db,
    aggregate.answerCounts.map((c) => ({
      waveId: c.waveId,
      agencyCode: c.agencyCode,
      profileId: profileId(c.profileRef),
      variable: c.variable,
      option: c.option,
      count: c.count,
    })),
  );
}
