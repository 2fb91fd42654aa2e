/**
 * Drafts kept in `storage.session`, per tab and per patient: they survive closing and reopening the
 * panel, and are gone when the browser session ends (session storage is held in memory, never
 * written to disk). A draft is stored with the identity of the page it was made from — hashes, not
 * names — and is offered again only on a page that shows the same patient.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { TaskOutputSchema } from '../draft/schema';
import { comparePatients, PageIdentitySchema, type PageIdentity } from '../record/identity';
import { byCodeUnits } from '../numbers';

export const StoredDraftSchema = z.object({
  output: TaskOutputSchema,
  /** The text as the clinician edited it: what Copy and Insert use. */
  text: z.string(),
  /** The page and patient the draft was made for. */
  identity: PageIdentitySchema,
  savedAt: z.string(),
});
export type StoredDraft = z.infer<typeof StoredDraftSchema>;

const prefix = (tabId: number) => `draft:${tabId}:`;
const key = (tabId: number, identity: PageIdentity) => `${prefix(tabId)}${identity.patient.key}`;

export async function saveDraft(tabId: number, draft: Omit<StoredDraft, 'savedAt'>): Promise<void> {
  await browser.storage.session.set({ [key(tabId, draft.identity)]: { ...draft, savedAt: new Date().toISOString() } });
}

/** Every draft kept for this tab, newest first. */
export async function loadDrafts(tabId: number): Promise<StoredDraft[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([name]) => name.startsWith(prefix(tabId)))
    .flatMap(([, value]) => {
      const parsed = StoredDraftSchema.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => byCodeUnits(b.savedAt, a.savedAt));
}

/**
 * The drafts of this tab sorted by whom they belong to, against the page's identity now: `mine`
 * is the newest draft for the patient the page shows; `others` counts drafts for anyone else (or
 * for a patient the page cannot confirm), which are not offered here.
 */
export function sortDrafts(
  drafts: StoredDraft[],
  page: PageIdentity | undefined,
): { mine?: StoredDraft; others: number } {
  if (!page) return { others: drafts.length };
  const mine = drafts.find((d) => comparePatients(d.identity.patient, page.patient) === 'same');
  return { mine, others: drafts.length - (mine ? 1 : 0) };
}

export async function clearDraft(tabId: number, identity: PageIdentity): Promise<void> {
  await browser.storage.session.remove(key(tabId, identity));
}
