// Builds the metadata form of bilingual text ({ id, en }), as opposed to SurveyJS's { default, en }.

import type { LocalizedText } from './types.ts';

/**
 * Bilingual text for metadata (codebook, reference figures, scores).
 *
 * @example
 * text('Jenis kelamin', 'Sex') // { id: 'Jenis kelamin', en: 'Sex' }
 */
export function text(indonesian: string, english: string): LocalizedText {
  return { id: indonesian, en: english };
}
