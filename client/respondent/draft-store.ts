// Keeps an unfinished questionnaire in the browser so a reload or a dropped connection loses nothing.

import type { RespondentLink } from '../routes';
import { linkWho } from './link-access';

/** Everything kept on the device for one link; nothing else about the respondent is stored. */
export interface Draft {
  /** Sent with every attempt, so a retry after a lost reply cannot store the answers twice. */
  responseId: string;
  answers: Record<string, unknown>;
  pageNo: number;
  /** The respondent pressed Complete; sending resumes on the next visit if it never finished. */
  submitting: boolean;
}

export interface DraftStore {
  load(): Draft | undefined;
  save(draft: Draft): void;
  clear(): void;
}

const keyPrefix = 'netralitas:draft:v1';

/**
 * How long an unsent draft is kept: long enough to finish after a weekend, short enough that
 * half-finished, sensitive answers do not wait for days on a shared office PC. Answers already
 * being sent (`submitting`) are kept until sent: the respondent was told they will be.
 */
export const draftMaxAgeMs = 72 * 60 * 60 * 1000;

export interface DraftStoreOptions {
  /** Default `draftMaxAgeMs`. */
  maxAgeMs?: number;
  /** The clock, in ms since the epoch (tests move it). */
  now?: () => number;
}

/** One key per study and link, so two agencies' links on a shared PC keep separate drafts. */
export function draftKey(link: RespondentLink): string {
  return `${keyPrefix}:${link.study}:${linkWho(link)}`;
}

/**
 * A draft store over `storage` (localStorage in the browser). Storage that throws (privacy
 * modes, a full quota) degrades to no autosave rather than breaking the questionnaire.
 *
 * @example
 * const drafts = createDraftStore(localStorage, { study: 's', kind: 'agency', agency: 'kab-sleman' });
 * drafts.save({ responseId, answers: { A1: 'L' }, pageNo: 0, submitting: false });
 */
export function createDraftStore(
  storage: Storage | undefined,
  link: RespondentLink,
  { maxAgeMs = draftMaxAgeMs, now = Date.now }: DraftStoreOptions = {},
): DraftStore {
  const key = draftKey(link);
  const write = (draft: Draft, savedAt: number): void => {
    try {
      storage?.setItem(key, JSON.stringify({ ...draft, savedAt }));
    } catch {
      // Nothing to do: the questionnaire still works, it just won't survive a reload.
    }
  };
  const clear = (): void => {
    try {
      storage?.removeItem(key);
    } catch {
      // As above.
    }
  };
  return {
    load() {
      let raw: string | null | undefined;
      try {
        raw = storage?.getItem(key);
      } catch {
        return undefined;
      }
      const stored = raw ? parseDraft(raw) : undefined;
      if (!stored) return undefined;
      const { savedAt, ...draft } = stored;
      if (savedAt === undefined) {
        // Written before drafts expired: its age is unknown, so it starts counting now.
        write(draft, now());
      } else if (!draft.submitting && now() - savedAt > maxAgeMs) {
        clear();
        return undefined;
      }
      return draft;
    },
    save(draft) {
      write(draft, now());
    },
    clear,
  };
}

/** A draft written by an older or tampered page is dropped, not trusted. */
function parseDraft(raw: string): (Draft & { savedAt?: number }) | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const d = value as Record<string, unknown>;
  const answers = d.answers;
  if (
    typeof d.responseId !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(d.responseId) ||
    typeof answers !== 'object' ||
    answers === null ||
    Array.isArray(answers) ||
    typeof d.pageNo !== 'number' ||
    !Number.isInteger(d.pageNo) ||
    d.pageNo < 0
  ) {
    return undefined;
  }
  return {
    responseId: d.responseId,
    answers: answers as Record<string, unknown>,
    pageNo: d.pageNo,
    submitting: d.submitting === true,
    ...(typeof d.savedAt === 'number' && Number.isFinite(d.savedAt) ? { savedAt: d.savedAt } : {}),
  };
}
