/**
 * Chartside's settings: one zod schema, versioned, migrated on read. Later versions add the model
 * backend; each version bump adds one migration step below.
 */
import { z } from 'zod';
import { DatePolicySchema } from '../deidentify/types';

export const SETTINGS_VERSION = 1;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /**
   * How dates leave the browser: `safe-harbor` keeps only the year (HIPAA Safe Harbor);
   * `relative` gives days from the page's date — more useful clinically, but not Safe Harbor.
   */
  datePolicy: DatePolicySchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, datePolicy: 'safe-harbor' };

/**
 * Brings stored settings of any earlier version (or none, or garbage) to the current shape.
 * Unknown or invalid values fall back to defaults rather than failing: settings must never keep
 * the panel from working.
 */
export function migrateSettings(stored: unknown): Settings {
  let raw: Record<string, unknown> = stored && typeof stored === 'object' ? { ...(stored as Record<string, unknown>) } : {};
  // Version 0 (before settings were versioned) had no fields worth keeping.
  if (typeof raw.version !== 'number' || raw.version < 1) raw = { ...DEFAULT_SETTINGS, ...pick(raw, ['datePolicy']), version: 1 };
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...raw, version: SETTINGS_VERSION });
  if (parsed.success) return parsed.data;
  // Keep whatever fields are valid on their own.
  const fields = SettingsSchema.shape;
  const repaired: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(fields) as Array<keyof typeof fields>) {
    if (key !== 'version' && fields[key].safeParse(raw[key]).success) repaired[key] = raw[key];
  }
  return SettingsSchema.parse(repaired);
}

function pick(source: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]]));
}
