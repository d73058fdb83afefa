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
  /** Agency links carry a per-wave code (`wave_link_codes`) instead of the agency code. */
  uses_link_codes: ColumnType<boolean | number, boolean | undefined, boolean>;
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

export interface WaveLinkCodeTable {
  /** 128 random bits, base64url: the agency link of one wave is `/s/<study>/l/<code>`. */
  code: string;
  wave_id: number;
  agency_code: string;
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

/** Neutrality cases as a supervisory body published them, for one region and election. */
export interface RecordedViolationTable {
  region_type: AgencyType;
  /** The region's name as published, e.g. `Kota Balikpapan`. */
  region: string;
  province: string;
  /** The frame agency this region is, when it is one (matched on import). */
  agency_code: string | null;
  election_year: number;
  /** Day the figure was reported, `YYYY-MM-DD`. */
  reported_on: string;
  source: string;
  cases_recorded: number;
  recommended_to_kasn: number | null;
  followed_up: number | null;
  /** Civil servants of the region, the denominator of the rate per 1,000; null when unknown. */
  civil_servants: number | null;
  /** Where `civil_servants` comes from (`''` when unknown). */
  civil_servants_source: string;
  note: string;
  /** Made-up counts for the demo: every place that shows them must say so. */
  illustrative: Flag;
}

/** Disclosure rules of a study that departs from the defaults (see services/results). */
export interface DisclosureSettingsTable {
  study_id: string;
  /** k: minimum unweighted base of a shown cell, at least 5. */
  minimum_cell_size: number;
  /** k for sensitive items, at least `minimum_cell_size`. */
  sensitive_minimum_cell_size: number;
  /** JSON array of question names (`["H2","H3"]`). */
  sensitive_questions: string;
  /** Whether the public dashboard may show the study. */
  public: Flag;
}

/** Who a key signs in as; see ARCHITECTURE.md's table of roles. */
export type Role = 'admin' | 'researcher' | 'agency';

export interface AccessKeyTable {
  id: Id;
  /** SHA-256 of the key, hex; the key itself is shown once and never stored. */
  key_hash: string;
  role: Role;
  /** The agency an agency key speaks for; null for admin and researcher keys. */
  agency_code: string | null;
  /** Day only (`YYYY-MM-DD`). */
  created_on: string;
  revoked: ColumnType<boolean | number, boolean | undefined, boolean>;
}

export interface SessionTable {
  /** SHA-256 of the session id the cookie carries, hex. */
  id_hash: string;
  /** The key that signed in: its role and agency, and whether it has been revoked since. */
  key_id: number;
  /** ISO 8601 UTC instant after which the session is refused. */
  expires_at: string;
}

/** Server-wide values shared by every process on the database (the session cookie secret). */
export interface ServerSettingTable {
  setting: string;
  value: string;
}

/** A population share of one level of a raking variable, set per wave by an administrator. */
export interface RakingMarginTable {
  wave_id: number;
  /** A domain variable of the questionnaire (its question name). */
  variable: string;
  level: string;
  /** 0–1; the levels of a variable add up to 1. */
  share: number;
}

/** A study whose responses were generated, not collected (the demo): every output says so. */
export interface SyntheticStudyTable {
  study_id: string;
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
  wave_link_codes: WaveLinkCodeTable;
  profiles: ProfileTable;
  profile_counts: ProfileCountTable;
  answer_counts: AnswerCountTable;
  recorded_violations: RecordedViolationTable;
  disclosure_settings: DisclosureSettingsTable;
  access_keys: AccessKeyTable;
  sessions: SessionTable;
  server_settings: ServerSettingTable;
  raking_margins: RakingMarginTable;
  synthetic_studies: SyntheticStudyTable;
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
export type AccessKeyRow = Selectable<AccessKeyTable>;
