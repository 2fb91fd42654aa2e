import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The tab the panel works on: `?tabId=N` when given (tests, a panel opened for one tab), otherwise
 * the active tab of this window, followed as the clinician switches tabs in this window. A tab
 * chosen in another window is not this panel's: each window has its own panel (Chrome's side panel,
 * Firefox's sidebar), and following it would drop the chart this panel has read.
 */
export function useTargetTab(): number | undefined {
  const fixed = Number(new URLSearchParams(location.search).get('tabId')) || undefined;
  const [tabId, setTabId] = useState<number | undefined>(fixed);
  useEffect(() => {
    if (fixed) return;
    let cancelled = false;
    let windowId: number | undefined;
    browser.windows.getCurrent().then(async (win) => {
      windowId = win.id;
      const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
      if (!cancelled) setTabId(tab?.id);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [fixed]);
  return tabId;
}
