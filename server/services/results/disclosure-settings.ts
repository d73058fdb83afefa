// A study's disclosure rules: the stored settings or the defaults (k = 10, sensitive k = 20, the questionnaire's sensitive items).
import type { Kysely } from 'kysely';
import type { DisclosureRules } from '../../../analysis/decide-disclosure.ts';
import type { Database } from '../../storage/db/schema.ts';
import { findDisclosureSettings } from '../../storage/repositories/disclosure-settings.ts';
import { isStudySynthetic } from '../../storage/repositories/synthetic-studies.ts';
import type { Study } from '../../storage/repositories/studies.ts';

/** k of a study without stored settings (STATISTICS.md). */
export const defaultMinimumCellSize = 10;

/** k of sensitive items of a study without stored settings. */
export const defaultSensitiveMinimumCellSize = 20;

/**
 * Sensitive items by questionnaire: what a respondent says about themselves that could harm
 * them if traced. In netralitas-asn these are the questions of the panel `tekanan`, which the
 * questionnaire itself tells respondents is sensitive: H2 (ever pressured to back a candidate),
 * H3 (by whom), H4 (in what form), H5 (whether they reported it), H6 (why not). Items about
 * what others did (H1, H8) or opinions (D–G) are not.
 */
export const defaultSensitiveQuestions: Readonly<Record<string, readonly string[]>> = {
  'netralitas-asn': ['H2', 'H3', 'H4', 'H5', 'H6'],
};

/** Disclosure rules of a study and whether the public dashboard may show it. */
export interface StudyDisclosure {
  rules: DisclosureRules;
  /** As the stored settings say; without settings, public only when synthetic. */
  public: boolean;
}

/**
 * The study's rules: stored settings when there are some, else the defaults above. A study is
 * public when its settings say so; without settings, a synthetic demo study (its responses are
 * made up) is public and a real one private until an administrator marks it.
 *
 * @example
 * const { rules } = await studyDisclosure(db, study); // rules.minimum === 10
 */
export async function studyDisclosure(
  db: Kysely<Database>,
  study: Study,
): Promise<StudyDisclosure> {
  const stored = await findDisclosureSettings(db, study.id);
  if (stored) {
    return {
      rules: {
        minimum: stored.minimumCellSize,
        sensitiveMinimum: stored.sensitiveMinimumCellSize,
        sensitiveQuestions: new Set(stored.sensitiveQuestions),
      },
      public: stored.public,
    };
  }
  return {
    rules: {
      minimum: defaultMinimumCellSize,
      sensitiveMinimum: defaultSensitiveMinimumCellSize,
      sensitiveQuestions: new Set(defaultSensitiveQuestions[study.questionnaireId] ?? []),
    },
    public: await isStudySynthetic(db, study.id),
  };
}
