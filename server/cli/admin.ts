// The `admin` command: issue, list and revoke access keys in the configured database.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createAccessKey, listAccessKeys, revokeAccessKey } from '../services/auth/access-keys.ts';
import { isRole, roles, type Role } from '../services/auth/principal.ts';
import { calendarDay } from '../services/submissions/calendar-day.ts';
import { createDatabase } from '../storage/db/create-database.ts';
import { migrateToLatest } from '../storage/db/migrate.ts';

const usage = [
  'usage: npm run --silent admin -- COMMAND [options]',
  '  create-key --role researcher|agency|admin [--agency CODE]',
  '                 print one new key on stdout (shown only now; stored hashed)',
  '  list-keys      id, role, agency, created day, revoked (never the keys)',
  '  revoke-key ID  revoke a key and end its sessions',
  '  The database is DATABASE_URL (default data/netralitas.db); it is migrated first.',
].join('\n');

/** Where the command writes; tests capture it. */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CommandOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Parsed =
  | { command: 'create-key'; role: Role; agency: string | undefined }
  | { command: 'list-keys' }
  | { command: 'revoke-key'; id: number };

function parse(argv: string[]): Parsed | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { role: { type: 'string' }, agency: { type: 'string' } },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const [command, ...rest] = parsed.positionals;
  const { role, agency } = parsed.values;
  if (command === 'create-key' && rest.length === 0) {
    if (!isRole(role)) return `--role must be one of ${roles.join(', ')}`;
    return { command, role, agency };
  }
  if (command === 'list-keys' && rest.length === 0 && role === undefined && agency === undefined) {
    return { command };
  }
  if (command === 'revoke-key' && rest.length === 1 && /^[1-9]\d{0,9}$/.test(rest[0]!)) {
    return { command, id: Number(rest[0]) };
  }
  return command === undefined ? 'no command given' : `cannot run "${argv.join(' ')}"`;
}

/**
 * Runs the command; returns the exit code (0 done, 1 refused, e.g. an unknown agency or key,
 * 2 bad arguments). `create-key` prints the key and nothing else on stdout, so scripts can
 * capture it: `KEY=$(npm run --silent admin -- create-key --role researcher)`.
 *
 * @example
 * process.exitCode = await adminCommand(['create-key', '--role', 'researcher'], process.env);
 */
export async function adminCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  output: CommandOutput = consoleOutput,
): Promise<number> {
  const parsed = parse(argv);
  if (typeof parsed === 'string') {
    output.err(`${parsed}\n${usage}`);
    return 2;
  }
  const config = loadConfig(env);
  const db = createDatabase(config.database);
  try {
    await migrateToLatest(db);
    if (parsed.command === 'create-key') {
      const today = calendarDay(config.timeZone)(new Date());
      const { key } = await createAccessKey(db, {
        role: parsed.role,
        agencyCode: parsed.agency ?? null,
        today,
      });
      output.out(key);
    } else if (parsed.command === 'list-keys') {
      output.out('id\trole\tagency\tcreated\trevoked');
      for (const k of await listAccessKeys(db)) {
        output.out([k.id, k.role, k.agencyCode ?? '', k.createdOn, k.revoked].join('\t'));
      }
    } else {
      await revokeAccessKey(db, parsed.id);
      output.err(`Key ${parsed.id} is revoked and its sessions have ended.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const details = (error.details ?? []).map((d) => `  ${Object.values(d).join(': ')}`);
      output.err([error.message, ...details].join('\n'));
      return 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await adminCommand(process.argv.slice(2), process.env);
}
