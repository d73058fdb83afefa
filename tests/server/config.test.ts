// Tests configuration parsing: defaults, each variable, and clear errors for invalid values.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000, localhost, an SQLite file under data/ and a 64 KiB body limit', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { dialect: 'sqlite', path: 'data/netralitas.db' },
      bodyLimitBytes: 65_536,
      materializeIntervalMs: 5000,
      timeZone: 'Asia/Jakarta',
      clientDir: resolve('dist/client'),
      seedDemo: true,
      sessionHours: 12,
      signInAttempts: 10,
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
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/survey' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@db:5432/survey',
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/survey' }).database.dialect).toBe(
      'postgres',
    );
    expect(loadConfig({ DATABASE_URL: '/var/lib/survey.db' }).database).toEqual({
      dialect: 'sqlite',
      path: '/var/lib/survey.db',
    });
    expect(loadConfig({ DATABASE_URL: 'file:local.db' }).database).toEqual({
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
        '  PORT="70000": expected a whole number from 1 to 65535',
        '  DATABASE_URL="mysql://db/x": expected a file path for SQLite or a postgres:// URL',
        '  BODY_LIMIT_KB="lots": expected a whole number from 1 to 1024',
        '  TIME_ZONE="Mars/Olympus": unknown time zone (expected an IANA name such as Asia/Jakarta)',
        '  SEED_DEMO="yes": expected true or false',
      ].join('\n'),
    );
  });
});
