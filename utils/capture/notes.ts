/**
 * Notes and messages as capture reads them: the container a note comes in, and what its lines
 * say about it (title, author, sender, subject, date). The record builder (build/notes.ts) collects the lines.
 */
import type { ItemCategory } from '../record/schema';
import { NAME_LIKE } from './banner';
import { DATE_PATTERN, findDate } from './fields';

/** A note or message being collected, line by line. */
export interface NoteDraft {
  category: 'notes' | 'messages';
  title?: string;
  lines: string[];
  el: Element;
  container: Element | null;
}

export function noteContainer(el: Element): Element | null {
  return el.closest('article, [role="article"], li, [role="listitem"], blockquote');
}

/** The item a collected note becomes: its fields read from its title and labelled lines. */
export function noteItem(
  note: NoteDraft,
): { category: ItemCategory; fields: Record<string, string | undefined>; text: string; el: Element } | undefined {
  if (note.lines.length === 0 && !note.title) return undefined;
  const body = note.lines.join('\n');
  const label = (name: RegExp) =>
    note.lines
      .map((l) => l.match(name)?.[1])
      .find(Boolean)
      ?.trim();
  const date = findDate(note.title ?? '') ?? label(/^(?:date|sent|signed|received)\s*:\s*(.+)$/i) ?? findDate(body);
  const el = note.container ?? note.el;
  const text = body || note.title || '';
  if (note.category === 'notes') {
    const author =
      label(/^(?:author|signed by|electronically signed by|provider)\s*:\s*(.+)$/i) ??
      label(/^(?:electronically )?signed by\s+(.+?)(?:\s+on\s+.+)?$/i) ??
      note.title?.match(
        /\b(?:by|—|–|-)\s*((?:Dr\.?\s+)?[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3}(?:,\s*(?:MD|DO|NP|PA|RN|PA-C|FNP|APRN))?)\s*$/u,
      )?.[1];
    return { category: 'notes', fields: { title: note.title, author, date }, text, el };
  }
  const from =
    label(/^(?:from|sender|sent by)\s*:\s*(.+)$/i) ??
    // Conversations show the sender as a name, often with the time on the same line.
    note.lines
      .map((l) => l.replace(DATE_PATTERN, '').trim())
      .find((l) => NAME_LIKE.test(l.replace(/,\s*(?:MD|DO|NP|PA|RN|PA-C)$/, '')));
  const subject = label(/^(?:subject|re)\s*:\s*(.+)$/i) ?? note.title;
  return { category: 'messages', fields: { from, date, subject }, text, el };
}
