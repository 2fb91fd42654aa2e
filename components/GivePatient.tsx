import { useId, useState, type FormEvent } from 'react';
import type { PatientGiven } from '../utils/record/identity';

export type GivePatientProps = {
  /** The clinician named the patient; the record is de-identified with these and the preview shown again. */
  onGive: (given: PatientGiven) => void;
  /** Short text the clinician has selected on the page, offered as the name or the record number. */
  selectedText?: string;
};

/**
 * Shown when the page does not say whose chart it is. Nothing goes to a model until the clinician
 * says whose it is: de-identification must know the patient's name to remove it. The offline
 * engine needs none of this.
 */
export function GivePatient({ onGive, selectedText }: GivePatientProps) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const nameId = useId();
  const recordId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onGive({ name: name.trim(), ...(id.trim() ? { id: id.trim() } : {}) });
  };
  return (
    <form className="give-patient" onSubmit={submit} aria-label="Whose chart is this?">
      <p className="small">
        Before anything is sent to a model, select the patient&apos;s name on the page (and the record number if there
        is one), or type them. Chartside removes them from what is sent; they never leave this panel.
      </p>
      {selectedText ? (
        <p className="small" data-testid="selected-on-page">
          Selected on the page: “{selectedText}”{' '}
          <button type="button" className="linklike-small" onClick={() => setName(selectedText)}>
            Use as name
          </button>{' '}
          <button type="button" className="linklike-small" onClick={() => setId(selectedText)}>
            Use as record number
          </button>
        </p>
      ) : null}
      <label htmlFor={nameId}>Patient name</label>
      <input
        id={nameId}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="off"
        placeholder="Last, First"
        required
      />
      <label htmlFor={recordId}>Record number (optional)</label>
      <input id={recordId} value={id} onChange={(e) => setId(e.target.value)} autoComplete="off" />
      <button type="submit" disabled={!name.trim()}>
        Use this patient
      </button>
    </form>
  );
}
