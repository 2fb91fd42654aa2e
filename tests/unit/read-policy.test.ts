/**
 * Reading a page does not wait seconds for the browser's first managed-policy read (nothing leaves the browser when
 * a page is read); the panel confirms the page under this session's policy before anything is sent, and the
 * background answers that only once the policy is known (utils/settings/policy-cache.ts states the rule).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers, readyPageAgent, startBackground } from '../../utils/background';
import { forgetPolicyMemory, POLICY_CACHE_KEY, PROVISIONAL_LIMIT_MS } from '../../utils/settings/policy-cache';

const RESTRICTIVE = { AllowedOrigins: ['https://ehr.example.org'] };

/** Managed storage that answers only when told, like Chrome's in the first seconds after launch; then at once. */
function slowManaged() {
  let answered: Record<string, unknown> | undefined;
  const waiting: Array<(value: Record<string, unknown>) => void> = [];
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
    () => new Promise((resolve) => (answered ? resolve(answered) : waiting.push(resolve))) as never,
  );
  return (value: Record<string, unknown>) => {
    answered = value;
    for (const resolve of waiting.splice(0)) resolve(value);
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetPolicyMemory();
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ url: 'https://news.example.com/today' } as never);
});
afterEach(() => vi.restoreAllMocks());

describe('reading under a policy not yet read this session', () => {
  it('refuses a page at once by the last known policy, without waiting for the managed read', async () => {
    slowManaged();
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { raw: RESTRICTIVE, readAt: 1 } });
    const started = Date.now();
    const result = await backgroundHandlers.capture({ type: 'capture', tabId: 7, selectionOnly: false }, undefined);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.ok ? undefined : result.error.code).toBe('origin-not-allowed');
  });

  it('goes ahead with the read after a short wait when no policy is known yet', async () => {
    slowManaged(); // a new profile, just after launch: the read goes to the page (none answers in this test)
    const started = Date.now();
    const result = await backgroundHandlers.capture({ type: 'capture', tabId: 7, selectionOnly: false }, undefined);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.ok ? undefined : result.error.code).not.toBe('origin-not-allowed');
  });

  it('confirms a page only once this session’s policy is known, and refuses it when the policy leaves it out', async () => {
    const answer = slowManaged(); // no last known policy: a new profile, just after launch
    let settled = false;
    const confirmed = backgroundHandlers
      .allowed({ type: 'allowed', url: 'https://news.example.com/today' }, undefined)
      .then((result) => ((settled = true), result));
    await new Promise((resolve) => setTimeout(resolve, PROVISIONAL_LIMIT_MS * 3));
    expect(settled).toBe(false); // no time limit where the answer decides whether anything may be sent
    answer(RESTRICTIVE);
    const result = await confirmed;
    expect(result.ok ? undefined : result.error.message).toMatch(
      /allows Chartside only on https:\/\/ehr\.example\.org/,
    );
    expect(
      await backgroundHandlers.allowed({ type: 'allowed', url: 'https://ehr.example.org/chart/1' }, undefined),
    ).toEqual({ ok: true, value: { allowed: true } });
  });
});

describe('readying the page agent on the toolbar click', () => {
  it('puts no agent into a page the policy leaves out', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { raw: RESTRICTIVE, readAt: 1 } });
    slowManaged();
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    expect(await readyPageAgent(7)).toBe('refused');
    expect(inject).not.toHaveBeenCalled();
  });

  it('the toolbar click itself goes through that gate', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { raw: RESTRICTIVE, readAt: 1 } });
    slowManaged();
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.0.0' } as never);
    const open = vi.spyOn(fakeBrowser.sidePanel, 'open').mockResolvedValue(undefined as never);
    startBackground();
    await fakeBrowser.action.onClicked.trigger({ id: 7, windowId: 1 } as never);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open).toHaveBeenCalledWith({ windowId: 1 }); // the panel opens: it explains the refusal when asked to read
    expect(inject).not.toHaveBeenCalled();
    vi.mocked(fakeBrowser.tabs.get).mockResolvedValue({ url: 'https://ehr.example.org/chart/1' } as never);
    await fakeBrowser.action.onClicked.trigger({ id: 7, windowId: 1 } as never);
    await vi.waitFor(() => expect(inject).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/page-agent.js'] }));
  });

  it('loads the agent into an allowed page, and leaves the explaining of a refusal to the read', async () => {
    slowManaged();
    const inject = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockRejectedValue(new Error('Cannot access contents of the page. Extension manifest must request permission'));
    expect(await readyPageAgent(7)).toBe('failed');
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/page-agent.js'] });
  });
});
