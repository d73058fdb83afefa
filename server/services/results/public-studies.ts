// Which studies the public dashboard may show: public (or synthetic) studies with a released wave, latest first, with the indicators it ranks.
import type { Kysely } from 'kysely';
import { buildCodebook } from '../../../surveys/codebook.ts';
import type { Database } from '../../storage/db/schema.ts';
import { latestReleasedWave } from '../../storage/repositories/answered-waves.ts';
import { countResponsesByAgencyAndDay } from '../../storage/repositories/wave-responses.ts';
import { isStudySynthetic } from '../../storage/repositories/synthetic-studies.ts';
import { listStudies } from '../../storage/repositories/studies.ts';
import { findWave } from '../../storage/repositories/waves.ts';
import { loadDefinition } from '../reports/load-report-input.ts';
import type { Language } from '../reports/report-types.ts';
import { studyDisclosure } from './disclosure-settings.ts';
import { violationPerceptionIndicator } from './public-violations.ts';
import type { PublicStudy } from './results-types.ts';

/**
 * The indicators the public ranking offers, by questionnaire, as `question`/`option`: for
 * netralitas-asn the share pressured to back a candidate (the perception figure shown beside
 * recorded violations), the share who often saw social-media campaigning at work, the share
 * briefed on neutrality and the share for removing the vote. Questions the questionnaire does
 * not have are left out; a questionnaire not listed offers none.
 */
export const publicRankingIndicators: Readonly<
  Record<string, readonly { question: string; option: string }[]>
> = {
  'netralitas-asn': [
    violationPerceptionIndicator,
    { question: 'H1.medsos', option: 'sering' },
    { question: 'B1', option: 'ya' },
    { question: 'G1', option: 'setuju' },
  ],
};

/**
 * Every public study (marked public, or synthetic) with a released wave (closed, answered), the
 * one with the most recently opened released wave first, with that wave, its response count (sealed and pending), whether it
 * is synthetic and its ranking indicators labelled from the codebook in `lang` (`question
 * label: option label`). Studies without a released wave are left out; none gives `[]`.
 *
 * @example
 * const [first] = await publicStudies(db, 'id');
 * first?.rankingIndicators[0]; // { question: 'H2', option: 'ya', label: 'Apakah Anda pernah …: Ya' }
 */
export async function publicStudies(db: Kysely<Database>, lang: Language): Promise<PublicStudy[]> {
  const found: (PublicStudy & { opensOn: string })[] = [];
  for (const study of await listStudies(db)) {
    if (!(await studyDisclosure(db, study)).public) continue;
    const answered = await latestReleasedWave(db, [study.id]);
    const wave = answered && (await findWave(db, answered.waveId));
    if (!wave) continue;
    const definition = await loadDefinition(db, study.questionnaireId, study.questionnaireVersion);
    const codebook = new Map(buildCodebook(definition).map((row) => [row.variable, row]));
    const rankingIndicators = (publicRankingIndicators[study.questionnaireId] ?? []).flatMap(
      ({ question, option }) => {
        const row = codebook.get(question);
        const choice = row?.options.find((o) => o.value === option);
        if (!row || !choice) return [];
        return [{ question, option, label: `${row.label[lang]}: ${choice.label[lang]}` }];
      },
    );
    found.push({
      id: study.id,
      title: study.title[lang],
      synthetic: await isStudySynthetic(db, study.id),
      wave: { id: wave.id, name: wave.name },
      // Every acknowledged response, sealed or not: the count must not move when a batch seals.
      responses: (await countResponsesByAgencyAndDay(db, wave.id)).reduce(
        (total, day) => total + day.responses,
        0,
      ),
      rankingIndicators,
      opensOn: wave.opensOn,
    });
  }
  return found
    .sort((a, b) => b.opensOn.localeCompare(a.opensOn) || b.wave.id - a.wave.id)
    .map(({ opensOn: _, ...study }) => study);
}
