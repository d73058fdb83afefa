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

/**
 * An acknowledged submission not sealed yet: the same columns as a response, keyed by its
 * client id. Sealing moves it into `responses` (see services/submissions/seal-batch.ts).
 */
export interface PendingResponseTable {
  client_id: string;
  wave_id: number;
  agency_code: string;
  questionnaire_id: string;
  questionnaire_version: number;
  submitted_on: string;
  answers: string;
  /** Whether it is already counted in pending_profile_counts and pending_answer_counts. */
  materialized: ColumnType<boolean | number, boolean | undefined, boolean>;
}

/** Respondents of pending responses per (wave, agency, profile), the profile by its key. */
export interface PendingProfileCountTable {
  wave_id: number;
  agency_code: string;
  questionnaire_id: string;
  profile_key: string;
  values_json: string;
  respondents: number;
}

/** Choices of pending responses per (wave, agency, profile, variable, option). */
export interface PendingAnswerCountTable {
  wave_id: number;
  agency_code: string;
  questionnaire_id: string;
  profile_key: string;
  variable: string;
  option: string;
  count: number;
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
  waves: WaveTable;
  agencies: AgencyTable;
  responses: ResponseTable;
  invitation_tokens: InvitationTokenTable;
  profiles: ProfileTable;
  profile_counts: ProfileCountTable;
  answer_counts: AnswerCountTable;
  pending_responses: PendingResponseTable;
  pending_profile_counts: PendingProfileCountTable;
  pending_answer_counts: PendingAnswerCountTable;
}

export type StudyRow = Selectable<StudyTable>;
export type WaveRow = Selectable<WaveTable>;
export type AgencyRow = Selectable<AgencyTable>;
export type NewAgencyRow = Insertable<AgencyTable>;
export type ResponseRow = Selectable<ResponseTable>;
export type NewResponseRow = Insertable<ResponseTable>;
