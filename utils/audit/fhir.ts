/**
 * An audit entry as a FHIR R4 AuditEvent (http://hl7.org/fhir/R4/auditevent.html), for an
 * organisation's audit server (the AuditEndpoint policy). The one place the mapping lives.
 *
 * Nothing in an event identifies a patient or names a clinician: it is made only from the audit
 * entry, which holds no PHI by construction (entry.ts), and an opaque id for this installation.
 *   who   agent[0]: the clinician, as this browser profile's opaque installation id (never a name,
 *         never an API key: the key is a secret, and a gateway that needs to match users can match
 *         the payload hash);   agent[1], model drafts: the model endpoint, by host (network type 1).
 *   what  entity[1]: task, engine, model, endpoint host, placeholder counts, tokens, the payload's
 *         SHA-256 (also its identifier), error code;  outcome: '0' drafted, '4' refused or
 *         cancelled, '8' failed.
 *   where entity[0]: the EHR, by origin only (never a path, which can carry a patient id).
 */
import { z } from 'zod';
import type { AuditEntry } from './entry';
import { byCodeUnits } from '../numbers';

// --- The R4 AuditEvent, as far as Chartside fills it in (the elements and cardinalities of R4). ---

const CodingSchema = z.object({
  system: z.string().optional(),
  code: z.string().min(1),
  display: z.string().optional(),
});
const CodeableConceptSchema = z.object({ coding: z.array(CodingSchema).min(1), text: z.string().optional() });
const IdentifierSchema = z.object({ system: z.string().optional(), value: z.string().min(1) });
/** A Reference: by logical identifier here, since the event names nothing on the audit server. */
const ReferenceSchema = z.object({ identifier: IdentifierSchema.optional(), display: z.string().optional() });

export const AuditEventSchema = z.object({
  resourceType: z.literal('AuditEvent'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  /** 1..1 Coding: the kind of event. */
  type: CodingSchema,
  /** 0..* Coding: more specific kinds (here the task and the engine). */
  subtype: z.array(CodingSchema).optional(),
  /** 0..1 C | R | U | D | E. */
  action: z.enum(['C', 'R', 'U', 'D', 'E']).optional(),
  /** 1..1 instant. */
  recorded: z.iso.datetime({ offset: true }),
  /** 0..1 0 success | 4 minor failure | 8 serious failure | 12 major failure. */
  outcome: z.enum(['0', '4', '8', '12']).optional(),
  outcomeDesc: z.string().optional(),
  /** 1..* who took part. */
  agent: z
    .array(
      z.object({
        type: CodeableConceptSchema.optional(),
        who: ReferenceSchema.optional(),
        /** 1..1 in R4. */
        requestor: z.boolean(),
        /** 1 machine name | 2 IP address | 3 telephone | 4 email | 5 URI. */
        network: z.object({ address: z.string().min(1), type: z.enum(['1', '2', '3', '4', '5']) }).optional(),
      }),
    )
    .min(1),
  /** 1..1 who recorded it. */
  source: z.object({ site: z.string().optional(), observer: ReferenceSchema, type: z.array(CodingSchema).optional() }),
  /** 0..* what was involved. */
  entity: z
    .array(
      z.object({
        what: ReferenceSchema.optional(),
        type: CodingSchema.optional(),
        role: CodingSchema.optional(),
        description: z.string().optional(),
        /** R4: detail.type is a string, its value a string (or base64Binary). */
        detail: z.array(z.object({ type: z.string().min(1), valueString: z.string() })).optional(),
      }),
    )
    .optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** A batch Bundle of AuditEvents, each entry an idempotent PUT (see forward.ts for why). */
export const AuditBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('batch'),
  entry: z.array(
    z.object({
      resource: AuditEventSchema,
      request: z.object({ method: z.literal('PUT'), url: z.string() }),
    }),
  ),
});
export type AuditBundle = z.infer<typeof AuditBundleSchema>;

/** What a FHIR server answers a batch with: one response per entry, in order. */
export const BatchResponseSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('batch-response'),
  entry: z.array(z.object({ response: z.object({ status: z.string() }) })),
});

