import { useState } from 'react';
import { groupThousands } from '../../utils/numbers';

/** The most a task may send to a model; the panel says what a smaller budget leaves out. */
export type TokenBudgetProps = { value: number; onSave: (tokens: number) => Promise<void> };

export function TokenBudget({ value, onSave }: TokenBudgetProps) {
  const [text, setText] = useState(String(value));
  const [status, setStatus] = useState('');
  const save = async () => {
    const tokens = Number(text);
    if (!Number.isInteger(tokens) || tokens < 1000 || tokens > 200_000)
      return setStatus('Enter a whole number from 1,000 to 200,000.');
    await onSave(tokens);
    setStatus(`Saved: up to ${groupThousands(tokens)} tokens per draft.`);
  };
  return (
    <section>
      <h2>Context budget</h2>
      <p className="small muted">
        How much of the chart a model draft may use. The panel sends what matters first (active problems, current
        medications, the latest results) and lists what did not fit.
      </p>
      <label>
        Token budget{' '}
        <input
          type="number"
          min={1000}
          max={200000}
          step={500}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>{' '}
      <button type="button" onClick={() => void save()}>
        Save budget
      </button>
      <p role="status" className="small muted" data-testid="budget-status">
        {status}
      </p>
    </section>
  );
}
