import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { DraftEditor } from '../../components/DraftEditor';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PayloadPreview } from '../../components/PayloadPreview';
import { withPatientGiven, type PageIdentity } from '../../utils/record/identity';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';
import { loadEffectiveSettings, watchEffectiveSettings } from '../../utils/settings/storage';
import { isEmptyRecord, RecordView } from '../../components/RecordView';
import { SiteAccess } from '../../components/SiteAccess';
import { runTask, type TaskRun } from '../../utils/pipeline/run';
import { appendAudit, originOf } from '../../utils/audit/log';
import { TaskPicker } from '../../components/TaskPicker';
import { draftToText } from '../../utils/handback/plain-text';
import { loadDrafts, saveDraft, sortDrafts } from '../../utils/handback/draft-store';
import { DEFAULT_TASK_OPTIONS, TASK_LABELS, type Task, type TaskOptions, type TaskOutput } from '../../utils/draft/schema';
import { askBackground } from '../../utils/messaging';
import { findItem, type ItemLocation, type PatientRecord, type RecordPage } from '../../utils/record/schema';
import { addPage, pageOf, recordPages } from '../../utils/record/merge';
import { ElsewhereNotice, PagesIncluded } from '../../components/PagesIncluded';
import { ConfirmPatient } from '../../components/ConfirmPatient';
import type { AppError } from '../../utils/result';
import { verifyOutput, type Verification } from '../../utils/verify/verify';
import { findPlantedInstructions } from '../../utils/verify/injection';
import { useTargetTab } from './useTargetTab';
import { usePageWatch } from './usePageWatch';
import { usePreparedSend } from './usePreparedSend';
import { StaleNotice } from '../../components/StaleNotice';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** A record made outside a page has no identity: it matches no page, so writes ask first. */
const NO_IDENTITY: PageIdentity = { url: '', documentId: '', patient: { name: [], ids: [], key: 'none' } };

/** Whom the draft in the panel was made for: the page identity (hashes) and, for the clinician's eyes only, the name. */
type DraftOwner = { identity: PageIdentity; patientName?: string; restored?: boolean };

class PanelError extends Error {
  constructor(
    readonly appError: AppError,
    /** Text a model sent before the failure: shown, never thrown away. */
    readonly partial?: string,
  ) {
    super(appError.message);
  }
}

