/**
 * Layout adapters: one EHR layout family a file, each with a cheap detection predicate kept apart
 * from what it changes. An adapter names the layout (shown in the panel), may narrow where
 * heading-less content belongs to, and where such content sits; the generic
 * reader does the rest, so a page no adapter recognises is still read.
 */
import type { SectionCategory } from '../classify';
import { appGrid } from './app-grid';
import { cardDashboard } from './card-dashboard';
import { ccdaDocument } from './ccda-document';
import { freeTextNote } from './free-text-note';
import { messageThread } from './message-thread';
import { tabbedChart } from './tabbed-chart';

export interface LayoutAdapter {
  name: string;
  /** A cheap predicate on the document: does this page use the layout? */
  detect(doc: Document): boolean;
  /**
   * The region `defaultSection` applies to (the whole body when absent). Never narrows the walk:
   * everything on the page is read whatever layout matched.
   */
  root?(doc: Document): Element | null;
  /** The section content belongs to when the page shows no section heading before it. */
  defaultSection?: SectionCategory;
}

/** Most specific first: the first adapter whose detection matches is used. */
export const ADAPTERS: LayoutAdapter[] = [
  tabbedChart,
  ccdaDocument,
  messageThread,
  freeTextNote,
  cardDashboard,
  appGrid,
];

export function findAdapter(doc: Document): LayoutAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.detect(doc));
}
