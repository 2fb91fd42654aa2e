import { describe, expect, it, vi } from 'vitest';
import { explainInjectionError } from '../../utils/background';
import { askBackground, createListener, PanelRequestSchema, parseResponse } from '../../utils/messaging';

describe('the message protocol', () => {
  it('ignores messages that are not ours and answers the ones that are', async () => {
    const capture = vi.fn(async () => ({ ok: false as const, error: { code: 'x', message: 'm' } }));
    const listener = createListener(
      PanelRequestSchema,
      { capture, highlight: vi.fn(), selection: vi.fn() } as never,
      () => undefined,
    );
    const respond = vi.fn();
    expect(listener({ type: 'capture', tabId: 'seven' }, {}, respond)).toBe(false);
    expect(listener({ type: 'evil', payload: '<script>' }, {}, respond)).toBe(false);
    expect(capture).not.toHaveBeenCalled();
    expect(listener({ type: 'capture', tabId: 7, selectionOnly: false }, {}, respond)).toBe(true);
    await vi.waitFor(() => expect(respond).toHaveBeenCalledWith({ ok: false, error: { code: 'x', message: 'm' } }));
  });

  it('turns a missing or malformed answer into a readable error', () => {
    const none = parseResponse('capture', undefined);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toMatch(/did not answer/);
    const garbage = parseResponse('capture', { ok: true, value: { nope: 1 } });
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) expect(garbage.error.code).toBe('bad-response');
    // The page agent sends its record unchecked; where it arrives, a malformed one is a capture error.
    const badRecord = parseResponse('page:capture', { ok: true, value: { patient: 'nope' } });
    expect(!badRecord.ok && badRecord.error.code).toBe('capture-invalid');
    expect(!badRecord.ok && badRecord.error.message).toMatch(/could not make sense of this page/);
  });

  it('reports an unreachable background as a value, never a throw', async () => {
    const result = await askBackground(
      async () => {
        throw new Error('Could not establish connection');
      },
      {
        type: 'highlight',
        tabId: 1,
        ref: 'r1',
        expected: { url: '', documentId: 'd', patient: { name: [], ids: [], key: 'k' } },
      },
    );
    expect(result.ok).toBe(false);
  });

  it('explains injection errors in words a clinician can act on', () => {
    const denied = explainInjectionError(
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    );
    expect(!denied.ok && denied.error.message).toMatch(/Click the Chartside button in the toolbar/);
    const browserPage = explainInjectionError('Cannot access a chrome:// URL');
    expect(!browserPage.ok && browserPage.error.code).toBe('no-access');
  });
});
