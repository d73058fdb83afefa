// Streams a wave's anonymised microdata as CSV: one row per response, agency by agency, rows in hash order, with design and raked weights.
import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { QuestionnaireDefinition } from '../../../surveys/types.ts';
import type { Database } from '../../storage/db/schema.ts';
import {
  lastResponseId,
  listWaveAgencies,
  readAgencyResponses,
} from '../../storage/repositories/wave-responses.ts';
import { respondentProfile } from '../projection/respondent-profile.ts';
import { profileWeightKey, type CellWeight } from '../reports/cell-weights.ts';
import type { CompiledQuestionnaire } from '../validation/types.ts';
import { csvLines, utf8Bom, type CsvCell } from './csv-text.ts';
import type { MicrodataColumn, MicrodataLayout } from './microdata-columns.ts';

/** What the microdata stream needs. */
export interface MicrodataSource {
  db: Kysely<Database>;
  waveId: number;
  definition: QuestionnaireDefinition;
  compiled: CompiledQuestionnaire;
  layout: MicrodataLayout;
  /** N_h by agency code. */
  headcounts: ReadonlyMap<string, number>;
  /** Raked weights per (agency, profile) cell; null when the file has no raked column. */
  cellWeights: readonly CellWeight[] | null;
  /** Responses read per query (keyset batch). */
  batchSize?: number;
}

/** Option values that are numbers (ratings, Likert codes) are written as numbers. */
const numeric = /^-?\d+(\.\d+)?$/;

function answerCells(
  columns: readonly MicrodataColumn[],
  compiled: CompiledQuestionnaire,
  answers: Record<string, unknown>,
): CsvCell[] {
  const chosen = new Map<string, Set<string>>();
  for (const item of compiled.answerItems(answers)) {
    let options = chosen.get(item.variable);
    if (!options) chosen.set(item.variable, (options = new Set()));
    options.add(item.option);
  }
  const cells: CsvCell[] = [];
  for (const column of columns) {
    if (column.kind === 'single') {
      const options = chosen.get(column.row.variable);
      const value = options === undefined ? null : ([...options][0] ?? null);
      cells.push(value !== null && numeric.test(value) ? Number(value) : value);
    } else if (column.kind === 'multi') {
      const options = chosen.get(column.row.variable);
      // Not answered is empty (out of the base), not 0.
      cells.push(options === undefined ? null : options.has(column.option) ? 1 : 0);
    } else if (column.kind === 'text') {
      const text = answers[column.source];
      cells.push(typeof text === 'string' && text !== '' ? text : null);
    }
  }
  return cells;
}

/**
 * The file's chunks: BOM and header, then each agency's rows (agencies in code order). Within
 * an agency rows are ordered by a hash of the wave and the response's client id, never by
 * arrival, and carry neither id nor day. Responses are read in keyset batches up to the last
 * id at the start (a snapshot), one agency buffered at a time (as CSV text), so memory stays
 * flat however many rows. The design weight is N_h / n_h with n_h the agency's rows in the file.
 *
 * @example
 * for await (const chunk of microdataChunks(source)) response.write(chunk);
 */
export async function* microdataChunks(source: MicrodataSource): AsyncGenerator<string> {
  const { db, waveId, compiled, layout, headcounts, definition } = source;
  const batchSize = source.batchSize ?? 1000;
  const answerColumns = layout.columns.filter(
    (c) => c.kind === 'single' || c.kind === 'multi' || c.kind === 'text',
  );
  const raked = source.cellWeights
    ? new Map(source.cellWeights.map((w) => [`${w.agency}\u0000${w.profile}`, w.raked]))
    : null;
  yield utf8Bom + csvLines([layout.columns.map((c) => c.name)]);

  const untilId = await lastResponseId(db, waveId);
  for (const agency of await listWaveAgencies(db, waveId)) {
    const headcount = headcounts.get(agency);
    if (headcount === undefined) throw new Error(`Agency ${agency} is not in the frame`);
    const rows: { order: string; rakedWeight: number | null; answers: string }[] = [];
    for (let after = 0; ;) {
      const batch = await readAgencyResponses(db, waveId, agency, after, batchSize, untilId);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
      for (const response of batch) {
        const profile = respondentProfile(definition.domainVariables, response.answers);
        const key = `${agency}\u0000${profileWeightKey(definition.domainVariables, profile.values)}`;
        rows.push({
          // One-shot hash: a Hash object per row held native memory until V8 collected it.
          order: hash('sha256', `${waveId}:${response.clientId}`, 'hex'),
          rakedWeight: raked?.get(key) ?? null,
          // The line without its CRLF: the design columns go first once n_h is known.
          answers: csvLines([answerCells(answerColumns, compiled, response.answers)]).slice(0, -2),
        });
      }
    }
    rows.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const agencyCell = csvLines([[agency]]).slice(0, -2);
    const designWeight = headcount / rows.length;
    let chunk = '';
    for (const [i, row] of rows.entries()) {
      const weights = raked ? `${designWeight},${row.rakedWeight ?? ''}` : `${designWeight}`;
      chunk += `${agencyCell},${headcount},${weights}${answerColumns.length > 0 ? ',' : ''}${row.answers}\r\n`;
      if (i % 500 === 499) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk !== '') yield chunk;
  }
}
