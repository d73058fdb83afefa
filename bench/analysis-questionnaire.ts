// The synthetic questionnaire of the analysis benchmark: sex, position type, 10 single-choice questions, one multi-select.
import type { QuestionnaireDefinition } from '../surveys/types.ts';

/** Options per question q1…q10: two to five answers, like yes/no items and Likert scales. */
export const optionCounts = [2, 3, 4, 5, 4, 2, 5, 3, 4, 4] as const;
export const multiSelectOptions = ['a', 'b', 'c', 'd'] as const;
export const positions = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;

const text = (id: string, en: string) => ({ default: id, en });

/** A published definition like any other, so the benchmark runs the project's own storage path. */
export const analysisBenchQuestionnaire: QuestionnaireDefinition = {
  id: 'bench-analysis',
  version: 1,
  title: { id: 'Kuesioner tolok ukur', en: 'Benchmark questionnaire' },
  json: {
    pages: [
      {
        name: 'semua',
        elements: [
          {
            type: 'radiogroup',
            name: 'sex',
            title: text('Jenis kelamin', 'Sex'),
            isRequired: true,
            choices: ['F', 'M'],
          },
          {
            type: 'radiogroup',
            name: 'position',
            title: text('Jenis jabatan', 'Position type'),
            isRequired: true,
            choices: [...positions],
          },
          ...optionCounts.map((count, i) => ({
            type: 'radiogroup',
            name: `q${i + 1}`,
            title: text(`Pertanyaan ${i + 1}`, `Question ${i + 1}`),
            choices: Array.from({ length: count }, (_, k) => String(k + 1)),
          })),
          {
            type: 'checkbox',
            name: 'ms',
            title: text('Pilihan ganda', 'Multi-select'),
            choices: [...multiSelectOptions],
          },
        ],
      },
    ],
  },
  domainVariables: [
    { question: 'sex', label: { id: 'Jenis kelamin', en: 'Sex' } },
    { question: 'position', label: { id: 'Jenis jabatan', en: 'Position type' } },
  ],
  referenceFigures: [],
};
