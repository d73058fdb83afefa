// Writes the analyze-csv benchmark's responses file: any number of rows, streamed to disk.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFileSync } from 'node:fs';
import { parseFrameCsv } from '../server/services/frame/parse-frame.ts';
import { seedFiles } from '../server/services/seed/seed-files.ts';
import { seededRandom } from '../server/services/seed/seeded-random.ts';
import { allocate } from './analysis-load.ts';
import { multiSelectOptions, optionCounts } from './analysis-questionnaire.ts';

/** The file's columns: design, the province domain, q1…q10 and the multi-select's 0/1 columns. */
export const benchColumns = [
  'resp_id',
  'agency',
  'stratum_N',
  'province',
  ...optionCounts.map((_, q) => `q${q + 1}`),
  ...multiSelectOptions.map((option) => `ms_${option}`),
];

/**
 * Writes `rows` synthetic responses of the 270 agencies of the demo frame (allocated by
 * headcount) to `path`: 10 single-choice questions of 2–5 options and a 4-option multi-select,
 * answers depending on the agency, 5% item non-response. Headcounts are the frame's, multiplied
 * by the smallest whole factor that keeps every agency's sample at most 80% of it (the frame
 * holds 1.39 million civil servants, so a 4-million-row file multiplies them by 4). Rows are
 * generated and written in blocks, never held. Resolves to the factor.
 *
 * @example
 * await writeBenchResponses('/tmp/r.csv', 200_000);
 */
export async function writeBenchResponses(path: string, rows: number): Promise<number> {
  const frame = parseFrameCsv(readFileSync(seedFiles.frame, 'utf8'));
  const population = frame.reduce((sum, agency) => sum + agency.headcount, 0);
  const factor = Math.max(1, Math.ceil(rows / (0.8 * population)));
  const sizes = allocate(frame, rows);
  const out = createWriteStream(path);
  let block = `${benchColumns.join(',')}\n`;
  let id = 0;
  for (const agency of frame) {
    const random = seededRandom(`bench-csv:${agency.code}`);
    const weights = optionCounts.map((count) =>
      Array.from({ length: count }, () => 0.2 + random()),
    );
    const totals = weights.map((w) => w.reduce((sum, x) => sum + x, 0));
    const shares = multiSelectOptions.map(() => 0.1 + 0.6 * random());
    const fixed = `,${agency.code},${agency.headcount * factor},${agency.province}`;
    const n = sizes.get(agency.code) ?? 0;
    for (let i = 0; i < n; i++) {
      let line = `${++id}${fixed}`;
      for (let q = 0; q < weights.length; q++) {
        if (random() < 0.05) {
          line += ',';
          continue;
        }
        const w = weights[q] as number[];
        let u = random() * (totals[q] as number);
        let k = 0;
        while (k < w.length - 1 && (u -= w[k] as number) >= 0) k++;
        line += `,${k + 1}`;
      }
      const answered = random() >= 0.05;
      for (const share of shares) line += answered ? (random() < share ? ',1' : ',0') : ',';
      block += `${line}\n`;
      if (block.length > 1 << 20) {
        if (!out.write(block)) await once(out, 'drain');
        block = '';
      }
    }
  }
  out.end(block);
  await once(out, 'finish');
  return factor;
}
