/** Visible text of small DOM fragments, with line breaks where the page breaks lines. */
import { SKIPPED_TAGS } from './visibility';

export const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BR',
  'CITE',
  'CODE',
  'DATA',
  'DFN',
  'EM',
  'I',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'FONT',
  'LABEL',
  'INS',
  'DEL',
  'OUTPUT',
]);

const BLOCK_BREAK = new Set([
  'DIV',
  'P',
  'LI',
  'TR',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'BLOCKQUOTE',
  'PRE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TBODY',
  'THEAD',
]);

function isQuietlyHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

const boxCache = new WeakMap<Element, boolean>();
/** Elements of one tag and class share their display nearly always: asked once per class per read. */
const classCache = new Map<string, boolean>();

/** The same for whether an inline tag is set as a block ("small { display: block }"). */
const blockClassCache = new Map<string, boolean>();

/**
 * The key an element's display is cached by: its tag and class, where it has a class and no style of its own (every
 * classless <small> of a page need not be set alike).
 */
function styleClassKey(el: Element): string | undefined {
  return typeof el.className === 'string' && el.className && !el.hasAttribute('style')
    ? `${el.tagName}.${el.className}`
    : undefined;
}

/** Forgets what layout was seen: called at the start of each read (the page's styles may have changed). */
export function resetLayoutCache() {
  classCache.clear();
  blockClassCache.clear();
}

/**
 * An inline element the page's CSS sets as a block, right after text with no space between
 * ("Lisinopril<small>Cough · mild</small>" with `small { display: block }`): the page shows two
 * lines, the markup one word. Asked only where text and element touch, so the style is rarely read.
 */
function isGluedBlock(el: Element): boolean {
  const before = el.previousSibling;
  if (!before || before.nodeType !== 3 || !INLINE_TAGS.has(el.tagName)) return false;
  const data = (before as Text).data;
  if (!data || /\s$/.test(data) || !/^\S/.test(el.textContent ?? '')) return false;
  const byClass = styleClassKey(el);
  let known = byClass ? blockClassCache.get(byClass) : undefined;
  if (known === undefined) {
    const display = el.ownerDocument.defaultView?.getComputedStyle(el).display ?? '';
    known = /^(?:block|flex|grid|list-item|table)/.test(display);
    if (byClass && blockClassCache.size < 5_000) blockClassCache.set(byClass, known);
  }
  return known;
}

/**
 * Flex and grid containers lay their children out as separate boxes even when no white space
 * separates them in the markup (`<span>Recent Labs</span><a>All results</a>`): their text gets a
 * space between children. Asked only where two element children touch, so rarely.
 */
function laysOutChildrenApart(el: Element): boolean {
  let known = boxCache.get(el);
  if (known !== undefined) return known;
  const byClass = styleClassKey(el);
  known = byClass ? classCache.get(byClass) : undefined;
  if (known !== undefined) return known;
  const display = el.ownerDocument.defaultView?.getComputedStyle(el).display ?? '';
  known = /flex|grid/.test(display);
  if (byClass && classCache.size < 5_000) classCache.set(byClass, known);
  else boxCache.set(el, known);
  return known;
}

/** Two element children with text and nothing between them: only then can layout change the text. */
function touchingChildren(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const next = c.nextSibling;
    if (next && next === c.nextElementSibling && c.firstChild && next.firstChild) return true;
  }
  return false;
}

