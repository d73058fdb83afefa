// The `backup` and `restore` commands for an SQLite deployment: an online copy of DATABASE_URL, and a verified restore into it.
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.ts';
import { backupSqlite, restoreSqlite } from '../storage/db/sqlite-backup.ts';

const usage =
  'usage: npm run --silent backup -- FILE.db    copy the live database to a new FILE.db\n' +
  '       npm run --silent restore -- FILE.db   replace the database with FILE.db (server stopped)\n' +
  '  The database is DATABASE_URL (default data/netralitas.db). On PostgreSQL use pg_dump\n' +
  '  and pg_restore (see the README).';

/**
 * Runs `backup FILE` or `restore FILE`; returns the exit code (0 done, 1 failed, 2 bad
 * arguments or a PostgreSQL configuration).
 *
 * @example
 * process.exitCode = await backupCommand(['backup', 'backups/today.db'], process.env);
 */
export async function backupCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const [action, file, ...extra] = argv;
  if ((action !== 'backup' && action !== 'restore') || file === undefined || extra.length > 0) {
    console.error(usage);
    return 2;
  }
  const { database } = loadConfig(env);
  if (database.dialect !== 'sqlite' || database.path === ':memory:') {
    console.error(`${action} works on an SQLite file.\n${usage}`);
    return 2;
  }
  try {
    if (action === 'backup') {
      const { pages } = await backupSqlite(database.path, file);
      console.log(`Backed up ${database.path} to ${file} (${pages} pages).`);
    } else {
      const { pages } = await restoreSqlite(file, database.path);
      console.log(`Restored ${database.path} from ${file} (${pages} pages).`);
    }
    return 0;
  } catch (error) {
    console.error(`${action} failed: ${(error as Error).message}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await backupCommand(process.argv.slice(2), process.env);
}
