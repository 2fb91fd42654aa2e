/**
 * Notes and messages: lines collected into one note per container (article, list item) or per
 * title, made an item when the next note, section or block kind begins.
 */
import { noteContainer, noteItem } from '../notes';
import { pushItem } from './items';
import type { BuildState } from './state';

export function noteLine(s: BuildState, category: 'notes' | 'messages', text: string, el: Element, listItem: boolean) {
  s.touched.add('defer');
  const container = listItem ? el : noteContainer(el);
  if (container && s.section) s.section.containedNotes = true;
  if (
    container &&
    s.note &&
    !s.note.container &&
    !s.note.title &&
    s.note.lines.length === 1 &&
    s.note.lines[0].length <= 80
  ) {
    // One short line before the first contained message is its title (a thread's subject).
    const title = s.note.lines[0];
    s.note = { category, title, lines: [], el: container, container };
  }
  if (
    s.note &&
    (s.note.category !== category ||
      (container && s.note.container && container !== s.note.container && !s.note.container.contains(container)))
  ) {
    flushNote(s);
  }
  if (!s.note) s.note = { category, lines: [], el: container ?? el, container };
  if (!s.note.container) s.note.container = container;
  s.note.lines.push(text);
}

export function flushNote(s: BuildState) {
  const note = s.note;
  s.note = undefined;
  const item = note && noteItem(note);
  if (item) pushItem(s, item.category, item.fields, item.text, item.el);
}
