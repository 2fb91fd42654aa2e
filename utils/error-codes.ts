/**
 * Every error Chartside can report, in one table: the code (what programs compare, what the audit
 * log keeps), and beside it what the code means for the clinician and what IT should check. The
 * message a clinician sees is written where the error happens, with its particulars; `clinician`
 * here is the gist, for docs and for an error that arrives without a message of its own.
 */
import { z } from 'zod';

type ErrorInfo = { clinician: string; it: string };

export const ERROR_CODES = {
  // Reading the page
  'no-tab': { clinician: 'No chart tab is open.', it: 'The panel has no tab to work on (closed, or a browser page).' },
  'no-access': {
    clinician: 'Chartside needs permission to read this page: click its toolbar button on the page.',
    it: 'No activeTab grant or host permission for the tab; policy may also block the site (runtime_blocked_hosts).',
  },
  'restricted-page': {
    clinician: 'Browser pages cannot be read.',
    it: 'chrome://, about:, store pages: no extension may script them.',
  },
  'inject-failed': {
    clinician: 'Reading could not start; reload the page.',
    it: 'scripting.executeScript failed for another reason (see detail).',
  },
  'origin-not-allowed': {
    clinician: 'Your organization allows Chartside only on its EHR sites.',
    it: 'The page origin is not in the AllowedOrigins policy.',
  },
  'page-timeout': {
    clinician: 'The page took too long to answer.',
    it: 'The page agent did not answer in time (page busy or still loading).',
  },
  'page-unreachable': {
    clinician: 'Chartside lost contact with the page.',
    it: 'tabs.sendMessage failed: the page navigated or its agent died.',
  },
  'no-content': { clinician: 'The page has no content yet.', it: 'document.body was missing when the page agent ran.' },
  'capture-failed': {
    clinician: 'The page could not be read.',
    it: 'The capture walk threw; the detail has the exception.',
  },
  'capture-invalid': {
    clinician: 'The page could not be made sense of.',
    it: 'The captured record failed its zod schema (a capture bug).',
  },
  'page-not-addable': {
    clinician: 'This record was not read from a page.',
    it: 'Add this page needs a record with a page identity.',
  },
  'page-patient-unknown': {
    clinician: 'This page does not show which patient it is for, so it cannot be added.',
    it: 'Add this page: no identity to compare (no name with a birth date or record number).',
  },
  'too-many-pages': { clinician: 'A record holds a limited number of pages.', it: 'MAX_RECORD_PAGES reached.' },
  // Writing to the page
  'different-patient': {
    clinician: 'The page shows a different patient: nothing was written.',
    it: 'A write (insert, highlight, add) was refused by the patient identity check.',
  },
  'page-changed': {
    clinician: 'The page no longer shows what was read.',
    it: 'Highlight refused: a different document than the one read.',
  },
  'patient-unconfirmed': {
    clinician: 'Confirm the patient before inserting.',
    it: 'The page shows no patient identity; insert needs confirmation.',
  },
  'no-field': {
    clinician: 'Click into the field where the draft should go.',
    it: 'Insert found no focused editable field.',
  },
  clipboard: { clinician: 'Copy it by hand.', it: 'navigator.clipboard.writeText was refused.' },
  // De-identification and sending
  'patient-unknown': {
    clinician: 'Name the patient (select or type it) before anything is sent to a model.',
    it: 'Fail closed: no patient name with birth date or record number, so nothing was sent.',
  },
  'payload-too-large': {
    clinician: 'Select the part you need and use "Use selection only".',
    it: 'Record text over 2 million characters.',
  },
  'deid-detector-failed': {
    clinician: 'De-identification could not run completely, so nothing was sent.',
    it: 'A detector threw; the send failed closed. The detail names the detector.',
  },
  'leak-blocked': {
    clinician: 'The leak guard found an identifier in what would be sent: nothing was sent.',
    it: 'The outgoing text still held a known identifier or a high-risk pattern.',
  },
  // The model endpoint
  misconfigured: { clinician: 'The engine settings are incomplete.', it: 'Endpoint, model or key missing or invalid.' },
  unauthorized: { clinician: 'The model service refused the key.', it: 'HTTP 401 from the endpoint.' },
  forbidden: {
    clinician: 'The model service refused access.',
    it: 'HTTP 403 from the endpoint (gateway policy, region, tenant).',
  },
  'model-not-found': {
    clinician: 'The model named in settings does not exist there.',
    it: 'HTTP 404 from the endpoint.',
  },
  'rate-limited': { clinician: 'The model service is busy; try again shortly.', it: 'HTTP 429 from the endpoint.' },
  'server-error': { clinician: 'The model service failed; try again.', it: 'HTTP 5xx from the endpoint.' },
  'bad-request': {
    clinician: 'The model service could not take the request.',
    it: 'HTTP 400 other than response_format support.',
  },
  timeout: { clinician: 'The model took too long.', it: 'No answer within the time limit.' },
  unreachable: {
    clinician: 'The model service could not be reached.',
    it: 'Network error: DNS, proxy, firewall, CORS.',
  },
  tls: {
    clinician: 'The model service’s certificate was not trusted.',
    it: 'TLS failure: certificate chain or hostname.',
  },
  'stream-cut': {
    clinician: 'The answer stopped part-way; what arrived is shown.',
    it: 'The stream ended before the answer was complete.',
  },
  'invalid-output': {
    clinician: 'The model’s answer was not in the expected form.',
    it: 'The answer failed its zod schema.',
  },
  'model-failed': { clinician: 'The model could not make a draft.', it: 'Another SDK error (see detail).' },
  cancelled: { clinician: 'Stopped.', it: 'The clinician cancelled the draft.' },
  // The panel and its messages
  'background-unreachable': {
    clinician: 'Chartside’s background stopped; reopen the panel.',
    it: 'runtime.sendMessage failed.',
  },
  'no-response': { clinician: 'Chartside did not answer; try again.', it: 'A message got no response.' },
  'bad-response': {
    clinician: 'Chartside got an answer it could not read.',
    it: 'A response failed its zod schema (a version mismatch?).',
  },
  internal: {
    clinician: 'Chartside hit an unexpected error.',
    it: 'An exception outside the known failures; the detail has it.',
  },
  // The audit trail
  'audit-managed': {
    clinician: 'Your organization keeps the audit log; it cannot be cleared here.',
    it: 'AuditEndpoint policy is set: clearing is refused.',
  },
  'audit-refused': {
    clinician: 'Audit entries are waiting to be sent.',
    it: 'The audit server refused the batch (non-2xx); retried with backoff.',
  },
  'audit-partly-refused': {
    clinician: 'Some audit entries are waiting to be sent.',
    it: 'The batch-response refused some entries.',
  },
  'audit-unreachable': {
    clinician: 'Audit entries are waiting to be sent.',
    it: 'The audit server could not be reached; retried with backoff.',
  },
} as const satisfies Record<string, ErrorInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);
