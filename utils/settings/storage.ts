/** Settings in `storage.local`: on this computer only, never synced. */
import { browser } from 'wxt/browser';
import { applyPolicy, type Locks, type Policy } from './policy';
import { enforcedPolicy, isPolicyCacheChange, provisionalPolicy } from './policy-cache';
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

/**
 * The settings in force — the clinician's under any managed policy — and what the policy locks.
 * What the panel drafts with: it enforces, so it waits for the policy when none was read this
 * session yet (see policy-cache.ts).
 */
export async function loadEffectiveSettings(): Promise<{ settings: Settings; locks: Locks; policy?: Policy }> {
  const [policy, settings] = await Promise.all([enforcedPolicy(), loadSettings()]);
  return { ...applyPolicy(settings, policy), policy };
}

/**
 * The same for the settings page to show, at once: `provisional` while the managed policy has not
 * answered yet (the last known one is shown meanwhile; saving is safe, the policy applies at use).
 */
export async function loadShownSettings(): Promise<{
  settings: Settings;
  locks: Locks;
  policy?: Policy;
  provisional: boolean;
}> {
  const [{ policy, provisional }, settings] = await Promise.all([provisionalPolicy(), loadSettings()]);
  return { ...applyPolicy(settings, policy), policy, provisional };
}

/** Calls back when the clinician's settings or the managed policy change. */
export function watchEffectiveSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && KEY in changes) || area === 'managed' || isPolicyCacheChange(changes, area)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
