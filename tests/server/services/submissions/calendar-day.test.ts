// Tests the submission day: the calendar of the configured zone, right up to the second midnight strikes.
import { describe, expect, it } from 'vitest';
import { calendarDay } from '../../../../server/services/submissions/calendar-day.ts';

describe('calendarDay', () => {
  it('gives the day in the time zone, not in UTC', () => {
    const jakarta = calendarDay('Asia/Jakarta');
    expect(jakarta(new Date('2021-09-01T16:59:59Z'))).toBe('2021-09-01');
    expect(jakarta(new Date('2021-09-01T17:00:00Z'))).toBe('2021-09-02');
    expect(calendarDay('UTC')(new Date('2021-09-01T17:00:00Z'))).toBe('2021-09-01');
  });

  it('turns to the next day at midnight even between calls within one second', () => {
    const jakarta = calendarDay('Asia/Jakarta');
    // Midnight in Jakarta is 17:00 UTC; the last millisecond before it, then midnight itself.
    expect(jakarta(new Date('2021-09-01T16:59:59.999Z'))).toBe('2021-09-01');
    expect(jakarta(new Date('2021-09-01T17:00:00.000Z'))).toBe('2021-09-02');
    expect(jakarta(new Date('2021-09-01T16:59:59.500Z'))).toBe('2021-09-01');
  });

  it('follows a zone whose offset is not a whole hour', () => {
    // Kathmandu is UTC+05:45: midnight there is 18:15 UTC.
    const kathmandu = calendarDay('Asia/Kathmandu');
    expect(kathmandu(new Date('2021-09-01T18:14:59Z'))).toBe('2021-09-01');
    expect(kathmandu(new Date('2021-09-01T18:15:00Z'))).toBe('2021-09-02');
  });

  it('refuses an invalid instant', () => {
    expect(() => calendarDay('Asia/Jakarta')(new Date(Number.NaN))).toThrow(RangeError);
  });
});
