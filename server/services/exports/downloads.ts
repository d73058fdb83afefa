// The researcher downloads of a wave: microdata CSV, its R, Stata and SPSS syntax, codebook, and the manifest that pins them.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LocalizedText, QuestionnaireDefinition } from '../../../surveys/types.ts';
import type { Database } from '../../storage/db/schema.ts';
import { listAgencies } from '../../storage/repositories/agencies.ts';
import type { Study } from '../../storage/repositories/studies.ts';
import { isStudySynthetic } from '../../storage/repositories/synthetic-studies.ts';
import type { Wave } from '../../storage/repositories/waves.ts';
import { canonicalJson } from '../questionnaires/canonical-json.ts';
import type { QuestionnaireRegistry } from '../questionnaires/questionnaire-registry.ts';
import type { ReportService } from '../reports/report-service.ts';
import type { Language, MarginShares } from '../reports/report-types.ts';
import { microdataLayout, type MicrodataLayout } from './microdata-columns.ts';
import { microdataChunks } from './microdata-csv.ts';
import {
  microdataR,
  microdataSpss,
  microdataStata,
  type ScriptContext,
} from './microdata-scripts.ts';
import { softwareVersion } from './software-version.ts';

/** Where a download comes from. */
export interface DownloadSource {
  db: Kysely<Database>;
  questionnaires: QuestionnaireRegistry;
  reports: ReportService;
  study: Study;
  wave: Wave;
}

/** The file name microdata.csv is saved as; the syntax files read it by this name. */
export const microdataFileName = 'microdata.csv';

function definitionOf(source: DownloadSource): QuestionnaireDefinition {
  return source.questionnaires.get(source.study.questionnaireId, source.study.questionnaireVersion)
    .definition;
}

async function layoutOf(
  source: DownloadSource,
  freeText: boolean,
): Promise<{ layout: MicrodataLayout; margins: readonly MarginShares[] }> {
  const margins = (await source.reports.margins(source.study.id, source.wave.id)) ?? [];
  const layout = microdataLayout(definitionOf(source), { raked: margins.length > 0, freeText });
  return { layout, margins };
}

/**
 * The chunks of microdata.csv (see `microdataChunks`), raked weights from the reports service
 * when the wave has margins. Free text only with `freeText`.
 *
 * @example
 * return c.body(textStream(await microdataCsv(source, { freeText: false })));
 */
export async function microdataCsv(
  source: DownloadSource,
  { freeText }: { freeText: boolean },
): Promise<AsyncGenerator<string>> {
  const { layout } = await layoutOf(source, freeText);
  const { compiled, definition } = source.questionnaires.get(
    source.study.questionnaireId,
    source.study.questionnaireVersion,
  );
  const hasRaked = layout.columns.some((c) => c.kind === 'raked_weight');
  const weights = hasRaked
    ? await source.reports.cellWeights(source.study.id, source.wave.id)
    : null;
  const agencies = await listAgencies(source.db);
  return microdataChunks({
    db: source.db,
    waveId: source.wave.id,
    definition,
    compiled,
    layout,
    headcounts: new Map(agencies.map((a) => [a.code, a.headcount])),
    cellWeights: weights?.weights ?? null,
  });
}

/** The syntax files that read microdata.csv. */
export type ScriptKind = 'R' | 'do' | 'sps';

/**
 * A syntax file for microdata.csv (same columns as its default download, without free text).
 *
 * @example
 * const script = await microdataScript(source, 'R', 'en');
 */
export async function microdataScript(
  source: DownloadSource,
  kind: ScriptKind,
  lang: Language,
): Promise<string> {
  const { layout } = await layoutOf(source, false);
  const context: ScriptContext = {
    studyId: source.study.id,
    waveName: source.wave.name,
    lang,
    csvFile: microdataFileName,
  };
  if (kind === 'R') return microdataR(layout, context);
  if (kind === 'do') return microdataStata(layout, context);
  return microdataSpss(layout, context);
}

/** What manifest.json states, so a published table can be reproduced. */
export interface Manifest {
  study: { id: string; title: LocalizedText; synthetic: boolean };
  wave: { id: number; name: string; status: string; opensOn: string; closesOn: string | null };
  questionnaire: { id: string; version: number; sha256: string };
  frame: { agencies: number; headcountsIllustrative: boolean; sha256: string };
  data: { file: string; responses: number; sha256: string; freeText: false };
  weighting: {
    design: string;
    lonelyStrata: string;
    raked: { margins: readonly MarginShares[]; alsoRakedTo: string; tolerance: number } | null;
  };
  software: { name: string; version: string; node: string };
  generatedAt: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The manifest: questionnaire version and the SHA-256 of its canonical definition, the
 * SHA-256 of the frame (every agency's code, name, type, province, island region, headcount,
 * canonical JSON in code order), the SHA-256 and row count of microdata.csv as downloaded
 * without free text (the file is deterministic, so `sha256sum microdata.csv` checks it), the
 * weighting, the software version and the time it was made. Reads the whole wave once.
 *
 * @example
 * const manifest = await manifestOf(source, new Date());
 */
export async function manifestOf(source: DownloadSource, now: Date): Promise<Manifest> {
  const definition = definitionOf(source);
  const agencies = [...(await listAgencies(source.db))].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  const frame = agencies.map((a) => ({
    code: a.code,
    name: a.name,
    type: a.type,
    province: a.province,
    islandRegion: a.islandRegion,
    headcount: a.headcount,
  }));
  const data = createHash('sha256');
  let lines = 0;
  for await (const chunk of await microdataCsv(source, { freeText: false })) {
    data.update(chunk);
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines++;
  }
  const margins = (await source.reports.margins(source.study.id, source.wave.id)) ?? [];
  const software = softwareVersion();
  return {
    study: {
      id: source.study.id,
      title: source.study.title,
      synthetic: await isStudySynthetic(source.db, source.study.id),
    },
    wave: {
      id: source.wave.id,
      name: source.wave.name,
      status: source.wave.status,
      opensOn: source.wave.opensOn,
      closesOn: source.wave.closesOn,
    },
    questionnaire: {
      id: definition.id,
      version: definition.version,
      sha256: sha256(canonicalJson(definition)),
    },
    frame: {
      agencies: agencies.length,
      headcountsIllustrative: agencies.some((a) => a.headcountIllustrative),
      sha256: sha256(canonicalJson(frame)),
    },
    data: {
      file: microdataFileName,
      responses: Math.max(0, lines - 1),
      sha256: data.digest('hex'),
      freeText: false,
    },
    weighting: {
      design:
        'Stratified by agency, w = N_h / n_h; R: svydesign(ids = ~1, strata = ~agency, fpc = ~stratum_N). ' +
        'Percentages over those who answered; SEs by Taylor linearization; 95% logit intervals.',
      lonelyStrata: 'survey.lonely.psu = "adjust"',
      raked:
        margins.length === 0
          ? null
          : { margins, alsoRakedTo: 'agency headcounts N_h', tolerance: 1e-8 },
    },
    software: { ...software, node: process.version },
    generatedAt: now.toISOString(),
  };
}
