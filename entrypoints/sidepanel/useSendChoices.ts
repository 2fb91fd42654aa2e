import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_TASK_OPTIONS, type Statement, type Task, type TaskOptions } from '../../utils/draft/schema';
import type { PatientRecord } from '../../utils/record/schema';
import type { Settings } from '../../utils/settings/schema';
import { usePreparedSend } from './usePreparedSend';

/**
 * What the clinician chose for the next draft — the task and its options, values to redact or keep,
 * next steps accepted or dismissed — and what a model would be sent with those choices, prepared in
 * the de-identification worker (a two-million-character chart never freezes the panel).
 */
export function useSendChoices(record: PatientRecord | undefined, settings: Settings) {
  const [task, setTask] = useState<Task>('summary');
  const [taskOptions, setTaskOptions] = useState<TaskOptions>(DEFAULT_TASK_OPTIONS);
  const [redactions, setRedactions] = useState<string[]>([]);
  const [kept, setKept] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [showPayload, setShowPayload] = useState(false);
  // The clinician's redactions and kept values belong to one record.
  useEffect(() => {
    setRedactions([]);
    setKept([]);
    setTaskOptions((options) => ({ ...options, accepted: [] }));
    setDismissed([]);
  }, [record]);
  const sendSettings = useMemo(
    () => ({
      task,
      tokenBudget: settings.tokenBudget,
      datePolicy: settings.datePolicy,
      choices: { redact: redactions, keep: kept },
    }),
    [task, settings.tokenBudget, settings.datePolicy, redactions, kept],
  );
  // Worked out whenever it is shown or a model would draft (the budget's omissions are said then,
  // preview open or not); the send reuses it.
  const preparing = usePreparedSend(record, sendSettings, showPayload || settings.backend.engine === 'model');
  return {
    task,
    setTask,
    taskOptions,
    setTaskOptions,
    sendSettings,
    preparing,
    showPayload,
    togglePayload: () => setShowPayload((shown) => !shown),
    redact: (text: string) => setRedactions((list) => [...list, text]),
    keep: (original: string) => setKept((list) => [...list, original]),
    accepted: taskOptions.accepted.map((s) => s.text),
    accept: (statement: Statement) =>
      setTaskOptions((options) => ({ ...options, accepted: [...options.accepted, statement] })),
    dismissed,
    dismiss: (statement: Statement) => setDismissed((list) => [...list, statement.text]),
  };
}
