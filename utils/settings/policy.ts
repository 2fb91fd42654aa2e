/**
 * Enterprise policy: settings IT pushes through Chrome or Edge policy (managed storage, schema in
 * public/managed_schema.json). Managed values override the clinician's and show as locked.
 * Without a policy (a personal install, or Firefox without one) nothing changes.
 */
import { z } from 'zod';
import { DatePolicySchema } from '../deidentify/types';
import { isAllowedEndpoint, ModelConfigSchema, type ModelConfig } from '../draft/backends/config';
import type { Settings } from './schema';

export const PolicySchema = z.object({
  /** The model endpoint every clinician uses (an organisation's gateway, Azure OpenAI…). */
  Endpoint: z.string().url().optional(),
  EndpointKind: z.enum(['openai', 'azure', 'compatible']).optional(),
  Model: z.string().min(1).optional(),
  AzureDeployment: z.string().optional(),
  AzureApiVersion: z.string().optional(),
  /** Headers the gateway requires (a tenant id, a routing key). */
  Headers: z.record(z.string(), z.string()).optional(),
  DatePolicy: DatePolicySchema.optional(),
  TokenBudget: z.number().int().min(1000).max(200_000).optional(),
  /** EHR origins Chartside may read ("https://ehr.example.org"); empty or absent: any. */
  AllowedOrigins: z.array(z.string()).optional(),
  /** Clinicians may not change the engine (default true when an endpoint is set). */
  LockBackend: z.boolean().optional(),
  /** Clinicians may enter their own API key (default false when an endpoint is set: the gateway authenticates). */
  AllowClinicianKey: z.boolean().optional(),
  /** Only the offline engine: no model endpoint may be configured. */
  OfflineOnly: z.boolean().optional(),
  /**
   * A FHIR R4 server (its base address) that receives every audit entry as an AuditEvent
   * (utils/audit/fhir.ts); with it set, clinicians cannot clear their local log. https only; plain
   * http on loopback is allowed, as for model endpoints, so tests can run a local recorder.
   */
  AuditEndpoint: z.string().url().refine(isAllowedEndpoint, 'Use an https:// address.').optional(),
});
export type Policy = z.infer<typeof PolicySchema>;

export interface Locks {
  backend: boolean;
  apiKey: boolean;
  datePolicy: boolean;
  tokenBudget: boolean;
}
export const NO_LOCKS: Locks = { backend: false, apiKey: false, datePolicy: false, tokenBudget: false };

/** Managed storage's raw values as a policy (read through policy-cache.ts, which says which read may wait). */
export function parsePolicy(raw: Record<string, unknown> | undefined): Policy | undefined {
  if (!raw || !Object.keys(raw).length) return undefined;
  const parsed = PolicySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A malformed policy locks nothing rather than breaking the panel; its keys that parse still apply.
  const valid = Object.entries(raw).filter(([k, v]) => PolicySchema.shape[k as keyof Policy]?.safeParse(v).success);
  return PolicySchema.partial().parse(Object.fromEntries(valid));
}

function policyModel(policy: Policy, clinicianKey: string | undefined): ModelConfig | undefined {
  if (!policy.Endpoint || !policy.Model) return undefined;
  const kind = policy.EndpointKind ?? 'compatible';
  const parsed = ModelConfigSchema.safeParse({
    kind,
    model: policy.Model,
    headers: policy.Headers ?? {},
    ...(kind === 'azure'
      ? {
          azure: {
            endpoint: policy.Endpoint,
            deployment: policy.AzureDeployment ?? policy.Model,
            apiVersion: policy.AzureApiVersion ?? '2024-10-21',
          },
        }
      : { baseURL: policy.Endpoint }),
    ...(policy.AllowClinicianKey && clinicianKey ? { apiKey: clinicianKey } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

/** The settings in force: the clinician's, with every managed value put over them, and what is locked. */
export function applyPolicy(settings: Settings, policy: Policy | undefined): { settings: Settings; locks: Locks } {
  if (!policy) return { settings, locks: NO_LOCKS };
  const next: Settings = { ...settings };
  const locks: Locks = { ...NO_LOCKS };
  if (policy.DatePolicy) [next.datePolicy, locks.datePolicy] = [policy.DatePolicy, true];
  if (policy.TokenBudget) [next.tokenBudget, locks.tokenBudget] = [policy.TokenBudget, true];
  const clinicianKey = settings.backend.engine === 'model' ? settings.backend.model.apiKey : undefined;
  if (policy.OfflineOnly) {
    next.backend = { engine: 'offline' };
    locks.backend = locks.apiKey = true;
    return { settings: next, locks };
  }
  const model = policyModel(policy, clinicianKey);
  if (model && policy.LockBackend !== false) {
    next.backend = { engine: 'model', model };
    locks.backend = true;
    locks.apiKey = !policy.AllowClinicianKey;
  }
  return { settings: next, locks };
}

/** May Chartside read a page at this address, under this policy? */
export function originAllowed(policy: Policy | undefined, url: string): boolean {
  if (!policy?.AllowedOrigins?.length) return true;
  try {
    const origin = new URL(url).origin;
    return policy.AllowedOrigins.some((allowed) => allowed.replace(/\/+$/, '') === origin);
  } catch {
    return false;
  }
}
