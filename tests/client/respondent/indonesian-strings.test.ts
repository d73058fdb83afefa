// Checks every Indonesian interface string the respondent sees: SurveyJS's (with the project's corrections) and the page's own.
import { surveyLocalization } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { frameMessages } from '../../../client/messages';
import {
  indonesianCorrections,
  indonesianInterfaceStrings,
} from '../../../client/respondent/indonesian-strings';
import { respondentMessages } from '../../../client/respondent/messages';
import { shellText } from '../../../server/http/pages/shell-text';

/** Mistakes found in survey-core 3.0's Indonesian, as kinds: each pattern catches the whole kind. */
const mistakes: [string, RegExp][] = [
  ['non-standard "silahkan" (KBBI: silakan)', /silahkan/i],
  ['a letter tripled (typo)', /(\p{L})\1\1/u],
  ['a stray capital glued to a word', /\b\p{Lu}\p{Lu}\p{Ll}{2,}/u],
  ['"Membatalkan" (to cancel) as a button label', /^Membatalkan$/],
  ['"Berlaku" (is valid) for Apply', /^Berlaku$/],
  ['"OKE" for OK', /\bOKE\b/],
  ['colloquial "Iya"', /^Iya$/],
  ['"petanyaan" for pertanyaan', /petanyaan/],
  ['"varian" for a choice', /\bvarian\b/],
  ['untranslated English', /\b(Loading|Please|Select|Cancel|Next|Previous|Complete)\b/],
];

/** Strings that are the same in both languages by nature (placeholders, units, names). */
const sameInEnglish = new Set(['{0} dari {1}', 'Panel {panelIndex}', '{rowTitle}', 'OK']);

function allStrings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const sample = (value as (...a: unknown[]) => unknown)('X', 'Y');
    return typeof sample === 'string' ? [[path, sample]] : [];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => allStrings(v, `${path}.${k}`));
  }
  return [];
}

const english = surveyLocalization.locales['en'] as Record<string, string>;
const indonesian = indonesianInterfaceStrings();

describe('SurveyJS interface strings in Indonesian', () => {
  it('has an Indonesian string for every English one', () => {
    const missing = Object.keys(english).filter((key) => typeof indonesian[key] !== 'string');
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(english))('%s is free of the known kinds of mistake', (key) => {
    const text = indonesian[key] ?? '';
    for (const [kind, pattern] of mistakes) expect(text, kind).not.toMatch(pattern);
  });

  it.each(Object.keys(english))('%s keeps every placeholder of the English', (key) => {
    const placeholders = (s: string) => [...s.matchAll(/\{[^}]+\}/g)].map((m) => m[0]).sort();
    expect(placeholders(indonesian[key] ?? '')).toEqual(placeholders(english[key] ?? ''));
  });

  it('translates every string that is not the same in both languages by nature', () => {
    const untranslated = Object.keys(english).filter(
      (key) =>
        indonesian[key] === english[key] &&
        !sameInEnglish.has(english[key] ?? '') &&
        /\p{L}{3}/u.test(english[key] ?? ''),
    );
    expect(untranslated).toEqual([]);
  });

  it('applies the project’s corrections over the stock strings', () => {
    expect(indonesian.cancel).toBe('Batal');
    expect(indonesian.modalCancelButtonText).toBe('Batal');
    expect(indonesian.otherRequiredError).toBe('Silakan tuliskan jawaban lainnya.');
    for (const [key, text] of Object.entries(indonesianCorrections)) {
      expect(indonesian[key]).toBe(text);
      expect(Object.keys(english)).toContain(key);
    }
  });
});

describe('the page’s own Indonesian', () => {
  const own = [
    ...allStrings(frameMessages.id, 'frame'),
    ...allStrings(respondentMessages.id, 'respondent'),
    ...allStrings(shellText.id, 'shell'),
  ];

  it.each(own)('%s is free of the known kinds of mistake', (_, text) => {
    for (const [kind, pattern] of mistakes) expect(text, kind).not.toMatch(pattern);
  });

  it('writes the server’s first words exactly as the page then shows them', () => {
    for (const lang of ['id', 'en'] as const) {
      const shell = shellText[lang];
      const frame = frameMessages[lang];
      const page = respondentMessages[lang];
      expect(shell.projectName).toBe(frame.projectName);
      expect(shell.loading).toBe(frame.loading);
      expect(shell.loadingQuestionnaire).toBe(page.loading);
      expect(shell.agencyLine('X')).toBe(page.agencyLine('X'));
      expect(shell.unknownLinkTitle).toBe(page.problems['unknown-link'].title);
      expect(shell.unknownLinkBody).toBe(page.problems['unknown-link'].body);
    }
  });
});
