/**
 * What the record builder knows while it reads a page's blocks in order: the record so far, the
 * open section, and the lines waiting for the element that completes them. The builder's modules
 * (sections, items, text, notes, tables, banner) each read and change this one state; none keeps
 * state of its own.
 */
import { emptyRecord, type ItemCategory, type PatientRecord, type SectionReport } from '../../record/schema';
import { pageUrlWithoutSecrets } from '../../record/identity';
import type { BannerField, SectionCategory } from '../classify';
import { NO_HEADING } from '../lines';
import type { NoteDraft } from '../notes';

export interface OpenSection {
  report: SectionReport;
  category: SectionCategory | undefined;
  level: number;
  /** The container the heading opened; content outside it ends the section. */
  scope?: Element;
  /** Notes so far came in containers of their own (articles, list items). */
  containedNotes?: boolean;
  /** Opened by the layout adapter, not by a heading on the page: banner lines may still come. */
  implicit?: boolean;
  hidden?: 'hidden' | 'collapsed';
  /** The heading names a known section: its tables are never re-typed by their column names. */
  named?: boolean;
  /**
   * The tag and class of the styled text that opened the section ("DIV.sub"), when no heading markup did: text in the
   * same style is the next heading ("To do" after "Meds due this shift"), whatever it names.
   */
  headingStyle?: string;
  /** The small box a styled title leads (its title bar): the rest of its text is about the section. */
  titleBox?: Element;
}

/** An element's tag and class: what styled text that stands for a heading has in common with its peers. */
export function styleOf(el: Element, byBox = false): string | undefined {
  const classOf = (e: Element) => (typeof e.className === 'string' ? e.className.trim() : '');
  if (classOf(el)) return `${el.tagName}.${classOf(el)}`;
  // A title without a class of its own is styled by its box's ("<div class="blk__t"><div>Treatment Plan</div>…"). Only
  // where asked: in a list, rows share their box's class with the title's, and each row's first cell would be a title.
  const box = el.parentElement;
  return byBox && box && classOf(box) ? `${box.tagName}.${classOf(box)} > ${el.tagName}` : undefined;
}

/** What reading one block led to: an item, banner fields, a skip for a reason, or a wait for more. */
export type BlockOutcome = 'item' | 'banner' | 'skip' | 'defer';

export interface BuildOptions {
  /** Returns a ref for an element; the content script keeps the mapping back. */
  register: (el: Element) => string;
  /** Whether an element is read at all (false outside the clinician's selection). */
  keep: (el: Element) => boolean;
  /** From the layout adapter: the section of content that no heading introduces… */
  defaultSection?: SectionCategory;
  /** …and the region it applies to (the page's main region, say); the rest is read as usual. */
  defaultScope?: Element | null;
}

export class BuildState {
  readonly record: PatientRecord;
  readonly register: (el: Element) => string;
  readonly keep: (el: Element) => boolean;
  readonly defaultSection?: SectionCategory;
  readonly defaultScope?: Element | null;
  section: OpenSection | undefined;
  readonly counters = new Map<ItemCategory, number>();
  readonly seen = new Set<string>();
  /** Characters of visible text the walk handed over, and where they went. */
  readonly coverage = { visible: 0, typed: 0, kept: 0, banner: 0, skipped: 0 };
  readonly touched = new Set<BlockOutcome>();
  /** Blocks read so far, and the block the last item came from: kept text in consecutive blocks is one passage. */
  blocks = 0;
  lastItemBlock = -1;
  note: NoteDraft | undefined;
  pendingLabel: BannerField | undefined;
  nameCandidate: { text: string; el: Element } | undefined;
  seenClinicalSection = false;
  /** The item last added, so a badge or date shown beside it joins it rather than becoming an item. */
  lastItem: { category: ItemCategory; item: Record<string, string>; el: Element } | undefined;
  /** A vital's or result's name shown in an element of its own, waiting for its value ("Ht" · "171 cm"). */
  pendingMeasure: { category: 'labs' | 'vitals'; text: string; el: Element } | undefined;
  /** A "Label:" line waiting for the value in the next element. */
  pendingItemLabel: { text: string; el: Element } | undefined;
  /** The status a problem list's sub-heading gives to the problems under it. */
  subStatus: string | undefined;

  constructor(doc: Document, options: BuildOptions) {
    this.record = emptyRecord({
      url: pageUrlWithoutSecrets(doc.URL),
      title: doc.title,
      capturedAt: new Date().toISOString(),
    });
    this.register = options.register;
    this.keep = options.keep;
    this.defaultSection = options.defaultSection;
    this.defaultScope = options.defaultScope;
  }

  /** A clinical section has begun: the banner, if the page has one, has been read. */
  get pastBanner(): boolean {
    // A section the layout adapter opened for heading-less pages does not end the banner.
    return this.seenClinicalSection && !this.section?.implicit;
  }

  /** The record list the open section's items go to. */
  get itemCategory(): ItemCategory | undefined {
    const category = this.section?.category;
    if (!category || category === 'patient') return undefined;
    return category === 'encounter' ? 'other' : category;
  }

  /** The heading kept text is filed under. */
  get sectionHeading(): string {
    return this.section?.report.heading || NO_HEADING;
  }

  /** Banner fields are read before the first clinical section, and in patient/encounter sections. */
  get inBannerContext(): boolean {
    const category = this.section?.category;
    if (category === undefined || category === 'patient' || category === 'encounter' || this.section?.implicit)
      return true;
    return category === 'other' && !this.seenClinicalSection;
  }
}
