/**
 * What a citation chip says: the item it cites in a few words ("HbA1c 8.4 % · 11/12",
 * "Metformin", "Note · 11/18"), never an internal id the clinician cannot read.
 */
import { findItem, type PatientRecord } from './schema';

const MAX = 32;
const short = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1).trimEnd()}…` : text);
/** "11/12/2026" → "11/12"; other forms as written. */
const day = (date: string | undefined) => date?.match(/^(\d{1,2}\/\d{1,2})\/\d{2,4}/)?.[1] ?? date;
const withDay = (text: string, date: string | undefined) => (date ? `${short(text)} · ${day(date)}` : short(text));

export function citationLabel(record: PatientRecord, id: string): string | undefined {
  const found = findItem(record, id);
  if (!found) return undefined;
  const item = found.item as Record<string, string | undefined> & { text: string };
  switch (found.category) {
    case 'labs':
      return withDay([item.test, item.value, item.unit].filter(Boolean).join(' '), item.time);
    case 'vitals':
      return withDay([item.name, item.value, item.unit].filter(Boolean).join(' '), item.time);
    case 'medications':
    case 'problems':
    case 'immunizations':
    case 'procedures':
      return short(item.name ?? item.text);
    case 'allergies':
      return short(`Allergy: ${item.substance ?? item.text}`);
    case 'notes':
      return withDay(item.title ?? 'Note', item.date);
    case 'messages':
      return withDay(item.subject ? `Message: ${item.subject}` : 'Message', item.date);
    default:
      return short(item.text);
  }
}
