import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { DatePolicy } from '../../utils/deidentify/types';
import type { Engine, Settings } from '../../utils/settings/schema';
import { loadShownSettings, saveSettings, watchEffectiveSettings } from '../../utils/settings/storage';
import { NO_LOCKS, type Locks } from '../../utils/settings/policy';
import { enforcedPolicy } from '../../utils/settings/policy-cache';
import '../../components/panel.css';
import { AuditSection } from '../../components/settings/AuditSection';
import { ClinicianKey } from '../../components/settings/ClinicianKey';
import { DatePolicyPicker } from '../../components/settings/DatePolicyPicker';
import { EngineSettings } from '../../components/settings/EngineSettings';
import { TokenBudget } from '../../components/settings/TokenBudget';

/**
 * Settings: the engine (offline, or a model endpoint), de-identification of dates, the context budget, the audit log.
 */
function Options() {
  const { version } = browser.runtime.getManifest();
  const [settings, setEffective] = useState<Settings | undefined>();
  const [locks, setLocks] = useState<Locks>(NO_LOCKS);
  const [saved, setSaved] = useState(false);
  const [provisional, setProvisional] = useState(false);
  const [auditManaged, setAuditManaged] = useState(false);
  // What is shown is what is in force: a value IT manages shows as set and locked. Shown at once,
  // from the policy cache; right after the browser starts, from the last known policy until
  // Chrome's managed storage answers (policy-cache.ts), then again.
  const reload = async () => {
    const effective = await loadShownSettings();
    setEffective(effective.settings);
    setLocks(effective.locks);
    setProvisional(effective.provisional);
    setAuditManaged(Boolean(effective.policy?.AuditEndpoint));
    if (effective.provisional) void enforcedPolicy().then(() => reload());
  };
  useEffect(() => {
    void reload();
    return watchEffectiveSettings(() => void reload());
    // Once, on load: `reload` reads what is in force each time it runs and needs nothing from a render.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  /** Saves the clinician's change, then shows what is in force (a managed value may override it). */
  const save = async (change: Parameters<typeof saveSettings>[0]) => {
    await saveSettings(change);
    await reload();
  };

  const choose = async (datePolicy: DatePolicy) => {
    // Show the choice at once (a controlled radio would otherwise snap back until the save is done).
    setEffective((current) => (current ? { ...current, datePolicy } : current));
    setSaved(false);
    await save({ datePolicy });
    setSaved(true);
  };

  return (
    <main className="panel" style={{ maxWidth: 640 }}>
      <h1>Chartside settings</h1>
      {provisional ? (
        <p className="small muted" role="status" data-testid="policy-pending">
          Checking for settings managed by your organization…
        </p>
      ) : null}
      {locks.backend || locks.datePolicy || locks.tokenBudget ? (
        <p className="notice small" role="note" data-testid="managed-notice">
          Some settings are managed by your organization and cannot be changed here.
        </p>
      ) : null}
      {settings ? (
        <fieldset
          disabled={locks.backend}
          className="plain"
          aria-describedby={locks.backend ? 'managed-engine' : undefined}
        >
          {locks.backend ? (
            <p id="managed-engine" className="small muted">
              Engine set by your organization.
            </p>
          ) : null}
          {/* Made anew once the policy is known: its fields start from the engine in force. */}
          <EngineSettings
            key={provisional ? 'provisional' : `policy-${locks.backend}`}
            backend={settings.backend}
            keyLocked={locks.apiKey}
            onSave={(backend) => save({ backend })}
          />
        </fieldset>
      ) : null}
      {settings && locks.backend && !locks.apiKey && settings.backend.engine === 'model' ? (
        <ClinicianKey
          onSave={(apiKey) =>
            save({
              backend: {
                engine: 'model',
                model: { ...(settings.backend as Extract<Engine, { engine: 'model' }>).model, apiKey },
              },
            })
          }
        />
      ) : null}
      <section>
        <h2>De-identification</h2>
        {settings ? (
          <DatePolicyPicker
            value={settings.datePolicy}
            locked={locks.datePolicy}
            onChoose={(value) => void choose(value)}
          />
        ) : (
          <p className="muted">Loading…</p>
        )}
        <p role="status" className="small muted" data-testid="date-policy-status">
          {saved ? 'Saved.' : ''}
        </p>
      </section>
      {settings ? (
        <fieldset disabled={locks.tokenBudget} className="plain">
          <TokenBudget
            key={settings.tokenBudget}
            value={settings.tokenBudget}
            onSave={(tokenBudget) => save({ tokenBudget })}
          />
        </fieldset>
      ) : null}
      <AuditSection managed={auditManaged} />
      <section>
        <h2>Privacy</h2>
        <ul>
          <li>Chartside reads a page only when you click “Read this page”.</li>
          <li>It reads what is visible on screen, never hidden fields or other tabs.</li>
          <li>The record stays in the panel’s memory and is gone when you close the panel.</li>
          <li>
            With a model endpoint, only the de-identified text you can preview in the panel is sent, to that endpoint,
            when you click Summarize.
          </li>
          <li>Settings, the API key included, are kept on this computer only (never synced).</li>
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
