/**
 * Writes to the EHR page, kept apart from the code that reads it: scrolls an element into view
 * and outlines it for a moment. Restores the element's own inline outline afterwards.
 */
const HIGHLIGHT_MS = 2500;
const active = new WeakMap<Element, number>();

export function highlightElement(el: Element): void {
  const html = el as HTMLElement;
  const view = el.ownerDocument.defaultView;
  const reduceMotion = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  // scrollIntoView also scrolls the parent documents of a same-origin frame.
  el.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
  const previousTimer = active.get(el);
  if (previousTimer !== undefined) view?.clearTimeout(previousTimer);
  const { outline, outlineOffset } = html.dataset.chartsideOutline
    ? JSON.parse(html.dataset.chartsideOutline)
    : { outline: html.style.outline, outlineOffset: html.style.outlineOffset };
  html.dataset.chartsideOutline = JSON.stringify({ outline, outlineOffset });
  html.style.outline = '3px solid #f59e0b';
  html.style.outlineOffset = '2px';
  const timer = (view ?? window).setTimeout(() => {
    html.style.outline = outline;
    html.style.outlineOffset = outlineOffset;
    delete html.dataset.chartsideOutline;
    active.delete(el);
  }, HIGHLIGHT_MS);
  active.set(el, timer);
}
