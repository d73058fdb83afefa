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
  /** An administrator key chosen by the operator (stored hashed); else one is printed at first start. */
  adminKey?: string | undefined;
  /** Signs session cookies; else a secret generated once and kept in the database. */
  sessionSecret?: string | undefined;
  /** How long a sign-in session lasts (default 12 hours). */
  sessionHours?: number | undefined;
  /** Failed sign-ins allowed per client per 15 minutes (default 10). */
  signInAttempts?: number | undefined;
  /** The HTTP edge: origin, timeouts, submission rate limit, request log. */
  edge: EdgeConfig;
  /**
   * On SIGTERM/SIGINT: how long requests in flight may take to finish (ms) before their
   * connections are closed; the database pool closes after them.
   */
  shutdownTimeoutMs: number;
  /** Responses at least in a batch before it is sealed (see services/submissions/seal-batch.ts). */
  sealBatchSize: number;
}

/** Default lifetime of a sign-in session, in hours. */
export const defaultSessionHours = 12;

/** Default number of failed sign-ins allowed per client per 15 minutes. */
export const defaultSignInAttempts = 10;

/** Operator-chosen secrets must be at least this long (about 190 bits as base64). */
const minimumSecretLength = 32;

/** Settings of the HTTP edge (server/http/middleware and node-listener.ts). */
export interface EdgeConfig {
  /** The origin browsers see, e.g. `https://survei.example.go.id`; unset: the request's own. */
  publicOrigin: string | undefined;
  /** Longest time to receive a whole request, headers and body (Node `requestTimeout`). */
  requestTimeoutMs: number;
  /** Longest time to receive the request headers (Node `headersTimeout`). */
  headersTimeoutMs: number;
  /** Submissions one client address may send per minute. */
  submitRateLimitPerMinute: number;
  /** Header a trusted proxy sets to the client address; unset: the TCP peer. */
  clientAddressHeader: string | undefined;
  /** Whether request lines are written to stdout. */
  logRequests: boolean;
}

/** Defaults of the edge settings; README "Security" explains each number. */
export const defaultEdgeConfig: EdgeConfig = {
  publicOrigin: undefined,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  submitRateLimitPerMinute: 120,
  clientAddressHeader: undefined,
  logRequests: true,
};

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
 * | `ADMIN_KEY` | none | an admin key of ≥ 32 characters (else one is printed at first start) |
 * | `SESSION_SECRET` | stored in the database | cookie-signing secret of ≥ 32 characters |
 * | `SESSION_HOURS` | 12 | lifetime of a sign-in session (1–720) |
 * | `SIGN_IN_ATTEMPTS` | 10 | failed sign-ins per client per 15 minutes (1–10000) |
 * | `PUBLIC_ORIGIN` | (the request's) | origin browsers use, e.g. `https://survei.example.go.id` |
 * | `REQUEST_TIMEOUT_MS` | 30000 | longest time to receive a whole request (1000–600000) |
 * | `HEADERS_TIMEOUT_MS` | 10000 | longest time to receive request headers (1000–600000) |
 * | `SUBMIT_RATE_LIMIT_PER_MINUTE` | 120 | submissions per client address per minute (1–1000000) |
 * | `CLIENT_ADDRESS_HEADER` | (none) | header a trusted proxy sets to the client address |
 * | `LOG_REQUESTS` | true | one JSON line per request on stdout (`true`/`false`) |
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
  const adminKey = read<string | undefined>('ADMIN_KEY', undefined, parseSecret);
  const sessionSecret = read<string | undefined>('SESSION_SECRET', undefined, parseSecret);
  const sessionHours = read('SESSION_HOURS', defaultSessionHours, integerIn(1, 720));
  const signInAttempts = read('SIGN_IN_ATTEMPTS', defaultSignInAttempts, integerIn(1, 10_000));
  const d = defaultEdgeConfig;
  const edge: EdgeConfig = {
    publicOrigin: read('PUBLIC_ORIGIN', d.publicOrigin, parseOrigin),
    requestTimeoutMs: read('REQUEST_TIMEOUT_MS', d.requestTimeoutMs, integerIn(1000, 600_000)),
    headersTimeoutMs: read('HEADERS_TIMEOUT_MS', d.headersTimeoutMs, integerIn(1000, 600_000)),
    submitRateLimitPerMinute: read(
      'SUBMIT_RATE_LIMIT_PER_MINUTE',
      d.submitRateLimitPerMinute,
      integerIn(1, 1_000_000),
    ),
    clientAddressHeader: read('CLIENT_ADDRESS_HEADER', d.clientAddressHeader, parseHeaderName),
    logRequests: read('LOG_REQUESTS', d.logRequests, parseBoolean),
  };
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
    adminKey,
    sessionSecret,
    sessionHours,
    signInAttempts,
    edge,
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

function parseOrigin(raw: string): string {
  if (!URL.canParse(raw))
    throw new Error('expected an origin such as https://survei.example.go.id');
  const url = new URL(raw);
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.origin !== raw.replace(/\/$/, '')
  ) {
    throw new Error(
      'expected scheme, host and optional port only, e.g. https://survei.example.go.id',
    );
  }
  return url.origin;
}

function parseHeaderName(raw: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(raw)) throw new Error('expected a header name such as x-real-ip');
  return raw.toLowerCase();
}
