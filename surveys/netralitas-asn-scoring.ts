// Scoring keys and indexes of the netralitas-asn questionnaire: the understanding test and the agency index.

import type { KnowledgeScore, LikertIndex, ScoringKey } from './types.ts';
import { text } from './localized-text.ts';

const scenarioKeys: ScoringKey[] = [
  ...['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10'].map((variable): ScoringKey => ({
    variable,
    correct: ['melanggar'],
    rule: 'one-of',
  })),
  ...['C11', 'C12', 'C13', 'C14'].map((variable): ScoringKey => ({
    variable,
    correct: ['tidak_melanggar'],
    rule: 'one-of',
  })),
];

const sanctionKeys: ScoringKey[] = [
  { variable: 'C15', correct: ['ptdh'], rule: 'one-of' },
  { variable: 'C16', correct: ['potong_tukin_25'], rule: 'one-of' },
  { variable: 'C17', correct: ['sanksi_moral'], rule: 'one-of' },
  // KPU and the police are not ASN-neutrality channels, so ticking them loses the point.
  { variable: 'C18', correct: ['bawaslu', 'instansi_ppk', 'kasn_bkn'], rule: 'exact-set' },
  { variable: 'C19', correct: ['tidak_boleh'], rule: 'one-of' },
];

// KASN did not publish its threshold; 80/60 is the item bank's design choice.
const understandingBands = [
  { minPercent: 80, label: text('Baik', 'Good') },
  { minPercent: 60, label: text('Cukup', 'Fair') },
  { minPercent: 0, label: text('Kurang', 'Poor') },
];

/** The understanding scores: the 14 scenarios alone (as the item bank defines it) and all 19 items. */
export const netralitasAsnKnowledgeScores: KnowledgeScore[] = [
  {
    id: 'pemahaman_skenario',
    label: text('Pemahaman (skenario C1–C14)', 'Understanding (scenarios C1–C14)'),
    keys: scenarioKeys,
    bands: understandingBands,
  },
  {
    id: 'pemahaman',
    label: text(
      'Pemahaman aturan dan sanksi (C1–C19)',
      'Understanding of rules and sanctions (C1–C19)',
    ),
    keys: [...scenarioKeys, ...sanctionKeys],
    bands: understandingBands,
  },
];

/**
 * The agency neutrality perception index (section I), computed like the public-service
 * satisfaction index of PermenPANRB 14/2017: mean of the 1–4 items × 25, graded A–D.
 */
export const netralitasAsnLikertIndexes: LikertIndex[] = [
  {
    id: 'indeks_persepsi_netralitas',
    label: text('Indeks Persepsi Netralitas Instansi', 'Agency Neutrality Perception Index'),
    items: ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9'].map((row) => `I.${row}`),
    scaleMin: 1,
    scaleMax: 4,
    multiplier: 25,
    grades: [
      { grade: 'A', minScore: 88.31, label: text('Sangat baik', 'Very good') },
      { grade: 'B', minScore: 76.61, label: text('Baik', 'Good') },
      { grade: 'C', minScore: 65, label: text('Kurang baik', 'Fair') },
      { grade: 'D', minScore: 25, label: text('Tidak baik', 'Poor') },
    ],
    methodNote: text(
      'Diadaptasi dari metode IKM PermenPANRB 14/2017 (rata-rata × 25); bukan SKM resmi.',
      'Adapted from the PermenPANRB 14/2017 satisfaction-index method (mean × 25); not an official SKM.',
    ),
  },
];
