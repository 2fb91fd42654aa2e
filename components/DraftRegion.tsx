import type { Ref } from 'react';
import type { Statement, TaskOutput } from '../utils/draft/schema';
import type { ItemLocation, PatientRecord } from '../utils/record/schema';
import type { AppError } from '../utils/result';
import type { Verification } from '../utils/verify/verify';
import { ConfirmPatient } from './ConfirmPatient';
import { DraftEditor } from './DraftEditor';
import { ErrorNotice } from './ErrorNotice';

export type DraftRegionProps = {
  output: TaskOutput;
  /** Absent for a draft restored before the page was read again: shown as text, without sources. */
  record?: PatientRecord;
  verification?: Verification;
  text: string;
  onEdit: (text: string) => void;
  /** The patient the draft was written for, as the page showed them (for the clinician's eyes only). */
  patientName?: string;
  onShow?: (where: ItemLocation) => void;
  accepted: string[];
  dismissed: string[];
  onAccept: (statement: Statement) => void;
  onDismiss: (statement: Statement) => void;
  onCopy: () => void;
  onInsert: (confirmedUnknown: boolean) => void;
  /** Insert is off while the page no longer shows what was read. */
  insertOff: boolean;
  /** The page does not say whose chart it is: the clinician confirms before Insert writes. */
  confirming: boolean;
  onCancelConfirm: () => void;
  handback?: { error?: AppError; done?: string };
  regionRef: Ref<HTMLDivElement>;
};

/** The draft and what can be done with it: review, edit, copy, insert into the page. */
export function DraftRegion(props: DraftRegionProps) {
  const { output, record, handback } = props;
  return (
    <div ref={props.regionRef} tabIndex={-1} className="draft-region" aria-label="Draft" role="region">
      {record ? null : (
        <p className="small muted" data-testid="restored-draft">
          Your draft from before is below
          {props.patientName ? `, written for ${props.patientName} (the patient this page shows)` : ''}. Read the page
          again to see its sources.
        </p>
      )}
      <DraftEditor
        output={output}
        record={record}
        verification={record ? props.verification : undefined}
        text={props.text}
        onEdit={props.onEdit}
        onShow={props.onShow}
        accepted={props.accepted}
        dismissed={props.dismissed}
        onAccept={props.onAccept}
        onDismiss={props.onDismiss}
      />
      <div className="actions">
        <button type="button" onClick={props.onCopy}>
          Copy
        </button>
        <button type="button" onClick={() => props.onInsert(false)} disabled={props.insertOff}>
          Insert into page
        </button>
      </div>
      {props.confirming ? (
        <ConfirmPatient
          patientName={props.patientName}
          onConfirm={() => props.onInsert(true)}
          onCancel={props.onCancelConfirm}
        />
      ) : null}
      {handback?.error ? <ErrorNotice error={handback.error} /> : null}
      {handback?.done ? (
        <p className="small" role="status">
          {handback.done}
        </p>
      ) : null}
    </div>
  );
}
