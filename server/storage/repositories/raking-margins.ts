// Queries on a wave's raking margins: replace them all at once, read them back as shares per variable.
import type { Kysely } from 'kysely';
import { chunks } from '../db/chunks.ts';
import { inTransaction } from '../db/in-transaction.ts';
import type { Database } from '../db/schema.ts';

/** The margin of one raking variable: population share by level, adding up to 1. */
export interface MarginShares {
  variable: string;
  shares: Record<string, number>;
}

/**
 * Replaces every margin of a wave with `margins`, atomically.
 *
 * @example
 * await replaceWaveMargins(db, 3, [{ variable: 'A4', shares: { laki_laki: 0.52, perempuan: 0.48 } }]);
 */
export async function replaceWaveMargins(
  db: Kysely<Database>,
  waveId: number,
  margins: readonly MarginShares[],
): Promise<void> {
  const rows = margins.flatMap(({ variable, shares }) =>
    Object.entries(shares).map(([level, share]) => ({ wave_id: waveId, variable, level, share })),
  );
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('raking_margins').where('wave_id', '=', waveId).execute();
    for (const chunk of chunks(rows, 500)) {
      await trx.insertInto('raking_margins').values(chunk).execute();
    }
  });
}

/**
 * A wave's margins by variable (in name order), or an empty list when none are set. This is
 * the shape the reports service's `MarginSource` hands to raking.
 *
 * @example
 * const margins = await findWaveMargins(db, 3);
 */
export async function findWaveMargins(
  db: Kysely<Database>,
  waveId: number,
): Promise<MarginShares[]> {
  const rows = await db
    .selectFrom('raking_margins')
    .select(['variable', 'level', 'share'])
    .where('wave_id', '=', waveId)
    .orderBy('variable')
    .orderBy('level')
    .execute();
  const byVariable = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const shares = byVariable.get(row.variable) ?? {};
    shares[row.level] = Number(row.share);
    byVariable.set(row.variable, shares);
  }
  return [...byVariable].map(([variable, shares]) => ({ variable, shares }));
}
