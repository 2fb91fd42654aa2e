import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { askBackground } from '../../utils/messaging';
import { addPage, recordPages } from '../../utils/record/merge';
import type { PatientRecord, RecordPage } from '../../utils/record/schema';
import type { AppError } from '../../utils/result';
import { PanelError, panelErrorOf, send } from './panel-error';

const SLOW_CHECK_MS = 300;

/**
 * The record the panel holds: read from the tab, or a page of the same chart added to it. `onRead`
 * runs after a fresh read (a new record: whatever was drafted from the old one goes).
 */
export function useChartRecord(tabId: number | undefined, options: { onRead: () => void; onAdded: () => void }) {
  const [record, setRecord] = useState<PatientRecord | undefined>();
  // An item read from another page of the chart: where it is, said instead of outlined.
  const [elsewhere, setElsewhere] = useState<RecordPage | undefined>();

  const readTab = async (selectionOnly: boolean) => {
    if (tabId === undefined)
      throw new PanelError({
        code: 'no-tab',
        message: 'No chart tab is open. Open the patient chart, then try again.',
      });
    const result = await askBackground(send, { type: 'capture', tabId, selectionOnly });
    if (!result.ok) throw new PanelError(result.error);
    return result.value;
  };
  const capture = useMutation({
    mutationFn: readTab,
    onMutate: () => setRefused(undefined),
    onSuccess: (value) => {
      setRecord(value);
      setElsewhere(undefined);
      options.onRead();
    },
  });
  // Another page of the same patient's chart joins the record; the draft and its citations stay.
  const addThisPage = useMutation({
    mutationFn: async (current: PatientRecord) => {
      const merged = addPage(current, await readTab(false));
      if (!merged.ok) throw new PanelError(merged.error);
      return merged.value;
    },
    onSuccess: (merged) => {
      setRecord(merged);
      setElsewhere(undefined);
      options.onAdded();
    },
  });

  // The pages were read under the policy as known at once (a read does not wait seconds for the browser's first
  // managed read); before anything can be sent, the background confirms them under this session's policy, and a
  // page the policy leaves out takes the record with it.
  const [refused, setRefused] = useState<AppError | undefined>();
  const urls = record ? [...new Set([record.source.url, ...recordPages(record).map((p) => p.url)])] : [];
  const allowed = useQuery({
    queryKey: ['allowed', ...urls],
    enabled: urls.length > 0,
    staleTime: Infinity,
    queryFn: async () => {
      for (const url of urls) {
        const result = await askBackground(send, { type: 'allowed', url });
        if (!result.ok) return result.error;
      }
      return null; // React Query keeps no undefined: null says every page is allowed
    },
  });
  // Said only when the check is slow (the first seconds after the browser starts): from the cache it is instant.
  const [slowCheck, setSlowCheck] = useState(false);
  const checking = record !== undefined && allowed.isPending;
  useEffect(() => {
    setSlowCheck(false);
    if (!checking) return;
    const timer = setTimeout(() => setSlowCheck(true), SLOW_CHECK_MS);
    return () => clearTimeout(timer);
  }, [checking]);
  useEffect(() => {
    if (!allowed.data) return;
    setRefused(allowed.data);
    setRecord(undefined);
  }, [allowed.data]);

  const openPage = (target: RecordPage) => {
    setElsewhere(undefined);
    if (tabId !== undefined) void browser.tabs.update(tabId, { url: target.url });
  };
  // The error of whichever read the clinician asked for last.
  const lastError = capture.submittedAt >= addThisPage.submittedAt ? capture.error : addThisPage.error;
  const readError = panelErrorOf(lastError, 'Chartside hit an unexpected error.')?.appError;
  return {
    record,
    setRecord,
    clear: () => setRecord(undefined),
    read: (selectionOnly: boolean) => capture.mutate(selectionOnly),
    add: () => record && addThisPage.mutate(record),
    reading: capture.isPending || addThisPage.isPending,
    error: record ? readError : (refused ?? readError),
    /** Whether the pages of the record are confirmed under this session's policy: nothing is sent before. */
    allowed: record !== undefined && allowed.isSuccess && allowed.data === null,
    /** The check has taken long enough to say so. */
    checkingPolicy: checking && slowCheck,
    elsewhere,
    showElsewhere: setElsewhere,
    openPage,
  };
}

/** Is text selected on the page (and what, when short)? Asked only while the panel holds a current record. */
export function usePageSelection(tabId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['selection', tabId],
    enabled: tabId !== undefined && enabled,
    refetchInterval: 3000,
    queryFn: async () => {
      const result = await askBackground(send, { type: 'selection', tabId: tabId! });
      return result.ok ? result.value : { hasSelection: false, characters: 0 };
    },
  }).data;
}
