// The server's configuration: every environment variable it reads, parsed and validated once at start-up.
import { isAbsolute, resolve } from 'node:path';

/** Where the data lives: an SQLite file (or `:memory:`) or a PostgreSQL server. */
export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string }
  | {
      dialect: 'postgres';
      url: string;
      /** Schema to put on the search path (tests isolate each suite in its own). */
      schema?: string;
    };

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
  /** An administrator key chosen by the operator (stored hashed); else one is printed at first start. */
  adminKey?: string | undefined;
  /** Signs session cookies; else a secret generated once and kept in the database. */
  sessionSecret?: string | undefined;
  /** How long a sign-in session lasts (default 12 hours). */
  sessionHours?: number | undefined;
  /** Failed sign-ins allowed per client per 15 minutes (default 10). */
  signInAttempts?: number | undefined;
}

/** Default lifetime of a sign-in session, in hours. */
export const defaultSessionHours = 12;

/** Default number of failed sign-ins allowed per client per 15 minutes. */
export const defaultSignInAttempts = 10;

/** Operator-chosen secrets must be at least this long (about 190 bits as base64). */
const minimumSecretLength = 32;

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
 * | `PORT` | 3000 | TCP port |
 * | `HOST` | 127.0.0.1 | interface to listen on (`0.0.0.0` to accept other machines) |
 * | `DATABASE_URL` | data/netralitas.db | file path (or `:memory:`) for SQLite; `postgres://…` for PostgreSQL |
 * | `BODY_LIMIT_KB` | 64 | largest request body, in KiB (1–1024) |
 * | `MATERIALIZE_INTERVAL_MS` | 5000 | idle aggregation interval (100–3600000) |
 * | `TIME_ZONE` | Asia/Jakarta | zone of the submission day |
 * | `CLIENT_DIR` | dist/client | built client to serve |
 * | `SEED_DEMO` | true | seed the demo into an empty database (`true`/`false`) |
 * | `ADMIN_KEY` | none | an admin key of ≥ 32 characters (else one is printed at first start) |
 * | `SESSION_SECRET` | stored in the database | cookie-signing secret of ≥ 32 characters |
 * | `SESSION_HOURS` | 12 | lifetime of a sign-in session (1–720) |
 * | `SIGN_IN_ATTEMPTS` | 10 | failed sign-ins per client per 15 minutes (1–10000) |
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

  const port = read('PORT', 3000, integerIn(1, 65_535));
  const host = read('HOST', '127.0.0.1', (raw) => raw);
  const database = read<DatabaseConfig>(
    'DATABASE_URL',
    { dialect: 'sqlite', path: defaultDatabasePath },
    parseDatabaseUrl,
  );
  const bodyLimitKb = read('BODY_LIMIT_KB', defaultBodyLimitBytes / 1024, integerIn(1, 1024));
  const materializeIntervalMs = read('MATERIALIZE_INTERVAL_MS', 5000, integerIn(100, 3_600_000));
  const timeZone = read('TIME_ZONE', 'Asia/Jakarta', parseTimeZone);
  const clientDir = read('CLIENT_DIR', 'dist/client', (raw) => raw);
  const seedDemo = read('SEED_DEMO', true, parseBoolean);
  const adminKey = read<string | undefined>('ADMIN_KEY', undefined, parseSecret);
  const sessionSecret = read<string | undefined>('SESSION_SECRET', undefined, parseSecret);
  const sessionHours = read('SESSION_HOURS', defaultSessionHours, integerIn(1, 720));
  const signInAttempts = read('SIGN_IN_ATTEMPTS', defaultSignInAttempts, integerIn(1, 10_000));

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
    adminKey,
    sessionSecret,
    sessionHours,
    signInAttempts,
  };
}

function parseSecret(raw: string): string {
  if (raw.length < minimumSecretLength) {
    throw new Error(`too short: use at least ${minimumSecretLength} random characters`);
  }
  return raw;
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
