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
export function createDraftStore(storage: Storage | undefined, link: RespondentLink): DraftStore {
  const key = draftKey(link);
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        return raw ? parseDraft(raw) : undefined;
      } catch {
        return undefined;
      }
    },
    save(draft) {
      try {
        storage?.setItem(key, JSON.stringify(draft));
      } catch {
        // Nothing to do: the questionnaire still works, it just won't survive a reload.
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}

/** A draft written by an older or tampered page is dropped, not trusted. */
function parseDraft(raw: string): Draft | undefined {
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
  };
}
