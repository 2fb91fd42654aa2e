/**
 * Numbers and times as the panel and the settings page show them, written without `Intl`: a renderer's first
 * `toLocaleString` loads the locale's data, 40–110 ms measured in a fresh Chromium page, and the panel's first one came
 * in the render that shows the first read. Chartside's text is English, so the grouping is fixed too.
 */

/** 24416 → "24,416"; -1234.5 → "-1,234.5". */
export function groupThousands(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A moment in this computer's time zone, as an audit log shows it: "2026-12-07 09:05". */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (v: number) => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Orders ISO timestamps and ids by their characters: `localeCompare` would load a collator for nothing. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
