import { useState } from 'react';
import { browser } from 'wxt/browser';
import { ModelConfigSchema, parseHeaders } from '../../utils/draft/backends/config';
import type { Engine } from '../../utils/settings/schema';
import { sitePattern } from '../../utils/site-access';

type Preset = 'openai' | 'azure' | 'compatible';

/** The engine that drafts: offline (default), or OpenAI, Azure OpenAI or any compatible endpoint. */
export type EngineSettingsProps = {
  backend: Engine;
  onSave: (backend: Engine) => Promise<void>;
  /** IT set the endpoint and authenticates at its gateway: no key field. */
  keyLocked?: boolean;
};

export function EngineSettings({ backend, onSave, keyLocked = false }: EngineSettingsProps) {
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
    // The model SDK is loaded only for the test: the settings page opens without it.
    const { listModels } = await import('../../utils/draft/backends/openai');
    const models = await listModels(parsed.data);
    setStatus(
      models.ok
        ? `Connected. Models offered: ${models.value.join(', ') || '(none listed)'}.`
        : `${models.error.message}${models.error.detail ? ` (${models.error.detail})` : ''}`,
    );
  };

  return (
    <section>
      <h2>Engine</h2>
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
