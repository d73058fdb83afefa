// Counts the submission route's answers per day in memory and logs one untimed line per day.

/** Where log lines go: pino's `info`, or a test's array. */
export type LogLine = (line: Record<string, unknown>) => void;

export interface SubmissionDaySummary {
  /** Counts one answer of the submission route on `day` (`YYYY-MM-DD`). */
  record(day: string, status: number): void;
  /** Writes the current day's line (at shutdown) and starts counting afresh. */
  flush(): void;
}

/**
 * Submissions are never logged one by one: a log collector stamps each line with the time it
 * arrived, and a line per submission would keep its time of day, which the platform promises
 * not to keep. Instead the answers are counted by status and written as one line per day,
 * `{ msg: 'submissions', day, byStatus: { '201': n, '422': n, … } }`, without a time field,
 * when the first answer of the next day comes in and at shutdown. Its arrival time is
 * therefore that of another day's submission or of the shutdown, never of one it counts.
 *
 * @example
 * const summary = submissionDaySummary((line) => logger.info(line));
 * summary.record('2021-09-16', 201);
 */
export function submissionDaySummary(write: LogLine): SubmissionDaySummary {
  let day: string | undefined;
  let byStatus = new Map<number, number>();
  const flush = () => {
    if (day !== undefined && byStatus.size > 0) {
      write({ msg: 'submissions', day, byStatus: Object.fromEntries(byStatus) });
    }
    byStatus = new Map();
  };
  return {
    record(today, status) {
      if (today !== day) {
        flush();
        day = today;
      }
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    },
    flush,
  };
}
