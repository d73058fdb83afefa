// Assembles and starts the whole server: database, migrations, questionnaires, demo seed, HTTP, idle materializer.
import { serve, type ServerType } from '@hono/node-server';
import type { Kysely } from 'kysely';
import type { AddressInfo } from 'node:net';
import type { QuestionnaireDefinition } from '../surveys/types.ts';
import { createApp } from './http/app.ts';
import type { Config } from './config.ts';
import { createDatabase } from './storage/db/create-database.ts';
import { migrateToLatest } from './storage/db/migrate.ts';
import type { Database } from './storage/db/schema.ts';
import type { ErrorLogger } from './http/error-handler.ts';
import { startMaterializer } from './services/projection/materializer.ts';
import { publishQuestionnaires } from './services/questionnaires/publish-questionnaires.ts';
import {
  loadQuestionnaireRegistry,
  type CompileQuestionnaire,
  type QuestionnaireRegistry,
} from './services/questionnaires/questionnaire-registry.ts';
import { hasStudies } from './storage/repositories/studies.ts';
import { calendarDay } from './services/submissions/calendar-day.ts';
import { seedDemo, type DemoSeedResult } from './services/seed/seed-demo.ts';
import { ensureAdminKey } from './services/auth/ensure-admin-key.ts';
import { loadSessionSecret } from './services/auth/session-secret.ts';
import { waveMarginSource } from './services/reports/raking-margins.ts';
import { createReportService } from './services/reports/report-service.ts';

export interface StartServerOptions {
  /** `port: 0` picks a free port. */
  config: Config;
  /** The questionnaires the code ships; the first one is the demo's. */
  definitions: readonly QuestionnaireDefinition[];
  compile: CompileQuestionnaire;
  /** Synthetic responses the demo seed loads into an empty database (default none). */
  demoResponses?: number;
  /** Whether the demo seed adds the synthetic KASN-sized wave (default false). */
  demoSyntheticWave?: boolean;
  logError?: ErrorLogger;
  now?: () => Date;
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  db: Kysely<Database>;
  questionnaires: QuestionnaireRegistry;
  /** Set when this start seeded the demo into an empty database. */
  demo: DemoSeedResult | undefined;
  /**
   * A new admin key in clear text, set when this start created it (no `ADMIN_KEY` and no
   * usable admin key stored): print it once, it is never shown again.
   */
  adminKey: string | undefined;
  /** Stops accepting requests, stops the materializer and closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the server: opens and migrates the database, publishes the questionnaires (and
 * refuses to start if a published version was edited), compiles them once, loads the cookie
 * secret and makes sure an admin key exists, seeds the demo into an empty database if
 * configured, then listens.
 *
 * @example
 * const server = await startServer({ config, definitions: questionnaires, compile: compileQuestionnaire });
 * console.log(server.url);
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, logError = console.error, now = () => new Date() } = options;
  const db = createDatabase(config.database);
  try {
    await migrateToLatest(db);
    await publishQuestionnaires(db, options.definitions);
    const questionnaires = await loadQuestionnaireRegistry(db, options.compile);
    const today = calendarDay(config.timeZone)(now());
    const sessionSecret = await loadSessionSecret(db, config.sessionSecret);
    const adminKey = await ensureAdminKey(db, { adminKey: config.adminKey, today });

    let demo: DemoSeedResult | undefined;
    const first = options.definitions[0];
    if (config.seedDemo && first && !(await hasStudies(db))) {
      demo = await seedDemo(db, questionnaires, {
        questionnaire: { id: first.id, version: first.version },
        today,
        responses: options.demoResponses ?? 0,
        syntheticWave: options.demoSyntheticWave ?? false,
      });
    }

    // Raking margins are set per wave by an administrator (the demo seed sets its wave's).
    const reports = createReportService({
      db,
      database: config.database,
      questionnaires,
      margins: waveMarginSource(db),
    });
    const app = createApp({ db, config, questionnaires, reports, logError, now, sessionSecret });
    const server = await listen(app.fetch, config);
    const port = (server.address() as AddressInfo).port;
    const materializer = startMaterializer({
      db,
      questionnaires,
      intervalMs: config.materializeIntervalMs,
      onError: (error) => logError('Materializing responses failed', error),
    });

    return {
      url: `http://${urlHost(config.host)}:${port}`,
      port,
      db,
      questionnaires,
      demo,
      adminKey,
      async close() {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          // Idle keep-alive connections would hold close() open.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await materializer.stop();
        await reports.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  config: Pick<Config, 'port' | 'host'>,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () => {
      server.off('error', reject);
      resolve(server);
    });
    server.once('error', reject);
  });
}

/** A host to put in a URL: wildcard addresses are reached through localhost. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
