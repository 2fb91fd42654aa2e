/**
 * The one protocol between Chartside's contexts, in one file.
 *
 *   side panel --(runtime.sendMessage)--> background --(tabs.sendMessage)--> capture script (page)
 *   side panel --(postMessage)--> de-identification worker
 *
 * Every message and every response is a zod schema; handlers are a typed map keyed by `type`,
 * so adding a message means adding one schema and one handler, and the compiler checks the rest.
 */
import { z } from 'zod';
import { PageIdentitySchema } from './record/identity';
import { PatientRecordSchema } from './record/schema';
import { PlaceholderBookStateSchema } from './deidentify/placeholders';
import { DatePolicySchema, IdentifierTypeSchema, SpanSchema } from './deidentify/types';
import { TaskSchema } from './draft/schema';
import { fail, resultSchema, type Result } from './result';

// ---- panel → background -------------------------------------------------------------------

export const PanelRequestSchema = z.discriminatedUnion('type', [
  /** Inject the capture script into the tab (if needed) and read its visible record. */
  z.object({ type: z.literal('capture'), tabId: z.number().int(), selectionOnly: z.boolean() }),
  /** Scroll to and outline the element behind a captured item, if the page is still the one read. */
  z.object({ type: z.literal('highlight'), tabId: z.number().int(), ref: z.string(), expected: PageIdentitySchema }),
  /** Is text selected on the page? Lets the panel offer "Use selection only". */
  z.object({ type: z.literal('selection'), tabId: z.number().int() }),
  /** Whose chart the page shows now (a cheap re-read of its banner). */
  z.object({ type: z.literal('identity'), tabId: z.number().int() }),
  /**
   * May Chartside work on this page under the managed policy as it stands? Asked after a read made under a policy not
   * yet confirmed this browser session (see policy-cache.ts): answers once the policy is known.
   */
  z.object({ type: z.literal('allowed'), url: z.string().max(10_000) }),
  /**
   * Write a draft into the text field the clinician chose on the page, if the page still shows the
   * patient the draft was made for. `confirmedUnknown`: the clinician confirmed a page that does not
   * say whose chart it is.
   */
  z.object({
    type: z.literal('insert'),
    tabId: z.number().int(),
    text: z.string().max(100_000),
    expected: PageIdentitySchema,
    confirmedUnknown: z.boolean(),
  }),
]);
export type PanelRequest = z.infer<typeof PanelRequestSchema>;

// ---- background → capture script ----------------------------------------------------------

export const PageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page:ping') }),
  z.object({ type: z.literal('page:capture'), selectionOnly: z.boolean() }),
  z.object({ type: z.literal('page:highlight'), ref: z.string(), expected: PageIdentitySchema }),
  z.object({ type: z.literal('page:selection') }),
  z.object({ type: z.literal('page:identity') }),
  z.object({
    type: z.literal('page:insert'),
    text: z.string().max(100_000),
    expected: PageIdentitySchema,
    confirmedUnknown: z.boolean(),
  }),
]);
export type PageRequest = z.infer<typeof PageRequestSchema>;

// ---- page agent → extension pages (broadcast; the panel listens) --------------------------

/**
 * The page changed under a record read from it: the address (a navigation, or a single-page
 * EHR's route change) or the patient its banner shows. The panel marks what it holds as stale.
 */
export const PageEventSchema = z.object({
  type: z.literal('page:changed'),
  reason: z.enum(['location', 'patient']),
  documentId: z.string(),
});
export type PageEvent = z.infer<typeof PageEventSchema>;

/** Whose chart the page shows now; the name only for the clinician's eyes, never stored. */
export const PageIdentityInfoSchema = z.object({ identity: PageIdentitySchema, patientName: z.string().optional() });

// ---- responses, per message type ----------------------------------------------------------

/** Short selections come with their text, so the clinician can point at the patient's name on the page. */
export const MAX_SELECTED_TEXT = 120;
const SelectionInfoSchema = z.object({
  hasSelection: z.boolean(),
  characters: z.number().int(),
  text: z.string().max(MAX_SELECTED_TEXT).optional(),
});

export const PAGE_AGENT_VERSION = '2';

export const ResponseSchemas = {
  capture: resultSchema(PatientRecordSchema),
  highlight: resultSchema(z.object({ found: z.boolean() })),
  selection: resultSchema(SelectionInfoSchema),
  'page:ping': resultSchema(z.object({ version: z.string(), documentId: z.string() })),
  'page:capture': resultSchema(PatientRecordSchema),
  'page:highlight': resultSchema(z.object({ found: z.boolean() })),
  'page:selection': resultSchema(SelectionInfoSchema),
  identity: resultSchema(PageIdentityInfoSchema),
  allowed: resultSchema(z.object({ allowed: z.literal(true) })),
  'page:identity': resultSchema(PageIdentityInfoSchema),
  insert: resultSchema(z.object({ field: z.string() })),
  'page:insert': resultSchema(z.object({ field: z.string() })),
} as const;

