/**
 * The managed-policy cache: pages answer from it at once; a policy that restricts is never skipped
 * because Chrome's managed storage was slow (utils/settings/policy-cache.ts states the rule).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyManagedChange,
  enforcedPolicy,
  forgetPolicyMemory,
  POLICY_CACHE_KEY,
  refreshPolicyCache,
  provisionalPolicy,
} from '../../utils/settings/policy-cache';
import { loadEffectiveSettings, loadShownSettings } from '../../utils/settings/storage';

const RESTRICTIVE = { AllowedOrigins: ['https://ehr.example.org'], OfflineOnly: true };

/** Managed storage that answers only when told, like Chrome's in the first seconds after launch. */
function slowManaged() {
  let answer: (value: Record<string, unknown>) => void = () => undefined;
  const get = vi
    .spyOn(fakeBrowser.storage.managed, 'get')
    .mockImplementation(() => new Promise((resolve) => (answer = resolve)) as never);
  return { answer: (value: Record<string, unknown>) => answer(value), get };
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetPolicyMemory();
});
afterEach(() => vi.restoreAllMocks());

describe('the managed-policy cache', () => {
  it('the worker reads once and caches it for this session and as the last known', async () => {
    await fakeBrowser.storage.managed.set(RESTRICTIVE);
    expect(await refreshPolicyCache()).toEqual(RESTRICTIVE);
    expect((await fakeBrowser.storage.session.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY]).toMatchObject({
      raw: RESTRICTIVE,
    });
    expect((await fakeBrowser.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY]).toMatchObject({
      raw: RESTRICTIVE,
    });
    forgetPolicyMemory(); // a page, or a restarted worker: from storage.session, without asking managed storage
    const slow = slowManaged();
    expect(await enforcedPolicy()).toEqual(RESTRICTIVE);
    expect(slow.get).not.toHaveBeenCalled();
  });

  it('enforcing never proceeds without this session’s policy: it waits for the slow read, last known or not', async () => {
    // The last session had no restriction; IT has added one since.
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { raw: {}, readAt: 1 } });
    const slow = slowManaged();
    let settled = false;
    const enforced = enforcedPolicy().then((policy) => ((settled = true), policy));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    slow.answer(RESTRICTIVE);
    expect(await enforced).toEqual(RESTRICTIVE);
  });

  it('showing does not wait: the last known policy after the time limit, marked provisional', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { raw: { TokenBudget: 6000 }, readAt: 1 } });
    const slow = slowManaged();
    const started = Date.now();
    expect(await provisionalPolicy(50)).toEqual({ policy: { TokenBudget: 6000 }, provisional: true });
    expect(Date.now() - started).toBeLessThan(1_000);
    const shown = await loadShownSettings();
    expect([shown.provisional, shown.settings.tokenBudget]).toEqual([true, 6000]);
    slow.answer({});
  });

  it('the panel’s settings enforce: a policy that makes drafting offline-only is waited for', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        version: 1,
        backend: { engine: 'model', model: { kind: 'compatible', baseURL: 'https://mine.example.com/v1', model: 'm' } },
      },
    });
    const slow = slowManaged();
    const effective = loadEffectiveSettings();
    setTimeout(() => slow.answer({ OfflineOnly: true }), 300);
    expect((await effective).settings.backend).toEqual({ engine: 'offline' });
  });

  it('a change to the managed policy is in the cache at once, removed keys too', async () => {
    await fakeBrowser.storage.managed.set({ AllowedOrigins: ['https://a.example.org'], TokenBudget: 6000 });
    await refreshPolicyCache();
    await fakeBrowser.storage.managed.set({ AllowedOrigins: ['https://b.example.org'] });
    await fakeBrowser.storage.managed.remove('TokenBudget');
    await applyManagedChange({ AllowedOrigins: { newValue: ['https://b.example.org'] }, TokenBudget: {} });
    forgetPolicyMemory();
    expect(await enforcedPolicy()).toEqual({ AllowedOrigins: ['https://b.example.org'] });
  });
});
