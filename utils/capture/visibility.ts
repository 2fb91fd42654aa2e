/**
 * What the clinician can see. Capture reads only rendered content: a record built from hidden
 * DOM would summarise things the clinician never saw on screen.
 */

export type Visibility = 'visible' | 'hidden' | 'collapsed';

/** Elements whose content is never chart text. */
export const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'SVG',
  'CANVAS',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'EMBED',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'META',
  'LINK',
  'HEAD',
  'MATH',
  'DIALOG',
  // Elements outside the HTML namespace keep their own case in tagName.
  'svg',
  'math',
]);

/**
 * Page chrome, not chart. Navigation repeats section names ("Problems", "Medications") as links;
 * reading it would invent sections. Tab strips are navigation too: the tab *panel* holds the
 * content. Footers hold legal and help text that would otherwise join the last section.
 */
export function isPageChrome(el: Element): boolean {
  if (el.tagName === 'NAV' || el.tagName === 'FOOTER') return true;
  const role = el.getAttribute('role');
  return (
    role === 'navigation' ||
    role === 'tablist' ||
    role === 'menu' ||
    role === 'menubar' ||
    role === 'toolbar' ||
    role === 'contentinfo'
  );
}

/**
 * A page without a layout engine (happy-dom in unit tests, a document still being parsed) reports
 * zero sizes everywhere; size-based checks must then be skipped, not trusted.
 */
export function hasLayout(doc: Document): boolean {
  const body = doc.body as HTMLElement | null;
  if (!body) return false;
  return body.offsetHeight > 0 || body.offsetWidth > 0 || (body.textContent ?? '').trim() === '';
}

/** One options object for every call: the check runs on most elements of a page. */
const VISIBILITY_PROPERTY = { visibilityProperty: true } as const;

/**
 * @param panel also probe for panels collapsed to zero height (costs a layout read); rows and list
 * entries are never such panels, so their callers pass false.
 */
export function visibilityOf(el: Element, layout: boolean, panel = true): Visibility {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return 'hidden';
  if ((el as HTMLElement).inert) return 'hidden';
  if (el.tagName === 'DETAILS' && !el.hasAttribute('open')) return 'visible'; // summary visible, rest collapsed; handled by walker
  const view = el.ownerDocument.defaultView;
  if (layout && typeof el.checkVisibility === 'function') {
    if (!el.checkVisibility(VISIBILITY_PROPERTY)) {
      // display:contents has no box of its own but its children render.
      return view?.getComputedStyle(el).display === 'contents' ? 'visible' : 'hidden';
    }
  } else if (view) {
    const style = view.getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') {
      return 'hidden';
    }
  }
  if (panel && layout && el.firstElementChild) {
    // Accordion panels often collapse to height 0 with overflow hidden rather than display:none.
    const html = el as HTMLElement;
    if (html.offsetHeight === 0 && html.scrollHeight > 0 && view) {
      const overflow = view.getComputedStyle(el).overflowY;
      if (overflow === 'hidden' || overflow === 'clip') return 'collapsed';
    }
  }
  return 'visible';
}

/** Elements the page marks as a collapsed disclosure (closed accordion, collapsed card body). */
export function looksCollapsed(el: Element): boolean {
  if (el.tagName === 'DETAILS') return !el.hasAttribute('open');
  const cls = typeof el.className === 'string' ? el.className : '';
  if (/\bcollaps(e|ed|ible)\b/i.test(cls)) return true;
  const id = el.id;
  if (id) {
    const controller = el.ownerDocument.querySelector(`[aria-controls="${CSS.escape(id)}"]`);
    if (controller?.getAttribute('aria-expanded') === 'false') return true;
  }
  return false;
}
