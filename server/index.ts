// The server's entry point: read the configuration, start everything, print where to go, stop cleanly on a signal.
import { questionnaires } from '../surveys/index.ts';
import { loadConfig } from './config.ts';
import {
  demoLinkCodeStudyId,
  demoStudyId,
  demoTokenStudyId,
} from './services/seed/demo-study-ids.ts';
import { startServer } from './start-server.ts';
import { compileQuestionnaire } from './services/validation/compile-questionnaire.ts';

/** Synthetic responses in a fresh demo database, so dashboards have something to show. */
const demoResponses = 400;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer({
    config,
    definitions: questionnaires,
    compile: compileQuestionnaire,
    demoResponses,
    demoSyntheticWave: true,
  });

  const where =
    config.database.dialect === 'sqlite' ? config.database.path : 'PostgreSQL (DATABASE_URL)';
  console.log(`Survei Netralitas ASN server listening on ${server.url} (data: ${where})`);
  if (config.seedDemo) console.log(`  respondent page:  ${server.url}/s/${demoStudyId}/kab-sleman`);
  console.log(`  open studies:     ${server.url}/api/studies`);
  console.log(`  public dashboard: ${server.url}/`);
  console.log(
    `  sign in:          ${server.url}/masuk (researchers land on /research, administrators ` +
      'on /admin, agencies on their dashboard /agency)',
  );
  console.log(
    '  an agency key:    npm run --silent admin -- create-key --role agency --agency kab-sleman',
  );
  if (server.adminKey) {
    console.log(
      `Created the first admin key, shown only now (keep it safe; sign in at POST /api/session):\n` +
        `  ${server.adminKey}`,
    );
  }
  if (server.demo) {
    console.log(
      `Seeded the demo: 270 agencies (headcounts are illustrative), ${server.demo.responses} ` +
        'synthetic responses, and these invitation links, shown only now:',
    );
    for (const { agencyCode, token } of server.demo.tokens) {
      console.log(`  ${agencyCode.padEnd(14)} ${server.url}/s/${demoTokenStudyId}/t/${token}`);
    }
    const synthetic = server.demo.syntheticWave;
    if (synthetic) {
      console.log(
        `Seeded a synthetic wave (study ${synthetic.studyId}, ${synthetic.responses} responses drawn from ` +
          `KASN 2021's published rates; labelled synthetic) and a researcher key, shown only now:`,
      );
      console.log(`  researcher key:   ${synthetic.researcherKey}`);
      console.log(
        `  results:          curl -H "Authorization: Bearer ${synthetic.researcherKey}" ` +
          `'${server.url}/api/studies/${synthetic.studyId}/results?by=province&lang=en'`,
      );
    }
    console.log('Coded agency links (every agency has one; they cannot be guessed from its code):');
    for (const { agencyCode, code } of server.demo.linkCodes) {
      console.log(`  ${agencyCode.padEnd(14)} ${server.url}/s/${demoLinkCodeStudyId}/l/${code}`);
    }
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight and closing the database…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
