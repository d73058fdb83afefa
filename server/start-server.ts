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

export interface StartServerOptions {
  /** `port: 0` picks a free port. */
  config: Config;
  /** The questionnaires the code ships; the newest version of the first one's id is the demo's. */
  definitions: readonly QuestionnaireDefinition[];
  compile: CompileQuestionnaire;
  /** Synthetic responses the demo seed loads into an empty database (default none). */
  demoResponses?: number;
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
  /** Stops accepting requests, stops the materializer and closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the server: opens and migrates the database, publishes the questionnaires (and
 * refuses to start if a published version was edited), compiles them once, seeds the demo
 * into an empty database if configured, then listens.
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

    let demo: DemoSeedResult | undefined;
    // The demo uses the newest version of the first questionnaire; older ones stay published.
    const first = options.definitions[0];
    const newest = options.definitions
      .filter((definition) => definition.id === first?.id)
      .reduce<QuestionnaireDefinition | undefined>(
        (best, definition) => (best && best.version >= definition.version ? best : definition),
        undefined,
      );
    if (config.seedDemo && newest && !(await hasStudies(db))) {
      demo = await seedDemo(db, questionnaires, {
        questionnaire: { id: newest.id, version: newest.version },
        today: calendarDay(config.timeZone)(now()),
        responses: options.demoResponses ?? 0,
      });
    }

    const app = createApp({ db, config, questionnaires, logError, now });
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
      async close() {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          // Idle keep-alive connections would hold close() open.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await materializer.stop();
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
