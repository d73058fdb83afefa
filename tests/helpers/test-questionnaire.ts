// A small questionnaire for server tests: every question kind the projection handles, in a few hand-checkable items.
import type { QuestionnaireDefinition } from '../../surveys/types.ts';

/**
 * `sex` and `rank` (recoded to its group) are the domain variables; `aware` is a required
 * single choice; `channels` a multi-select shown only when aware = yes; `trust` a rating;
 * `acts` a matrix with two rows; `remarks` free text (never counted).
 */
export const testQuestionnaire: QuestionnaireDefinition = {
  id: 'test-survey',
  version: 1,
  title: { id: 'Survei uji', en: 'Test survey' },
  json: {
    title: { default: 'Survei uji', en: 'Test survey' },
    pages: [
      {
        name: 'p1',
        elements: [
          {
            type: 'radiogroup',
            name: 'sex',
            title: { default: 'Jenis kelamin', en: 'Sex' },
            isRequired: true,
            choices: ['m', 'f'],
          },
          {
            type: 'dropdown',
            name: 'rank',
            title: { default: 'Golongan', en: 'Rank' },
            choices: ['II/a', 'III/a', 'III/b', 'IV/a'],
          },
          {
            type: 'radiogroup',
            name: 'aware',
            title: { default: 'Tahu aturan?', en: 'Aware of the rules?' },
            isRequired: true,
            choices: ['yes', 'no'],
          },
          {
            type: 'checkbox',
            name: 'channels',
            title: { default: 'Dari mana?', en: 'From where?' },
            visibleIf: "{aware} = 'yes'",
            isRequired: true,
            choices: ['web', 'tv', 'radio'],
          },
          { type: 'rating', name: 'trust', rateMin: 1, rateMax: 4 },
          {
            type: 'matrix',
            name: 'acts',
            columns: ['never', 'often'],
            rows: ['a1', 'a2'],
          },
          { type: 'comment', name: 'remarks' },
        ],
      },
    ],
  },
  domainVariables: [
    { question: 'sex', label: { id: 'Jenis kelamin', en: 'Sex' } },
    {
      question: 'rank',
      label: { id: 'Golongan', en: 'Rank group' },
      recode: { 'II/a': 'II', 'III/a': 'III', 'III/b': 'III', 'IV/a': 'IV' },
    },
  ],
  referenceFigures: [],
};

/** A valid answer set (aware, two channels, rating, both matrix rows). */
export const validTestAnswers = {
  sex: 'f',
  rank: 'III/b',
  aware: 'yes',
  channels: ['web', 'tv'],
  trust: 3,
  acts: { a1: 'never', a2: 'often' },
  remarks: 'Tidak ada komentar.',
};
