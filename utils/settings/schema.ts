/**
 * Chartside's settings: one zod schema, versioned, migrated on read. Each version bump adds one
 * migration step in `migrateSettings`.
 */
import { z } from 'zod';
import { DatePolicySchema } from '../deidentify/types';
import { ModelConfigSchema } from '../draft/backends/config';

export const SETTINGS_VERSION = 2;

/** The summarization engine: the built-in offline one (default), or a model endpoint. */
export const EngineSchema = z.discriminatedUnion('engine', [
  z.object({ engine: z.literal('offline') }),
  z.object({ engine: z.literal('model'), model: ModelConfigSchema }),
]);
export type Engine = z.infer<typeof EngineSchema>;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /**
   * How dates leave the browser: `safe-harbor` keeps only the year (HIPAA Safe Harbor);
   * `relative` gives days from the page's date — more useful clinically, but not Safe Harbor.
   */
  datePolicy: DatePolicySchema,
  /** Tokens a task may send to a model: the record is trimmed to fit, and the panel says what was left out. */
  tokenBudget: z.number().int().min(1000).max(200_000),
  backend: EngineSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  datePolicy: 'safe-harbor',
  tokenBudget: 8000,
  backend: { engine: 'offline' },
};

/**
 * Brings stored settings of any earlier version (or none, or garbage) to the current shape.
 * Invalid values fall back to defaults rather than failing: settings must never keep the panel
 * from working. (A broken model configuration falls back to the offline engine.)
 */
export function migrateSettings(stored: unknown): Settings {
  let raw: Record<string, unknown> =
    stored && typeof stored === 'object' ? { ...(stored as Record<string, unknown>) } : {};
  // Version 0 (unversioned) had no fields worth keeping but the date policy.
  if (typeof raw.version !== 'number' || raw.version < 1) raw = { ...pick(raw, ['datePolicy']), version: 1 };
  // Version 1 → 2: the engine became a setting; version 1 only had the offline engine.
  if (raw.version === 1) raw = { ...raw, backend: { engine: 'offline' }, version: 2 };
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
