// Where the demo's data files live: the frame inputs, and the generated frame the demo loads.
import { join } from 'node:path';

/** Absolute paths, so the seed works from any working directory. */
export const seedFiles = {
  /** The 270 regions of the 2020 elections (input of the frame generator). */
  regions: join(import.meta.dirname, 'regions-pilkada-2020.csv'),
  /** PNS and kabupaten/kota counts per province, with sources (input of the frame generator). */
  pns: join(import.meta.dirname, 'pns-by-province.csv'),
  /** The generated frame with illustrative headcounts (loaded by the demo seed). */
  frame: join(import.meta.dirname, 'frame-pilkada-2020.csv'),
  /** Neutrality cases as reported in the press, with sources (real context rows of the demo). */
  publishedViolations: join(import.meta.dirname, 'recorded-violations-published.csv'),
};
