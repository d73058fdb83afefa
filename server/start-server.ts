// Assembles and starts the whole server: database, migrations, questionnaires, demo seed, HTTP, idle materializer.
import type { Kysely } from 'kysely';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { QuestionnaireDefinition } from '../surveys/types.ts';
import { createApp } from './http/app.ts';
import { defaultEdgeConfig, type Config, type EdgeConfig } from './config.ts';
import { listen } from './http/node-listener.ts';
import { submissionDaySummary } from './http/submission-day-summary.ts';
import {
  submissionBursts,
  type SubmissionBursts,
} from './services/monitoring/submission-bursts.ts';
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
import type { DemoSeedResult } from './services/seed/seed-demo.ts';
import { ensureAdminKey } from './services/auth/ensure-admin-key.ts';
import { loadSessionSecret } from './services/auth/session-secret.ts';
import { waveMarginSource } from './services/reports/raking-margins.ts';
import { createReportService } from './services/reports/report-service.ts';

export interface StartServerOptions {
  /** `port: 0` picks a free port; edge settings left out take their defaults. */
  config: Omit<Config, 'edge'> & { edge?: Partial<EdgeConfig> };
  /** The questionnaires the code ships; the newest version of the first one's id is the demo's. */
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
  /** Per-agency hourly submission counts of this process, for the fieldwork monitor. */
  bursts: SubmissionBursts;
  /**
   * Graceful shutdown: stops accepting connections, lets requests in flight finish (cut off
   * after `config.shutdownTimeoutMs`), stops the materializer, then closes the database pool.
   */
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
    // The demo uses the newest version of the first questionnaire; older ones stay published.
    const first = options.definitions[0];
    const newest = options.definitions
      .filter((definition) => definition.id === first?.id)
      .reduce<QuestionnaireDefinition | undefined>(
        (best, definition) => (best && best.version >= definition.version ? best : definition),
        undefined,
      );
    if (config.seedDemo && newest && !(await hasStudies(db))) {
      // Loaded only to seed: a server that never seeds keeps the demo's modules out of memory.
      const { seedDemo } = await import('./services/seed/seed-demo.ts');
      demo = await seedDemo(db, questionnaires, {
        questionnaire: { id: newest.id, version: newest.version },
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
    const edge: EdgeConfig = { ...defaultEdgeConfig, ...config.edge };
    // JSON lines on stdout, no timestamp of pino's own (request lines carry theirs; the daily
    // submission line must not), no pid or host name.
    const logger = pino({ base: null, timestamp: false });
    const submissions = submissionDaySummary((line) => logger.info(line));
    const bursts = submissionBursts();
    const app = createApp({
      db,
      config: { ...config, edge },
      questionnaires,
      reports,
      logError,
      now,
      sessionSecret,
      bursts,
      ...(edge.logRequests
        ? { requestLog: { write: (line) => logger.info(line), submissions } }
        : {}),
    });
    const server = await listen(app.fetch, { port: config.port, host: config.host, edge });
    const port = (server.address() as AddressInfo).port;
    const materializer = startMaterializer({
      db,
      questionnaires,
      intervalMs: config.materializeIntervalMs,
      seal: {
        minBatchSize: config.sealBatchSize,
        today: () => calendarDay(config.timeZone)(now()),
      },
      onError: (error) => logError('Materializing responses failed', error),
    });

    return {
      url: `http://${urlHost(config.host)}:${port}`,
      port,
      db,
      questionnaires,
      demo,
      adminKey,
      bursts,
      async close() {
        await new Promise<void>((resolve, reject) => {
          // Requests in flight finish; their keep-alive connections then close.
          const grace = setTimeout(() => {
            if ('closeAllConnections' in server) server.closeAllConnections();
          }, config.shutdownTimeoutMs);
          server.close((error) => {
            clearTimeout(grace);
            if (error) reject(error);
            else resolve();
          });
          // Idle keep-alive connections would hold close() open.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        submissions.flush();
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

/** A host to put in a URL: wildcard addresses are reached through localhost. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
