/**
 * What the injected capture script does in the EHR page: answers the background's requests.
 * Nothing runs until a request arrives; nothing is sent anywhere but back to the extension.
 */
import { highlightElement } from '../handback/highlight';
import { insertText, trackEditableFocus } from '../handback/insert';
import { createListener, PageRequestSchema, type Handlers, type PageRequest } from '../messaging';
import { PatientRecordSchema } from '../record/schema';
import { describeUnknownError, fail, ok } from '../result';
import { captureRecord } from './capture';
import { RefRegistry } from './refs';

export const AGENT_VERSION = '1';

export function createPageAgent(doc: Document) {
  const refs = new RefRegistry();
  const chosenField = trackEditableFocus(doc);
  const handlers: Handlers<PageRequest, undefined> = {
    'page:ping': async () => ok({ version: AGENT_VERSION }),
    'page:selection': async () => {
      const selection = doc.getSelection();
      const characters = selection && !selection.isCollapsed ? selection.toString().trim().length : 0;
      return ok({ hasSelection: characters > 0, characters });
    },
    'page:capture': async ({ selectionOnly }) => {
      if (!doc.body) return fail('no-content', 'This page has no content Chartside can read yet. Wait for it to load, then try again.');
      try {
        const record = await captureRecord(doc, { selectionOnly, register: (el) => refs.register(el) });
        // Validate here, at the boundary, so a capture bug shows up as a clear error, not a broken panel.
        const checked = PatientRecordSchema.safeParse(record);
        if (!checked.success) return fail('capture-invalid', 'Chartside could not make sense of this page.', checked.error.message.slice(0, 500));
        return ok(checked.data);
      } catch (error) {
        return fail('capture-failed', 'Chartside could not read this page. Reload it and try again.', describeUnknownError(error));
      }
    },
    'page:insert': async ({ text }) => {
      const field = chosenField();
      if (!field) return fail('no-field', 'Click into the text field on the page where the draft should go (for example the reply box), then press “Insert into page” again.');
      return ok({ field: insertText(field, text) });
    },
    'page:highlight': async ({ ref }) => {
      const el = refs.resolve(ref);
      if (!el) return ok({ found: false });
      highlightElement(el);
      return ok({ found: true });
    },
  };
  return createListener(PageRequestSchema, handlers, () => undefined);
}