// --- The mapping. ---

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const HL7 = 'http://terminology.hl7.org/CodeSystem';
const SYSTEM_OBJECT = { system: `${HL7}/audit-entity-type`, code: '2', display: 'System Object' };
const CHARTSIDE = 'https://chartside.dev/fhir/CodeSystem';
/** Identifier systems: this installation's opaque id, an origin (a URI), a payload's hash. */
export const INSTALLATION_SYSTEM = 'urn:chartside:installation';
const PAYLOAD_SYSTEM = 'urn:chartside:payload-sha256';

/** R4 outcome codes: refused by the leak guard or cancelled is minor (like a 4xx), an error serious. */
const OUTCOME: Record<AuditEntry['outcome'], '0' | '4' | '8'> = {
  drafted: '0',
  blocked: '4',
  cancelled: '4',
  failed: '8',
};

export type AuditSource = {
  /** This browser profile's opaque, random id: who, without a name. */
  installationId: string;
  /** Chartside's version, for the observer. */
  version: string;
};

/** An entry must have its stable id before it is mapped: the event's id, so a resend replaces, never adds. */
export function toAuditEvent(entry: AuditEntry & { id: string }, source: AuditSource): AuditEvent {
  const installation = { system: INSTALLATION_SYSTEM, value: source.installationId };
  const counts = Object.entries(entry.counts).sort(([a], [b]) => byCodeUnits(a, b));
  const details: Array<[string, string | number | undefined]> = [
    ['task', entry.task],
    ['engine', entry.engine],
    ['model', entry.model],
    ['endpoint', entry.endpoint],
    ...counts.map(([category, n]): [string, number] => [`placeholders.${category}`, n]),
    ['tokens', entry.tokens],
    ['payloadSha256', entry.payloadSha256],
    ['outcome', entry.outcome],
    ['errorCode', entry.errorCode],
  ];
  const event: AuditEvent = {
    resourceType: 'AuditEvent',
    id: entry.id,
    type: { system: DCM, code: '110100', display: 'Application Activity' },
    subtype: [
      { system: `${CHARTSIDE}/task`, code: entry.task },
      { system: `${CHARTSIDE}/engine`, code: entry.engine },
    ],
    action: 'E',
    recorded: entry.time,
    outcome: OUTCOME[entry.outcome],
    ...(entry.errorCode ? { outcomeDesc: entry.errorCode } : {}),
    agent: [
      {
        type: { coding: [{ system: `${HL7}/extra-security-role-type`, code: 'humanuser', display: 'human user' }] },
        who: { identifier: installation },
        requestor: true,
      },
      ...(entry.engine === 'model' && entry.endpoint
        ? [
            {
              type: { coding: [{ system: DCM, code: '110152', display: 'Destination Role ID' }] },
              who: {
                identifier: { system: 'urn:ietf:rfc:3986', value: `https://${entry.endpoint}` },
                display: entry.model,
              },
              requestor: false,
              network: { address: entry.endpoint, type: '1' as const },
            },
          ]
        : []),
    ],
    source: {
      observer: { identifier: installation, display: `Chartside ${source.version}` },
      type: [{ system: `${HL7}/security-source-type`, code: '1', display: 'User Device' }],
    },
    entity: [
      {
        what: { identifier: { system: 'urn:ietf:rfc:3986', value: entry.origin } },
        type: SYSTEM_OBJECT,
        description: 'The EHR read, by origin',
      },
      {
        ...(entry.payloadSha256
          ? { what: { identifier: { system: PAYLOAD_SYSTEM, value: entry.payloadSha256 } } }
          : {}),
        type: SYSTEM_OBJECT,
        description:
          entry.engine === 'model' ? 'The de-identified text sent to the model' : 'A draft made in the browser',
        detail: details
          .filter((d): d is [string, string | number] => d[1] !== undefined)
          .map(([type, value]) => ({ type, valueString: String(value) })),
      },
    ],
  };
  return AuditEventSchema.parse(event);
}

/** The entries as one batch: PUT AuditEvent/<id>, so a batch sent twice stores each event once. */
export function toAuditBundle(events: AuditEvent[]): AuditBundle {
  return {
    resourceType: 'Bundle',
    type: 'batch',
    entry: events.map((resource) => ({
      resource,
      request: { method: 'PUT' as const, url: `AuditEvent/${resource.id}` },
    })),
  };
}
