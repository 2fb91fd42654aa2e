import type { DatePolicy } from '../../utils/deidentify/types';

const DATE_POLICIES: Array<{ value: DatePolicy; label: string; help: string }> = [
  {
    value: 'safe-harbor',
    label: 'Year only (HIPAA Safe Harbor) — recommended',
    help: 'A date like 03/14/2021 is sent as [DATE-1 (2021)].',
  },
  {
    value: 'relative',
    label: 'Days from the page’s date — more useful, not Safe Harbor',
    help: 'A date like 03/14/2021 is sent as [DATE-1 (-7 days)]. Check with your privacy office before choosing this.',
  },
];

export type DatePolicyPickerProps = {
  value: DatePolicy;
  /** Set by the organization: shown, not changeable. */
  locked: boolean;
  onChoose: (value: DatePolicy) => void;
};

/** How dates are de-identified in what a model is sent: year only (Safe Harbor) or days from the page's date. */
export function DatePolicyPicker({ value, locked, onChoose }: DatePolicyPickerProps) {
  return (
    <fieldset disabled={locked}>
      <legend>Dates in what would be sent{locked ? ' (set by your organization)' : ''}</legend>
      {DATE_POLICIES.map((policy) => (
        <label key={policy.value} className="choice">
          <input
            type="radio"
            name="datePolicy"
            value={policy.value}
            checked={value === policy.value}
            onChange={() => onChoose(policy.value)}
          />{' '}
          {policy.label}
          <span className="small muted"> {policy.help}</span>
        </label>
      ))}
    </fieldset>
  );
}
