/**
 * Drafts kept per tab in `storage.session`: they survive closing and reopening the panel, and are
 * gone when the browser session ends (session storage is held in memory, never written to disk).
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { TaskOutputSchema } from '../draft/schema';

export const StoredDraftSchema = z.object({
  output: TaskOutputSchema,
  /** The text as the clinician edited it: what Copy and Insert use. */
  text: z.string(),
  savedAt: z.string(),
});
export type StoredDraft = z.infer<typeof StoredDraftSchema>;

const key = (tabId: number) => `draft:${tabId}`;

export async function saveDraft(tabId: number, draft: Omit<StoredDraft, 'savedAt'>): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: { ...draft, savedAt: new Date().toISOString() } });
}

export async function loadDraft(tabId: number): Promise<StoredDraft | undefined> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  const parsed = StoredDraftSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function clearDraft(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
