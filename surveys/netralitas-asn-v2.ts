// The published ASN political-neutrality questionnaire, version 2: version 1 plus the piped items E2 and D3-from-D2.

import type { QuestionnaireDefinition } from './types.ts';
import { netralitasAsn } from './netralitas-asn.ts';
import { netralitasAsnV2Json } from './netralitas-asn-v2-json.ts';

/**
 * Questionnaire `netralitas-asn`, version 2. Same domains, scoring keys, index and reference
 * figures as version 1: E2 (main cause) and the per-party D3 rows have no published KASN
 * figure and are not scored; their codebook rows come from the JSON. Published versions are
 * immutable: change the questions only in a new version.
 *
 * @example
 * import { netralitasAsnV2 } from './netralitas-asn-v2.ts';
 * new Model(netralitasAsnV2.json);
 */
export const netralitasAsnV2: QuestionnaireDefinition = {
  ...netralitasAsn,
  version: 2,
  json: netralitasAsnV2Json,
};