export function App() {
  const tabId = useTargetTab();
  const [record, setRecord] = useState<PatientRecord | undefined>();
  const [draft, setDraft] = useState<TaskOutput | undefined>();
  const [verification, setVerification] = useState<Verification | undefined>();
  const [announced, setAnnounced] = useState('');
  const draftRegion = useRef<HTMLDivElement>(null);
  const [draftFor, setDraftFor] = useState<DraftOwner | undefined>();
  const [otherDrafts, setOtherDrafts] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const page = usePageWatch(tabId, record?.source.identity?.documentId ?? draftFor?.identity.documentId);
  const [taskOptions, setTaskOptions] = useState<TaskOptions>(DEFAULT_TASK_OPTIONS);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const queryClient = useQueryClient();
  // The settings in force: the clinician's, under any policy IT manages.
  const settings = useQuery({ queryKey: ['settings'], queryFn: loadEffectiveSettings }).data?.settings ?? DEFAULT_SETTINGS;
  useEffect(() => watchEffectiveSettings(() => void queryClient.invalidateQueries({ queryKey: ['settings'] })), [queryClient]);
  const [showPayload, setShowPayload] = useState(false);
  const [redactions, setRedactions] = useState<string[]>([]);
  const [kept, setKept] = useState<string[]>([]);
  // De-identified in the panel, from the record in the panel's memory; nothing is sent from here.
  const [task, setTask] = useState<Task>('summary');
  // What a model would get: the record trimmed to the token budget, what was left out said plainly.
  const sendSettings = useMemo(
    () => ({ task, tokenBudget: settings.tokenBudget, datePolicy: settings.datePolicy, choices: { redact: redactions, keep: kept } }),
    [task, settings.tokenBudget, settings.datePolicy, redactions, kept],
  );
  // What a model would be sent, worked out whenever it is shown or a model would draft (the budget's
  // omissions are said then, preview open or not); the send reuses it.
  const usesModel = settings.backend.engine === 'model';
  // Prepared in the de-identification worker: a two-million-character chart never freezes the panel.
  const preparing = usePreparedSend(record, sendSettings, showPayload || usesModel);
  const preview = preparing.result;
  const budgeted = preview?.ok ? preview.value.budgeted : undefined;

  // A new tab means a new chart: never show one patient's record next to another's page.
  useEffect(() => {
    setRecord(undefined);
    setDraft(undefined);
    setVerification(undefined);
    setDraftFor(undefined);
    setDraftText('');
    page.reset();
  }, [tabId]);
  // The clinician's redactions and kept values belong to one record.
  useEffect(() => {
    setRedactions([]);
    setKept([]);
    setTaskOptions((options) => ({ ...options, accepted: [] }));
    setDismissed([]);
  }, [record]);

  const selection = useQuery({
    queryKey: ['selection', tabId],
    enabled: tabId !== undefined && record !== undefined && !page.stale,
    refetchInterval: 3000,
    queryFn: async () => {
      const result = await askBackground(send, { type: 'selection', tabId: tabId!, });
      return result.ok ? result.value : { hasSelection: false, characters: 0 };
    },
  });

  const readTab = async (selectionOnly: boolean) => {
    if (tabId === undefined) throw new PanelError({ code: 'no-tab', message: 'No chart tab is open. Open the patient chart, then try again.' });
    const result = await askBackground(send, { type: 'capture', tabId, selectionOnly });
    if (!result.ok) throw new PanelError(result.error);
    return result.value;
  };
  // An item read from another page of the chart: where it is, said instead of outlined.
  const [elsewhere, setElsewhere] = useState<RecordPage | undefined>();
  const capture = useMutation({
    mutationFn: readTab,
    onSuccess: (value) => {
      setElsewhere(undefined);
      setRecord(value);
      setDraft(undefined);
      setVerification(undefined);
      setDraftFor(undefined);
      setOtherDrafts(0);
      setConfirming(false);
      page.reset();
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
      page.reset();
    },
  });
  const openPage = (target: RecordPage) => {
    setElsewhere(undefined);
    if (tabId !== undefined) void browser.tabs.update(tabId, { url: target.url });
  };

  const [streamed, setStreamed] = useState('');
  const abort = useRef<AbortController | undefined>(undefined);
  const summarize = useMutation({
    mutationFn: async (current: PatientRecord): Promise<TaskRun> => {
      const engine = settings.backend.engine === 'offline' ? ({ engine: 'offline' } as const) : ({ engine: 'model', config: settings.backend.model } as const);
      abort.current = new AbortController();
      setStreamed('');
      // Only the de-identified payload leaves; the leak guard checks it again right before sending.
      // The preview's preparation is reused when it is of this record: what was shown is what is sent.
      const outcome = await runTask(current, {
        ...sendSettings,
        engine,
        taskOptions,
        prepared: current === record ? await preparing.ready() : undefined,
        onText: setStreamed,
        signal: abort.current.signal,
      });
      // Every draft is logged locally, without PHI: origin, task, engine, counts, a hash, the outcome.
      void appendAudit({ time: new Date().toISOString(), origin: originOf(current.source.url), ...outcome.audit });
      if (!outcome.ok) throw new PanelError(outcome.error, outcome.error.partial);
      return outcome.value;
    },
    onSuccess: ({ output, verification }, current) => {
      const owner = { identity: current.source.identity ?? NO_IDENTITY, patientName: current.patient.name };
      setDraft(output);
      setVerification(verification);
      // Said once for screen readers, and focus goes to the draft so the keyboard is where the work is.
      const toCheck = verification.unsupported.length + verification.omissions.length;
      setAnnounced(`${output.title} ready: ${verification.checked} statements${toCheck ? `, ${toCheck} to check` : ', all supported by the chart'}.`);
      requestAnimationFrame(() => draftRegion.current?.focus());
      setDraftFor(owner);
      setDraftText(draftToText(output));
      if (tabId !== undefined) void saveDraft(tabId, { output, text: draftToText(output), identity: owner.identity });
    },
  });
  // Every failure reaches the clinician: our own errors as they are, anything unexpected as such.
  const summarizeError = summarize.error instanceof PanelError
    ? summarize.error
    : summarize.error
      ? new PanelError({ code: 'internal', message: 'The draft could not be made because of an unexpected error.', detail: String(summarize.error) })
      : undefined;

  const [handback, setHandback] = useState<{ error?: AppError; done?: string } | undefined>();
  const [draftText, setDraftText] = useState('');
  useEffect(() => setHandback(undefined), [draft]);
  // A draft (and the clinician's edits) survives closing and reopening the panel for this tab, and
  // is offered again only when the page shows the patient it was written for.
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    void (async () => {
      const drafts = await loadDrafts(tabId);
      if (!live || !drafts.length) return;
      const shown = await askBackground(send, { type: 'identity', tabId });
      if (!live) return;
      const { mine, others } = sortDrafts(drafts, shown.ok ? shown.value.identity : undefined);
      setOtherDrafts(others);
      if (!mine) return;
      setDraftFor((current) => current ?? { identity: mine.identity, patientName: shown.ok ? shown.value.patientName : undefined, restored: true });
      setDraft((current) => current ?? mine.output);
      setDraftText((current) => current || mine.text);
    })();
    return () => {
      live = false;
    };
  }, [tabId]);
  const editDraft = (text: string) => {
    setDraftText(text);
    if (draft && draftFor && tabId !== undefined) void saveDraft(tabId, { output: draft, text, identity: draftFor.identity });
  };
  /** A write the page agent refused because the page is no longer the one read: the panel says so at the top. */
  const refusedByPage = (error: AppError) => {
    if (error.code === 'different-patient') page.markStale({ reason: 'patient', message: error.message });
    else if (error.code === 'page-changed') page.markStale({ reason: 'changed', message: error.message });
  };
  const copyDraft = async () => {
    if (!draft) return;
    try {
      await navigator.clipboard.writeText(draftText);
      setHandback({ done: 'Copied as plain text.' });
    } catch (error) {
      setHandback({ error: { code: 'clipboard', message: 'Chartside could not copy to the clipboard. Select the draft and copy it by hand.', detail: String(error) } });
    }
  };
  const insertDraft = async (confirmedUnknown: boolean) => {
    if (!draft || !draftFor || tabId === undefined || page.stale) return;
    setConfirming(false);
    // The page agent checks that the page still shows this draft's patient before it writes.
    const result = await askBackground(send, { type: 'insert', tabId, text: draftText, expected: draftFor.identity, confirmedUnknown });
    if (!result.ok && result.error.code === 'patient-unconfirmed') {
      setHandback(undefined);
      setConfirming(true);
      return;
    }
    if (!result.ok) refusedByPage(result.error);
    setHandback(result.ok ? { done: `Inserted into “${result.value.field}”. Review it there before you send or sign.` } : { error: result.error });
  };

  const show = async (where: ItemLocation) => {
    if (tabId === undefined || !record || page.stale) return;
    const on = pageOf(record, where);
    if (on && on.documentId !== record.source.identity?.documentId) return setElsewhere(on);
    setElsewhere(undefined);
    const result = await askBackground(send, { type: 'highlight', tabId, ref: where.ref, expected: record.source.identity ?? NO_IDENTITY });
    if (!result.ok) refusedByPage(result.error);
  };
  const onShow = page.stale ? undefined : (where: ItemLocation) => void show(where);

  // The error of whichever read the clinician asked for last.
  const readError = capture.submittedAt >= addThisPage.submittedAt ? capture.error : addThisPage.error;
  const captureError = readError instanceof PanelError ? readError.appError : readError ? { code: 'internal', message: 'Chartside hit an unexpected error.', detail: String(readError) } : undefined;
  const reading = capture.isPending || addThisPage.isPending;

  return (
    <main className="panel">
      <header className="panel-header">
        <h1>Chartside</h1>
        <span className="muted small header-status">
          <span>Engine: {settings.backend.engine === 'offline' ? 'offline (built in)' : settings.backend.model.model}</span>
          <span>Dates: {settings.datePolicy === 'safe-harbor' ? 'year only' : 'relative days'}</span>
          <button type="button" className="linklike-small" onClick={() => void browser.runtime.openOptionsPage()}>
            Settings
          </button>
        </span>
      </header>

      {page.stale && (record || draft) ? (
        <StaleNotice
          stale={page.stale}
          patientName={record?.patient.name ?? draftFor?.patientName}
          onReread={() => capture.mutate(false)}
          onAdd={record && page.stale.reason !== 'patient' ? () => addThisPage.mutate(record) : undefined}
          rereading={reading}
        />
      ) : null}

      <div className="actions">
        <button type="button" className="primary" onClick={() => capture.mutate(false)} disabled={reading || tabId === undefined}>
          {record ? 'Read this page again' : 'Read this page'}
        </button>
        {record && !isEmptyRecord(record) ? (
          <button type="button" onClick={() => addThisPage.mutate(record)} disabled={reading || tabId === undefined}>
            Add this page
          </button>
        ) : null}
        {selection.data?.hasSelection ? (
          <button type="button" onClick={() => capture.mutate(true)} disabled={capture.isPending}>
            Use selection only
          </button>
        ) : null}
      </div>

      <div aria-live="polite" className="live">
        {reading ? <p className="progress">Reading the visible chart…</p> : null}
      </div>
      {captureError ? <ErrorNotice error={captureError} onRetry={() => capture.mutate(false)} /> : null}

      {record && isEmptyRecord(record) ? (
        <div className="notice notice-warn" role="status">
          <p>
            No patient record was found on this page: no patient banner and no chart lists
            {record.other.length ? ` (its text was read: ${record.other.length} passages kept as text)` : ''}. Open a patient chart (or
            expand its sections) and read the page again.
          </p>
        </div>
      ) : null}

      {record && !isEmptyRecord(record) ? (
        <>
          <PagesIncluded pages={recordPages(record)} currentDocumentId={record.source.identity?.documentId} onOpen={openPage} />
          {elsewhere ? <ElsewhereNotice page={elsewhere} onOpen={openPage} onDismiss={() => setElsewhere(undefined)} /> : null}
          <RecordView record={record} onShow={onShow} selectedText={selection.data?.text} onGivePatient={(given) => setRecord(withPatientGiven(record, given))} />
          <PlantedInstructionsNote record={record} onShow={onShow} />
          <SiteAccess pageUrl={record.source.url} permissions={browser.permissions} />
          <TaskPicker task={task} options={taskOptions} onTask={setTask} onOptions={setTaskOptions} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => summarize.mutate(record)} disabled={summarize.isPending}>
              {TASK_LABELS[task].action}
            </button>
            {summarize.isPending && settings.backend.engine === 'model' ? (
              <button type="button" onClick={() => abort.current?.abort()}>
                Cancel
              </button>
            ) : null}
            <button type="button" aria-expanded={showPayload} onClick={() => setShowPayload(!showPayload)}>
              {showPayload ? 'Hide what would be sent' : 'Preview what would be sent'}
            </button>
          </div>
          {budgeted?.omitted.length && (showPayload || settings.backend.engine === 'model') ? (
            <p className="small notice" role="status" data-testid="budget-omitted">
              To fit {settings.tokenBudget.toLocaleString('en-US')} tokens, a model draft leaves out: {budgeted.omitted.join(', ')}.
            </p>
          ) : null}
          {showPayload && preparing.pending ? (
            <p className="small muted" role="status" data-testid="preparing">
              Preparing what would be sent…
            </p>
          ) : null}
          {showPayload && preview && !preview.ok ? <ErrorNotice error={preview.error} /> : null}
          {showPayload && preview?.ok ? (
            <PayloadPreview
              payload={preview.value.payload}
              datePolicy={settings.datePolicy}
              originalOf={(placeholder) => preview.value.payload.book.originals.get(placeholder)}
              onRedact={(text) => setRedactions((list) => [...list, text])}
              onKeep={(original) => setKept((list) => [...list, original])}
            />
          ) : null}
        </>
      ) : null}

      <div aria-live="polite" className="live">
        {summarize.isPending && settings.backend.engine === 'model' ? (
          <p className="progress">Drafting with {settings.backend.model.model}… {streamed.length ? `${streamed.length} characters received` : 'waiting for the first words'}</p>
        ) : null}
        {!summarize.isPending && draft && announced ? <p className="visually-hidden" data-testid="draft-announced">{announced}</p> : null}
      </div>
      {summarizeError ? (
        <>
          <ErrorNotice error={summarizeError.appError} onRetry={record ? () => summarize.mutate(record) : undefined} />
          {summarizeError.partial ? (
            <details open>
              <summary>What arrived before the failure</summary>
              <pre className="payload-text">{summarizeError.partial}</pre>
            </details>
          ) : null}
        </>
      ) : null}
      {draft ? (
        <div ref={draftRegion} tabIndex={-1} className="draft-region" aria-label="Draft" role="region">
          {record ? null : (
            <p className="small muted" data-testid="restored-draft">
              Your draft from before is below{draftFor?.patientName ? `, written for ${draftFor.patientName} (the patient this page shows)` : ''}. Read
              the page again to see its sources.
            </p>
          )}
          <DraftEditor
            output={draft}
            record={record}
            verification={record ? (verification ?? verifyOutput(draft, record)) : undefined}
            text={draftText}
            onEdit={editDraft}
            onShow={onShow}
            accepted={taskOptions.accepted.map((s) => s.text)}
            dismissed={dismissed}
            onAccept={(statement) => setTaskOptions((options) => ({ ...options, accepted: [...options.accepted, statement] }))}
            onDismiss={(statement) => setDismissed((list) => [...list, statement.text])}
          />
          <div className="actions">
            <button type="button" onClick={() => void copyDraft()}>
              Copy
            </button>
            <button type="button" onClick={() => void insertDraft(false)} disabled={Boolean(page.stale)}>
              Insert into page
            </button>
          </div>
          {confirming ? (
            <ConfirmPatient patientName={draftFor?.patientName} onConfirm={() => void insertDraft(true)} onCancel={() => setConfirming(false)} />
          ) : null}
          {handback?.error ? <ErrorNotice error={handback.error} /> : null}
          {handback?.done ? (
            <p className="small" role="status">
              {handback.done}
            </p>
          ) : null}
        </div>
      ) : null}

      {otherDrafts > 0 && !draft ? (
        <p className="small muted" role="status" data-testid="other-drafts">
          A draft written in this tab for another patient is kept but not offered here; it comes back on that patient’s chart.
        </p>
      ) : null}

      <footer className="panel-footer muted small">
        {settings.backend.engine === 'offline'
          ? 'Offline drafts are made in this browser: nothing about the patient leaves it.'
          : 'Drafting sends only the de-identified text you can preview here; real values stay in this panel.'}
      </footer>
    </main>
  );
}

/** Text on the page addressed to an AI: said plainly, so the clinician knows why a draft may be flagged. */
function PlantedInstructionsNote({ record, onShow }: { record: PatientRecord; onShow?: (where: ItemLocation) => void }) {
  const planted = useMemo(() => findPlantedInstructions(record), [record]);
  if (!planted.length) return null;
  return (
    <div className="notice notice-warn small" role="status" data-testid="planted-instructions">
      <p>
        This page contains text addressed to an AI. Chartside treats it as part of the chart, never as instructions, and flags any draft
        that repeats it:
      </p>
      <ul>
        {planted.slice(0, 3).map((p) => (
          <li key={`${p.itemId}:${p.text}`}>
            “{p.text.slice(0, 140)}” (
            <button type="button" className="linklike-small" disabled={!onShow} onClick={() => { const found = findItem(record, p.itemId); if (found) onShow?.(found.item); }}>
              {p.itemId}
            </button>
            )
          </li>
        ))}
      </ul>
    </div>
  );
}
