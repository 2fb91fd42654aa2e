/**
 * The page's header region, as text: where EHRs show whose chart it is. De-identification scans
 * it for the patient's identifiers whatever the reader made of it, so a banner the reader could
 * not parse into fields still tells the de-identifier what to remove.
 */
import { HEADER_MAX_CHARS } from '../record/schema';
import type { Block } from './walk';

/**
 * Elements whose name says they hold the patient's banner or the page header. The page is asked
 * for elements with any id or class and the names are matched here: a substring selector per name
 * (`[class*="patient" i]`, …) costs the browser several times more on a large page.
 */
const NAMED_CANDIDATES = 'header,[role="banner"],[id],[class]';
const HEADER_NAME = /patient|banner|demographic|header/i;

function isHeaderElement(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (cls !== null && HEADER_NAME.test(cls)) return true;
  const id = el.id;
  if (id !== '' && HEADER_NAME.test(id)) return true;
  return el.tagName === 'HEADER' || el.getAttribute('role') === 'banner';
}

/** At most this many named elements are read, outermost first: a header, not every card header. */
const MAX_ELEMENTS = 12;
const MAX_ELEMENT_CHARS = 1_500;
const MAX_WRAPPER_CHARS = 6_000;

/** Collects the header region's text while the page is read. */
export class HeaderText {
  private readonly parts: string[] = [];
  private chars = 0;

  constructor(doc: Document) {
    this.push(doc.title);
    this.pushNamedElements(doc);
  }

  /** A block read before the first clinical section: part of the header region. */
  addBlock(block: Exclude<Block, { kind: 'tick' }>) {
    switch (block.kind) {
      case 'heading':
      case 'text':
        this.push(block.text);
        break;
      case 'pairs':
        for (const pair of block.pairs) this.push(`${pair.label}: ${pair.value}`);
        break;
      case 'list':
        for (const item of block.items) this.push(item.text);
        break;
      case 'table':
        if (block.table.header) this.push(block.table.header.join(' | '));
        for (const row of block.table.rows) this.push(row.cells.map((c) => c.text).join(' | '));
        break;
      default:
        break;
    }
  }

  get text(): string {
    return this.parts.join('\n').slice(0, HEADER_MAX_CHARS);
  }

  private push(text: string | undefined) {
    const clean = text?.trim();
    if (!clean || this.chars >= HEADER_MAX_CHARS) return;
    this.parts.push(clean);
    this.chars += clean.length + 1;
  }

  private pushNamedElements(doc: Document) {
    if (!doc.body) return;
    const found: Element[] = [];
    const candidates = doc.body.querySelectorAll(NAMED_CANDIDATES);
    for (let i = 0; i < candidates.length && found.length < 200; i++)
      if (isHeaderElement(candidates[i])) found.push(candidates[i]);
    let read = 0;
    for (const el of found) {
      if (read >= MAX_ELEMENTS) break;
      // Outermost only: a banner's inner parts are already in its text.
      if (found.some((other) => other !== el && other.contains(el))) continue;
      // A wrapper around the whole chart ("patient-chart") is not a header; what stands above the
      // first section is read from the walk instead.
      if ((el.textContent?.length ?? 0) > MAX_WRAPPER_CHARS) continue;
      if (
        typeof el.checkVisibility === 'function' &&
        el.isConnected &&
        !el.checkVisibility({ visibilityProperty: true })
      )
        continue;
      const text = ((el as HTMLElement).innerText ?? el.textContent ?? '').slice(0, MAX_ELEMENT_CHARS);
      read++;
      this.push(text);
    }
  }
}
