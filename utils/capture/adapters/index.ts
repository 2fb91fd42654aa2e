/**
 * Layout adapters: one EHR layout family a file, each with its own detection. An adapter narrows
 * where the generic reader starts (skipping app chrome); the generic reader does the rest, so a
 * page no adapter recognises is still read.
 */
export interface LayoutAdapter {
  name: string;
  /** A cheap predicate on the document: does this page use the layout? */
  detect(doc: Document): boolean;
  /** Where the chart content starts; the whole body when absent. */
  root?(doc: Document): Element | null;
}

const adapters: LayoutAdapter[] = [];

export function findAdapter(doc: Document): LayoutAdapter | undefined {
  return adapters.find((adapter) => adapter.detect(doc));
}
