// The fields of an agency that any visitor may see: everything but its headcount.
import type { Agency } from '../../storage/repositories/agencies.ts';

/** An agency as respondent pages receive it. */
export type PublicAgency = Pick<Agency, 'code' | 'name' | 'type' | 'province' | 'islandRegion'>;

/**
 * Leaves out the headcounts, which are for analysis (and illustrative in the demo). Picks
 * fields one by one so a field added to `Agency` later stays private until listed here.
 *
 * @example
 * c.json(publicAgency(await findAgency(db, 'kab-sleman')))
 */
export function publicAgency(agency: Agency): PublicAgency {
  const { code, name, type, province, islandRegion } = agency;
  return { code, name, type, province, islandRegion };
}
