import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Staleness } from '../../components/StaleNotice';
import { PageEventSchema } from '../../utils/messaging';

/**
 * Watches the chart tab for anything that makes the record and draft in the panel stale: a
 * navigation or reload (`tabs.onUpdated`), a single-page route change or a patient swap that the
 * page agent reports, or a write the agent refused. Once stale, it stays so until the page is read
 * again (`reset`): the panel never goes back to showing the old patient as current by itself.
 */
export function usePageWatch(tabId: number | undefined, documentId: string | undefined) {
  const [stale, setStale] = useState<Staleness | undefined>();
  const markStale = useCallback((next: Staleness) => setStale((current) => current ?? next), []);
  const reset = useCallback(() => setStale(undefined), []);

  useEffect(() => {
    if (tabId === undefined || documentId === undefined) return;
    const onUpdated = (updatedTab: number, change: { status?: string; url?: string }) => {
      if (updatedTab === tabId && (change.status === 'loading' || change.url !== undefined))
        markStale({ reason: 'navigated' });
    };
    const onMessage = (raw: unknown, sender: { tab?: { id?: number } }) => {
      const event = PageEventSchema.safeParse(raw);
      if (!event.success || sender.tab?.id !== tabId) return;
      // Only the agent of the document that was read speaks for it; a newer document is a navigation anyway.
      markStale(event.data.reason === 'patient' ? { reason: 'patient' } : { reason: 'navigated' });
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId, documentId, markStale]);

  return { stale, markStale, reset };
}
