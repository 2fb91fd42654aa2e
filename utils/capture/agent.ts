/**
 * The page agent: what Chartside runs inside the EHR page from the clinician's toolbar click on. It answers the
 * background's requests — read the record, say whose chart this is, outline an item, insert a
 * draft — and tells the extension when the page changes under a record read from it. Nothing of the
 * page is read until a request arrives (the one thing it does before, when the page is idle, is to read a made-up
 * chart of its own: warm-up.ts); nothing is sent anywhere but back to the extension.
 *
 * Reading and writing stay apart (Bitwarden's autofill has the same shape): every write carries
 * the identity of the page the draft was made from, and the agent compares it with what the page
 * shows now before it touches anything.
 */
import { highlightElement } from '../handback/highlight';
import { insertText, trackEditableFocus } from '../handback/insert';
import {
  createListener,
  MAX_SELECTED_TEXT,
  PAGE_AGENT_VERSION,
  PageRequestSchema,
  type Handlers,
  type PageEvent,
  type PageRequest,
} from '../messaging';
import { checkWrite, comparePatients, newDocumentId, type PageIdentity } from '../record/identity';
import { describeUnknownError, fail, ok } from '../result';
import { captureRecord } from './capture';
import { RefRegistry } from './refs';
import { warmUpReader } from './warm-up';

/** How long the page must be quiet after a change to its banner before the patient is re-checked. */
const RECHECK_DELAY_MS = 400;

export interface PageAgentHost {
  /** Sends an event to the extension's pages (the panel listens). */
  notify(event: PageEvent): void;
  /** Calls back on every change of the page's address (navigation API, or polling). */
  onLocationChange(listener: () => void): void;
  /** Calls back once, when the agent must stop (extension reloaded, a newer agent started). */
  onInvalidated(listener: () => void): void;
  /** Runs a task once the page is idle (cancelled if the agent stops first); without it, no warm-up. */
  whenIdle?(task: () => void): void;
}

export interface PageAgent {
  listener: ReturnType<typeof createListener>;
  documentId: string;
  /** Removes every listener and observer the agent added to the page. */
  teardown(): void;
}

/** Whose chart the page shows now: the banner read again, cheaply (the walk stops at the first clinical section). */
async function currentIdentity(doc: Document, documentId: string) {
  const record = await captureRecord(doc, { register: () => '', bannerOnly: true, documentId, timeLimitMs: 3_000 });
  return { identity: record.source.identity!, patientName: record.patient.name };
}

