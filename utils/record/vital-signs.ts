/**
 * The vital-sign vocabulary, one data file (lexicons/vital-signs.json): whether a label names a vital sign or a body
 * measurement, with or without its unit ("HR", "Weight (kg)", "Temp (oral):"). Capture reads a form of such labels as
 * vital signs wherever it stands.
 */
import vitalSigns from './lexicons/vital-signs.json';

const NAMES: ReadonlySet<string> = new Set(vitalSigns.names);

/** Whether a label names a vital sign: its words, without a unit or qualifier in brackets and a closing colon. */
export function isVitalSignName(label: string): boolean {
  const bare = label
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/[:\s]+$/, '')
    .trim();
  return NAMES.has(bare);
}
