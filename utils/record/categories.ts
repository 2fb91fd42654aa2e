/**
 * The record's item categories, each described once: what the panel calls it, the heading of its
 * block in what a model is sent, the prefix of its item ids, how a sentence names the list when it
 * has no items, and what the token budget says it left out. The order is `ITEM_CATEGORIES`
 * (schema.ts, with each category's zod schema); this table must name every one of them.
 */
import type { ItemCategory } from './schema';

export interface CategoryInfo {
  /** In the panel: the count buttons and lists. */
  label: string;
  /** The block heading in the text a model is sent. */
  heading: string;
  /** Item ids: `prob-3`, short in citations. */
  idPrefix: string;
  /** "check the … " when the page did not show it. */
  list: string;
  /** What the token budget names when it leaves part of the category out. */
  trimmed: string;
}

export const CATEGORY_INFO = {
  problems: {
    label: 'Problems',
    heading: 'PROBLEMS',
    idPrefix: 'prob',
    list: 'problem list',
    trimmed: 'past problems',
  },
  medications: {
    label: 'Medications',
    heading: 'MEDICATIONS',
    idPrefix: 'med',
    list: 'medication list',
    trimmed: 'stopped medications',
  },
  allergies: { label: 'Allergies', heading: 'ALLERGIES', idPrefix: 'alg', list: 'allergy list', trimmed: 'allergies' },
  vitals: { label: 'Vitals', heading: 'VITALS', idPrefix: 'vit', list: 'vital signs', trimmed: 'older vital signs' },
  labs: { label: 'Labs', heading: 'LABS', idPrefix: 'lab', list: 'results', trimmed: 'older lab results' },
  immunizations: {
    label: 'Immunizations',
    heading: 'IMMUNIZATIONS',
    idPrefix: 'imm',
    list: 'immunization record',
    trimmed: 'immunizations',
  },
  procedures: {
    label: 'Procedures',
    heading: 'PROCEDURES',
    idPrefix: 'proc',
    list: 'procedure history',
    trimmed: 'procedures',
  },
  notes: { label: 'Notes', heading: 'NOTES', idPrefix: 'note', list: 'notes', trimmed: 'notes' },
  messages: { label: 'Messages', heading: 'MESSAGES', idPrefix: 'msg', list: 'messages', trimmed: 'older messages' },
  other: { label: 'Other', heading: 'OTHER', idPrefix: 'oth', list: 'other text', trimmed: 'other items' },
} as const satisfies Record<ItemCategory, CategoryInfo>;
