// Tests configuration parsing: defaults, each variable, and clear errors for invalid values.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEdgeConfig, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000, localhost, an SQLite file under data/ and a 64 KiB body limit', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { dialect: 'sqlite', path: 'data/netralitas.db', synchronous: 'full' },
      bodyLimitBytes: 65_536,
      materializeIntervalMs: 5000,
      timeZone: 'Asia/Jakarta',
      clientDir: resolve('dist/client'),
      seedDemo: true,
      sessionHours: 12,
      signInAttempts: 10,
      edge: defaultEdgeConfig,
      shutdownTimeoutMs: 10_000,
      sealBatchSize: 100,
    });
  });

  it('never seeds the demo under NODE_ENV=production, and refuses SEED_DEMO=true there', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(
      'SEED_DEMO="true": the demo is never seeded when NODE_ENV=production',
    );
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('configures the PostgreSQL pool, its statement timeout and SQLite durability', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/s' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@db/s',
      poolSize: 10,
      statementTimeoutMs: 30_000,
    });
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://u@db/s',
        DATABASE_POOL_SIZE: '40',
        DATABASE_STATEMENT_TIMEOUT_MS: '0',
      }).database,
    ).toMatchObject({ poolSize: 40, statementTimeoutMs: 0 });
    expect(loadConfig({ SQLITE_SYNCHRONOUS: 'normal' }).database).toMatchObject({
      synchronous: 'normal',
    });
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      'SQLITE_SYNCHRONOUS="off": expected full or normal',
    );
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow('DATABASE_POOL_SIZE="0"');
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2500', SEAL_BATCH_SIZE: '7' })).toMatchObject({
      shutdownTimeoutMs: 2500,
      sealBatchSize: 7,
    });
  });

  it('reads the sign-in variables and refuses short secrets', () => {
    const config = loadConfig({
      ADMIN_KEY: 'a'.repeat(32),
      SESSION_SECRET: 's'.repeat(40),
      SESSION_HOURS: '8',
      SIGN_IN_ATTEMPTS: '5',
    });
    expect(config).toMatchObject({
      adminKey: 'a'.repeat(32),
      sessionSecret: 's'.repeat(40),
      sessionHours: 8,
      signInAttempts: 5,
    });
    expect(() =>
      loadConfig({
        ADMIN_KEY: 'short',
        SESSION_SECRET: 'short',
        SESSION_HOURS: '0',
      }),
    ).toThrow(/ADMIN_KEY.*too short[\s\S]*SESSION_SECRET.*too short[\s\S]*SESSION_HOURS/);
  });

  it('selects PostgreSQL for a postgres URL and SQLite for a file path', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/survey' }).database).toMatchObject({
      dialect: 'postgres',
      url: 'postgres://u@db:5432/survey',
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/survey' }).database.dialect).toBe(
      'postgres',
    );
    expect(loadConfig({ DATABASE_URL: '/var/lib/survey.db' }).database).toMatchObject({
      dialect: 'sqlite',
      path: '/var/lib/survey.db',
    });
    expect(loadConfig({ DATABASE_URL: 'file:local.db' }).database).toMatchObject({
      dialect: 'sqlite',
      path: 'local.db',
    });
  });

  it('reads every other variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      BODY_LIMIT_KB: '16',
      MATERIALIZE_INTERVAL_MS: '250',
      TIME_ZONE: 'Asia/Jayapura',
      CLIENT_DIR: '/srv/client',
      SEED_DEMO: 'false',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      bodyLimitBytes: 16_384,
      materializeIntervalMs: 250,
      timeZone: 'Asia/Jayapura',
      clientDir: '/srv/client',
      seedDemo: false,
    });
  });

  it('names every invalid variable in one error', () => {
    expect(() =>
      loadConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://db/x',
        BODY_LIMIT_KB: 'lots',
        TIME_ZONE: 'Mars/Olympus',
        SEED_DEMO: 'yes',
      }),
    ).toThrow(
      [
        'Invalid configuration:',
        '  PORT="70000": expected a whole number from 0 to 65535',
        '  DATABASE_URL="mysql://db/x": expected a file path for SQLite or a postgres:// URL',
        '  BODY_LIMIT_KB="lots": expected a whole number from 1 to 1024',
        '  TIME_ZONE="Mars/Olympus": unknown time zone (expected an IANA name such as Asia/Jakarta)',
        '  SEED_DEMO="yes": expected true or false',
      ].join('\n'),
    );
  });

  it('reads the edge settings: public origin, timeouts, rate limit, address header, request log', () => {
    expect(
      loadConfig({
        PUBLIC_ORIGIN: 'https://survei.example.go.id/',
        REQUEST_TIMEOUT_MS: '20000',
        HEADERS_TIMEOUT_MS: '5000',
        SUBMIT_RATE_LIMIT_PER_MINUTE: '600',
        CLIENT_ADDRESS_HEADER: 'X-Real-IP',
        LOG_REQUESTS: 'false',
      }).edge,
    ).toEqual({
      publicOrigin: 'https://survei.example.go.id',
      requestTimeoutMs: 20_000,
      headersTimeoutMs: 5000,
      submitRateLimitPerMinute: 600,
      clientAddressHeader: 'x-real-ip',
      logRequests: false,
    });
  });

  it('refuses a public origin with a path, a non-http scheme, or a bad header name', () => {
    for (const bad of ['https://survei.example/app', 'ftp://survei.example', 'survei.example']) {
      expect(() => loadConfig({ PUBLIC_ORIGIN: bad })).toThrow(/PUBLIC_ORIGIN/);
    }
    expect(() => loadConfig({ CLIENT_ADDRESS_HEADER: 'x real ip' })).toThrow(
      /CLIENT_ADDRESS_HEADER/,
    );
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '10' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});
