/**
 * Where a section ends. A heading that opens its container (a card, a document section, a tab
 * panel) scopes its section to that container: content after the container is not part of it.
 * A heading in the middle of a flat page has no container, and its section runs to the next heading.
 */

const PAGE_ROOTS = new Set(['BODY', 'MAIN', 'HTML']);

export function sectionScope(heading: Element): Element | undefined {
  let node: Element = heading;
  for (
    let parent = node.parentElement;
    parent && !PAGE_ROOTS.has(parent.tagName) && parent.firstElementChild === node;
    parent = node.parentElement
  ) {
    node = parent;
  }
  return node === heading ? undefined : node;
}

/** `contains` across the boundaries capture reads through: open shadow roots and same-origin frames. */
export function containsComposed(scope: Element, el: Element): boolean {
  let node: Node | null = el;
  while (node) {
    if (node === scope) return true;
    if (node.nodeType === 11)
      node = (node as ShadowRoot).host ?? null; // shadow root → its host
    else if (node.nodeType === 9)
      node = (node as Document).defaultView?.frameElement ?? null; // frame → its element
    else node = node.parentNode;
  }
  return false;
}
