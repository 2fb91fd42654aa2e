/**
 * What the page showed of each category: absent is not none. A record with no allergy items may
 * come from a page that said "No Known Allergies", from a page whose allergy card was collapsed, or
 * from a page that has no allergy section at all — three different things for a clinician, and
 * every consumer (panel, offline engine, model prompt, verification) says which one it was.
 */
import type { ItemCategory, PatientRecord } from './schema';
import { CATEGORY_INFO } from './categories';

export type CategoryState =
  /** The page listed items, and they were read. */
  | 'shown'
  /** The page said there are none, in its own words ("No Known Allergies", "None recorded"). */
  | 'empty'
  /** The section is on the page but closed or hidden: not read. */
  | 'collapsed'
  /** A heading for it is on the page, but nothing under it could be read as an item. */
  | 'unread'
  /** This page does not show the category at all. */
  | 'absent';

export function categoryState(record: PatientRecord, category: ItemCategory): CategoryState {
  if ((record[category] as unknown[]).length) return 'shown';
  const sections = record.capture.sections.filter((s) => s.category === category);
  if (sections.some((s) => s.state === 'empty')) return 'empty';
  if (sections.some((s) => s.state === 'collapsed' || s.state === 'hidden')) return 'collapsed';
  if (sections.length) return 'unread';
  return 'absent';
}

/**
 * One line for a category with no items, saying which kind of nothing it is — never "none" for a
 * section that was not read. `label` is how the category is written in the sentence ("Allergies").
 */
export function describeMissing(record: PatientRecord, category: ItemCategory, label: string): string {
  const list = CATEGORY_INFO[category].list;
  switch (categoryState(record, category)) {
    case 'empty':
      return `${label}: none, as the page states.`;
    case 'collapsed':
      return `${label}: not read — the section is collapsed or hidden on the page; open it and read the page again.`;
    case 'unread':
      return `${label}: on the page, but Chartside could read nothing under the heading — check the ${list}.`;
    case 'absent':
    case 'shown':
      return `${label}: not on this page — check the ${list}.`;
  }
}
