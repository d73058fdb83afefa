// The metadata file that goes with a SurveyJS questionnaire: its zod schema, and checks that it names real questions and options.
import { z } from 'zod';
import { buildCodebook, type CodebookRow } from '../../../surveys/codebook.ts';
import type { QuestionnaireDefinition } from '../../../surveys/types.ts';

const localized = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });
const name = z.string().min(1).max(200);

/**
 * Everything of a `QuestionnaireDefinition` but its SurveyJS JSON: id and version, title in
 * both languages, domain variables (with recodes), published reference figures, knowledge
 * scoring keys and Likert indexes. Unknown keys are refused, so a misspelt field is not
 * silently dropped.
 */
export const questionnaireMetadataSchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens'),
  version: z.number().int().min(1).max(1_000_000),
  title: localized,
  domainVariables: z.array(
    z.strictObject({
      question: name,
      label: localized,
      recode: z.record(z.string(), z.string().min(1)).optional(),
    }),
  ),
  referenceFigures: z.array(
    z.strictObject({
      variable: name,
      options: z.array(z.string()).min(1),
      percent: z.number().min(0).max(100),
      label: localized,
      source: z.strictObject({
        publisher: z.string().min(1),
        title: z.string().min(1),
        // Empty for a source with no retrievable address (a webinar, a print release).
        url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
        published: z.string().min(1),
      }),
      confidence: z.enum(['V', 'B', 'R']),
    }),
  ),
  knowledgeScores: z
    .array(
      z.strictObject({
        id: name,
        label: localized,
        keys: z
          .array(
            z.strictObject({
              variable: name,
              correct: z.array(z.string()).min(1),
              rule: z.enum(['one-of', 'exact-set']),
            }),
          )
          .min(1),
        bands: z
          .array(z.strictObject({ minPercent: z.number().min(0).max(100), label: localized }))
          .min(1),
      }),
    )
    .optional(),
  likertIndexes: z
    .array(
      z.strictObject({
        id: name,
        label: localized,
        items: z.array(name).min(1),
        scaleMin: z.number().int(),
        scaleMax: z.number().int(),
        multiplier: z.number().positive(),
        grades: z
          .array(
            z.strictObject({ grade: z.string().min(1), minScore: z.number(), label: localized }),
          )
          .min(1),
        methodNote: localized,
      }),
    )
    .optional(),
});

/** The metadata as parsed; assignable to a definition without its JSON (checked below). */
export type QuestionnaireMetadata = z.infer<typeof questionnaireMetadataSchema>;
const _fitsDefinition = (m: QuestionnaireMetadata): Omit<QuestionnaireDefinition, 'json'> => m;
void _fitsDefinition;

/** One reference that does not resolve: where in the metadata, and what is wrong. */
export interface MetadataProblem {
  field: string;
  problem: string;
}

/**
 * Checks that the metadata names what the JSON has: domain variables are single-choice
 * questions (each once), reference figures, scoring keys and index items name variables of
 * the codebook and options those variables have; an exact-set key is on a multi-select
 * question. Returns every problem (empty when none).
 *
 * @example
 * metadataProblems({ ...metadata, json }) // [{ field: 'domainVariables.0.question', problem: '…' }]
 */
export function metadataProblems(definition: QuestionnaireDefinition): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  let rows: CodebookRow[];
  try {
    rows = buildCodebook(definition);
  } catch (error) {
    return [{ field: 'json', problem: (error as Error).message }];
  }
  const codebook = new Map(rows.map((row) => [row.variable, row]));
  const variable = (field: string, name: string): CodebookRow | undefined => {
    const row = codebook.get(name);
    if (!row) problems.push({ field, problem: `"${name}" is not a variable of the questionnaire` });
    return row;
  };
  const options = (field: string, row: CodebookRow | undefined, values: readonly string[]) => {
    if (!row) return;
    const known = new Set(row.options.map((o) => o.value));
    for (const value of values) {
      if (!known.has(value)) {
        problems.push({ field, problem: `"${value}" is not an option of ${row.variable}` });
      }
    }
  };

  const seenDomains = new Set<string>();
  definition.domainVariables.forEach((domain, i) => {
    const field = `domainVariables.${i}.question`;
    const row = variable(field, domain.question);
    if (row && row.type !== 'single') {
      problems.push({ field, problem: `${domain.question} is not a single-choice question` });
    }
    if (seenDomains.has(domain.question)) {
      problems.push({ field, problem: `${domain.question} is a domain variable twice` });
    }
    seenDomains.add(domain.question);
    if (domain.recode) options(`domainVariables.${i}.recode`, row, Object.keys(domain.recode));
  });
  definition.referenceFigures.forEach((figure, i) => {
    const row = variable(`referenceFigures.${i}.variable`, figure.variable);
    options(`referenceFigures.${i}.options`, row, figure.options);
  });
  definition.knowledgeScores?.forEach((score, i) => {
    score.keys.forEach((key, j) => {
      const field = `knowledgeScores.${i}.keys.${j}`;
      const row = variable(`${field}.variable`, key.variable);
      options(`${field}.correct`, row, key.correct);
      if (row && key.rule === 'exact-set' && !row.multiSelect) {
        problems.push({ field: `${field}.rule`, problem: `${key.variable} is not multi-select` });
      }
    });
  });
  definition.likertIndexes?.forEach((index, i) => {
    index.items.forEach((item, j) => variable(`likertIndexes.${i}.items.${j}`, item));
    if (!(index.scaleMin < index.scaleMax)) {
      problems.push({ field: `likertIndexes.${i}.scaleMax`, problem: 'must exceed scaleMin' });
    }
  });
  return problems.map((p) => ({
    ...p,
    field: p.field === 'json' ? p.field : `metadata.${p.field}`,
  }));
}
