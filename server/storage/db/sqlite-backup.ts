// Online backup and verified restore of an SQLite database file, through SQLite's backup API (better-sqlite3's `backup()`).
import SqliteDatabase from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';

/** What a backup or restore copied. */
export interface BackupResult {
  /** Database pages copied (SQLite's page size is 4 KiB by default). */
  pages: number;
}

/**
 * Copies the live database at `sourcePath` to `destinationPath` while the server keeps
 * serving: SQLite's backup API copies the pages of one consistent state (a snapshot; writes
 * committed meanwhile go into the next backup, never half into this one). The destination
 * is a plain single-file database (no `-wal`), readable at once. Refuses to overwrite an
 * existing file.
 *
 * @example
 * await backupSqlite('data/netralitas.db', 'backups/2026-11-29.db');
 */
export async function backupSqlite(
  sourcePath: string,
  destinationPath: string,
): Promise<BackupResult> {
  if (existsSync(destinationPath)) {
    throw new Error(`${destinationPath} exists already; choose a new file for the backup`);
  }
  const source = new SqliteDatabase(sourcePath, { fileMustExist: true, readonly: true });
  try {
    const { totalPages } = await source.backup(destinationPath);
    const copy = new SqliteDatabase(destinationPath);
    try {
      // A single file, independent of the source's write-ahead log.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return { pages: totalPages };
  } finally {
    source.close();
  }
}

/**
 * Replaces the database at `targetPath` with the backup at `backupPath`, after checking that
 * the backup is an intact SQLite database of this platform (`PRAGMA integrity_check` and the
 * `responses` table). Stop the server first: it would keep serving from its open connection.
 * The target's old `-wal` and `-shm` files are removed so they cannot be replayed over the
 * restored pages.
 *
 * @example
 * await restoreSqlite('backups/2026-11-29.db', 'data/netralitas.db');
 */
export async function restoreSqlite(backupPath: string, targetPath: string): Promise<BackupResult> {
  let backup: SqliteDatabase.Database;
  try {
    backup = new SqliteDatabase(backupPath, { fileMustExist: true, readonly: true });
  } catch (error) {
    throw new Error(`${backupPath} cannot be opened: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    let check: unknown;
    let hasResponses: unknown;
    try {
      check = backup.pragma('integrity_check', { simple: true });
      hasResponses = backup
        .prepare("select 1 from sqlite_master where type = 'table' and name = 'responses'")
        .get();
    } catch (error) {
      throw new Error(`${backupPath} is not an SQLite database: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (check !== 'ok') throw new Error(`${backupPath} is damaged: ${String(check)}`);
    if (!hasResponses) throw new Error(`${backupPath} is not a database of this platform`);
    for (const suffix of ['-wal', '-shm']) rmSync(`${targetPath}${suffix}`, { force: true });
    const { totalPages } = await backup.backup(targetPath);
    return { pages: totalPages };
  } finally {
    backup.close();
  }
}
