import { useEffect, useState } from 'react';
import { askBackground } from '../../utils/messaging';
import { pageOf } from '../../utils/record/merge';
import type { ItemLocation, PatientRecord, RecordPage } from '../../utils/record/schema';
import type { AppError } from '../../utils/result';
import { NO_IDENTITY, send } from './panel-error';
import type { DraftOwner } from './useDraft';
import type { usePageWatch } from './usePageWatch';

type PageWatch = ReturnType<typeof usePageWatch>;

export interface PageWritesInputs {
  tabId: number | undefined;
  page: PageWatch;
  record: PatientRecord | undefined;
  /** The draft's text as edited, and whom it was written for. */
  draft: { text: string; owner: DraftOwner | undefined; present: boolean };
  /** An item on another page of the chart was asked for: the panel says where it is. */
  onElsewhere: (page: RecordPage | undefined) => void;
}

/**
 * Everything the panel does to the page (outline an item, insert the draft) and to the clipboard.
 * The page agent checks each write against the page it read; a refusal marks the panel stale.
 */
export function usePageWrites({ tabId, page, record, draft, onElsewhere }: PageWritesInputs) {
  const [handback, setHandback] = useState<{ error?: AppError; done?: string } | undefined>();
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    setHandback(undefined);
    setConfirming(false);
  }, [draft.owner]);

  /** A write the page agent refused because the page is no longer the one read: the panel says so at the top. */
  const refusedByPage = (error: AppError) => {
    if (error.code === 'different-patient') page.markStale({ reason: 'patient', message: error.message });
    else if (error.code === 'page-changed') page.markStale({ reason: 'changed', message: error.message });
  };

  const copy = async () => {
    if (!draft.present) return;
    try {
      await navigator.clipboard.writeText(draft.text);
      setHandback({ done: 'Copied as plain text.' });
    } catch (error) {
      setHandback({
        error: {
          code: 'clipboard',
          message: 'Chartside could not copy to the clipboard. Select the draft and copy it by hand.',
          detail: String(error),
        },
      });
    }
  };

  const insert = async (confirmedUnknown: boolean) => {
    if (!draft.present || !draft.owner || tabId === undefined || page.stale) return;
    setConfirming(false);
    // The page agent checks that the page still shows this draft's patient before it writes.
    const result = await askBackground(send, {
      type: 'insert',
      tabId,
      text: draft.text,
      expected: draft.owner.identity,
      confirmedUnknown,
    });
    if (!result.ok && result.error.code === 'patient-unconfirmed') {
      setHandback(undefined);
      setConfirming(true);
      return;
    }
    if (!result.ok) refusedByPage(result.error);
    setHandback(
      result.ok
        ? { done: `Inserted into “${result.value.field}”. Review it there before you send or sign.` }
        : { error: result.error },
    );
  };

  const show = async (where: ItemLocation) => {
    if (tabId === undefined || !record || page.stale) return;
    const on = pageOf(record, where);
    if (on && on.documentId !== record.source.identity?.documentId) return onElsewhere(on);
    onElsewhere(undefined);
    const result = await askBackground(send, {
      type: 'highlight',
      tabId,
      ref: where.ref,
      expected: record.source.identity ?? NO_IDENTITY,
    });
    if (!result.ok) refusedByPage(result.error);
  };

  return {
    handback,
    confirming,
    cancelConfirm: () => setConfirming(false),
    copy: () => void copy(),
    insert: (confirmedUnknown: boolean) => void insert(confirmedUnknown),
    /** Absent while the page no longer shows what was read: nothing can be outlined then. */
    show: page.stale ? undefined : (where: ItemLocation) => void show(where),
  };
}
