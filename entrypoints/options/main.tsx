import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { DatePolicy } from '../../utils/deidentify/types';
import { listModels, ModelConfigSchema, parseHeaders } from '../../utils/draft/backends/openai';
import { sitePattern } from '../../utils/site-access';
import type { Engine, Settings } from '../../utils/settings/schema';
import { loadShownSettings, saveSettings, watchEffectiveSettings } from '../../utils/settings/storage';
import { NO_LOCKS, type Locks } from '../../utils/settings/policy';
import { enforcedPolicy } from '../../utils/settings/policy-cache';
import '../../components/panel.css';
import { AuditLog } from '../../components/AuditLog';
import { auditToCsv, clearAudit, loadAudit, type AuditEntry } from '../../utils/audit/log';

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

/** Settings: the summarization engine (offline today) and how dates are de-identified. */
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
  }, []);
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
          <fieldset disabled={locks.datePolicy}>
            <legend>Dates in what would be sent{locks.datePolicy ? ' (set by your organization)' : ''}</legend>
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

type Preset = 'openai' | 'azure' | 'compatible';

/** The summarization engine: offline (default), or OpenAI, Azure OpenAI or any compatible endpoint. */
function EngineSettings({
  backend,
  onSave,
  keyLocked = false,
}: {
  backend: Engine;
  onSave: (backend: Engine) => Promise<void>;
  keyLocked?: boolean;
}) {
  const model = backend.engine === 'model' ? backend.model : undefined;
  const [engine, setEngine] = useState<Engine['engine']>(backend.engine);
  const [preset, setPreset] = useState<Preset>(model?.kind ?? 'compatible');
  const [baseURL, setBaseURL] = useState(model?.baseURL ?? '');
  const [azureEndpoint, setAzureEndpoint] = useState(model?.azure?.endpoint ?? '');
  const [deployment, setDeployment] = useState(model?.azure?.deployment ?? '');
  const [apiVersion, setApiVersion] = useState(model?.azure?.apiVersion ?? '2024-10-21');
  const [modelName, setModelName] = useState(model?.model ?? '');
  const [apiKey, setApiKey] = useState(model?.apiKey ?? '');
  const [temperature, setTemperature] = useState(String(model?.temperature ?? 0.2));
  const [maxOutputTokens, setMaxOutputTokens] = useState(String(model?.maxOutputTokens ?? 1200));
  const [headers, setHeaders] = useState(
    Object.entries(model?.headers ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
  );
  const [status, setStatus] = useState('');

  const endpoint = preset === 'azure' ? azureEndpoint : preset === 'openai' ? 'https://api.openai.com/v1' : baseURL;
  const config = () =>
    ModelConfigSchema.safeParse({
      kind: preset,
      ...(preset === 'compatible' ? { baseURL } : {}),
      ...(preset === 'azure' ? { azure: { endpoint: azureEndpoint, deployment, apiVersion } } : {}),
      model: preset === 'azure' ? modelName || deployment : modelName,
      headers: parseHeaders(headers),
      temperature: Number(temperature),
      maxOutputTokens: Number(maxOutputTokens),
      ...(apiKey ? { apiKey } : {}),
    });

  const save = async () => {
    if (engine === 'offline') {
      await onSave({ engine: 'offline' });
      setStatus('Saved: the offline engine. Nothing is sent anywhere.');
      return;
    }
    const parsed = config();
    if (!parsed.success) {
      setStatus(
        preset === 'azure'
          ? 'Enter the Azure endpoint (https://…openai.azure.com), the deployment and the API version.'
          : 'Enter the endpoint address (https://…/v1) and a model name.',
      );
      return;
    }
    // Host access for exactly this endpoint, asked within the click (the browser shows its prompt).
    const pattern = sitePattern(endpoint);
    if (pattern) void browser.permissions.request({ origins: [pattern] }).catch(() => false);
    await onSave({ engine: 'model', model: parsed.data });
    setStatus(
      `Saved: ${parsed.data.model} at ${new URL(endpoint).host}. Only de-identified text is sent, after you click Summarize.`,
    );
  };

  const test = async () => {
    const parsed = config();
    if (!parsed.success) return setStatus('Fill in the endpoint and the model first.');
    setStatus('Testing…');
    const models = await listModels(parsed.data);
    setStatus(
      models.ok
        ? `Connected. Models offered: ${models.value.join(', ') || '(none listed)'}.`
        : `${models.error.message}${models.error.detail ? ` (${models.error.detail})` : ''}`,
    );
  };

  return (
    <section>
      <h2>Summarization engine</h2>
      <fieldset>
        <legend>Engine</legend>
        <label className="choice">
          <input type="radio" name="engine" checked={engine === 'offline'} onChange={() => setEngine('offline')} />{' '}
          Offline (built in) — nothing is sent anywhere
        </label>
        <label className="choice">
          <input type="radio" name="engine" checked={engine === 'model'} onChange={() => setEngine('model')} />{' '}
          OpenAI-compatible endpoint (OpenAI, Azure OpenAI, a gateway, vLLM, Ollama, LM Studio)
        </label>
      </fieldset>
      {engine === 'model' ? (
        <div className="form">
          <label>
            Service
            <select value={preset} onChange={(e) => setPreset(e.target.value as Preset)}>
              <option value="compatible">OpenAI-compatible (gateway, vLLM, Ollama, LM Studio)</option>
              <option value="azure">Azure OpenAI</option>
              <option value="openai">OpenAI</option>
            </select>
          </label>
          {preset === 'compatible' ? (
            <label>
              Endpoint address{' '}
              <input
                type="url"
                value={baseURL}
                onChange={(e) => setBaseURL(e.target.value)}
                placeholder="https://gateway.example.org/v1"
              />
            </label>
          ) : null}
          {preset === 'azure' ? (
            <>
              <label>
                Azure endpoint{' '}
                <input
                  type="url"
                  value={azureEndpoint}
                  onChange={(e) => setAzureEndpoint(e.target.value)}
                  placeholder="https://your-resource.openai.azure.com"
                />
              </label>
              <label>
                Deployment{' '}
                <input value={deployment} onChange={(e) => setDeployment(e.target.value)} placeholder="gpt-4o-mini" />
              </label>
              <label>
                API version <input value={apiVersion} onChange={(e) => setApiVersion(e.target.value)} />
              </label>
            </>
          ) : null}
          {preset !== 'azure' ? (
            <label>
              Model <input value={modelName} onChange={(e) => setModelName(e.target.value)} placeholder="gpt-4o-mini" />
            </label>
          ) : null}
          {keyLocked ? (
            <p className="small muted">No key is entered here: your organization’s gateway authenticates requests.</p>
          ) : (
            <label>
              API key{' '}
              <input
                type="password"
                autoComplete="off"
                value={apiKey}
                onChange={(e) => setApiKey(e.target.value)}
                placeholder="kept on this computer only"
              />
            </label>
          )}
          <label>
            Temperature (0 is most literal){' '}
            <input
              type="number"
              min="0"
              max="2"
              step="0.1"
              value={temperature}
              onChange={(e) => setTemperature(e.target.value)}
            />
          </label>
          <label>
            Longest answer, in tokens{' '}
            <input
              type="number"
              min="100"
              step="100"
              value={maxOutputTokens}
              onChange={(e) => setMaxOutputTokens(e.target.value)}
            />
          </label>
          <label>
            Extra headers (one “Name: value” a line, for gateways)
            <textarea rows={2} value={headers} onChange={(e) => setHeaders(e.target.value)} />
          </label>
          <button type="button" onClick={() => void test()}>
            Test connection
          </button>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save engine
        </button>
      </div>
      <p role="status" className="small" data-testid="engine-status">
        {status}
      </p>
    </section>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);

/** The most a task may send to a model; the panel says what a smaller budget leaves out. */
function TokenBudget({ value, onSave }: { value: number; onSave: (tokens: number) => Promise<void> }) {
  const [text, setText] = useState(String(value));
  const [status, setStatus] = useState('');
  const save = async () => {
    const tokens = Number(text);
    if (!Number.isInteger(tokens) || tokens < 1000 || tokens > 200_000)
      return setStatus('Enter a whole number from 1,000 to 200,000.');
    await onSave(tokens);
    setStatus(`Saved: up to ${tokens.toLocaleString('en-US')} tokens per draft.`);
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

/** `managed`: IT collects the audit centrally (AuditEndpoint), so the clinician may not clear it. */
function AuditSection({ managed }: { managed: boolean }) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  useEffect(() => {
    void loadAudit().then(setEntries);
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'audit' in changes) void loadAudit().then(setEntries);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([auditToCsv(entries)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `chartside-audit-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const [clearError, setClearError] = useState<string>();
  const clear = async () => {
    const cleared = await clearAudit();
    if (cleared.ok) setEntries([]);
    else setClearError(cleared.error.message);
  };
  return (
    <AuditLog
      entries={entries}
      onExport={exportCsv}
      onClear={() => void clear()}
      managed={managed}
      clearError={clearError}
    />
  );
}

/** With the engine managed but keys personal (AllowClinicianKey), the clinician enters only a key. */
function ClinicianKey({ onSave }: { onSave: (apiKey: string) => Promise<void> }) {
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
