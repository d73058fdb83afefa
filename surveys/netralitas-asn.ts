// The published ASN political-neutrality questionnaire (netralitas-asn v1), modelled on KASN's 2021 national survey.

import type { DomainVariable, QuestionnaireDefinition } from './types.ts';
import { text } from './localized-text.ts';
import { netralitasAsnJson } from './netralitas-asn-json.ts';
import {
  netralitasAsnKnowledgeScores,
  netralitasAsnLikertIndexes,
} from './netralitas-asn-scoring.ts';
import { netralitasAsnReferenceFigures } from './netralitas-asn-reference-figures.ts';

// Reports give rank by group (I–IV) because the sub-grades are too thin per agency.
const rankGroups: Record<string, string> = Object.fromEntries(
  (['I', 'II', 'III', 'IV'] as const).flatMap((group) =>
    ['a', 'b', 'c', 'd', 'e'].map((step) => [`${group}_${step}`, group]),
  ),
);

const domainVariables: DomainVariable[] = [
  { question: 'A4', label: text('Jenis kelamin', 'Sex') },
  { question: 'A5', label: text('Usia', 'Age') },
  { question: 'A6', label: text('Pendidikan', 'Education') },
  { question: 'A7', label: text('Status kepegawaian', 'Employment status') },
  { question: 'A8', label: text('Golongan', 'Rank group'), recode: rankGroups },
  { question: 'A9', label: text('Jenis jabatan', 'Position type') },
  { question: 'A10', label: text('Masa kerja', 'Years of service') },
];

/**
 * Questionnaire `netralitas-asn`, version 1. Published versions are immutable: change the
 * questions only in a new version.
 *
 * @example
 * import { netralitasAsn } from './netralitas-asn.ts';
 * new Model(netralitasAsn.json);
 */
export const netralitasAsn: QuestionnaireDefinition = {
  id: 'netralitas-asn',
  version: 1,
  title: text('Survei Persepsi Netralitas ASN', 'Civil-Servant Neutrality Perception Survey'),
  json: netralitasAsnJson,
  domainVariables,
  referenceFigures: netralitasAsnReferenceFigures,
  knowledgeScores: netralitasAsnKnowledgeScores,
  likertIndexes: netralitasAsnLikertIndexes,
};
