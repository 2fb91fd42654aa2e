import type { PatientRecord } from '../utils/record/schema';
import type { AppError } from '../utils/result';
import { ErrorNotice } from './ErrorNotice';
import { isEmptyRecord } from './RecordView';

export type ReadControlsProps = {
  record?: PatientRecord;
  /** No tab to read: the buttons are off. */
  noTab: boolean;
  reading: boolean;
  /** Text is selected on the page: "Use selection only" is offered. */
  hasSelection: boolean;
  /** Another page of this chart can be added (the record holds a chart, and the page shows its patient). */
  canAdd: boolean;
  onRead: (selectionOnly: boolean) => void;
  onAdd: () => void;
  error?: AppError;
};

/** Reading the page: read it (again), add it to the record, or read only the selection; progress and errors. */
export function ReadControls({
  record,
  noTab,
  reading,
  hasSelection,
  canAdd,
  onRead,
  onAdd,
  error,
}: ReadControlsProps) {
  return (
    <>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onRead(false)} disabled={reading || noTab}>
          {record ? 'Read this page again' : 'Read this page'}
        </button>
        {canAdd ? (
          <button type="button" onClick={onAdd} disabled={reading || noTab}>
            Add this page
          </button>
        ) : null}
        {hasSelection ? (
          <button type="button" onClick={() => onRead(true)} disabled={reading}>
            Use selection only
          </button>
        ) : null}
      </div>
      <div aria-live="polite" className="live">
        {reading ? <p className="progress">Reading the visible chart…</p> : null}
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => onRead(false)} /> : null}
      {record && isEmptyRecord(record) ? (
        <div className="notice notice-warn" role="status">
          <p>
            No patient record was found on this page: no patient banner and no chart lists
            {record.other.length ? ` (its text was read: ${record.other.length} passages kept as text)` : ''}. Open a
            patient chart (or expand its sections) and read the page again.
          </p>
        </div>
      ) : null}
    </>
  );
}
