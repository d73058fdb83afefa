// Streams a wave's anonymised microdata as CSV: one row per response, agency by agency, rows in hash order, with design and raked weights.
import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { QuestionnaireDefinition } from '../../../surveys/types.ts';
import type { Database } from '../../storage/db/schema.ts';
import {
  lastResponseId,
  listWaveAgencies,
  readAgencyResponseKeys,
  readAnswersById,
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
  /** Responses whose answers are read per query (primary-key batch; default 250). */
  batchSize?: number;
  /** Response keys (row id, client id) read per keyset query (default 5000). */
  keyBatchSize?: number;
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
 * an agency rows are ordered by the SHA-256 (hex) of `${waveId}:${clientId}`, never by arrival,
 * and carry neither id nor day. Responses up to the last id at the start are exported (a
 * snapshot). Memory stays flat however many rows: an agency's order is decided from its row ids
 * and a 104-bit prefix of each hash (numbers, not strings), then its answers are read in that
 * order, `batchSize` rows per query, and written out batch by batch; no row outlives its batch.
 * (Buffering an agency's rows as text kept them alive long enough for V8 to promote them, and
 * the old generation grew by a hundred MB between collections.) The design weight is N_h / n_h
 * with n_h the agency's rows in the file.
 *
 * @example
 * for await (const chunk of microdataChunks(source)) response.write(chunk);
 */
export async function* microdataChunks(source: MicrodataSource): AsyncGenerator<string> {
  const { db, waveId, compiled, layout, headcounts, definition } = source;
  const batchSize = source.batchSize ?? 250;
  const keyBatchSize = source.keyBatchSize ?? 5000;
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
    const ids = await agencyRowOrder(db, waveId, agency, untilId, keyBatchSize);
    const designPrefix = `${csvLines([[agency]]).slice(0, -2)},${headcount},${headcount / ids.length}`;
    for (let first = 0; first < ids.length; first += batchSize) {
      const batchIds = ids.slice(first, first + batchSize);
      // Answers stay JSON text until their row is written: parsed objects for a whole batch
      // outlive young-generation collections and make V8 grow it.
      const stored = new Map((await readAnswersById(db, batchIds)).map((r) => [r.id, r]));
      let chunk = '';
      for (const id of batchIds) {
        const row = stored.get(id);
        if (row === undefined) throw new Error(`Response row ${id} vanished during the export`);
        const answers = JSON.parse(row.answersJson) as Record<string, unknown>;
        const profile = respondentProfile(definition.domainVariables, answers);
        const key = `${agency}\u0000${profileWeightKey(definition.domainVariables, profile.values)}`;
        const weights = raked ? `,${raked.get(key) ?? ''}` : '';
        const cells = answerCells(answerColumns, compiled, answers);
        // csvLines ends the line with CRLF.
        chunk += `${designPrefix}${weights}${answerColumns.length > 0 ? ',' : ''}${csvLines([cells])}`;
      }
      yield chunk;
    }
  }
}

/**
 * An agency's row ids (up to `untilId`) in export order: ascending SHA-256 hex of
 * `${waveId}:${clientId}`, compared on its first 26 hex digits (104 bits, kept as two numbers:
 * exactly the order of those digits as text), then by row id should two ever agree that far.
 * Only numbers are kept per row, so nothing an agency's order needs survives as garbage.
 */
async function agencyRowOrder(
  db: MicrodataSource['db'],
  waveId: number,
  agency: string,
  untilId: number,
  keyBatchSize: number,
): Promise<number[]> {
  const ids: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  for (let after = 0; ;) {
    const keys = await readAgencyResponseKeys(db, waveId, agency, after, keyBatchSize, untilId);
    if (keys.length === 0) break;
    after = keys[keys.length - 1]!.id;
    for (const { id, clientId } of keys) {
      // One-shot hash: a Hash object per row held native memory until V8 collected it.
      const digest = hash('sha256', `${waveId}:${clientId}`, 'hex');
      ids.push(id);
      high.push(parseInt(digest.slice(0, 13), 16));
      low.push(parseInt(digest.slice(13, 26), 16));
    }
  }
  const positions = ids.map((_, i) => i);
  positions.sort((a, b) => high[a]! - high[b]! || low[a]! - low[b]! || ids[a]! - ids[b]!);
  return positions.map((i) => ids[i]!);
}
