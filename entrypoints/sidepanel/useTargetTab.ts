import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The tab the panel works on: `?tabId=N` when given (tests, a panel opened for one tab), otherwise
 * the active tab of this window, followed as the clinician switches tabs.
 */
export function useTargetTab(): number | undefined {
  const fixed = Number(new URLSearchParams(location.search).get('tabId')) || undefined;
  const [tabId, setTabId] = useState<number | undefined>(fixed);
  useEffect(() => {
    if (fixed) return;
    let cancelled = false;
    browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (!cancelled) setTabId(tab?.id);
    });
    const onActivated = (info: { tabId: number }) => setTabId(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [fixed]);
  return tabId;
}
