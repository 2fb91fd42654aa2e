/**
 * Chart dates as pages print them — 03/14/1957, 3/14/57, 1957-03-14, 19570314, 14-Mar-1957,
 * 14 March 1957, March 14, 1957, Mar 14 1957 — read to a calendar day.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** The month a name starts with ("Mar", "March", "sept"), 0-based; -1 when it names none. */
export function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

/** Two-digit years: 00–40 are this century, the rest the last. */
export function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n <= 40 ? 2000 + n : 1900 + n;
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1800 || year > 2200) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined; // 02/30 is no day
  return date.toISOString().slice(0, 10);
}

const FORMS: Array<[RegExp, (m: RegExpMatchArray) => string | undefined]> = [
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => iso(Number(m[1]), Number(m[2]), Number(m[3]))],
  [/\b(\d{4})(\d{2})(\d{2})\b/, (m) => iso(Number(m[1]), Number(m[2]), Number(m[3]))],
  [
    /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/,
    (m) => {
      let [month, day] = [Number(m[1]), Number(m[2])];
      if (month > 12 && day <= 12) [month, day] = [day, month]; // day first, when it cannot be a month
      return iso(fullYear(m[3]), month, day);
    },
  ],
  [
    new RegExp(`\\b(\\d{1,2})[-\\s]${MONTH}\\.?[-\\s,]+(\\d{4}|\\d{2})\\b`, 'i'),
    (m) => iso(fullYear(m[3]), monthIndex(m[2]) + 1, Number(m[1])),
  ],
  [
    new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
    (m) => iso(Number(m[3]), monthIndex(m[1]) + 1, Number(m[2])),
  ],
];

/** The first calendar day the text shows, as `YYYY-MM-DD`, or undefined. */
export function toIsoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  for (const [pattern, read] of FORMS) {
    const m = text.match(pattern);
    const day = m && read(m);
    if (day) return day;
  }
  return undefined;
}

/** "10:12", "2:05 PM", "14:00:30" after a date: the time of day, in minutes. */
const TIME_OF_DAY = /\b(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([AP])\.?M\.?)?/i;

/**
 * A chart date (and its time of day, when the text gives one) as UTC milliseconds, for ordering; 0 when no day can
 * be read. The day is read by toIsoDate, so every form above counts the same everywhere.
 */
export function toTimestamp(text: string | undefined): number {
  const day = toIsoDate(text);
  if (!day) return 0;
  const time = text!.match(TIME_OF_DAY);
  let minutes = 0;
  if (time) {
    let hours = Number(time[1]) % (time[3] ? 12 : 24);
    if (time[3]?.toUpperCase() === 'P') hours += 12;
    minutes = hours * 60 + Number(time[2]);
  }
  return Date.parse(day) + minutes * 60_000;
}
