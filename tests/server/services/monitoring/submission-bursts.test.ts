// Tests the in-memory burst monitor: hourly counts per study and agency, bursts against the agency's usual hour, a day kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { submissionBursts } from '../../../../server/services/monitoring/submission-bursts.ts';

const hour = 3_600_000;

describe('submissionBursts', () => {
  it('flags an agency whose hour holds many times its usual count, and forgets after a day', () => {
    let now = Date.UTC(2021, 8, 1, 0, 30);
    const bursts = submissionBursts(() => now);
    for (let h = 0; h < 5; h++) {
      for (let i = 0; i < 10; i++) bursts.record('s', 'kab-sleman');
      for (let i = 0; i < 12; i++) bursts.record('s', 'kota-yogyakarta');
      now += hour;
    }
    for (let i = 0; i < 300; i++) bursts.record('s', 'kab-sleman');
    for (let i = 0; i < 20; i++) bursts.record('s', 'kota-yogyakarta');
    expect(bursts.bursts('s')).toEqual([
      { agencyCode: 'kab-sleman', hoursAgo: 0, submissions: 300, usualPerHour: 10 },
    ]);
    expect(bursts.bursts('s', { minimum: 400 })).toEqual([]);
    now += 25 * hour;
    expect(bursts.windows('s')).toEqual([]);
  });

  it('keeps each study apart: a burst in one study is not another study’s', () => {
    const bursts = submissionBursts(() => Date.UTC(2021, 8, 1, 9));
    for (let i = 0; i < 100; i++) bursts.record('a', 'kab-sleman');
    bursts.record('b', 'kab-sleman');
    expect(bursts.bursts('a').map((w) => w.submissions)).toEqual([100]);
    expect(bursts.bursts('b')).toEqual([]);
    expect(bursts.windows('b')).toEqual([
      { agencyCode: 'kab-sleman', hoursAgo: 0, submissions: 1, usualPerHour: 0 },
    ]);
    expect(bursts.bursts('never-counted')).toEqual([]);
  });

  it('counts every recorded submission once, in the hour it arrived, for any arrival pattern', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            hour: fc.integer({ min: 0, max: 23 }),
            agency: fc.constantFrom('x', 'y', 'z'),
          }),
          {
            maxLength: 200,
          },
        ),
        (arrivals) => {
          const sorted = [...arrivals].sort((p, q) => p.hour - q.hour);
          const start = Date.UTC(2021, 8, 1);
          let now = start;
          const bursts = submissionBursts(() => now);
          for (const a of sorted) {
            now = start + a.hour * hour;
            bursts.record('s', a.agency);
          }
          const windows = bursts.windows('s');
          expect(windows.reduce((sum, w) => sum + w.submissions, 0)).toBe(arrivals.length);
          const last = sorted.at(-1)?.hour ?? 0;
          for (const w of windows) {
            const expected = arrivals.filter(
              (a) => a.agency === w.agencyCode && a.hour === last - w.hoursAgo,
            );
            expect(w.submissions).toBe(expected.length);
          }
          // A burst is never below its floor, nor within `factor` of its agency's usual hour.
          for (const b of bursts.bursts('s', { minimum: 3, factor: 2 })) {
            expect(b.submissions).toBeGreaterThanOrEqual(3);
            expect(b.submissions).toBeGreaterThan(2 * b.usualPerHour);
          }
        },
      ),
    );
  });
});
