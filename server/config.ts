// The server's configuration: every environment variable it reads, parsed and validated once at start-up.
import { isAbsolute, resolve } from 'node:path';

/** Where the data lives: an SQLite file (or `:memory:`) or a PostgreSQL server. */
export type DatabaseConfig =
  | {
      dialect: 'sqlite';
      path: string;
      /**
       * `full` (default): a commit is on disk before it is acknowledged, so it survives a power
       * loss or OS crash; `normal`: it survives a crash of the process only.
       */
      synchronous?: SqliteSynchronous;
    }
  | {
      dialect: 'postgres';
      url: string;
      /** Schema to put on the search path (tests isolate each suite in its own). */
      schema?: string;
      /** Connections per server process (default 10). */
      poolSize?: number;
      /** Longest a statement may run before PostgreSQL cancels it, in ms; 0 = no limit (default 30 s). */
      statementTimeoutMs?: number;
    };

/** SQLite's `synchronous` setting in WAL mode, as far as this server offers it. */
export type SqliteSynchronous = 'full' | 'normal';

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Largest accepted request body in bytes; a questionnaire's answers are a few KB. */
  bodyLimitBytes: number;
  /** How often idle responses are folded into the analysis counts. */
  materializeIntervalMs: number;
  /** Calendar of the `submitted_on` day (IANA zone). */
  timeZone: string;
  /** The built client (Vite output); served when it exists. */
  clientDir: string;
  /** Whether an empty database gets the demo frame, studies, tokens and responses. */
  seedDemo: boolean;
  /**
   * On SIGTERM/SIGINT: how long requests in flight may take to finish (ms) before their
   * connections are closed; the database pool closes after them.
   */
  shutdownTimeoutMs: number;
  /** Responses at least in a batch before it is sealed (see services/submissions/seal-batch.ts). */
  sealBatchSize: number;
}

/** The default SQLite file, relative to the working directory. */
export const defaultDatabasePath = 'data/netralitas.db';

/** 64 KiB: roughly ten times the largest complete answer set of the KASN questionnaire. */
export const defaultBodyLimitBytes = 64 * 1024;

type Env = Record<string, string | undefined>;

/**
 * Reads the configuration from the environment, reporting every invalid variable at once.
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | `PORT` | 3000 | TCP port (0 picks a free one) |
 * | `HOST` | 127.0.0.1 | interface to listen on (`0.0.0.0` to accept other machines) |
 * | `DATABASE_URL` | data/netralitas.db | file path (or `:memory:`) for SQLite; `postgres://…` for PostgreSQL |
 * | `BODY_LIMIT_KB` | 64 | largest request body, in KiB (1–1024) |
 * | `MATERIALIZE_INTERVAL_MS` | 5000 | idle aggregation interval (100–3600000) |
 * | `TIME_ZONE` | Asia/Jakarta | zone of the submission day |
 * | `CLIENT_DIR` | dist/client | built client to serve |
 * | `NODE_ENV` | – | `production` turns the demo seed off (and forbids `SEED_DEMO=true`) |
 * | `SEED_DEMO` | true (false in production) | seed the demo into an empty database (`true`/`false`) |
 * | `SQLITE_SYNCHRONOUS` | full | `full`: durable on power loss; `normal`: on process crash only |
 * | `DATABASE_POOL_SIZE` | 10 | PostgreSQL connections per process (1–1000) |
 * | `DATABASE_STATEMENT_TIMEOUT_MS` | 30000 | PostgreSQL statement timeout (0 = none, up to 3600000) |
 * | `SHUTDOWN_TIMEOUT_MS` | 10000 | grace for requests in flight on shutdown (0–600000) |
 * | `SEAL_BATCH_SIZE` | 100 | responses per sealed batch at least (1–1000000) |
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: T, parse: (raw: string) => T): T => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    try {
      return parse(raw);
    } catch (error) {
      problems.push(`${name}=${JSON.stringify(raw)}: ${(error as Error).message}`);
      return fallback;
    }
  };

  const port = read('PORT', 3000, integerIn(0, 65_535));
  const host = read('HOST', '127.0.0.1', (raw) => raw);
  const url = read<DatabaseConfig>(
    'DATABASE_URL',
    { dialect: 'sqlite', path: defaultDatabasePath },
    parseDatabaseUrl,
  );
  const synchronous = read<SqliteSynchronous>(
    'SQLITE_SYNCHRONOUS',
    'full',
    oneOf('full', 'normal'),
  );
  const poolSize = read('DATABASE_POOL_SIZE', 10, integerIn(1, 1000));
  const statementTimeoutMs = read('DATABASE_STATEMENT_TIMEOUT_MS', 30_000, integerIn(0, 3_600_000));
  const database: DatabaseConfig =
    url.dialect === 'sqlite' ? { ...url, synchronous } : { ...url, poolSize, statementTimeoutMs };
  const bodyLimitKb = read('BODY_LIMIT_KB', defaultBodyLimitBytes / 1024, integerIn(1, 1024));
  const materializeIntervalMs = read('MATERIALIZE_INTERVAL_MS', 5000, integerIn(100, 3_600_000));
  const timeZone = read('TIME_ZONE', 'Asia/Jakarta', parseTimeZone);
  const clientDir = read('CLIENT_DIR', 'dist/client', (raw) => raw);
  const production = env.NODE_ENV?.trim() === 'production';
  const seedDemo = read('SEED_DEMO', !production, parseBoolean);
  // Demo responses and printed invitation links must never reach a real study's database.
  if (production && seedDemo) {
    problems.push('SEED_DEMO="true": the demo is never seeded when NODE_ENV=production');
  }
  const shutdownTimeoutMs = read('SHUTDOWN_TIMEOUT_MS', 10_000, integerIn(0, 600_000));
  const sealBatchSize = read('SEAL_BATCH_SIZE', 100, integerIn(1, 1_000_000));

  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return {
    port,
    host,
    database,
    bodyLimitBytes: bodyLimitKb * 1024,
    materializeIntervalMs,
    timeZone,
    clientDir: isAbsolute(clientDir) ? clientDir : resolve(clientDir),
    seedDemo,
    shutdownTimeoutMs,
    sealBatchSize,
  };
}

function oneOf<T extends string>(...values: T[]): (raw: string) => T {
  return (raw) => {
    const value = values.find((v) => v === raw.toLowerCase());
    if (value === undefined) throw new Error(`expected ${values.join(' or ')}`);
    return value;
  };
}

function integerIn(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= min && value <= max)) {
      throw new Error(`expected a whole number from ${min} to ${max}`);
    }
    return value;
  };
}

function parseDatabaseUrl(raw: string): DatabaseConfig {
  if (/^postgres(ql)?:\/\//.test(raw)) {
    if (!URL.canParse(raw)) throw new Error('not a valid postgres:// URL');
    return { dialect: 'postgres', url: raw };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw new Error('expected a file path for SQLite or a postgres:// URL');
  }
  const path = raw.startsWith('file:') ? raw.slice('file:'.length) : raw;
  if (path === '') throw new Error('empty SQLite file path');
  return { dialect: 'sqlite', path };
}

function parseTimeZone(raw: string): string {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: raw });
  } catch {
    throw new Error('unknown time zone (expected an IANA name such as Asia/Jakarta)');
  }
  return raw;
}

function parseBoolean(raw: string): boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new Error('expected true or false');
}
