// The published questionnaire versions, each compiled once, looked up by id and version.
import type { Kysely } from 'kysely';
import type { QuestionnaireDefinition, SurveyJson } from '../../../surveys/types.ts';
import type { Database } from '../../storage/db/schema.ts';
import { listQuestionnaireVersions } from '../../storage/repositories/questionnaire-versions.ts';
import type { CompiledQuestionnaire } from '../validation/types.ts';

/** Builds a validator from SurveyJS JSON (the real one is `compileQuestionnaire`). */
export type CompileQuestionnaire = (json: SurveyJson) => CompiledQuestionnaire;

/** A published version and its compiled validator. */
export interface PublishedQuestionnaire {
  definition: QuestionnaireDefinition;
  compiled: CompiledQuestionnaire;
}

/**
 * Every published version, compiled once up front so no request pays for it. Compiling is the
 * expensive step (tens of milliseconds); looking one up is a map access.
 */
export class QuestionnaireRegistry {
  readonly #byVersion = new Map<string, PublishedQuestionnaire>();

  constructor(published: Iterable<PublishedQuestionnaire>) {
    for (const p of published) {
      this.#byVersion.set(keyOf(p.definition.id, p.definition.version), p);
    }
  }

  /**
   * Adds a version published while the server runs, so studies can use it without a restart.
   * Versions are immutable, so a version already known is kept as it is.
   *
   * @example
   * registry.add({ definition, compiled: compileQuestionnaire(definition.json) });
   */
  add(published: PublishedQuestionnaire): void {
    const key = keyOf(published.definition.id, published.definition.version);
    if (!this.#byVersion.has(key)) this.#byVersion.set(key, published);
  }

  /**
   * Every known version's definition, by id and version.
   *
   * @example
   * registry.list().map((d) => `${d.id}@${d.version}`)
   */
  list(): QuestionnaireDefinition[] {
    return [...this.#byVersion.values()]
      .map((p) => p.definition)
      .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  }

  /**
   * The version, or undefined when it is not published.
   *
   * @example
   * registry.find('netralitas-asn', 1)?.compiled.validate(answers);
   */
  find(questionnaireId: string, version: number): PublishedQuestionnaire | undefined {
    return this.#byVersion.get(keyOf(questionnaireId, version));
  }

  /**
   * The version; throws when it is missing, which only a corrupt database can cause (every
   * study and response references a stored version).
   *
   * @example
   * const { compiled } = registry.get(study.questionnaireId, study.questionnaireVersion);
   */
  get(questionnaireId: string, version: number): PublishedQuestionnaire {
    const found = this.find(questionnaireId, version);
    if (!found) throw new Error(`Questionnaire ${questionnaireId} v${version} is not published`);
    return found;
  }
}

function keyOf(questionnaireId: string, version: number): string {
  return `${questionnaireId}@${version}`;
}

/**
 * Compiles every version stored in the database (older versions too: their studies and
 * responses still need them).
 *
 * @example
 * const questionnaires = await loadQuestionnaireRegistry(db, compileQuestionnaire);
 */
export async function loadQuestionnaireRegistry(
  db: Kysely<Database>,
  compile: CompileQuestionnaire,
): Promise<QuestionnaireRegistry> {
  const stored = await listQuestionnaireVersions(db);
  return new QuestionnaireRegistry(
    stored.map((s) => {
      const definition = JSON.parse(s.definition) as QuestionnaireDefinition;
      return { definition, compiled: compile(definition.json) };
    }),
  );
}
