/**
 * Leaves with a form of their own, read apart from plain text: a form's row (a label that names no control, then its
 * answer) and a title with its subtitle set in <small>.
 */
import { lineOf, partsOf } from './text';
import type { Block } from './walk';

/**
 * A leaf that is a form's row — what stands before its <label> (an item code, "M0066"), the label, and the answer after
 * it — as a text block and a label–value pair; undefined for any other leaf.
 */
export function formRow(el: Element): Block[] | undefined {
  let label: Element | null = el.firstElementChild;
  while (label && label.tagName !== 'LABEL') label = label.nextElementSibling;
  if (!label || (label as HTMLLabelElement).control) return undefined;
  const before: Node[] = [];
  const after: Node[] = [];
  let seen = false;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n === label) seen = true;
    else (seen ? after : before).push(n);
  }
  const name = lineOf(label).replace(/:$/, '');
  const value = partsOf(after).join(' ');
  if (!name || !value) return undefined;
  const code = partsOf(before).join(' ');
  const pairs: Block = { kind: 'pairs', pairs: [{ label: name, value, el }], el };
  return code ? [{ kind: 'text', text: code, parts: [code], el }, pairs] : [pairs];
}

/** A leaf's text without the subtitle set in <small> at its end; the whole text when it has none. */
export function smallSubtitleRemoved(el: Element, text: string): string {
  const last = el.lastElementChild;
  if (last?.tagName !== 'SMALL' || last.nextSibling?.textContent?.trim()) return text;
  const subtitle = lineOf(last);
  return subtitle && text.endsWith(subtitle) ? text.slice(0, -subtitle.length).trim() || text : text;
}
