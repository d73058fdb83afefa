// Issues invitation tokens in batches per agency for a token study; the clear tokens leave only in the returned list.
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import { inTransaction } from '../../storage/db/in-transaction.ts';
import type { Database } from '../../storage/db/schema.ts';
import { findAgency } from '../../storage/repositories/agencies.ts';
import { issueInvitationTokens } from '../../storage/repositories/invitation-tokens.ts';
import { findStudy } from '../../storage/repositories/studies.ts';

/** How many tokens one agency's batch may hold (a large agency's whole staff). */
export const maximumBatchSize = 100_000;

/** A clear invitation token and its agency, shown once. */
export interface IssuedInvitation {
  agencyCode: string;
  token: string;
}

/**
 * Issues `count` tokens for each batch's agency, in one transaction (all batches or none), and
 * returns them in clear text; only their hashes are stored, so this is the only copy.
 * Throws `STUDY_NOT_FOUND`, `STUDY_WITHOUT_TOKENS` for a study that takes agency links,
 * `AGENCY_NOT_FOUND` naming every unknown agency.
 *
 * @example
 * const issued = await issueInvitationBatches(db, 'token-study', [{ agencyCode: 'kab-sleman', count: 50 }]);
 */
export async function issueInvitationBatches(
  db: Kysely<Database>,
  studyId: string,
  batches: readonly { agencyCode: string; count: number }[],
): Promise<IssuedInvitation[]> {
  const study = await findStudy(db, studyId);
  if (!study) throw new AppError('STUDY_NOT_FOUND', `There is no study "${studyId}".`);
  if (!study.usesTokens) {
    throw new AppError(
      'STUDY_WITHOUT_TOKENS',
      `Study "${studyId}" takes agency links, not invitation tokens.`,
    );
  }
  const unknown: { field: string; problem: string }[] = [];
  for (const [i, batch] of batches.entries()) {
    if (!(await findAgency(db, batch.agencyCode))) {
      unknown.push({ field: `batches.${i}.agency`, problem: `no agency "${batch.agencyCode}"` });
    }
  }
  if (unknown.length > 0) {
    throw new AppError('AGENCY_NOT_FOUND', 'Some agencies are not in the frame.', unknown);
  }
  return inTransaction(db, async (trx) => {
    const issued: IssuedInvitation[] = [];
    for (const { agencyCode, count } of batches) {
      const tokens = await issueInvitationTokens(trx, { studyId, agencyCode, count });
      for (const token of tokens) issued.push({ agencyCode, token });
    }
    return issued;
  });
}
