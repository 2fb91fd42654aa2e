import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, migrateSettings } from '../../utils/settings/schema';
import {
  loadEffectiveSettings,
  loadSettings,
  saveSettings,
  watchEffectiveSettings,
} from '../../utils/settings/storage';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the Safe Harbor date policy', async () => {
    expect(await loadSettings()).toEqual({
      version: 2,
      datePolicy: 'safe-harbor',
      tokenBudget: 8000,
      backend: { engine: 'offline' },
    });
  });

  it('migrates unversioned and broken stored values without failing', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    const offline = { engine: 'offline' };
    expect(migrateSettings({ datePolicy: 'relative' })).toEqual({
      version: 2,
      datePolicy: 'relative',
      tokenBudget: 8000,
      backend: offline,
    });
    expect(migrateSettings({ version: 1, datePolicy: 'everything' })).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ version: 1, datePolicy: 'relative', extra: true })).toEqual({
      version: 2,
      datePolicy: 'relative',
      tokenBudget: 8000,
      backend: offline,
    });
    // A broken model configuration falls back to the offline engine, keeping the rest.
    expect(
      migrateSettings({
        version: 2,
        datePolicy: 'relative',
        backend: { engine: 'model', model: { kind: 'compatible', model: '' } },
      }),
    ).toEqual({ version: 2, datePolicy: 'relative', tokenBudget: 8000, backend: offline });
  });

  it('persists in storage.local and tells watchers', async () => {
    const seen: string[] = [];
    const stop = watchEffectiveSettings(
      () => void loadEffectiveSettings().then(({ settings }) => seen.push(settings.datePolicy)),
    );
    await saveSettings({ datePolicy: 'relative' });
    expect((await loadSettings()).datePolicy).toBe('relative');
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['relative']);
    stop();
  });
});

describe('the token budget setting', () => {
  it('defaults to 8,000 and repairs an out-of-range value', () => {
    expect(
      migrateSettings({ version: 2, datePolicy: 'safe-harbor', tokenBudget: 12000, backend: { engine: 'offline' } })
        .tokenBudget,
    ).toBe(12000);
    expect(
      migrateSettings({ version: 2, datePolicy: 'safe-harbor', tokenBudget: 5, backend: { engine: 'offline' } })
        .tokenBudget,
    ).toBe(8000);
  });
});
