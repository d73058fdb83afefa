// The `import-frame` command: loads an agency frame CSV into the configured database, all or nothing.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createDatabase } from '../storage/db/create-database.ts';
import { migrateToLatest } from '../storage/db/migrate.ts';
import { AppError, type CsvProblem } from '../errors.ts';
import { importFrameFile } from '../services/frame/import-frame.ts';

const usage =
  'usage: npm run --silent import-frame -- FRAME.csv [--illustrative]\n' +
  '  FRAME.csv columns: code,name,type,province,island_region,headcount\n' +
  '  --illustrative  the headcounts are stand-ins, to be labelled as such in reports\n' +
  '  The database is DATABASE_URL (default data/netralitas.db).';

function describeProblem(problem: CsvProblem): string {
  const column =
    problem.column === null
      ? ''
      : `, column ${problem.column}${problem.columnName ? ` (${problem.columnName})` : ''}`;
  return `line ${problem.line}${column}: ${problem.problem}`;
}

/**
 * Runs the command; returns the exit code (0 imported, 1 bad file, 2 bad arguments).
 *
 * @example
 * process.exitCode = await importFrameCommand(['frame.csv'], process.env);
 */
export async function importFrameCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { illustrative: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    console.error(usage);
    return 2;
  }
  const db = createDatabase(loadConfig(env).database);
  try {
    await migrateToLatest(db);
    const { imported, removed, kept } = await importFrameFile(db, file, {
      headcountIllustrative: parsed.values.illustrative === true,
    });
    console.log(`Imported ${imported} agencies from ${file}.`);
    if (removed.length > 0)
      console.log(`Removed ${removed.length} left out: ${removed.join(', ')}.`);
    if (kept.length > 0) {
      console.log(
        `Kept ${kept.length} left out that responses, tokens, keys or links name: ${kept.join(', ')}.`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_FRAME') {
      console.error(`${file}: ${error.message} Nothing was imported.`);
      for (const problem of (error.details ?? []) as CsvProblem[])
        console.error(`  ${describeProblem(problem)}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`${file}: no such file`);
      return 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await importFrameCommand(process.argv.slice(2), process.env);
}
