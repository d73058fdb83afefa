// The database's tables as Kysely sees them, with Selectable/Insertable aliases for repositories.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * A boolean column: PostgreSQL returns booleans, SQLite returns 0/1. Repositories read it with
 * `toBoolean`; SQLite writes go through `SqliteBooleanPlugin`.
 */
export type Flag = ColumnType<boolean | number, boolean, boolean>;

/** A serial primary key (PostgreSQL identity, SQLite rowid). */
export type Id = Generated<number>;

export interface QuestionnaireVersionTable {
  questionnaire_id: string;
  version: number;
  /** The whole QuestionnaireDefinition as canonical JSON (sorted keys), compared at start-up. */
  definition: string;
}

export interface StudyTable {
  /** A slug used in links, e.g. `netralitas-asn-2021`. */
  id: string;
  questionnaire_id: string;
  /** A study stays on the version it was created with; responses record it too. */
  questionnaire_version: number;
  title_id: string;
  title_en: string;
  uses_tokens: Flag;
}

export interface StudyNoticeTable {
  study_id: string;
  /** The `StudyNotice` as JSON (repositories/study-notices.ts). */
  notice: string;
}

export type WaveStatus = 'open' | 'closed';

export interface WaveTable {
  id: Id;
  study_id: string;
  name: string;
  status: WaveStatus;
  /** Days as `YYYY-MM-DD`. */
  opens_on: string;
  closes_on: string | null;
}

export type AgencyType = 'provinsi' | 'kabupaten' | 'kota';

export interface AgencyTable {
  code: string;
  name: string;
  type: AgencyType;
  province: string;
  island_region: string;
  headcount: number;
  /** The headcount is a generated stand-in, not an official figure; reports must say so. */
  headcount_illustrative: Flag;
}

export interface ResponseTable {
  id: Id;
  /** The UUID the client generated, which makes retries idempotent. */
  client_id: string;
  wave_id: number;
  agency_code: string;
  questionnaire_id: string;
  questionnaire_version: number;
  /** Day only (`YYYY-MM-DD`), never a time: anonymity by design. */
  submitted_on: string;
  answers: string;
  /** Whether the answers are already folded into profile_counts and answer_counts. */
  materialized: ColumnType<boolean | number, boolean | undefined, boolean>;
}

export interface InvitationTokenTable {
  /** SHA-256 of the token, hex. Deliberately no timestamp and no response reference. */
  token_hash: string;
  study_id: string;
  agency_code: string;
  used: ColumnType<boolean | number, boolean | undefined, boolean>;
}

export interface ProfileTable {
  id: Id;
  questionnaire_id: string;
  /** Canonical form of the values, unique per questionnaire. */
  key: string;
  /** JSON object: domain variable → value (null when unanswered). */
  values_json: string;
}

export interface ProfileCountTable {
  wave_id: number;
  agency_code: string;
  profile_id: number;
  respondents: number;
}

export interface AnswerCountTable {
  wave_id: number;
  agency_code: string;
  profile_id: number;
  variable: string;
  /** The option chosen; `''` is the base row of a multi-select variable (respondents who answered). */
  option: string;
  count: number;
}

/** Every table of the schema, for `Kysely<Database>`. */
export interface Database {
  questionnaire_versions: QuestionnaireVersionTable;
  studies: StudyTable;
  study_notices: StudyNoticeTable;
  waves: WaveTable;
  agencies: AgencyTable;
  responses: ResponseTable;
  invitation_tokens: InvitationTokenTable;
  profiles: ProfileTable;
  profile_counts: ProfileCountTable;
  answer_counts: AnswerCountTable;
}

export type StudyRow = Selectable<StudyTable>;
export type WaveRow = Selectable<WaveTable>;
export type AgencyRow = Selectable<AgencyTable>;
export type NewAgencyRow = Insertable<AgencyTable>;
export type ResponseRow = Selectable<ResponseTable>;
export type NewResponseRow = Insertable<ResponseTable>;