export function createPageAgent(doc: Document, host: PageAgentHost): PageAgent {
  const documentId = newDocumentId();
  const refs = new RefRegistry();
  const focus = trackEditableFocus(doc);
  let lastRead: PageIdentity | undefined;
  let observer: MutationObserver | undefined;
  let recheck: ReturnType<typeof setTimeout> | undefined;
  let torn = false;
  /** A read has been asked for: warming up the reader is then pointless. */
  let asked = false;

  /** After a read, watch the banner: a single-page EHR may swap the patient without a navigation. */
  const watchBanner = (banner: Element | undefined) => {
    observer?.disconnect();
    if (!banner || !doc.body) return;
    observer = new MutationObserver((mutations) => {
      const touched =
        !banner.isConnected ||
        mutations.some((m) => banner.contains(m.target) || [...m.removedNodes].some((n) => n.contains(banner)));
      if (!touched) return;
      clearTimeout(recheck);
      recheck = setTimeout(() => void recheckPatient(), RECHECK_DELAY_MS);
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  };
  const recheckPatient = async () => {
    if (torn || !lastRead) return;
    const { identity } = await currentIdentity(doc, documentId);
    if (
      comparePatients(lastRead.patient, identity.patient) !== 'same' &&
      identity.patient.key !== lastRead.patient.key
    ) {
      host.notify({ type: 'page:changed', reason: 'patient', documentId });
    }
  };
  host.onLocationChange(() => {
    if (!torn && lastRead) host.notify({ type: 'page:changed', reason: 'location', documentId });
  });

  const refuseWrite = async (
    expected: PageIdentity,
    options: { confirmedUnknown?: boolean; needsSameDocument?: boolean },
  ) => {
    const now = await currentIdentity(doc, documentId);
    const check = checkWrite(expected, now.identity, options);
    switch (check.verdict) {
      case 'allowed':
        return undefined;
      case 'different-patient':
        return fail(
          'different-patient',
          `This page now shows a different patient${now.patientName ? ` (${now.patientName})` : ''}. Read the page again before inserting.`,
          `expected patient key ${expected.patient.key}, page shows ${now.identity.patient.key}`,
        );
      case 'page-changed':
        return fail(
          'page-changed',
          'This page has changed since Chartside read it. Read the page again to see where this came from.',
          `document ${expected.documentId} is now ${documentId}`,
        );
      case 'unconfirmed':
        return fail(
          'patient-unconfirmed',
          'This page does not show whose chart it is. Confirm the patient before inserting.',
        );
    }
  };

  const handlers: Handlers<PageRequest, undefined> = {
    'page:ping': async () => ok({ version: PAGE_AGENT_VERSION, documentId }),
    'page:selection': async () => {
      const selection = doc.getSelection();
      const selected = selection && !selection.isCollapsed ? selection.toString().replace(/\s+/g, ' ').trim() : '';
      const characters = selected.length;
      return ok({
        hasSelection: characters > 0,
        characters,
        ...(characters && characters <= MAX_SELECTED_TEXT ? { text: selected } : {}),
      });
    },
    'page:identity': async () => {
      asked = true;
      if (!doc.body)
        return fail(
          'no-content',
          'This page has no content Chartside can read yet. Wait for it to load, then try again.',
        );
      return ok(await currentIdentity(doc, documentId));
    },
    'page:capture': async ({ selectionOnly }) => {
      asked = true;
      if (!doc.body)
        return fail(
          'no-content',
          'This page has no content Chartside can read yet. Wait for it to load, then try again.',
        );
      try {
        const record = await captureRecord(doc, { selectionOnly, documentId, register: (el) => refs.register(el) });
        // Checked against PatientRecordSchema where it arrives (parseResponse), off the EHR page's main thread.
        lastRead = record.source.identity;
        watchBanner(record.patient.ref ? refs.resolve(record.patient.ref) : undefined);
        return ok(record);
      } catch (error) {
        return fail(
          'capture-failed',
          'Chartside could not read this page. Reload it and try again.',
          describeUnknownError(error),
        );
      }
    },
    'page:insert': async ({ text, expected, confirmedUnknown }) => {
      const refused = await refuseWrite(expected, { confirmedUnknown });
      if (refused) return refused;
      const field = focus.field();
      if (!field)
        return fail(
          'no-field',
          'Click into the text field on the page where the draft should go (for example the reply box), then press “Insert into page” again.',
        );
      return ok({ field: insertText(field, text) });
    },
    'page:highlight': async ({ ref, expected }) => {
      const refused = await refuseWrite(expected, { needsSameDocument: true });
      if (refused) return refused;
      const el = refs.resolve(ref);
      if (!el) return ok({ found: false });
      highlightElement(el);
      return ok({ found: true });
    },
  };
  const listener = createListener(PageRequestSchema, handlers, () => undefined);
  // Loaded as the panel opens, the agent readies the reader while the clinician looks at the panel; once a request
  // has come there is no point (the read itself compiles what it runs).
  host.whenIdle?.(() => {
    if (!torn && !asked) void warmUpReader().catch(() => undefined);
  });
  const teardown = () => {
    torn = true;
    observer?.disconnect();
    clearTimeout(recheck);
    focus.stop();
  };
  host.onInvalidated(teardown);
  return { listener, documentId, teardown };
}
