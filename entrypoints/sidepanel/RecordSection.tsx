import { browser } from 'wxt/browser';
import { ElsewhereNotice, PagesIncluded } from '../../components/PagesIncluded';
import { PlantedInstructionsNote } from '../../components/PlantedInstructionsNote';
import { RecordView } from '../../components/RecordView';
import { SendControls } from '../../components/SendControls';
import { SiteAccess } from '../../components/SiteAccess';
import { withPatientGiven } from '../../utils/record/identity';
import { recordPages } from '../../utils/record/merge';
import type { PatientRecord } from '../../utils/record/schema';
import type { Settings } from '../../utils/settings/schema';
import type { useChartRecord, usePageSelection } from './useChartRecord';
import type { useDraft } from './useDraft';
import type { usePageWrites } from './usePageWrites';
import type { useSendChoices } from './useSendChoices';

/** The panel's hooks, as the record section reads them. */
export type RecordSectionProps = {
  record: PatientRecord;
  chart: ReturnType<typeof useChartRecord>;
  selection: ReturnType<typeof usePageSelection>;
  writes: ReturnType<typeof usePageWrites>;
  choices: ReturnType<typeof useSendChoices>;
  draft: ReturnType<typeof useDraft>;
  settings: Settings;
  /** The engine in force is a model endpoint: a draft can be cancelled while it streams. */
  usesModel: boolean;
};

/** A chart that was read: its pages, the record, the page's site access and policy, and what to draft. */
export function RecordSection({
  record,
  chart,
  selection,
  writes,
  choices,
  draft,
  settings,
  usesModel,
}: RecordSectionProps) {
  return (
    <>
      <PagesIncluded
        pages={recordPages(record)}
        currentDocumentId={record.source.identity?.documentId}
        onOpen={chart.openPage}
      />
      {chart.elsewhere ? (
        <ElsewhereNotice
          page={chart.elsewhere}
          onOpen={chart.openPage}
          onDismiss={() => chart.showElsewhere(undefined)}
        />
      ) : null}
      <RecordView
        record={record}
        onShow={writes.show}
        selectedText={selection?.text}
        onGivePatient={(given) => chart.setRecord(withPatientGiven(record, given))}
      />
      <PlantedInstructionsNote record={record} onShow={writes.show} />
      <SiteAccess pageUrl={record.source.url} permissions={browser.permissions} />
      {chart.checkingPolicy ? (
        <p className="small muted" role="status" data-testid="policy-check">
          Checking your organization’s policy for this page before anything can be drafted or sent…
        </p>
      ) : null}
      <SendControls
        disabled={!chart.allowed}
        settings={settings}
        task={choices.task}
        taskOptions={choices.taskOptions}
        onTask={choices.setTask}
        onTaskOptions={choices.setTaskOptions}
        onDraft={() => draft.make(record)}
        onCancel={usesModel ? draft.cancel : undefined}
        drafting={draft.making}
        showPayload={choices.showPayload}
        onTogglePayload={choices.togglePayload}
        prepared={choices.preparing.result}
        preparing={choices.preparing.pending}
        onRedact={choices.redact}
        onKeep={choices.keep}
      />
    </>
  );
}
