/** Settings in `storage.local`: on this computer only, never synced. */
import { browser } from 'wxt/browser';
import { applyPolicy, loadPolicy, type Locks, type Policy } from './policy';
import { migrateSettings, SettingsSchema, type Settings } from './schema';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return migrateSettings(stored[KEY]);
}

export async function saveSettings(change: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** The settings in force — the clinician's under any managed policy — and what the policy locks. */
export async function loadEffectiveSettings(): Promise<{ settings: Settings; locks: Locks; policy?: Policy }> {
  const policy = await loadPolicy();
  return { ...applyPolicy(await loadSettings(), policy), policy };
}

/** Calls back when the clinician's settings or the managed policy change. */
export function watchEffectiveSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && KEY in changes) || area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
