/**
 * A model endpoint's configuration: one zod schema, kept apart from the `openai` SDK so the
 * background worker and the enterprise-policy reader can check it without bundling the SDK.
 */
import { z } from 'zod';

export const ModelConfigSchema = z
  .object({
    kind: z.enum(['openai', 'azure', 'compatible']),
    /** OpenAI: optional override; compatible: required (gateway, vLLM, Ollama, LM Studio). */
    baseURL: z.string().url().optional(),
    /** Azure OpenAI: the resource endpoint, deployment and API version. */
    azure: z
      .object({ endpoint: z.string().url(), deployment: z.string().min(1), apiVersion: z.string().min(1) })
      .optional(),
    model: z.string().min(1),
    apiKey: z.string().optional(),
    /** Extra headers a gateway requires. */
    headers: z.record(z.string(), z.string()).default({}),
    temperature: z.number().min(0).max(2).default(0.2),
    maxOutputTokens: z.number().int().positive().default(1200),
    timeoutMs: z.number().int().positive().default(60_000),
    maxRetries: z.number().int().min(0).max(5).default(2),
  })
  .superRefine((config, ctx) => {
    // Each service names its address its own way; a configuration without one is no configuration.
    if (config.kind === 'azure' && !config.azure)
      ctx.addIssue({
        code: 'custom',
        path: ['azure'],
        message: 'Azure OpenAI needs an endpoint, a deployment and an API version.',
      });
    if (config.kind === 'compatible' && !config.baseURL)
      ctx.addIssue({ code: 'custom', path: ['baseURL'], message: 'An OpenAI-compatible endpoint needs its address.' });
    // The payload is de-identified, but it still travels: over the network only encrypted. (The
    // extension pages' CSP allows exactly this: https anywhere, http on this computer only.)
    for (const [path, address] of [
      ['baseURL', config.baseURL],
      ['azure', config.azure?.endpoint],
    ] as const) {
      if (address && !isAllowedEndpoint(address))
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: 'Use an https:// address. Plain http:// is allowed only for this computer (localhost, 127.0.0.1).',
        });
    }
  });

/**
 * https anywhere; http only on the loopback interface (a local Ollama or vLLM), named `localhost` or
 * `127.0.0.1`. Not `[::1]`: a content security policy cannot name an IPv6 address (Chromium rejects
 * `http://[::1]:*` as a source), so the panel could not reach it; `localhost` reaches the same server.
 */
export function isAllowedEndpoint(address: string): boolean {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
  } catch {
    return false;
  }
}
export type ModelConfig = z.infer<typeof ModelConfigSchema>;

/** The host a configuration sends to: for messages and the audit log. */
export function endpointHost(config: ModelConfig): string {
  const where = config.kind === 'azure' ? config.azure?.endpoint : (config.baseURL ?? 'https://api.openai.com/v1');
  try {
    return new URL(where ?? '').host;
  } catch {
    return where ?? 'the model service';
  }
}

/** A gateway's extra headers as typed in settings: "Name: value" lines; other lines are ignored. */
export function parseHeaders(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.match(/^\s*([^:\s][^:]*?)\s*:\s*(.+?)\s*$/))
      .filter((m): m is RegExpMatchArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
}
