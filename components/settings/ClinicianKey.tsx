import { useState } from 'react';

/** With the engine managed but keys personal (AllowClinicianKey), the clinician enters only a key. */
export type ClinicianKeyProps = { onSave: (apiKey: string) => Promise<void> };

export function ClinicianKey({ onSave }: ClinicianKeyProps) {
  const [key, setKey] = useState('');
  const [status, setStatus] = useState('');
  return (
    <section>
      <h2>Your API key</h2>
      <label>
        API key{' '}
        <input
          type="password"
          autoComplete="off"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          placeholder="kept on this computer only"
        />
      </label>{' '}
      <button
        type="button"
        disabled={!key}
        onClick={() =>
          void onSave(key).then(() => {
            setKey('');
            setStatus('Saved on this computer.');
          })
        }
      >
        Save key
      </button>
      <p role="status" className="small muted">
        {status}
      </p>
    </section>
  );
}
