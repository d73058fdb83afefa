// Counts stored submissions per agency per hour in memory, and reports the hours that stand out.

/** One agency's count in one hour window, `hoursAgo` 0 being the current hour. */
export interface BurstWindow {
  agencyCode: string;
  hoursAgo: number;
  submissions: number;
  /** The agency's mean over its other kept hours that had submissions (0 when none). */
  usualPerHour: number;
}

export interface BurstOptions {
  /** Fewest submissions in an hour to be a burst at all (default 60). */
  minimum?: number;
  /** How many times the agency's usual hourly count a burst is (default 5). */
  factor?: number;
}

/** One study's hourly counts per agency. */
interface AgencyHours {
  record(agencyCode: string): void;
  bursts(options?: BurstOptions): BurstWindow[];
  windows(): BurstWindow[];
}

export interface SubmissionBursts {
  /** Counts one newly stored submission of `studyId` for `agencyCode` in the current hour. */
  record(studyId: string, agencyCode: string): void;
  /**
   * The study's windows with at least `minimum` submissions and more than `factor` × the
   * agency's usual hourly count, largest first; [] for a study with none counted.
   */
  bursts(studyId: string, options?: BurstOptions): BurstWindow[];
  /** Every agency's count per hour window kept for the study, for a monitor's chart. */
  windows(studyId: string): BurstWindow[];
}

const hourMs = 3_600_000;

/**
 * In-memory hourly counts per study and agency for the fieldwork monitor: a page of one agency's link posted
 * somewhere public, or a script spread over the public agency codes, shows as an agency
 * whose hour holds many times its usual count. Only the last `keepHours` windows (default
 * 24) are kept, as counts per agency: no response, address or time of any single submission,
 * and nothing is written anywhere; a restart starts from zero. Window boundaries come from
 * `now()` and are reported as hours ago, never as clock times.
 *
 * @example
 * const bursts = submissionBursts();
 * bursts.record('netralitas-asn-2021', 'kab-sleman');
 * bursts.bursts('netralitas-asn-2021', { minimum: 60, factor: 5 }); // [] until kab-sleman's hour stands out
 */
export function submissionBursts(now: () => number = Date.now, keepHours = 24): SubmissionBursts {
  const studies = new Map<string, AgencyHours>();
  return {
    record(studyId, agencyCode) {
      let counts = studies.get(studyId);
      if (!counts) {
        counts = agencyHours(now, keepHours);
        studies.set(studyId, counts);
      }
      counts.record(agencyCode);
    },
    bursts: (studyId, options) => studies.get(studyId)?.bursts(options) ?? [],
    windows: (studyId) => studies.get(studyId)?.windows() ?? [],
  };
}

/** Hourly counts per agency of one study, the last `keepHours` windows. */
function agencyHours(now: () => number, keepHours: number): AgencyHours {
  /** hour index (ms / 3.6e6) → agency → count */
  const hours = new Map<number, Map<string, number>>();
  const currentHour = () => Math.floor(now() / hourMs);
  const prune = (current: number) => {
    for (const hour of hours.keys()) if (hour <= current - keepHours) hours.delete(hour);
  };

  const windows = (): BurstWindow[] => {
    const current = currentHour();
    prune(current);
    const totals = new Map<string, { sum: number; windows: number }>();
    for (const counts of hours.values()) {
      for (const [agency, count] of counts) {
        const t = totals.get(agency) ?? { sum: 0, windows: 0 };
        totals.set(agency, { sum: t.sum + count, windows: t.windows + 1 });
      }
    }
    const result: BurstWindow[] = [];
    for (const [hour, counts] of hours) {
      for (const [agencyCode, submissions] of counts) {
        const t = totals.get(agencyCode)!;
        const others = t.windows - 1;
        result.push({
          agencyCode,
          hoursAgo: current - hour,
          submissions,
          usualPerHour: others === 0 ? 0 : (t.sum - submissions) / others,
        });
      }
    }
    return result.sort((a, b) => a.hoursAgo - b.hoursAgo || b.submissions - a.submissions);
  };

  return {
    record(agencyCode) {
      const hour = currentHour();
      let counts = hours.get(hour);
      if (!counts) {
        prune(hour);
        counts = new Map();
        hours.set(hour, counts);
      }
      counts.set(agencyCode, (counts.get(agencyCode) ?? 0) + 1);
    },
    bursts({ minimum = 60, factor = 5 } = {}) {
      return windows()
        .filter((w) => w.submissions >= minimum && w.submissions > factor * w.usualPerHour)
        .sort((a, b) => b.submissions - a.submissions);
    },
    windows,
  };
}
