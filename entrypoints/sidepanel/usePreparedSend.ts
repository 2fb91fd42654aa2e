import { useEffect, useMemo, useRef, useState } from 'react';
import type { PreparedSend, SendSettings } from '../../utils/pipeline/prepare';
import { createPreparer } from '../../utils/pipeline/preparer';
import type { PatientRecord } from '../../utils/record/schema';
import type { Result } from '../../utils/result';

export interface PreparedSendState {
  /** The preparation of the current record and settings, once the worker answered. */
  result: Result<PreparedSend> | undefined;
  pending: boolean;
  /** The current preparation, waited for (the send uses exactly what the preview showed). */
  ready: () => Promise<Result<PreparedSend>> | undefined;
}

/**
 * What a model would be sent for this record and these settings, prepared in the de-identification
 * worker whenever `enabled`; a newer record or setting supersedes the answer still on its way.
 */
export function usePreparedSend(
  record: PatientRecord | undefined,
  settings: SendSettings,
  enabled: boolean,
): PreparedSendState {
  const preparer = useMemo(() => createPreparer(), []);
  useEffect(() => () => preparer.dispose(), [preparer]);
  const [result, setResult] = useState<Result<PreparedSend> | undefined>();
  const [pending, setPending] = useState(false);
  const current = useRef<Promise<Result<PreparedSend>> | undefined>(undefined);
  useEffect(() => {
    setResult(undefined);
    if (!record || !enabled) {
      current.current = undefined;
      setPending(false);
      return;
    }
    let live = true;
    const promise = preparer.prepare(record, settings);
    current.current = promise;
    setPending(true);
    void promise.then((prepared) => {
      if (!live) return;
      setResult(prepared);
      setPending(false);
    });
    return () => {
      live = false;
    };
  }, [preparer, record, settings, enabled]);
  return { result, pending, ready: () => current.current };
}
