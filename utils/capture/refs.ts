/**
 * Refs: short strings that lead back from a captured item to its element. The registry lives in
 * the page (content script) for as long as the page does; the panel only ever holds the strings.
 */
export class RefRegistry {
  private next = 1;
  private readonly byRef = new Map<string, WeakRef<Element>>();
  private readonly byElement = new WeakMap<Element, string>();

  register(el: Element): string {
    const known = this.byElement.get(el);
    if (known) return known;
    const ref = `r${this.next++}`;
    this.byRef.set(ref, new WeakRef(el));
    this.byElement.set(el, ref);
    return ref;
  }

  resolve(ref: string): Element | undefined {
    const el = this.byRef.get(ref)?.deref();
    return el?.isConnected ? el : undefined;
  }
}
