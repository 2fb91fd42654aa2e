/**
 * Any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, a hospital gateway, vLLM, Ollama, LM Studio)
 * through the `openai` SDK: streamed chat completions, structured output validated with zod (JSON
 * schema where the endpoint supports it, else JSON mode, else plain text; one repair attempt), a
 * timeout, cancellation, and every failure turned into words a clinician can act on.
 *
 * Retries on 429 and 5xx, honouring Retry-After, are the SDK's own (`maxRetries`).
 */
import OpenAI, { AzureOpenAI } from 'openai';
import { z } from 'zod';
import { ok, type AppError, type Result } from '../../result';

// The configuration's shape lives apart from the SDK, so the background worker and the policy
// reader can check it without bundling the SDK.
export { endpointHost, isAllowedEndpoint, ModelConfigSchema, parseHeaders, type ModelConfig } from './config';
import { endpointHost, type ModelConfig } from './config';

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export function createClient(config: ModelConfig, fetchImpl?: typeof fetch): OpenAI {
  const common = {
    apiKey: config.apiKey || 'none', // local servers (Ollama, vLLM) take any key
    maxRetries: config.maxRetries,
    timeout: config.timeoutMs,
    defaultHeaders: config.headers,
    // The panel is the user's own extension page talking to the endpoint they configured.
    dangerouslyAllowBrowser: true,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  };
  if (config.kind === 'azure') {
    if (!config.azure) throw new Error('Azure OpenAI needs an endpoint, a deployment and an API version.');
    return new AzureOpenAI({
      ...common,
      endpoint: config.azure.endpoint,
      deployment: config.azure.deployment,
      apiVersion: config.azure.apiVersion,
    });
  }
  return new OpenAI({ ...common, ...(config.baseURL ? { baseURL: config.baseURL } : {}) });
}

/** "Test connection": the endpoint's models, or what failed. */
export async function listModels(config: ModelConfig, fetchImpl?: typeof fetch): Promise<Result<string[]>> {
  try {
    const client = createClient(config, fetchImpl);
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    return ok(ids);
  } catch (error) {
    return { ok: false, error: explainModelError(error, config) };
  }
}

export interface DraftRequest<T> {
  config: ModelConfig;
  messages: ChatMessage[];
  /** The output's shape: the JSON schema sent to the endpoint is generated from it. */
  schema: z.ZodType<T>;
  schemaName: string;
  /** Called with the text so far as the stream arrives. */
  onText?: (text: string) => void;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

export type DraftFailure = AppError & { partial?: string };

type Format = 'json_schema' | 'json_object' | 'text';

/** The stream began and then stopped: what arrived (maybe nothing yet) is kept with the error. */
function streamCut(text: string, why: string): DraftFailure {
  return {
    code: 'stream-cut',
    message: text
      ? 'The answer stopped half-way: the connection to the model service was cut. What arrived is kept below; try again to get the whole draft.'
      : 'The answer stopped before any text arrived: the connection to the model service was cut. Try again.',
    detail: `${why} after ${text.length} characters`,
    partial: text,
  };
}

/** Streams a completion and validates it; failures keep whatever text had arrived. */
export async function draftWithModel<T>(
  request: DraftRequest<T>,
): Promise<{ ok: true; value: T; raw: string } | { ok: false; error: DraftFailure }> {
  let client: OpenAI;
  try {
    client = createClient(request.config, request.fetchImpl);
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'misconfigured',
        message: 'The model endpoint is not fully set up. Open Chartside settings and complete it.',
        detail: error instanceof Error ? error.message : String(error),
      },
    };
  }
  const jsonSchema = z.toJSONSchema(request.schema) as Record<string, unknown>;
  let messages = request.messages;
  let format: Format = 'json_schema';
  let repaired = false;
  for (;;) {
    const attempt = await stream(client, request, messages, format, jsonSchema);
    if (!attempt.ok) {
      // An endpoint that does not support a response format says so with a 400 about it: step down.
      if (attempt.formatRejected && format !== 'text') {
        format = format === 'json_schema' ? 'json_object' : 'text';
        continue;
      }
      return { ok: false, error: attempt.error };
    }
    const checked = parseOutput(attempt.text, request.schema);
    if (checked.ok) return { ok: true, value: checked.value, raw: attempt.text };
    if (repaired) {
      return {
        ok: false,
        error: {
          code: 'invalid-output',
          message:
            'The model’s answer could not be read as a draft, even after asking it to correct itself. Try again, or use the offline engine.',
          detail: checked.problem,
          partial: attempt.text,
        },
      };
    }
    // One repair attempt: show the model its answer and what was wrong with it.
    repaired = true;
    messages = [
      ...messages,
      { role: 'assistant', content: attempt.text },
      {
        role: 'user',
        content: `That answer was not valid: ${checked.problem}. Reply again with only the JSON object, matching the schema.`,
      },
    ];
  }
}

