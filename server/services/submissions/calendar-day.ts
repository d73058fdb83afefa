// Turns an instant into the day it falls on in a time zone: the only time a response keeps.

/**
 * A function giving the `YYYY-MM-DD` day of an instant in `timeZone`.
 *
 * @example
 * calendarDay('Asia/Jakarta')(new Date('2021-09-01T20:00:00Z')) // '2021-09-02'
 */
export function calendarDay(timeZone: string): (instant: Date) => string {
  // en-CA formats dates as YYYY-MM-DD.
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  // Every submission asks, and formatting costs microseconds; the answer can change only at a
  // whole second, because time-zone offsets are whole seconds.
  let second = NaN;
  let day = '';
  return (instant) => {
    const at = Math.floor(instant.getTime() / 1000);
    if (at !== second) {
      day = format.format(instant);
      second = at;
    }
    return day;
  };
}
