// What the HTTP app is built from: the database, the configuration and the compiled questionnaires.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../storage/db/schema.ts';
import type { ErrorLogger } from './error-handler.ts';
import type { QuestionnaireRegistry } from '../services/questionnaires/questionnaire-registry.ts';
import type { ReportService } from '../services/reports/report-service.ts';

/** Everything `createApp` and its routes need; nothing is read from module-level state. */
export interface AppDeps {
  db: Kysely<Database>;
  config: Pick<
    Config,
    'bodyLimitBytes' | 'timeZone' | 'clientDir' | 'sessionHours' | 'signInAttempts'
  > & {
    /**
     * The HTTP edge: `publicOrigin` (the origin browsers see, behind a TLS-terminating proxy)
     * and `clientAddressHeader` (a trusted proxy's client-address header), as the edge
     * settings name them.
     */
    edge?: { publicOrigin?: string | undefined; clientAddressHeader?: string | undefined };
  };
  /**
   * Signs session cookies; `startServer` passes `SESSION_SECRET` or the database's. Default: a
   * random secret for this app alone (cookies then die with it).
   */
  sessionSecret?: string;
  questionnaires: QuestionnaireRegistry;
  /** Where unexpected errors go (default `console.error`). */
  logError?: ErrorLogger;
  /**
   * Reports, fieldwork and export weights (a worker thread; `startServer` passes it). Without
   * it the app computes reports inline with no raking margins, which suits tests of other routes.
   */
  reports?: ReportService;
  /** The clock (tests pin it). */
  now?: () => Date;
}
