// Turns the R survey fixture (test_small.csv) into a stored study: its questionnaire, its agency frame, its answer sets.
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import type { Database } from '../../server/storage/db/schema.ts';
import { importFrame } from '../../server/services/frame/import-frame.ts';
import { parseFrameCsv } from '../../server/services/frame/parse-frame.ts';
import { publishQuestionnaires } from '../../server/services/questionnaires/publish-questionnaires.ts';
import {
  loadQuestionnaireRegistry,
  type QuestionnaireRegistry,
} from '../../server/services/questionnaires/questionnaire-registry.ts';
import { createStudy } from '../../server/storage/repositories/studies.ts';
import { createWave, type Wave } from '../../server/storage/repositories/waves.ts';
import { compileQuestionnaire } from '../../server/services/validation/compile-questionnaire.ts';
import type { QuestionnaireDefinition } from '../../surveys/types.ts';

/** A respondent of test_small.csv, as text (blank = not answered). */
export type FixtureRecord = Readonly<Record<string, string>>;

/** The fixture's categorical questions and the answers that occur in it (R's factor levels). */
export const rFixtureQuestions = [
  { name: 'q1', options: ['1', '2', '3', '4', '5'] },
  { name: 'q2', options: ['DK', 'No', 'Yes'] },
  { name: 'q3', options: ['A', 'B', 'C', 'D'] },
  { name: 'q4', options: ['A', 'B', 'C', 'D'] },
  { name: 'q5', options: ['A', 'B', 'C', 'D', 'E'] },
] as const;

/** The options of the multi-select `ms` (columns ms_a…ms_d); SurveyJS's none item comes after them. */
export const rFixtureMultiSelectOptions = ['a', 'b', 'c', 'd'] as const;

/** The value SurveyJS gives its built-in "none" item (`showNoneItem`). */
export const noneOption = 'none';

const genders = ['F', 'M'];
const ageGroups = ['<30', '30-44', '45-59', '60+'];
const text = (id: string, en: string) => ({ default: id, en });

/**
 * The fixture as a published questionnaire: `gender` and `age_group` are respondent-level
 * domain variables, q1…q5 single choices (not required: q3 has item non-response) and `ms` a
 * checkbox with a none item. R's base for the multi-select is every respondent, ticks or not;
 * in SurveyJS an empty checkbox is "not answered", so a respondent who ticked nothing answers
 * `['none']`, which keeps them in the base.
 */
export const rFixtureQuestionnaire: QuestionnaireDefinition = {
  id: 'r-fixture',
  version: 1,
  title: { id: 'Data uji R survey', en: 'R survey fixture' },
  json: {
    pages: [
      {
        name: 'semua',
        elements: [
          {
            type: 'radiogroup',
            name: 'gender',
            title: text('Jenis kelamin', 'Gender'),
            isRequired: true,
            choices: genders,
          },
          {
            type: 'radiogroup',
            name: 'age_group',
            title: text('Kelompok umur', 'Age group'),
            isRequired: true,
            choices: ageGroups,
          },
          ...rFixtureQuestions.map((question) => ({
            type: 'radiogroup',
            name: question.name,
            title: text(`Pertanyaan ${question.name}`, `Question ${question.name}`),
            choices: [...question.options],
          })),
          {
            type: 'checkbox',
            name: 'ms',
            title: text('Pilihan ganda', 'Multi-select'),
            isRequired: true,
            choices: [...rFixtureMultiSelectOptions],
            showNoneItem: true,
          },
        ],
      },
    ],
  },
  domainVariables: [
    { question: 'gender', label: { id: 'Jenis kelamin', en: 'Gender' } },
    { question: 'age_group', label: { id: 'Kelompok umur', en: 'Age group' } },
  ],
  referenceFigures: [],
};

/**
 * The frame code of a fixture agency: frame codes are lower case (`AG001` → `ag001`), which
 * keeps their code-unit order and so the strata's order.
 */
export function agencyCodeOf(agency: string): string {
  return agency.toLowerCase();
}

/** The fixture's agency name (R's domain label) of a frame code; inverse of {@link agencyCodeOf}. */
export function fixtureAgencyOf(code: string): string {
  return code.toUpperCase();
}

/**
 * The fixture's agencies as a frame file: code from `agency`, headcount from `stratum_N`,
 * province from the data; type and island region are the same for all (no R domain uses them).
 *
 * @example
 * parseFrameCsv(rFixtureFrameCsv(records));
 */
export function rFixtureFrameCsv(records: readonly FixtureRecord[]): string {
  const agencies = new Map<string, FixtureRecord>();
  for (const record of records) {
    if (!agencies.has(record.agency as string)) agencies.set(record.agency as string, record);
  }
  return Papa.unparse(
    [...agencies.values()].map((record) => ({
      code: agencyCodeOf(record.agency as string),
      name: `Instansi ${record.agency}`,
      type: 'kabupaten',
      province: record.province,
      island_region: 'Fiksi',
      headcount: record.stratum_N,
    })),
    { newline: '\n' },
  );
}

/**
 * A fixture respondent's answer set as the respondent page would send it: blank answers are
 * left out, and the ms_* columns become the ticked options, or `['none']` when all four are 0.
 *
 * @example
 * rFixtureAnswers(record); // { gender: 'M', age_group: '60+', q1: '4', …, ms: ['none'] }
 */
export function rFixtureAnswers(record: FixtureRecord): Record<string, unknown> {
  const answers: Record<string, unknown> = {
    gender: record.gender,
    age_group: record.age_group,
  };
  for (const question of rFixtureQuestions) {
    const value = record[question.name] ?? '';
    if (value !== '') answers[question.name] = value;
  }
  const ticked = rFixtureMultiSelectOptions.filter((option) => record[`ms_${option}`] === '1');
  answers.ms = ticked.length > 0 ? ticked : [noneOption];
  return answers;
}

/** A stable client UUID for a fixture respondent, from its `resp_id`. */
export function rFixtureResponseId(record: FixtureRecord): string {
  return `00000000-0000-4000-8000-${(record.resp_id as string).padStart(12, '0')}`;
}

/** The stored fixture study: its open wave and the registry that validates its answers. */
export interface RFixtureStudy {
  studyId: string;
  wave: Wave;
  questionnaires: QuestionnaireRegistry;
}

/**
 * Publishes the fixture questionnaire, imports the fixture's frame (through the frame CSV
 * parser, as an upload would) and opens a wave of a study without tokens. No responses yet.
 *
 * @example
 * const { wave, questionnaires } = await setUpRFixtureStudy(db, records);
 */
export async function setUpRFixtureStudy(
  db: Kysely<Database>,
  records: readonly FixtureRecord[],
): Promise<RFixtureStudy> {
  await publishQuestionnaires(db, [rFixtureQuestionnaire]);
  const questionnaires = await loadQuestionnaireRegistry(db, compileQuestionnaire);
  await importFrame(db, parseFrameCsv(rFixtureFrameCsv(records)), {
    headcountIllustrative: false,
  });
  const studyId = 'r-fixture';
  await createStudy(db, {
    id: studyId,
    questionnaireId: rFixtureQuestionnaire.id,
    questionnaireVersion: rFixtureQuestionnaire.version,
    title: { id: 'Studi data uji R', en: 'R fixture study' },
    usesTokens: false,
  });
  const wave = await createWave(db, {
    studyId,
    name: 'W1',
    status: 'open',
    opensOn: '2021-09-01',
    closesOn: null,
  });
  return { studyId, wave, questionnaires };
}
