// Who a request speaks for once signed in: a role and, for agency keys, the agency.
import type { Role } from '../../storage/db/schema.ts';

export type { Role } from '../../storage/db/schema.ts';

/** The roles that sign in with a key (respondents use links and tokens instead). */
export const roles = ['admin', 'researcher', 'agency'] as const satisfies readonly Role[];

/** A signed-in caller. `agencyCode` is set exactly for the agency role. */
export interface Principal {
  role: Role;
  agencyCode: string | null;
}

/** A principal and the key it signed in with (for revocation and sessions). */
export interface KeyPrincipal extends Principal {
  keyId: number;
}

/**
 * Whether a value names a role (for command-line and other untyped input).
 *
 * @example
 * isRole('researcher') // true
 */
export function isRole(value: unknown): value is Role {
  return (roles as readonly unknown[]).includes(value);
}
