// Generated small studies for the results layer: a frame of agencies across provinces and types, random agency sizes, optional answers.
import type { Kysely } from 'kysely';
import { importFrame } from '../../server/services/frame/import-frame.ts';
import { parseFrameCsv } from '../../server/services/frame/parse-frame.ts';
import { importResponses } from '../../server/services/projection/import-responses.ts';
import { publishQuestionnaires } from '../../server/services/questionnaires/publish-questionnaires.ts';
import {
  loadQuestionnaireRegistry,
  type QuestionnaireRegistry,
} from '../../server/services/questionnaires/questionnaire-registry.ts';
import { seededRandom } from '../../server/services/seed/seeded-random.ts';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire.ts';
import type { Database } from '../../server/storage/db/schema.ts';
import { saveDisclosureSettings } from '../../server/storage/repositories/disclosure-settings.ts';
import { createStudy } from '../../server/storage/repositories/studies.ts';
import { createWave, type Wave } from '../../server/storage/repositories/waves.ts';
import type { QuestionnaireDefinition } from '../../surveys/types.ts';

const text = (id: string, en: string) => ({ id, en });
const choice = (value: string) => ({ value, text: text(value, value) });
const radio = (name: string, options: string[], isRequired: boolean) => ({
  type: 'radiogroup',
  name,
  title: text(`Pertanyaan ${name}`, `Question ${name}`),
  isRequired,
  choices: options.map(choice),
});

/** Answer options of the generated questionnaire; A4 (sex), Q1 and H2 may be left blank. */
export const resultsOptions = {
  A4: ['perempuan', 'laki_laki'],
  A6: ['sma', 's1', 's2'],
  A9: ['struktural', 'fungsional', 'pelaksana'],
  Q1: ['ya', 'tidak'],
  H2: ['ya', 'tidak'],
} as const;

/**
 * A questionnaire with the netralitas-asn domain variables an agency is broken down by (A4 sex,
 * A6 education, A9 position type), an ordinary item Q1 with a published figure and a sensitive
 * item H2 (experienced pressure).
 */
export const resultsQuestionnaire: QuestionnaireDefinition = {
  id: 'results-test',
  version: 1,
  title: text('Uji hasil', 'Results test'),
  json: {
    pages: [
      {
        name: 'semua',
        elements: [
          radio('A4', [...resultsOptions.A4], false),
          radio('A6', [...resultsOptions.A6], true),
          radio('A9', [...resultsOptions.A9], true),
          radio('Q1', [...resultsOptions.Q1], false),
          radio('H2', [...resultsOptions.H2], false),
          {
            type: 'matrix',
            name: 'I',
            title: text('Instansi', 'Agency'),
            isRequired: true,
            eachRowRequired: true,
            columns: ['1', '2', '3', '4'].map(choice),
            rows: ['I1', 'I2'].map(choice),
          },
        ],
      },
    ],
  },
  domainVariables: [
    { question: 'A4', label: text('Jenis kelamin', 'Sex') },
    { question: 'A6', label: text('Pendidikan', 'Education') },
    { question: 'A9', label: text('Jenis jabatan', 'Position type') },
  ],
  likertIndexes: [
    {
      id: 'indeks',
      label: text('Indeks', 'Index'),
      items: ['I.I1', 'I.I2'],
      scaleMin: 1,
      scaleMax: 4,
      multiplier: 25,
      grades: [],
      methodNote: text('uji', 'test'),
    },
  ],
  referenceFigures: [
    {
      variable: 'Q1',
      options: ['ya'],
      percent: 51.16,
      label: text('Setuju', 'Agree'),
      source: { publisher: 'test', title: 'made up', url: '', published: '2021-12-16' },
      confidence: 'V',
    },
  ],
};

