export type ConfirmPatientProps = {
  /** The patient the draft was written for, as their page showed the name; undefined when it showed none. */
  patientName?: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * Asked before inserting into a page that does not say whose chart it is: the clinician names the patient by
 * confirming.
 */
export function ConfirmPatient({ patientName, onConfirm, onCancel }: ConfirmPatientProps) {
  const who = patientName ?? 'a patient Chartside could not identify';
  return (
    <div
      className="notice notice-warn"
      role="alertdialog"
      aria-labelledby="confirm-patient-text"
      data-testid="confirm-patient"
    >
      <p id="confirm-patient-text">
        This page does not show whose chart it is. The draft was written for <strong>{who}</strong>. Insert it only if
        this page is that patient’s chart.
      </p>
      <div className="actions">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the question appears because the clinician pressed
            Insert: the keyboard goes to it, not back to the page */}
        <button type="button" className="primary" onClick={onConfirm} autoFocus>
          Insert for {patientName ?? 'that patient'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
