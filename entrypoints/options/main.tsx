import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { DatePolicy } from '../../utils/deidentify/types';
import type { Settings } from '../../utils/settings/schema';
import { loadSettings, saveSettings } from '../../utils/settings/storage';
import '../../components/panel.css';

const DATE_POLICIES: Array<{ value: DatePolicy; label: string; help: string }> = [
  { value: 'safe-harbor', label: 'Year only (HIPAA Safe Harbor) — recommended', help: 'A date like 03/14/2021 is sent as [DATE-1 (2021)].' },
  { value: 'relative', label: 'Days from the page’s date — more useful, not Safe Harbor', help: 'A date like 03/14/2021 is sent as [DATE-1 (-7 days)]. Check with your privacy office before choosing this.' },
];

/** Settings: the summarization engine (offline today) and how dates are de-identified. */
function Options() {
  const { version } = browser.runtime.getManifest();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadSettings().then(setSettings);
  }, []);

  const choose = async (datePolicy: DatePolicy) => {
    // Show the choice at once (a controlled radio would otherwise snap back until the save is done).
    setSettings((current) => (current ? { ...current, datePolicy } : current));
    setSaved(false);
    setSettings(await saveSettings({ datePolicy }));
    setSaved(true);
  };

  return (
    <main className="panel" style={{ maxWidth: 640 }}>
      <h1>Chartside settings</h1>
      <section>
        <h2>Summarization engine</h2>
        <p>
          <strong>Offline (built in)</strong> — drafts are made in this browser from the structured chart items.
          Nothing about the patient is sent anywhere.
        </p>
      </section>
      <section>
        <h2>De-identification</h2>
        {settings ? (
          <fieldset>
            <legend>Dates in what would be sent</legend>
            {DATE_POLICIES.map((policy) => (
              <label key={policy.value} className="choice">
                <input
                  type="radio"
                  name="datePolicy"
                  value={policy.value}
                  checked={settings.datePolicy === policy.value}
                  onChange={() => void choose(policy.value)}
                />{' '}
                {policy.label}
                <span className="small muted"> {policy.help}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="muted">Loading…</p>
        )}
        <p role="status" className="small muted">{saved ? 'Saved.' : ''}</p>
      </section>
      <section>
        <h2>Privacy</h2>
        <ul>
          <li>Chartside reads a page only when you click “Read this page”.</li>
          <li>It reads what is visible on screen, never hidden fields or other tabs.</li>
          <li>The record stays in the panel’s memory and is gone when you close the panel.</li>
          <li>Settings are kept on this computer only (never synced).</li>
        </ul>
      </section>
      <p className="muted small">Version {version}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
