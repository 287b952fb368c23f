/** An instant with nanosecond precision: whole seconds since the epoch and the nanoseconds after. */
export interface Instant {
  readonly seconds: number;
  readonly nanos: number;
}

// RFC 3339 as AWS accepts it: upper-case T, and a zone (Z or an offset) is required.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Parses an ASL timestamp to an instant, keeping its nanoseconds; undefined when it is not one. */
export function parseTimestamp(text: string): Instant | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const hours = Number(m[10]);
    const minutes = Number(m[11]);
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const seconds = utcSeconds(year, month, day, hour, minute, second) - offsetMinutes * 60;
  const fraction = m[7] ?? '';
  const nanos = fraction === '' ? 0 : Number(fraction.slice(0, 9).padEnd(9, '0'));
  return { seconds, nanos };
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.seconds - b.seconds || a.nanos - b.nanos;
}

export function instantToMillis(instant: Instant): number {
  return instant.seconds * 1000 + Math.floor(instant.nanos / 1e6);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether a string is a timestamp as ASL accepts it (Choice rules, Wait `Timestamp`). */
export function isTimestamp(text: string): boolean {
  return parseTimestamp(text) !== undefined;
}

/** Seconds since the epoch of a UTC date and time; years 0 to 99 stay themselves. */
function utcSeconds(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  // Date.UTC reads a year below 100 as 1900 plus that year; setUTCFullYear takes it as given.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime() / 1000;
}