/** 16 agencies: 4 provinces in 2 island regions, each with a province, kabupaten and kota. */
export const resultsFrameCsv = [
  'code,name,type,province,island_region,headcount',
  ...['Satu', 'Dua', 'Tiga', 'Empat'].flatMap((province, p) => {
    const region = p < 2 ? 'Barat' : 'Timur';
    return [
      `prov-${p},Provinsi ${province},provinsi,${province},${region},5000`,
      `kab-${p}a,Kabupaten ${province} A,kabupaten,${province},${region},800`,
      `kab-${p}b,Kabupaten ${province} B,kabupaten,${province},${region},600`,
      `kota-${p},Kota ${province},kota,${province},${region},400`,
    ];
  }),
].join('\n');

export interface ResultsStudy {
  studyId: string;
  wave: Wave;
  /** Respondents per agency code. */
  sizes: Map<string, number>;
}

/**
 * Publishes the questionnaire and imports the frame (once per database).
 *
 * @example
 * const questionnaires = await setUpResultsFrame(db);
 */
export async function setUpResultsFrame(db: Kysely<Database>): Promise<QuestionnaireRegistry> {
  await publishQuestionnaires(db, [resultsQuestionnaire]);
  await importFrame(db, parseFrameCsv(resultsFrameCsv), { headcountIllustrative: false });
  return loadQuestionnaireRegistry(db, compileQuestionnaire);
}

/**
 * A study `studyId` with an open wave and random responses from `seed`: each agency gets 0–40
 * respondents (some none, some below k), answers drawn at random with A4, Q1 and H2 sometimes
 * blank; the `kab-<n>a` agencies answer Q1 `ya` far less often than the others.
 *
 * @example
 * const study = await generateResultsStudy(db, questionnaires, 'gen-1', 'seed-1');
 */
export async function generateResultsStudy(
  db: Kysely<Database>,
  questionnaires: QuestionnaireRegistry,
  studyId: string,
  seed: string,
): Promise<ResultsStudy> {
  await createStudy(db, {
    id: studyId,
    questionnaireId: resultsQuestionnaire.id,
    questionnaireVersion: 1,
    title: text(`Studi ${studyId}`, `Study ${studyId}`),
    usesTokens: false,
  });
  const wave = await createWave(db, {
    studyId,
    name: 'W1',
    // Closed, so released: agencies and the public see results of closed waves only.
    status: 'closed',
    opensOn: '2021-09-01',
    closesOn: '2021-09-30',
  });
  const random = seededRandom(seed);
  const pick = <T>(options: readonly T[]) => options[Math.floor(random() * options.length)] as T;
  const codes = resultsFrameCsv
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0] as string);
  const sizes = new Map<string, number>();
  const responses = [];
  for (const code of codes) {
    const size = pick([0, 2, 4, 7, 9, 12, 15, 22, 31, 40]);
    sizes.set(code, size);
    for (let i = 0; i < size; i++) {
      const answers: Record<string, unknown> = {
        A6: pick(resultsOptions.A6),
        A9: pick(resultsOptions.A9),
      };
      if (random() < 0.9) answers.A4 = pick(resultsOptions.A4);
      // The first kabupaten of each province mostly answers no: something for the marks to find.
      const yes = /^kab-\da$/.test(code) ? 0.15 : 0.6;
      if (random() < 0.85) answers.Q1 = random() < yes ? 'ya' : 'tidak';
      if (random() < 0.8) answers.H2 = random() < 0.2 ? 'ya' : 'tidak';
      answers.I = { I1: pick(['1', '2', '3', '4']), I2: pick(['2', '3', '4']) };
      responses.push({ agencyCode: code, answers, submittedOn: '2021-09-02' });
    }
  }
  await importResponses(db, questionnaires, wave.id, responses);
  return { studyId, wave, sizes };
}

/**
 * Marks a generated study public with the tests' disclosure settings: k = 10, and 15 for the
 * sensitive H2.
 *
 * @example
 * await publishResultsStudy(db, study.studyId);
 */
export async function publishResultsStudy(db: Kysely<Database>, studyId: string): Promise<void> {
  await saveDisclosureSettings(db, {
    studyId,
    minimumCellSize: 10,
    sensitiveMinimumCellSize: 15,
    sensitiveQuestions: ['H2'],
    public: true,
  });
}
