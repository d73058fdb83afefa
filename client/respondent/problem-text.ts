// Puts the server's validation phrases (English) into the respondent's language where we know them.

import type { Lang } from '../lang';

/**
 * The validator's phrases as of this writing; an unknown phrase is shown as the server sent
 * it, which is still better than hiding it. (A machine-readable kind per detail from the
 * server would make this table unnecessary.)
 */
const indonesian: [RegExp, (...groups: string[]) => string][] = [
  [/^required$/, () => 'wajib diisi'],
  [/^required when (.*)$/, () => 'wajib diisi untuk jawaban Anda sebelumnya'],
  [/^answered but hidden by its condition$/, () => 'dijawab, padahal pertanyaan ini tidak berlaku'],
  [/^not one of the choices(?:: (.*))?$/, () => 'bukan salah satu pilihan jawaban'],
  [/^not one of the rating values$/, () => 'bukan salah satu nilai skala'],
  [/^not one of the columns$/, () => 'bukan salah satu kolom'],
  [
    /^unknown (question|row)$/,
    (what) => (what === 'row' ? 'baris' : 'pertanyaan') + ' tidak dikenal',
  ],
  [/^more than (\d+) choices$/, (n) => `lebih dari ${n} pilihan`],
  [/^fewer than (\d+) choices$/, (n) => `kurang dari ${n} pilihan`],
  [/^longer than (\d+) characters$/, (n) => `lebih dari ${n} karakter`],
  [/^lists a choice twice: (.*)$/, () => 'ada pilihan yang tercantum dua kali'],
  [
    /^(.*) cannot be combined with other choices$/,
    () => 'tidak dapat digabung dengan pilihan lain',
  ],
];

/**
 * @example
 * problemText('required', 'id') // 'wajib diisi'
 * problemText('required', 'en') // 'required'
 */
export function problemText(problem: string, lang: Lang): string {
  if (lang === 'en') return problem;
  for (const [pattern, say] of indonesian) {
    const match = pattern.exec(problem);
    if (match) return say(...match.slice(1).map((g) => g ?? ''));
  }
  return problem;
}
