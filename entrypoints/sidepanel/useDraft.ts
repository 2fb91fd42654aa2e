import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { appendAudit, originOf } from '../../utils/audit/log';
import type { TaskOptions, TaskOutput } from '../../utils/draft/schema';
import { loadDrafts, saveDraft, sortDrafts } from '../../utils/handback/draft-store';
import { draftToText } from '../../utils/handback/plain-text';
import { askBackground } from '../../utils/messaging';
import type { PreparedSend, SendSettings } from '../../utils/pipeline/prepare';
import type { TaskRun } from '../../utils/pipeline/run';
import type { PageIdentity } from '../../utils/record/identity';
import type { PatientRecord } from '../../utils/record/schema';
import type { Result } from '../../utils/result';
import type { Settings } from '../../utils/settings/schema';
import type { Verification } from '../../utils/verify/verify';
import { NO_IDENTITY, PanelError, panelErrorOf, send } from './panel-error';

/**
 * The engine step of the pipeline (the model SDK, the leak guard, the detectors it re-runs, verification) is most of
 * the panel's code: it loads on first use, or once the panel is idle, so opening the panel and reading the page never
 * wait for it.
 */
const loadPipeline = () => import('../../utils/pipeline/run');

/**
 * Whom the draft in the panel was made for: the page identity (hashes) and, for the clinician's eyes only, the name.
 */
export type DraftOwner = { identity: PageIdentity; patientName?: string; restored?: boolean };

export interface DraftInputs {
  tabId: number | undefined;
  record: PatientRecord | undefined;
  settings: Settings;
  sendSettings: SendSettings;
  taskOptions: TaskOptions;
  /** The preview's preparation of `record`: what was shown is what is sent. */
  prepared: () => Promise<Result<PreparedSend>> | undefined;
}

/**
 * The draft: made through the one pipeline (utils/pipeline/run), verified once as it is made,
 * logged without PHI, kept for this tab (with the clinician's edits) and offered again only on the
 * page of the patient it was written for.
 */
export function useDraft({ tabId, record, settings, sendSettings, taskOptions, prepared }: DraftInputs) {
  const [output, setOutput] = useState<TaskOutput | undefined>();
  const [verification, setVerification] = useState<Verification | undefined>();
  const [owner, setOwner] = useState<DraftOwner | undefined>();
  const [text, setText] = useState('');
  const [announced, setAnnounced] = useState('');
  const [otherDrafts, setOtherDrafts] = useState(0);
  const [streamed, setStreamed] = useState('');
  const abort = useRef<AbortController | undefined>(undefined);
  const region = useRef<HTMLDivElement>(null);
  /** Set when a draft is made: focus moves to it once it is on screen (after React has rendered it, not before). */
  const focusPending = useRef(false);

  useEffect(() => {
    // Loaded ahead while the clinician reads the chart, so the first draft does not wait for it either.
    const id = setTimeout(() => void loadPipeline(), 1_000);
    return () => clearTimeout(id);
  }, []);

  useEffect(() => {
    if (!output || !focusPending.current) return;
    focusPending.current = false;
    region.current?.focus();
  }, [output]);

  const reset = () => {
    setOutput(undefined);
    setVerification(undefined);
    setOwner(undefined);
    setText('');
    setOtherDrafts(0);
  };

  const summarize = useMutation({
    mutationFn: async (current: PatientRecord): Promise<TaskRun> => {
      const engine =
        settings.backend.engine === 'offline'
          ? ({ engine: 'offline' } as const)
          : ({ engine: 'model', config: settings.backend.model } as const);
      abort.current = new AbortController();
      setStreamed('');
      const { runTask } = await loadPipeline();
      // Only the de-identified payload leaves; the leak guard checks it again right before sending.
      const outcome = await runTask(current, {
        ...sendSettings,
        engine,
        taskOptions,
        prepared: current === record ? await prepared() : undefined,
        onText: setStreamed,
        signal: abort.current.signal,
      });
      // Every draft is logged locally, without PHI: origin, task, engine, counts, a hash, the outcome.
      void appendAudit({ time: new Date().toISOString(), origin: originOf(current.source.url), ...outcome.audit });
      if (!outcome.ok) throw new PanelError(outcome.error, outcome.error.partial);
      return outcome.value;
    },
    onSuccess: ({ output: made, verification: checked }, current) => {
      const madeFor = { identity: current.source.identity ?? NO_IDENTITY, patientName: current.patient.name };
      setOutput(made);
      setVerification(checked);
      // Said once for screen readers, and focus goes to the draft so the keyboard is where the work is.
      const toCheck = checked.unsupported.length + checked.omissions.length;
      setAnnounced(
        `${made.title} ready: ${checked.checked} statements${toCheck ? `, ${toCheck} to check` : ', all supported by the chart'}.`,
      );
      focusPending.current = true;
      setOwner(madeFor);
      setText(draftToText(made));
      if (tabId !== undefined)
        void saveDraft(tabId, { output: made, text: draftToText(made), identity: madeFor.identity });
    },
  });

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
      setOwner(
        (current) =>
          current ?? {
            identity: mine.identity,
            patientName: shown.ok ? shown.value.patientName : undefined,
            restored: true,
          },
      );
      setOutput((current) => current ?? mine.output);
      setText((current) => current || mine.text);
    })();
    return () => {
      live = false;
    };
  }, [tabId]);

  const edit = (next: string) => {
    setText(next);
    if (output && owner && tabId !== undefined) void saveDraft(tabId, { output, text: next, identity: owner.identity });
  };

  return {
    output,
    verification,
    owner,
    text,
    edit,
    announced,
    otherDrafts,
    streamed,
    region,
    reset,
    make: (current: PatientRecord) => summarize.mutate(current),
    cancel: () => abort.current?.abort(),
    making: summarize.isPending,
    error: panelErrorOf(summarize.error, 'The draft could not be made because of an unexpected error.'),
  };
}