export type ResponseOf<K extends keyof typeof ResponseSchemas> = z.infer<(typeof ResponseSchemas)[K]>;
type MessageType<M extends { type: string }> = M['type'] & keyof typeof ResponseSchemas;

/** A typed handler map: one async function per message type. */
export type Handlers<M extends { type: string }, Ctx> = {
  [K in MessageType<M>]: (message: Extract<M, { type: K }>, context: Ctx) => Promise<ResponseOf<K>>;
};

/**
 * Builds a `runtime.onMessage` listener from a schema and a handler map. Messages that do not
 * parse are not ours (or are malformed) and are left unanswered, never acted on.
 */
export function createListener<M extends { type: string }, Ctx>(
  schema: z.ZodType<M>,
  handlers: Handlers<M, Ctx>,
  context: (sender: unknown) => Ctx,
) {
  return (raw: unknown, sender: unknown, sendResponse: (response: unknown) => void): boolean => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return false;
    const message = parsed.data;
    const handler = handlers[message.type as MessageType<M>] as (m: M, c: Ctx) => Promise<unknown>;
    handler(message, context(sender)).then(sendResponse, (error: unknown) =>
      sendResponse(fail('internal', 'Chartside hit an unexpected error.', String(error))),
    );
    return true; // keep the channel open for the async response
  };
}

/** Validates a response that crossed a context boundary. */
export function parseResponse<K extends keyof typeof ResponseSchemas>(type: K, raw: unknown): ResponseOf<K> {
  if (raw === undefined) {
    return fail(
      'no-response',
      'The page did not answer. Reload the page and try again.',
      `no response to ${type}`,
    ) as ResponseOf<K>;
  }
  const parsed = ResponseSchemas[type].safeParse(raw);
  if (!parsed.success && type === 'page:capture') {
    // The page agent does not check its own record (a parse of a large chart would stall the EHR page's
    // main thread); this check, in the extension, is the boundary where a capture bug becomes a clear error.
    return fail(
      'capture-invalid',
      'Chartside could not make sense of this page.',
      parsed.error.message.slice(0, 500),
    ) as ResponseOf<K>;
  }
  if (!parsed.success) {
    return fail(
      'bad-response',
      'Chartside received an answer it could not read. Reload the page and try again.',
      parsed.error.message.slice(0, 500),
    ) as ResponseOf<K>;
  }
  return parsed.data as ResponseOf<K>;
}

export type { Result };

/** The panel's one way to talk to the background; errors come back as values. */
export async function askBackground<K extends PanelRequest['type']>(
  send: (message: unknown) => Promise<unknown>,
  message: Extract<PanelRequest, { type: K }>,
): Promise<ResponseOf<K>> {
  try {
    return parseResponse(message.type as K, await send(message));
  } catch (error) {
    return fail(
      'background-unreachable',
      'Chartside could not reach its background service. Close and reopen the panel, then try again.',
      String(error),
    ) as ResponseOf<K>;
  }
}

// ---- side panel ⇄ de-identification worker (utils/pipeline/prepare.worker.ts) ----------------
// The record goes in; what would be sent comes back, with the placeholder book as plain data.
// Both stay inside the extension's own panel: nothing here crosses to a page or a server.

export const SendSettingsSchema = z.object({
  task: TaskSchema,
  tokenBudget: z.number().int().positive(),
  datePolicy: DatePolicySchema,
  choices: z.object({ redact: z.array(z.string()).optional(), keep: z.array(z.string()).optional() }).optional(),
});

export const PrepareRequestSchema = z.object({
  id: z.number().int(),
  record: PatientRecordSchema,
  settings: SendSettingsSchema,
});
export type PrepareRequest = z.infer<typeof PrepareRequestSchema>;

const KnownValueSchema = z.object({ type: IdentifierTypeSchema, value: z.string() });
export const PreparedStateSchema = z.object({
  budgeted: z.object({ record: PatientRecordSchema, tokens: z.number(), omitted: z.array(z.string()) }),
  payload: z.object({
    text: z.string(),
    known: z.object({
      nameParts: z.array(z.string()),
      personParts: z.array(z.string()).optional(),
      birthDays: z.array(z.number()),
      ids: z.array(KnownValueSchema),
      phoneDigits: z.array(z.string()),
      emails: z.array(z.string()),
      addressParts: z.array(KnownValueSchema),
    }),
    spans: z.array(SpanSchema),
    counts: z.partialRecord(IdentifierTypeSchema, z.number().int()),
    leaks: z.array(
      z.object({
        type: z.union([IdentifierTypeSchema, z.literal('REPLACED_VALUE')]),
        index: z.number(),
        masked: z.string(),
        context: z.string(),
      }),
    ),
    book: PlaceholderBookStateSchema,
    patientIdentified: z.boolean(),
  }),
});
export type PreparedState = z.infer<typeof PreparedStateSchema>;

export const PrepareResponseSchema = z.object({ id: z.number().int(), result: resultSchema(PreparedStateSchema) });
export type PrepareResponse = z.infer<typeof PrepareResponseSchema>;
