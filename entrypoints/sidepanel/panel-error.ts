import { browser } from 'wxt/browser';
import type { PageIdentity } from '../../utils/record/identity';
import type { AppError } from '../../utils/result';

/** The panel's one way to message the background (typed by askBackground in utils/messaging.ts). */
export const send = (message: unknown) => browser.runtime.sendMessage(message);

/** A record made outside a page has no identity: it matches no page, so writes ask first. */
export const NO_IDENTITY: PageIdentity = { url: '', documentId: '', patient: { name: [], ids: [], key: 'none' } };

/** An error value thrown through React Query, so a mutation's failure keeps its code and message. */
export class PanelError extends Error {
  constructor(
    readonly appError: AppError,
    /** Text a model sent before the failure: shown, never thrown away. */
    readonly partial?: string,
  ) {
    super(appError.message);
  }
}

/** Every failure reaches the clinician: our own errors as they are, anything unexpected as such. */
export function panelErrorOf(error: unknown, unexpected: string): PanelError | undefined {
  if (!error) return undefined;
  if (error instanceof PanelError) return error;
  return new PanelError({ code: 'internal', message: unexpected, detail: String(error) });
}