/** JSON from a model's text: whole, or inside a ```json fence, then checked against the schema. */
export function parseOutput<T>(
  text: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; problem: string } {
  const fenced = text.match(/```(?:json)?\s*([\s\S]*?)```/)?.[1];
  const candidate = (fenced ?? text).trim();
  let data: unknown;
  try {
    data = JSON.parse(candidate.slice(candidate.indexOf('{'), candidate.lastIndexOf('}') + 1) || candidate);
  } catch (error) {
    return { ok: false, problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      problem: parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; '),
    };
  return { ok: true, value: parsed.data };
}

async function stream<T>(
  client: OpenAI,
  request: DraftRequest<T>,
  messages: ChatMessage[],
  format: Format,
  jsonSchema: Record<string, unknown>,
): Promise<{ ok: true; text: string } | { ok: false; error: DraftFailure; formatRejected?: boolean }> {
  let text = '';
  let finished = false;
  // Set once the endpoint has answered 200 and the stream has begun: a failure after that is the stream being cut,
  // even when the browser reports the drop before it has handed over the first piece of text.
  let streaming = false;
  try {
    const responseFormat =
      format === 'json_schema'
        ? { type: 'json_schema' as const, json_schema: { name: request.schemaName, schema: jsonSchema, strict: false } }
        : format === 'json_object'
          ? { type: 'json_object' as const }
          : undefined;
    const completion = await client.chat.completions.create(
      {
        model: request.config.kind === 'azure' ? request.config.azure!.deployment : request.config.model,
        messages,
        stream: true,
        temperature: request.config.temperature,
        max_tokens: request.config.maxOutputTokens,
        ...(responseFormat ? { response_format: responseFormat } : {}),
      },
      { signal: request.signal },
    );
    streaming = true;
    for await (const chunk of completion) {
      const choice = chunk.choices[0];
      if (choice?.delta?.content) {
        text += choice.delta.content;
        request.onText?.(text);
      }
      if (choice?.finish_reason) finished = true;
    }
    if (!finished) {
      return { ok: false, error: streamCut(text, 'stream ended without finish_reason') };
    }
    return { ok: true, text };
  } catch (error) {
    const explained = explainModelError(error, request.config);
    // Once the stream has begun, any failure but a cancel is the stream being cut.
    if (streaming && explained.code !== 'cancelled') {
      return { ok: false, error: streamCut(text, explained.detail ?? explained.message) };
    }
    const formatRejected =
      error instanceof OpenAI.APIError &&
      error.status === 400 &&
      /response_format|json_schema|json_object|json mode/i.test(String(error.message));
    return { ok: false, error: { ...explained, ...(text ? { partial: text } : {}) }, formatRejected };
  }
}

/** Turns any failure into what a clinician can do about it, plus the detail IT needs — never the key. */
export function explainModelError(error: unknown, config: ModelConfig): AppError {
  const scrub = (s: string) => (config.apiKey ? s.split(config.apiKey).join('[key]') : s);
  const host = endpointHost(config);
  if (error instanceof OpenAI.APIUserAbortError || (error instanceof Error && error.name === 'AbortError')) {
    return { code: 'cancelled', message: 'Stopped. Nothing more was received.' };
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return {
      code: 'timeout',
      message: `The model service at ${host} did not answer within ${Math.round(config.timeoutMs / 1000)} seconds. Try again, or ask IT whether it is overloaded.`,
      detail: scrub(String(error.message)),
    };
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = scrub(String((error as { cause?: unknown }).cause ?? error.message));
    const tls = /certificate|SSL|TLS|self[- ]signed|CERT_/i.test(cause);
    return {
      code: tls ? 'tls' : 'unreachable',
      message: tls
        ? `Chartside could not make a secure connection to ${host}: its certificate was not accepted. Ask IT to check the endpoint's certificate.`
        : `Chartside could not reach the model service at ${host}. Check the address in settings, and whether the service is running.`,
      detail: cause,
    };
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status;
    const requestId = (error as { request_id?: string | null }).request_id;
    const detail = scrub(`HTTP ${status}: ${error.message}${requestId ? ` (request ${requestId})` : ''}`);
    switch (status) {
      case 401:
        return {
          code: 'unauthorized',
          message: 'The model service did not accept the API key. Check the key in Chartside settings.',
          detail,
        };
      case 403:
        return {
          code: 'forbidden',
          message: `This key is not allowed to use “${config.model}”. Ask IT for access, or choose another model in settings.`,
          detail,
        };
      case 404:
        return {
          code: 'model-not-found',
          message: `The model “${config.model}” was not found at ${host}. Use “Test connection” in settings to see the models it offers.`,
          detail,
        };
      case 429:
        return {
          code: 'rate-limited',
          message: `The model service is busy (too many requests). Chartside retried ${config.maxRetries} times; wait a minute and try again.`,
          detail,
        };
      default:
        if (status && status >= 500)
          return {
            code: 'server-error',
            message: `The model service had an internal error (HTTP ${status}). Chartside retried ${config.maxRetries} times; try again shortly.`,
            detail,
          };
        return {
          code: 'bad-request',
          message: 'The model service refused the request. Check the model and settings, or ask IT.',
          detail,
        };
    }
  }
  return {
    code: 'model-failed',
    message: 'The draft could not be made because of an unexpected error.',
    detail: scrub(error instanceof Error ? error.message : String(error)),
  };
}
