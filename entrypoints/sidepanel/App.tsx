import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { DraftRegion } from '../../components/DraftRegion';
import { DraftStatus } from '../../components/DraftStatus';
import { PanelHeader } from '../../components/PanelHeader';
import { ReadControls } from '../../components/ReadControls';
import { isEmptyRecord } from '../../components/RecordView';
import { StaleNotice } from '../../components/StaleNotice';
import { usePageSelection, useChartRecord } from './useChartRecord';
import { RecordSection } from './RecordSection';
import { useDraft } from './useDraft';
import { usePageWatch } from './usePageWatch';
import { usePageWrites } from './usePageWrites';
import { useSendChoices } from './useSendChoices';
import { useSettingsInForce } from './useSettingsInForce';
import { useTargetTab } from './useTargetTab';

/**
 * The side panel: read the chart, see what would be sent, draft, check and hand back. The work is
 * in the hooks beside this file and in utils/; this page only puts the pieces together.
 */
export function App() {
  const tabId = useTargetTab();
  const settings = useSettingsInForce();
  const chart = useChartRecord(tabId, {
    // A fresh read is a new record: the draft made from the old one goes.
    onRead: () => {
      draft.reset();
      page.reset();
    },
    onAdded: () => page.reset(),
  });
  const { record } = chart;
  const choices = useSendChoices(record, settings);
  const usesModel = settings.backend.engine === 'model';
  const draft = useDraft({
    tabId,
    record,
    settings,
    sendSettings: choices.sendSettings,
    taskOptions: choices.taskOptions,
    prepared: choices.preparing.ready,
  });
  const page = usePageWatch(tabId, record?.source.identity?.documentId ?? draft.owner?.identity.documentId);
  const selection = usePageSelection(tabId, record !== undefined && !page.stale);
  const writes = usePageWrites({
    tabId,
    page,
    record,
    draft: { text: draft.text, owner: draft.owner, present: Boolean(draft.output) },
    onElsewhere: chart.showElsewhere,
  });

  // A new tab means a new chart: never show one patient's record next to another's page.
  useEffect(() => {
    chart.clear();
    draft.reset();
    page.reset();
  }, [tabId]); // eslint-disable-line react-hooks/exhaustive-deps -- only a tab change clears

  const canAdd = record && !isEmptyRecord(record);
  return (
    <main className="panel">
      <PanelHeader settings={settings} onOpenSettings={() => void browser.runtime.openOptionsPage()} />
      {page.stale && (record || draft.output) ? (
        <StaleNotice
          stale={page.stale}
          patientName={record?.patient.name ?? draft.owner?.patientName}
          onReread={() => chart.read(false)}
          onAdd={canAdd && page.stale.reason !== 'patient' ? chart.add : undefined}
          rereading={chart.reading}
        />
      ) : null}

      <ReadControls
        record={record}
        noTab={tabId === undefined}
        reading={chart.reading}
        hasSelection={Boolean(record && !page.stale && selection?.hasSelection)}
        canAdd={Boolean(canAdd)}
        onRead={chart.read}
        onAdd={chart.add}
        error={chart.error}
      />

      {record && !isEmptyRecord(record) ? (
        <RecordSection
          record={record}
          chart={chart}
          selection={selection}
          writes={writes}
          choices={choices}
          draft={draft}
          settings={settings}
          usesModel={usesModel}
        />
      ) : null}

      <DraftStatus
        model={settings.backend.engine === 'model' ? settings.backend.model.model : undefined}
        making={draft.making}
        received={draft.streamed.length}
        announced={draft.output ? draft.announced : undefined}
        error={draft.error?.appError}
        partial={draft.error?.partial}
        onRetry={record ? () => draft.make(record) : undefined}
      />
      {draft.output ? (
        <DraftRegion
          output={draft.output}
          record={record}
          verification={draft.verification}
          text={draft.text}
          onEdit={draft.edit}
          patientName={draft.owner?.patientName}
          onShow={writes.show}
          accepted={choices.accepted}
          dismissed={choices.dismissed}
          onAccept={choices.accept}
          onDismiss={choices.dismiss}
          onCopy={writes.copy}
          onInsert={writes.insert}
          insertOff={Boolean(page.stale)}
          confirming={writes.confirming}
          onCancelConfirm={writes.cancelConfirm}
          handback={writes.handback}
          regionRef={draft.region}
        />
      ) : null}

      {draft.otherDrafts > 0 && !draft.output ? (
        <p className="small muted" role="status" data-testid="other-drafts">
          A draft written in this tab for another patient is kept but not offered here; it comes back on that patient’s
          chart.
        </p>
      ) : null}
      <footer className="panel-footer muted small">
        {usesModel
          ? 'Drafting sends only the de-identified text you can preview here; real values stay in this panel.'
          : 'Offline drafts are made in this browser: nothing about the patient leaves it.'}
      </footer>
    </main>
  );
}
