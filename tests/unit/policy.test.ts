/** Enterprise policy: managed values override the clinician's and lock; no policy changes nothing. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { applyPolicy, NO_LOCKS, originAllowed, parsePolicy, PolicySchema } from '../../utils/settings/policy';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';

const clinician: Settings = {
  ...DEFAULT_SETTINGS,
  datePolicy: 'relative',
  backend: {
    engine: 'model',
    model: {
      kind: 'compatible',
      baseURL: 'https://my-own.example.com/v1',
      model: 'mine',
      apiKey: 'sk-mine',
      headers: {},
      temperature: 0.2,
      maxOutputTokens: 1200,
      timeoutMs: 60000,
      maxRetries: 2,
    },
  },
};

describe('enterprise policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('without a policy, the clinician’s settings stand and nothing is locked', () => {
    expect(applyPolicy(clinician, undefined)).toEqual({ settings: clinician, locks: NO_LOCKS });
  });

  it('an organisation’s gateway replaces the engine, locks it, and keeps clinicians’ keys out', () => {
    const { settings, locks } = applyPolicy(clinician, {
      Endpoint: 'https://llm-gateway.example.org/v1',
      Model: 'clinical-large',
      Headers: { 'X-Tenant': 'north' },
      DatePolicy: 'safe-harbor',
      TokenBudget: 6000,
    });
    expect(settings.backend).toMatchObject({
      engine: 'model',
      model: {
        kind: 'compatible',
        baseURL: 'https://llm-gateway.example.org/v1',
        model: 'clinical-large',
        headers: { 'X-Tenant': 'north' },
      },
    });
    expect(settings.backend.engine === 'model' && settings.backend.model.apiKey).toBeFalsy();
    expect([settings.datePolicy, settings.tokenBudget]).toEqual(['safe-harbor', 6000]);
    expect(locks).toEqual({ backend: true, apiKey: true, datePolicy: true, tokenBudget: true });
  });

  it('Azure OpenAI, with the clinician’s own key when allowed', () => {
    const { settings, locks } = applyPolicy(clinician, {
      Endpoint: 'https://contoso.openai.azure.com',
      EndpointKind: 'azure',
      Model: 'gpt-4o',
      AzureApiVersion: '2024-10-21',
      AllowClinicianKey: true,
    });
    expect(settings.backend).toMatchObject({
      engine: 'model',
      model: {
        kind: 'azure',
        azure: { endpoint: 'https://contoso.openai.azure.com', deployment: 'gpt-4o' },
        apiKey: 'sk-mine',
      },
    });
    expect(locks).toMatchObject({ backend: true, apiKey: false });
  });

  it('offline only; and a policy endpoint over plain http is refused, not used', () => {
    expect(applyPolicy(clinician, { OfflineOnly: true }).settings.backend).toEqual({ engine: 'offline' });
    const { settings, locks } = applyPolicy(clinician, { Endpoint: 'http://gateway.internal/v1', Model: 'm' });
    expect(settings.backend).toEqual(clinician.backend);
    expect(locks.backend).toBe(false);
  });

  it('limits reading to the allowed EHR origins', () => {
    const policy = { AllowedOrigins: ['https://ehr.example.org', 'https://portal.example.org/'] };
    expect(originAllowed(policy, 'https://ehr.example.org/patient/1')).toBe(true);
    expect(originAllowed(policy, 'https://portal.example.org/')).toBe(true);
    expect(originAllowed(policy, 'https://ehr.example.org.evil.test/')).toBe(false);
    expect(originAllowed(policy, 'http://ehr.example.org/')).toBe(false);
    expect(originAllowed({}, 'https://anything.test/')).toBe(true);
  });

  it('reads managed storage; a malformed value is dropped, the rest applies', async () => {
    expect(parsePolicy(await fakeBrowser.storage.managed.get())).toBeUndefined();
    await fakeBrowser.storage.managed.set({ Endpoint: 'https://gw.example.org/v1', Model: 'm', TokenBudget: 'lots' });
    expect(parsePolicy(await fakeBrowser.storage.managed.get())).toEqual({
      Endpoint: 'https://gw.example.org/v1',
      Model: 'm',
    });
  });

  it('the managed-storage schema IT deploys names exactly the policy’s keys', () => {
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(PolicySchema.shape).sort());
  });
});