/** Text of a node: whitespace collapsed within lines, a newline per <br> or block boundary. */
export function textOf(node: Node): string {
  // Fast path: most table cells and list items hold a single run of text, no markup.
  if (node.nodeType === 1 && (node as Element).childElementCount === 0) {
    const text = node.textContent ?? '';
    // In preformatted text a newline is a line break; elsewhere it is just white space.
    if ((node as Element).tagName === 'PRE') return text.split('\n').map(collapse).filter(Boolean).join('\n');
    return collapse(text);
  }
  const out: string[] = [];
  // A newline in the markup is white space, except in preformatted text, where it breaks the line.
  let pre = 0;
  const visit = (n: Node) => {
    if (n.nodeType === 3) {
      out.push(pre ? (n as Text).data : (n as Text).data.replace(/[\r\n]+/g, ' '));
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (SKIPPED_TAGS.has(el.tagName) || el.tagName === 'BUTTON' || isQuietlyHidden(el)) return;
    if (el.tagName === 'LABEL' && (el as HTMLLabelElement).control) {
      // A form control's label is UI, unless its box only shows a recorded answer (disabled): then it reads as the
      // page prints a ticked or an empty box ("☒ Diabetes", "☐ Asthma").
      const box = shownChoice((el as HTMLLabelElement).control!);
      if (!box) return;
      out.push(`${box} `);
    }
    if (el.tagName === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK_BREAK.has(el.tagName) || isGluedBlock(el);
    if (block) out.push('\n');
    if (el.tagName === 'TD' || el.tagName === 'TH') out.push(' ');
    const apart = el.childElementCount > 1 && touchingChildren(el) && laysOutChildrenApart(el);
    const isPre = el.tagName === 'PRE' || el.tagName === 'TEXTAREA';
    if (isPre) pre++;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (apart && c.nodeType === 1 && c.previousSibling?.nodeType === 1) out.push(' ');
      visit(c);
    }
    if (isPre) pre--;
    if (block) out.push('\n');
  };
  visit(node);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** "☒" or "☐" for a disabled checkbox or radio button (an answer on display, not a control); undefined otherwise. */
function shownChoice(control: HTMLElement): string | undefined {
  const input = control as HTMLInputElement;
  if (input.tagName !== 'INPUT' || (input.type !== 'checkbox' && input.type !== 'radio') || !input.disabled)
    return undefined;
  return input.checked ? '☒' : '☐';
}

/**
 * Descendants that make textContent differ from the visible text on one line: breaks, blocks
 * (which need a space between them), controls and hidden or non-text elements. Without any,
 * textContent is the text, and native code reads it far faster than a walk in script.
 */
const NOT_PLAIN_TEXT_TAGS = new Set(['BR', 'BUTTON', 'LABEL', 'TD', 'TH', ...SKIPPED_TAGS, ...BLOCK_BREAK]);
function isNotPlainText(el: Element): boolean {
  return NOT_PLAIN_TEXT_TAGS.has(el.tagName) || isQuietlyHidden(el) || isGluedBlock(el);
}

/** Tags a leaf may hold: inline markup, and what is never text anyway. */
const LEAF_TAGS = new Set([...INLINE_TAGS, ...SKIPPED_TAGS, 'BUTTON']);
function isNotInline(el: Element): boolean {
  return !LEAF_TAGS.has(el.tagName);
}

/**
 * Whether any element below `el` passes `test`, in document order. A walk in script over the
 * small subtrees asked about (a cell, a list entry) costs a fraction of one `querySelector` with
 * a long selector list, which every call would parse and match against each descendant.
 */
function someDescendant(el: Element, test: (e: Element) => boolean): boolean {
  let node: Element | null = el.firstElementChild;
  while (node) {
    if (test(node)) return true;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== el && !node.nextElementSibling) node = node.parentElement;
    if (!node || node === el) return false;
    node = node.nextElementSibling;
  }
  return false;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** One line: all whitespace, newlines included, collapsed. */
export function lineOf(node: Node): string {
  if (node.nodeType === 1) {
    const el = node as Element;
    const raw = el.textContent ?? '';
    // No text at all (an icon row, a spacer): nothing to show, whatever the markup (native, so cheap).
    if (el.childElementCount === 0 || !HAS_TEXT.test(raw)) return collapse(raw);
    // Inline markup only: the text is textContent, unless a flex or grid box sets touching children apart.
    if (!someDescendant(el, isNotPlainText) && (!touchingChildren(el) || !laysOutChildrenApart(el)))
      return collapse(raw);
  }
  return textOf(node).replace(/\n/g, ' ');
}

const HAS_TEXT = /\S/;

const isLineBreak = (el: Element) => el.tagName === 'BR';

/** A leaf's text, given its text on one line: that line, unless a <br> or preformatting breaks it into more. */
export function leafText(el: Element, line: string): string {
  return el.tagName === 'PRE' || el.tagName === 'TEXTAREA' || someDescendant(el, isLineBreak) ? textOf(el) : line;
}

/** True when everything inside is inline content: the element reads as one run of text. */
export function isLeaf(el: Element): boolean {
  if (el.childElementCount === 0) return true;
  // Fast path: no descendant at all outside inline markup (one native selector match).
  if (!someDescendant(el, isNotInline)) return true;
  // Otherwise decide by walking: skipped tags and hidden children do not count against a leaf.
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (!INLINE_TAGS.has(c.tagName)) {
      if (SKIPPED_TAGS.has(c.tagName) || c.tagName === 'BUTTON' || isQuietlyHidden(c)) continue;
      return false;
    }
    if (c.firstElementChild && !isLeaf(c)) return false;
  }
  return true;
}

/**
 * The separately marked-up parts of a run of inline content:
 * `<b>DOB:</b> 03/14/1958` gives ["DOB:", "03/14/1958"]. Label/value parsing reads these.
 */
export function partsOf(nodes: Iterable<Node>): string[] {
  const parts: string[] = [];
  for (const n of nodes) {
    if (n.nodeType === 1 && (n as Element).tagName === 'BR') continue;
    const text = n.nodeType === 3 ? (n as Text).data : lineOf(n);
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) parts.push(clean);
  }
  return parts;
}
