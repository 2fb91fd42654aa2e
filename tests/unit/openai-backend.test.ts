// @vitest-environment node
/**
 * The model client, for real: the `openai` SDK talking HTTP to a local OpenAI-compatible server
 * (tests/support/openai-server.mjs) that records every request. Nothing mocks the SDK.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  draftWithModel,
  listModels,
  ModelConfigSchema,
  parseHeaders,
  parseOutput,
} from '../../utils/draft/backends/openai';
import { startOpenAIServer } from '../support/openai-server.mjs';

const Output = z.object({ summary: z.string(), cites: z.array(z.string()) });
const good = JSON.stringify({ summary: '[PATIENT] has diabetes; A1c 8.4%.', cites: ['prob-1', 'lab-1'] });
const KEY = 'sk-test-SECRET-0000';

let server: Awaited<ReturnType<typeof startOpenAIServer>>;
beforeAll(async () => {
  server = await startOpenAIServer({ models: ['test-model', 'other-model'] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const config = (over: Partial<z.input<typeof ModelConfigSchema>> = {}) =>
  ModelConfigSchema.parse({
    kind: 'compatible',
    baseURL: server.baseURL,
    model: 'test-model',
    apiKey: KEY,
    maxRetries: 1,
    timeoutMs: 3000,
    ...over,
  });
const messages = [{ role: 'user' as const, content: 'Summarize [PATIENT].' }];
const draft = (over: Partial<Parameters<typeof draftWithModel>[0]> = {}) =>
  draftWithModel({ config: config(), messages, schema: Output, schemaName: 'summary', ...over });

describe('a streamed, structured draft', () => {
  it('streams the answer, asks for the JSON schema, and validates it', async () => {
    server.script({ kind: 'answer', content: good });
    const seen: string[] = [];
    const result = await draft({ onText: (t) => seen.push(t) });
    expect(result).toMatchObject({ ok: true, value: { cites: ['prob-1', 'lab-1'] } });
    expect(seen.length).toBeGreaterThan(2); // arrived in pieces
    expect(seen.at(-1)).toBe(good);
    const body = server.requests[0].body;
    expect(body).toMatchObject({
      model: 'test-model',
      stream: true,
      response_format: { type: 'json_schema', json_schema: { name: 'summary' } },
    });
    expect(body.response_format.json_schema.schema.properties.cites.type).toBe('array');
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('steps down to JSON mode on endpoints that reject a JSON schema', async () => {
    server.script({ kind: 'reject-json-schema', content: good }, { kind: 'reject-json-schema', content: good });
    expect((await draft()).ok).toBe(true);
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', 'json_object']);
  });

  it('asks the model once to repair invalid output, then reports it clearly, keeping the text', async () => {
    server.script(
      { kind: 'answer', content: 'Sure! Here is the summary: diabetes.' },
      { kind: 'answer', content: '```json\n' + good + '\n```' },
    );
    expect((await draft()).ok).toBe(true);
    expect(server.requests[1].body.messages.at(-1).content).toMatch(/^That answer was not valid: not JSON/);

    server.reset();
    server.script({ kind: 'answer', content: '{"summary": 1}' }, { kind: 'answer', content: '{"summary": 2}' });
    const result = await draft();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-output');
      expect(result.error.partial).toBe('{"summary": 2}');
      expect(result.error.detail).toMatch(/summary: Invalid input: expected string/);
    }
  });

  it('sends the extra headers a gateway requires', async () => {
    server.script({ kind: 'answer', content: good });
    await draft({ config: config({ headers: { 'x-gateway-user': 'clinic-7' } }) });
    expect(server.requests[0].headers['x-gateway-user']).toBe('clinic-7');
  });
});

describe('every failure becomes a message a clinician can act on', () => {
  it.each([
    [401, 'unauthorized', /did not accept the API key/],
    [403, 'forbidden', /not allowed to use “test-model”/],
    [404, 'model-not-found', /model “test-model” was not found/],
    [500, 'server-error', /internal error \(HTTP 500\)/],
  ])('HTTP %i', async (status, code, message) => {
    server.script(...Array(3).fill({ kind: 'status', status, message: `scripted ${status} for ${KEY}` }));
    const result = await draft();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
      expect(JSON.stringify(result.error)).not.toContain(KEY); // the key is never repeated
    }
  });

  it('retries 429 honouring Retry-After, then succeeds', async () => {
    server.script({ kind: 'status', status: 429, headers: { 'retry-after': '0' } }, { kind: 'answer', content: good });
    expect((await draft()).ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('says when the service stays busy', async () => {
    server.script(...Array(3).fill({ kind: 'status', status: 429, headers: { 'retry-after': '0' } }));
    const result = await draft();
    expect(!result.ok && result.error.code).toBe('rate-limited');
    expect(server.requests).toHaveLength(2); // the first try and one retry
  });

  it('keeps what arrived when the stream is cut', async () => {
    server.script({ kind: 'cut', content: good });
    const result = await draft();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('stream-cut');
      expect(result.error.message).toMatch(/stopped half-way/);
      expect(good.startsWith(result.error.partial ?? '')).toBe(true);
      expect(result.error.partial?.length).toBeGreaterThan(0);
    }
  });

  it('calls a connection dropped after the stream began a cut stream, even before any text', async () => {
    server.script({ kind: 'drop' });
    const result = await draft();
    expect(!result.ok && result.error.code).toBe('stream-cut');
    expect(!result.ok && result.error.message).toMatch(/before any text arrived/);
    expect(server.requests).toHaveLength(1); // a cut stream is not retried behind the clinician's back
  });

  it('times out with a message that says how long it waited', async () => {
    server.script({ kind: 'hang' }, { kind: 'hang' });
    const result = await draft({ config: config({ timeoutMs: 300, maxRetries: 0 }) });
    expect(!result.ok && result.error.code).toBe('timeout');
    expect(!result.ok && result.error.message).toMatch(/did not answer within 0 seconds|did not answer within/);
  });

  it('stops at once when the clinician cancels', async () => {
    server.script({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await draft({ signal: controller.signal });
    expect(!result.ok && result.error.code).toBe('cancelled');
  });

  it('says when nothing answers at the address', async () => {
    const result = await draft({ config: config({ baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0 }) });
    expect(!result.ok && result.error.code).toBe('unreachable');
    expect(!result.ok && result.error.message).toMatch(/could not reach the model service at 127\.0\.0\.1:9/);
  });
});

describe('test connection', () => {
  it("lists the endpoint's models", async () => {
    expect(await listModels(config())).toEqual({ ok: true, value: ['test-model', 'other-model'] });
  });
});

describe('reading model output', () => {
  it('accepts bare JSON, fenced JSON, and JSON with words around it', () => {
    for (const text of [good, '```json\n' + good + '\n```', `Here you go: ${good} Hope it helps.`])
      expect(parseOutput(text, Output).ok).toBe(true);
    expect(parseOutput('no json here', Output)).toMatchObject({ ok: false });
  });
});

describe('gateway headers typed in settings', () => {
  it('reads "Name: value" lines and ignores the rest', () => {
    expect(parseHeaders('x-gateway-user: clinic-7\n\nnot a header\n  X-Team :  cardiology  ')).toEqual({
      'x-gateway-user': 'clinic-7',
      'X-Team': 'cardiology',
    });
  });
});

describe('Azure OpenAI', () => {
  it('calls the deployment with the API version and the api-key header', async () => {
    server.script({ kind: 'answer', content: good });
    const endpoint = server.baseURL.replace(/\/v1$/, '');
    const azure = ModelConfigSchema.parse({
      kind: 'azure',
      azure: { endpoint, deployment: 'chartside-gpt', apiVersion: '2024-10-21' },
      model: 'chartside-gpt',
      apiKey: KEY,
      maxRetries: 0,
    });
    const result = await draftWithModel({ config: azure, messages, schema: Output, schemaName: 'summary' });
    expect(result.ok).toBe(true);
    const request = server.requests.at(-1)!;
    expect(request.url).toMatch(/^\/openai\/deployments\/chartside-gpt\/chat\/completions\?api-version=2024-10-21$/);
    expect(request.headers['api-key']).toBe(KEY);
  });
});

describe('incomplete configurations', () => {
  it('are refused by the schema with the reason, never half-used', () => {
    const azure = ModelConfigSchema.safeParse({ kind: 'azure', model: 'x' });
    expect(azure.success).toBe(false);
    if (!azure.success) expect(azure.error.issues[0].message).toMatch(/Azure OpenAI needs an endpoint/);
    expect(ModelConfigSchema.safeParse({ kind: 'compatible', model: 'x' }).success).toBe(false);
    expect(ModelConfigSchema.safeParse({ kind: 'openai', model: 'gpt-4o-mini' }).success).toBe(true);
  });
});

describe('endpoint addresses', () => {
  it('https anywhere; http only on this computer', async () => {
    const { isAllowedEndpoint } = await import('../../utils/draft/backends/openai');
    expect(
      ['https://gateway.example.org/v1', 'http://localhost:11434/v1', 'http://127.0.0.1:8000/v1'].map(
        isAllowedEndpoint,
      ),
    ).toEqual([true, true, true]);
    // The panel's CSP cannot name an IPv6 address, so it could not reach one: refused here with a message, not
    // failing later.
    expect(isAllowedEndpoint('http://[::1]:8000/v1')).toBe(false);
    expect(
      ['http://gateway.internal/v1', 'ftp://x', 'not a url', 'http://localhost.evil.test/v1'].map(isAllowedEndpoint),
    ).toEqual([false, false, false, false]);
    const parsed = ModelConfigSchema.safeParse({ kind: 'compatible', baseURL: 'http://10.0.0.5:8000/v1', model: 'm' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/Use an https:\/\/ address/);
  });
});
