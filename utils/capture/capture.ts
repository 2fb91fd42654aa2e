/**
 * Page → PatientRecord. Reads the blocks the walker yields, keeps track of which section each
 * belongs to, and turns tables, lists, label/value pairs and text into typed record items.
 *
 * This runs inside the EHR page (content script) and in unit tests (happy-dom); it never touches
 * the network and never writes to the page.
 */
import {
  emptyRecord,
  type ItemCategory,
  type PatientRecord,
  type SectionReport,
} from '../record/schema';
import { toIsoDate } from '../record/dates';
import { isPatientIdentified, newDocumentId, pageUrlWithoutSecrets, patientKeyOf } from '../record/identity';
import { findAdapter } from './adapters';
import {
  classifyHeading,
  classifyLabel,
  isEmptyState,
  isSectionTitle,
  normalise,
  titleBeforeDash,
  type BannerField,
  type SectionCategory,
} from './classify';
import {
  DATE_PATTERN,
  findDate,
  parseAllergy,
  parseLab,
  parseMedication,
  parseNamedEvent,
  parseProblem,
  parseVital,
  splitValueUnit,
} from './fields';
import { NAME_LIKE, NOT_A_NAME, isPatientField, readIdentifiers, splitInlineLabels, unlabelledBannerParts } from './banner';
import {
  CONTROL_TEXT,
  DATE_FIELD,
  FRAGMENT_REACH,
  ITEM_FRAGMENT,
  MAX_PASSAGE_CHARS,
  META_LINE,
  NO_HEADING,
  RESOLVED_WORDS,
  STATUS_FIELD,
  STATUS_SUBHEADING,
  blockChars,
  isNavigation,
  labelValueCells,
  nearAncestor,
  withoutDates,
} from './lines';
import { containsComposed, sectionScope } from './scope';
import { HeaderText } from './header';
import { noteContainer, noteItem, type NoteDraft } from './notes';
import { flowsheetItems, vitalsByTimeItems } from './table-shapes';
import { isFlowsheet, mapColumns, type TableData } from './tables';
import { resetLayoutCache } from './text';
import { hasLayout } from './visibility';
import { walk, type Block, type WalkReport } from './walk';

export interface CaptureOptions {
  /** Read only what intersects the page's current text selection. */
  selectionOnly?: boolean;
  /** Returns a ref for an element; the content script keeps the mapping back. */
  register: (el: Element) => string;
  /** Hands the main thread back to the page between slices of work. */
  yieldToPage?: () => Promise<void>;
  /** Longest slice of uninterrupted work, in ms. */
  sliceMs?: number;
  /** Stop (with a message) after this many elements. */
  maxElements?: number;
  /** Stop (with a message) after this long, in ms. */
  timeLimitMs?: number;
  clock?: () => number;
  /** Stop at the first clinical section: enough to tell whose chart this is, cheaply. */
  bannerOnly?: boolean;
  /** The page agent's id for this document; makes the record's page identity. */
  documentId?: string;
}

/** "Heart Rate: 60" in a line of several labelled readings: a label of one or two words, a colon, a number. */
const LABELLED_READING = /([A-Z][\w₂.]+(?: [A-Z][a-z][\w₂.]*)?):\s*([<>]?\d.*?)(?=\s+[A-Z][\w₂.]+(?: [A-Z][a-z][\w₂.]*)?:\s*[<>]?\d|$)/g;

/** Rows of a long table handed to the builder between pauses. */
const TABLE_CHUNK_ROWS = 200;

const ID_PREFIX: Record<ItemCategory, string> = {
  problems: 'prob', medications: 'med', allergies: 'alg', vitals: 'vit', labs: 'lab',
  immunizations: 'imm', procedures: 'proc', notes: 'note', messages: 'msg', other: 'oth',
};

function yieldViaMessageChannel(): Promise<void> {
  // Timers are throttled to 1/s in background tabs; a message-channel task is not.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

interface OpenSection {
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
}


class RecordBuilder {
  readonly record: PatientRecord;
  private section: OpenSection | undefined;
  private readonly counters = new Map<ItemCategory, number>();
  private readonly seen = new Set<string>();
  /** Characters of visible text the walk handed over, and where they went. */
  readonly coverage = { visible: 0, typed: 0, kept: 0, banner: 0, skipped: 0 };
  /** What the block being read led to: an item, banner fields, a skip for a reason, or a wait for more. */
  private touched = new Set<'item' | 'banner' | 'skip' | 'defer'>();
  /** Blocks read so far, and the block the last item came from: kept text in consecutive blocks is one passage. */
  private blocks = 0;
  private lastItemBlock = -1;
  private note: NoteDraft | undefined;
  private pendingLabel: BannerField | undefined;
  private nameCandidate: { text: string; el: Element } | undefined;
  private seenClinicalSection = false;
  /** The item last added, so a badge or date shown beside it joins it rather than becoming an item. */
  private lastItem: { category: ItemCategory; item: Record<string, string>; el: Element } | undefined;
  /** A vital's or result's name shown in an element of its own, waiting for its value ("Ht" · "171 cm"). */
  private pendingMeasure: { category: 'labs' | 'vitals'; text: string; el: Element } | undefined;
  /** A "Label:" line waiting for the value in the next element. */
  private pendingItemLabel: { text: string; el: Element } | undefined;
  /** The status a problem list's sub-heading gives to the problems under it. */
  private subStatus: string | undefined;

  constructor(
    doc: Document,
    private readonly register: (el: Element) => string,
    private readonly keep: (el: Element) => boolean,
    /** From the layout adapter: the section of content that no heading introduces. */
    private readonly defaultSection?: SectionCategory,
    /** …and the region it applies to (the page's main region, say); the rest is read as usual. */
    private readonly defaultScope?: Element | null,
  ) {
    this.record = emptyRecord({ url: pageUrlWithoutSecrets(doc.URL), title: doc.title, capturedAt: new Date().toISOString() });
  }

  /** A clinical section has begun: the banner, if the page has one, has been read. */
  get pastBanner(): boolean {
    // A section the layout adapter opened for heading-less pages does not end the banner.
    return this.seenClinicalSection && !this.section?.implicit;
  }

  add(block: Exclude<Block, { kind: 'tick' }>) {
    const chars = blockChars(block);
    this.blocks++;
    this.coverage.visible += chars;
    this.touched.clear();
    const before = this.coverage.typed + this.coverage.kept + this.coverage.skipped;
    this.read(block);
    const rest = Math.max(0, chars - (this.coverage.typed + this.coverage.kept + this.coverage.skipped - before));
    if (!rest || this.touched.has('defer')) return; // deferred text is counted when its item is made
    if (this.touched.has('banner')) this.coverage.banner += rest;
    else if (this.touched.has('skip')) this.coverage.skipped += rest;
    else if (!this.touched.has('item')) this.keepAsText(block); // nothing silently lost: what fits nowhere is kept as text
  }

  /** A block that became nothing else, kept as text under its heading. */
  private keepAsText(block: Exclude<Block, { kind: 'tick' }>) {
    const heading = this.section?.report.heading || NO_HEADING;
    const lines: Array<[string, Element]> =
      block.kind === 'text' ? [[normalise(block.text), block.el]]
      : block.kind === 'list' ? block.items.map((i) => [normalise(i.text), i.el] as [string, Element])
      : block.kind === 'pairs' ? block.pairs.map((p) => [`${p.label}: ${p.value}`, p.el] as [string, Element])
      : block.kind === 'table' ? block.table.rows.map((r) => [r.cells.map((c) => c.text).filter(Boolean).join(' · '), r.el] as [string, Element])
      : [];
    for (const [text, el] of lines) if (text && this.keep(el)) this.push('other', { heading }, text, el);
  }

  private read(block: Exclude<Block, { kind: 'tick' }>) {
    if (block.kind !== 'text') this.pendingLabel = undefined;
    const section = this.section;
    const outsideScope = section?.scope && block.kind !== 'heading' && !containsComposed(section.scope, block.el);
    // Notes that came in containers of their own (articles, list items) end where those do.
    const afterContainedNotes = section?.containedNotes && (block.kind === 'text' || block.kind === 'table' || block.kind === 'pairs') && !noteContainer(block.el);
    if (outsideScope || afterContainedNotes) {
      this.flushNote();
      this.closeSection();
    }
    if (block.kind !== 'text') {
      this.flushMeasure();
      this.flushItemLabel();
    }
    switch (block.kind) {
      case 'heading':
        return this.heading(block.text, block.level, block.el, block.implied);
      case 'hidden':
        return this.hidden(block.state, block.heading);
      case 'table':
        return this.table(block.table);
      case 'list':
        this.countHidden(block.hiddenItems);
        for (const item of block.items) if (this.keep(item.el)) this.text(item.text, [item.text], item.el, true);
        return;
      case 'pairs':
        return this.pairs(block.pairs);
      case 'text':
        if (this.keep(block.el)) this.text(block.text, block.parts, block.el, false);
        return;
    }
  }

  finish(): PatientRecord {
    this.flushMeasure();
    this.flushItemLabel();
    this.flushNote();
    this.closeSection();
    const patient = this.record.patient;
    if (!patient.name && this.nameCandidate && (patient.birthDate || patient.identifiers.length)) {
      patient.name = this.nameCandidate.text;
      patient.ref ??= this.register(this.nameCandidate.el);
    }
    return this.record;
  }

  // ---- sections ---------------------------------------------------------------------------

  private get itemCategory(): ItemCategory | undefined {
    const category = this.section?.category;
    if (!category || category === 'patient') return undefined;
    return category === 'encounter' ? 'other' : category;
  }

  /** Banner fields are read before the first clinical section, and in patient/encounter sections. */
  private inBannerContext(): boolean {
    const category = this.section?.category;
    if (category === undefined || category === 'patient' || category === 'encounter' || this.section?.implicit) return true;
    return category === 'other' && !this.seenClinicalSection;
  }

  private heading(text: string, level: number, el: Element, implied = false) {
    const current = this.section;
    if (current?.category === 'problems' && this.statusSubheading(text)) return;
    // Title-like text that is not heading markup and names one item, not a section ("Allergy to
    // grass pollen" in an allergy card), is an item of the section it sits in.
    // ("LAST OFFICE NOTE - 06/10/2025 - …": the title before its dash decides.)
    if (implied && current && current.category !== 'other' && current.category !== 'patient' && !isSectionTitle(titleBeforeDash(text))) {
      const named = classifyHeading(text);
      // Another category's title outside the open section's container starts that section.
      const elsewhere = named && named !== current.category && current.scope && !containsComposed(current.scope, el);
      if (!elsewhere) return this.text(text, [text], el, false);
    }
    // Inside notes and messages, deeper headings title the next note, whatever words they use.
    // (A section the layout adapter assumed for a heading-less page gives way to a real one.)
    const named = classifyHeading(text);
    const realSection = current?.implicit && named && named !== current.category && named !== 'other' && isSectionTitle(text);
    if (current && (current.category === 'notes' || current.category === 'messages') && level > current.level && !realSection) {
      this.flushNote();
      this.note = { category: current.category, title: text, lines: [], el, container: noteContainer(el) };
      return;
    }
    let category = classifyHeading(text);
    // A document's own title ("Community Hospital: Discharge Summary (September 17, 2014)") comes
    // before its header and names the document, not a section: what follows is its header.
    if (!current && level <= 1 && !this.seenClinicalSection && category && !isSectionTitle(text)) category = 'patient';
    if (!category && !current && NAME_LIKE.test(text.replace(/\s*\(.*\)\s*$/, '')) && !NOT_A_NAME.test(text)) {
      this.nameCandidate = { text: text.replace(/\s*\(.*\)\s*$/, ''), el };
      return;
    }
    if (level === 7 && current && category === current.category) return; // a caption repeating its section
    this.openSection(text, category ?? 'other', level, sectionScope(el), category !== undefined);
  }

  private openSection(heading: string, category: SectionCategory, level: number, scope?: Element, named = false) {
    this.flushItemLabel();
    this.flushNote();
    this.closeSection();
    if (category !== 'other' && category !== 'patient' && category !== 'encounter') this.seenClinicalSection = true;
    const report: SectionReport = { heading: normalise(heading), category, count: 0, state: 'read' };
    this.record.capture.sections.push(report);
    this.section = { report, category, level, scope, named };
    this.lastItem = undefined;
    this.subStatus = undefined;
  }

  private closeSection() {
    const section = this.section;
    if (section && section.report.count === 0 && section.report.state === 'read' && section.hidden) {
      section.report.state = section.hidden;
    }
    this.section = undefined;
  }

  private hidden(state: 'hidden' | 'collapsed', heading: string | undefined) {
    this.flushNote(); // the open note counts before we judge whether the section is empty
    const sameSection = heading && this.section && (normalise(heading) === this.section.report.heading || classifyHeading(heading) === this.section.category) && this.section.report.count === 0;
    if (heading && !sameSection) {
      const category = classifyHeading(heading) ?? 'other';
      this.record.capture.sections.push({ heading: normalise(heading), category, count: 0, state });
      return;
    }
    if (this.section) this.section.hidden = state;
  }

  // ---- items ------------------------------------------------------------------------------

  private nextId(category: ItemCategory): string {
    const n = (this.counters.get(category) ?? 0) + 1;
    this.counters.set(category, n);
    return `${ID_PREFIX[category]}-${n}`;
  }

  /** Adds an item unless the same text was already captured in the same category. */
  private push(category: ItemCategory, fields: Record<string, string | undefined>, text: string, el: Element) {
    const key = `${category}\u0000${normalise(text).toLowerCase()}`;
    this.touched.add('item');
    // Text outside any section comes in runs (a site header, an app shell's labels): one passage
    // per run, not an item per line.
    const last = this.lastItem;
    if (category === 'other' && fields.heading === NO_HEADING && last?.category === 'other' && last.item.heading === NO_HEADING && last.item.text.length < MAX_PASSAGE_CHARS && this.lastItemBlock >= this.blocks - 1) {
      const line = normalise(text);
      last.item.text = `${last.item.text} · ${line}`;
      this.coverage.kept += line.length;
      return;
    }
    if (this.seen.has(key)) {
      // The same entry again (a vaccine given twice): its badge and date belong to it, not to the
      // entry before, and are not items of their own.
      this.lastItem = { category, item: { text: '' }, el };
      this.coverage.skipped += normalise(text).length; // shown twice, read once
      return;
    }
    this.seen.add(key);
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
    // Notes and messages keep their line breaks; everything else is one line.
    const shown = category === 'notes' || category === 'messages' ? text.split('\n').map(normalise).filter(Boolean).join('\n') : normalise(text);
    if (category === 'other') this.coverage.kept += shown.length;
    else this.coverage.typed += shown.length;
    const item = { ...clean, id: this.nextId(category), text: shown, ref: this.register(el) };
    (this.record[category] as unknown[]).push(item);
    this.lastItem = { category, item: item as Record<string, string>, el };
    this.lastItemBlock = this.blocks;
    if (this.section) this.section.report.count++;
  }

  /** "Allergies: Codeine (nausea); Peanut (anaphylaxis)" in the banner: the allergy list, shown there. */
  private bannerAllergies(value: string, el: Element) {
    const report: SectionReport = { heading: 'Allergies (patient banner)', category: 'allergies', count: 0, state: 'read' };
    this.record.capture.sections.push(report);
    if (isEmptyState(value)) {
      report.state = 'empty';
      return;
    }
    const before = this.record.allergies.length;
    for (const part of value.split(/\s*;\s*|,\s+(?![^()]*\))/)) {
      if (!part || !/\p{L}{2}/u.test(part)) continue; // "Allergies: 3" is a count badge, not an allergy
      const parsed = parseAllergy(part);
      this.push('allergies', { ...parsed }, part, el);
    }
    report.count = this.record.allergies.length - before;
  }

  /** "Resolved Concerns" under a problem list: the status of the problems that follow, not a problem. */
  private statusSubheading(text: string): boolean {
    const m = normalise(text).match(STATUS_SUBHEADING);
    if (!m) return false;
    this.subStatus = RESOLVED_WORDS.test(m[1]) ? 'resolved' : 'active';
    this.touched.add('item');
    return true;
  }

  /** A status badge or date in an element of its own, right beside the item it belongs to. */
  private joinFragment(category: ItemCategory, text: string, el: Element): boolean {
    const last = this.lastItem;
    if (!last || last.category !== category || category === 'notes' || category === 'messages' || category === 'other') return false;
    const status = ITEM_FRAGMENT.test(text);
    const date = !status && toIsoDate(text) !== undefined && text.replace(DATE_PATTERN, '').replace(/^(?:given|on|since|onset|recorded|noted|started)\b/i, '').trim() === '' ? findDate(text) : undefined;
    if (!status && !date) return false;
    if (!nearAncestor(last.el, el, FRAGMENT_REACH)) return false;
    const field = status ? STATUS_FIELD[category] : DATE_FIELD[category];
    if (field && !last.item[field]) last.item[field] = status ? text.toLowerCase() : date!;
    last.item.text = `${last.item.text} · ${text}`;
    this.touched.add('item');
    this.coverage.typed += text.length;
    return true;
  }

  private flushItemLabel() {
    const label = this.pendingItemLabel;
    this.pendingItemLabel = undefined;
    if (label) this.push('other', { heading: this.section?.report.heading || NO_HEADING }, label.text, label.el);
  }

  private flushMeasure() {
    const pending = this.pendingMeasure;
    this.pendingMeasure = undefined;
    // A name with no value beside it ("BP Sys" on a card with no reading) is kept as text.
    if (pending) this.push('other', { heading: this.section?.report.heading || NO_HEADING }, pending.text, pending.el);
  }

  /** Builds a typed item from a line of text plus any fields a table gave explicitly. */
  private item(category: ItemCategory, text: string, el: Element, given: Record<string, string> = {}) {
    const primary = (field: string) => given[field] ?? text;
    switch (category) {
      case 'problems': {
        const parsed = parseProblem(primary('name'));
        return this.push(category, { ...parsed, ...given, name: parsed.name, status: given.status ?? parsed.status ?? this.subStatus }, text, el);
      }
      case 'medications': {
        const parsed = parseMedication(primary('name'));
        // With its own dose column, the table's name cell is the name as written ("… 160-4.5 mcg inhaler").
        const name = given.name && given.dose ? normalise(given.name) : parsed.name;
        return this.push(category, { ...parsed, ...given, name }, text, el);
      }
      case 'allergies': {
        const parsed = parseAllergy(primary('substance'));
        return this.push(category, { ...parsed, ...given, substance: parsed.substance }, text, el);
      }
      case 'labs':
        return this.measurement(category, 'test', given, text, el, parseLab);
      case 'vitals':
        return this.measurement(category, 'name', given, text, el, parseVital);
      case 'immunizations':
      case 'procedures': {
        const parsed = parseNamedEvent(primary('name'));
        return this.push(category, { ...parsed, ...given, name: parsed.name }, text, el);
      }
      case 'notes':
      case 'messages':
        return this.push(category, { ...given, date: given.date ?? findDate(text) }, text, el);
      case 'other':
        return this.other(text, el);
    }
  }

  /**
   * A lab or a vital: a value with its unit. From a table, the value cell is split into value,
   * unit and flag; from text, the whole line is parsed. A line with no value is kept as `other`.
   */
  private measurement(
    category: 'labs' | 'vitals',
    nameField: 'test' | 'name',
    given: Record<string, string>,
    text: string,
    el: Element,
    parse: (text: string) => Record<string, string | undefined> | undefined,
  ) {
    if (given[nameField] && given.value) {
      const split = splitValueUnit(given.value);
      const flag = category === 'labs' ? (given.flag ?? split.flag) : undefined;
      return this.push(category, { ...given, value: split.value, unit: given.unit ?? split.unit, flag }, text, el);
    }
    // A result with an empty value cell has no result yet: never read one out of its date ("06:00").
    const parsed = /\d|\b(?:positive|negative|detected|reactive|trace)\b/i.test(withoutDates(text)) ? parse(text) : undefined;
    if (!parsed) return this.other(text, el);
    return this.push(category, { ...parsed, ...given, time: given.time ?? findDate(text) }, text, el);
  }

  /** Text that belongs to the page's chart but fits no typed list: kept under its section heading. */
  private other(text: string, el: Element) {
    return this.push('other', { heading: this.section?.report.heading || NO_HEADING }, text, el);
  }

  private countHidden(entries: number) {
    if (this.section && entries) this.section.report.hiddenItems = (this.section.report.hiddenItems ?? 0) + entries;
  }

  private text(text: string, parts: string[], el: Element, listItem: boolean) {
    if (CONTROL_TEXT.test(normalise(text)) || /^[=\-_~*]{3,}$/.test(normalise(text))) return void this.touched.add('skip');
    if (this.pendingMeasure && !(this.itemCategory === 'labs' || this.itemCategory === 'vitals')) this.flushMeasure();
    if (this.inBannerContext()) {
      const lines = text.split('\n');
      if (lines.length > 1 ? lines.map((line) => this.banner(line, [line], el)).some(Boolean) : this.banner(text, parts, el)) return;
    }
    if (isEmptyState(normalise(text))) {
      this.touched.add('banner'); // the page's own "none": read into the section's state
      if (this.section && this.section.report.count === 0) this.section.report.state = 'empty';
      return;
    }
    if (!this.section && this.defaultSection && (!this.defaultScope || containsComposed(this.defaultScope, el))) {
      this.openSection(`${this.defaultSection} (whole page)`, this.defaultSection, 0);
      this.section!.implicit = true;
    }
    const category = this.seenClinicalSection || this.section?.category !== 'other' ? this.itemCategory : undefined;
    if (!category) {
      if (!this.seenClinicalSection && NAME_LIKE.test(text) && !NOT_A_NAME.test(text)) {
        this.nameCandidate = { text, el };
        this.touched.add('banner');
        return;
      }
      // Visible text that fits no section is kept as text, never dropped (menus are navigation).
      const navigation = isNavigation(el);
      if (navigation) this.touched.add('skip');
      if (this.section?.category !== 'patient' && !navigation) this.push('other', { heading: this.section?.report.heading || NO_HEADING }, normalise(text), el);
      return;
    }
    if (category === 'notes' || category === 'messages') {
      for (const line of text.split('\n')) this.noteLine(category, line, el, listItem);
      return;
    }
    const line = normalise(text);
    if (category === 'problems' && this.statusSubheading(line)) return;
    // "Last reviewed 06/03/2025 by …", "7 active": about the list, not in it; kept as text.
    if (META_LINE.test(line)) return this.other(line, el);
    // "Patient priority:" then "high priority": a label and its value, about an item, not one.
    if (this.pendingItemLabel) {
      const label = this.pendingItemLabel;
      this.pendingItemLabel = undefined;
      return this.other(`${label.text} ${line}`, el);
    }
    if (/^[^:]{1,40}:$/.test(line)) {
      this.pendingItemLabel = { text: line, el };
      this.touched.add('defer');
      return;
    }
    // A date or time alone beside results is when they were taken, not a result.
    if ((category === 'labs' || category === 'vitals') && /\d/.test(line) && !/\d/.test(withoutDates(line))) return this.other(line, el);
    if (this.joinFragment(category, line, el)) return;
    // "BP: 134/82 mmHg   Pulse: 58   Temp: 97.9 F": several labelled readings on one line.
    const labelled = (category === 'labs' || category === 'vitals') && parts.length === 1 ? [...line.matchAll(LABELLED_READING)].map((m) => m[0]) : [];
    if (labelled.length > 1 && labelled.join(' ').length === line.length) {
      for (const part of labelled) this.item(category, part, el);
      return;
    }
    // "BP 128/74 · HR 96 · Temp 37.0 °C": several readings in one line, each in a part of its own.
    if ((category === 'labs' || category === 'vitals') && parts.length > 1 && parts.every((p) => /^\D{1,30}\s[<>]?\d/.test(p))) {
      for (const part of parts) this.item(category, normalise(part), el);
      return;
    }
    if (category === 'labs' || category === 'vitals') {
      const pending = this.pendingMeasure;
      // A value is a number, not a date: "Issued" · "8/18/2018" is a report's header, not a result.
      const isDate = toIsoDate(line) !== undefined && line.replace(DATE_PATTERN, '').replace(/[\s,:APM0-9]+/gi, '') === '';
      if (pending && !isDate && /^[<>≤≥]?\s*-?\d/.test(line) && nearAncestor(pending.el, el, 2)) {
        this.pendingMeasure = undefined;
        const name = pending.text;
        return this.item(category, `${name} ${line}`, el.parentElement ?? el, category === 'labs' ? { test: name, value: line } : { name, value: line });
      }
      this.flushMeasure();
      if (!/\d/.test(line) && line.length <= 40 && !ITEM_FRAGMENT.test(line)) {
        this.pendingMeasure = { category, text: line, el };
        this.touched.add('defer');
        return;
      }
    }
    this.item(category, line, el);
  }

  // ---- notes and messages -----------------------------------------------------------------

  private noteLine(category: 'notes' | 'messages', text: string, el: Element, listItem: boolean) {
    this.touched.add('defer');
    const container = listItem ? el : noteContainer(el);
    if (container && this.section) this.section.containedNotes = true;
    if (container && this.note && !this.note.container && !this.note.title && this.note.lines.length === 1 && this.note.lines[0].length <= 80) {
      // One short line before the first contained message is its title (a thread's subject).
      const title = this.note.lines[0];
      this.note = { category, title, lines: [], el: container, container };
    }
    if (this.note && (this.note.category !== category || (container && this.note.container && container !== this.note.container && !this.note.container.contains(container)))) {
      this.flushNote();
    }
    if (!this.note) this.note = { category, lines: [], el: container ?? el, container };
    if (!this.note.container) this.note.container = container;
    this.note.lines.push(text);
  }

  private flushNote() {
    const note = this.note;
    this.note = undefined;
    const item = note && noteItem(note);
    if (item) this.push(item.category, item.fields, item.text, item.el);
  }

  // ---- tables and label/value pairs ---------------------------------------------------------

  private table(table: TableData) {
    let rows = table.rows.filter((row) => this.keep(row.el));
    if (this.inBannerContext()) {
      if (this.labelValueRows(rows)) return;
      // Banner strips laid out as table cells of inline "Label: value" text (legacy EHRs).
      rows = rows.filter((row) => isNavigation(row.el) || !row.cells.map((cell) => this.banner(cell.text, [cell.text], cell.el)).some(Boolean));
      if (!rows.length) return;
    }
    this.countHidden(table.hiddenRows);
    // "BP: | 138/84 mmHg | Pulse: | 88 bpm": label and value cells side by side.
    const pairs = labelValueCells(rows);
    if (pairs && this.itemCategory && this.itemCategory !== 'other') return this.pairs(pairs);

    let category = this.itemCategory;
    if ((!category || category === 'other') && table.header && !this.section?.named) {
      const byColumns = mapColumns(table.header, 'labs');
      const inferred =
        table.header.map((h) => classifyHeading(h)).find((c) => c && c !== 'patient' && c !== 'encounter' && c !== 'notes' && c !== 'other') ??
        (byColumns.includes('test') && byColumns.includes('value') ? 'labs' : undefined);
      if (inferred) {
        if (!this.section) this.openSection(table.header.join(' '), inferred, 3);
        category = inferred as ItemCategory;
      }
    }
    if (!category) {
      // Rows that fit no section are kept as text, in passages (an app shell's grid of labels can
      // run to thousands of rows); rows of links only are navigation.
      const heading = this.section?.report.heading || NO_HEADING;
      let passage: { lines: string[]; el: Element; chars: number } | undefined;
      const flush = () => passage && this.push('other', { heading }, passage.lines.join(' · '), passage.el);
      for (const row of rows) {
        const text = row.cells.map((c) => c.text).filter(Boolean).join(' · ');
        if (!text || CONTROL_TEXT.test(text)) continue;
        if (isNavigation(row.el)) {
          this.coverage.skipped += text.length;
          continue;
        }
        if (passage && passage.chars + text.length > MAX_PASSAGE_CHARS) {
          flush();
          passage = undefined;
        }
        passage ??= { lines: [], el: row.el, chars: 0 };
        passage.lines.push(text);
        passage.chars += text.length + 3;
      }
      flush();
      return;
    }

    // Tables of one value per cell: a flowsheet (dates across), or one row per time of vital signs.
    const shaped = (category === 'vitals' || category === 'labs') && isFlowsheet(table.header) ? flowsheetItems(table.header!, rows, category) : undefined;
    const columns = table.header ? mapColumns(table.header, category) : [];
    const perTime = !shaped && category === 'vitals' && columns.includes('time') && !columns.includes('value') ? vitalsByTimeItems(table.header!, columns, rows) : undefined;
    const cellItems = shaped ?? perTime;
    if (cellItems) {
      for (const item of cellItems) this.push(item.category, item.fields, item.text, item.el);
      return;
    }
    for (const row of rows) {
      const text = row.cells.map((c) => c.text).filter(Boolean).join(' · ');
      if (!text || CONTROL_TEXT.test(text)) continue;
      if (isEmptyState(text)) {
        if (this.section && this.section.report.count === 0) this.section.report.state = 'empty';
        continue;
      }
      const given: Record<string, string> = {};
      row.cells.forEach((cell, i) => {
        const field = columns[i];
        if (field && cell.text) given[field] = cell.text;
      });
      if (category === 'notes' || category === 'messages' || category === 'other') {
        this.item(category, text, row.el, given);
        continue;
      }
      // A result row whose value cell is empty has no result yet: kept as text, never given one.
      if ((category === 'labs' || category === 'vitals') && columns.includes('value') && !given.value) {
        this.other(text, row.el);
        continue;
      }
      const primaryField = { problems: 'name', medications: 'name', allergies: 'substance', labs: 'test', vitals: 'name', immunizations: 'name', procedures: 'name' }[category];
      if (!given[primaryField] && row.cells[0]?.text && columns[0] === undefined) given[primaryField] = row.cells[0].text;
      this.item(category, text, row.el, table.header ? given : {});
    }
  }

  /** Header tables of label/value cells (C-CDA document headers, banner grids). */
  private labelValueRows(rows: TableData['rows']): boolean {
    // Header tables are short and start with their labels: the first rows decide.
    let labels = 0;
    for (const row of rows.slice(0, 6)) for (let i = 0; i + 1 < row.cells.length; i += 2) if (classifyLabel(row.cells[i].text)) labels++;
    if (labels < 2) return false;
    for (const row of rows) {
      for (let i = 0; i + 1 < row.cells.length; i += 2) {
        const field = classifyLabel(row.cells[i].text);
        if (field) this.setBanner(field, row.cells[i + 1].text, row.cells[i + 1].el);
      }
    }
    return true;
  }

  private pairs(pairs: Array<{ label: string; value: string; el: Element }>) {
    const kept = pairs.filter((p) => this.keep(p.el));
    const demographics = kept.filter((p) => isPatientField(classifyLabel(p.label))).length >= 3;
    if ((this.inBannerContext() || demographics) && kept.some((p) => classifyLabel(p.label))) {
      for (const p of kept) {
        const field = classifyLabel(p.label);
        if (field) this.setBanner(field, p.value, p.el);
      }
      return;
    }
    const category = this.itemCategory;
    if (!category) return;
    for (const p of kept) {
      if (isEmptyState(p.value)) continue;
      const text = `${p.label}: ${p.value}`;
      if (category === 'vitals' && !/\d/.test(p.value)) this.other(text, p.el); // "O2 Device: Room air" is no measurement
      else if (category === 'vitals') this.item(category, text, p.el, { name: p.label, value: p.value });
      else if (category === 'labs') this.item(category, text, p.el, { test: p.label, value: p.value });
      else if (category === 'notes' || category === 'messages') this.noteLine(category, text, p.el, false);
      else this.item(category, category === 'other' ? text : `${p.label} ${p.value}`, p.el);
    }
  }

  // ---- the patient banner -----------------------------------------------------------------

  /** Reads label/value text ("DOB: 03/14/1958 · MRN: 00482913"); true when it was banner text. */
  private banner(text: string, parts: string[], el: Element): boolean {
    if (this.pendingLabel) {
      const field = this.pendingLabel;
      this.pendingLabel = undefined;
      if (!classifyLabel(text)) {
        this.setBanner(field, text, el);
        return true;
      }
    }
    const whole = classifyLabel(text);
    // A label alone waits for its value in the next element; a list label ("Allergies") alone is a title.
    if (whole && whole !== 'allergies') {
      this.touched.add('banner');
      this.pendingLabel = whole;
      return true;
    }
    const found: Array<[BannerField, string]> = [];
    for (let i = 0; i + 1 < parts.length; i++) {
      const field = classifyLabel(parts[i]);
      if (field && !classifyLabel(parts[i + 1])) {
        found.push([field, parts[i + 1]]);
        i++;
      }
    }
    if (!found.length) {
      for (const piece of text.split(/\s*[·•|]\s*|\s{3,}/)) {
        const m = piece.match(/^([^:]{1,40}):\s*(.+)$/);
        const field = m && classifyLabel(m[1]);
        if (field) found.push([field, m[2]]);
      }
    }
    if (!found.length && parts.length > 1) found.push(...unlabelledBannerParts(parts));
    // Narrative banners: "Female; born 5/18/2004; MRN 448812".
    if (!found.length) {
      const pieces = text.split(/\s*[;·•|]\s*/).filter(Boolean);
      if (pieces.length > 1) found.push(...unlabelledBannerParts(pieces));
      if (found.length) for (const piece of pieces) if (/^(?:female|male)$/i.test(piece)) found.push(['sex', piece]);
    }
    for (const [field, value] of found) this.setBanner(field, value, el);
    // The name often stands first in the strip, with no label ("Ezeudu, Adaeze N. · 36 y · F · DOB …").
    const first = parts[0];
    if (found.length && first && !classifyLabel(first) && NAME_LIKE.test(first) && !NOT_A_NAME.test(first) && !found.some(([f]) => f === 'name')) {
      this.nameCandidate ??= { text: first, el };
      if (!this.record.patient.name) this.record.patient.name = first;
    }
    return found.length > 0;
  }

  private setBanner(field: BannerField, rawValue: string, el: Element) {
    this.touched.add('banner');
    const split = splitInlineLabels(normalise(rawValue));
    for (const [inner, innerValue] of split.fields) this.setBanner(inner, innerValue, el);
    // "Legal: Eve BETTERHALF", "Preferred: …": a qualifier, not part of the value.
    const value = split.head.replace(/^(?:legal|official|usual|preferred|full)\s*:\s*/i, '');
    if (!value) return;
    const patient = this.record.patient;
    const encounter = this.record.encounter;
    const isPatientField = !field.startsWith('enc:');
    if (isPatientField && !patient.ref) patient.ref = this.register(el.parentElement ?? el);
    if (isPatientField && !patient.name && this.nameCandidate) {
      patient.name = this.nameCandidate.text;
    }
    switch (field) {
      case 'name':
        patient.name ??= value;
        break;
      case 'birthDate': {
        patient.birthDate ??= findDate(value) ?? value.replace(/\s*\(.*\)$/, '');
        const age = value.match(/\((\d{1,3})\s*(?:y|yo|yrs?|years?)(?: old)?\b/i)?.[1];
        if (age) patient.age ??= age;
        break;
      }
      case 'sex':
        // A word, never a letter: "F" is female.
        patient.sex ??= /^f$/i.test(value) ? 'female' : /^m$/i.test(value) ? 'male' : value;
        break;
      case 'age':
        patient.age ??= value.match(/\d{1,3}/)?.[0].replace(/^0+(?=\d)/, '') ?? value; // "027Y" is 27
        break;
      case 'phone':
        if (!patient.phones.includes(value)) patient.phones.push(value);
        break;
      case 'email':
        if (!patient.emails.includes(value)) patient.emails.push(value);
        break;
      case 'address':
        patient.address ??= value;
        break;
      case 'allergies':
        this.bannerAllergies(value, el);
        break;
      case 'enc:date':
        encounter.date ??= findDate(value) ?? value;
        break;
      case 'enc:clinician':
        encounter.clinician ??= value;
        break;
      case 'enc:location':
        encounter.location ??= value;
        break;
      case 'enc:reason':
        encounter.reason ??= value;
        break;
      default: {
        for (const id of readIdentifiers(value, field.slice(3))) {
          if (isEmptyState(id.value)) continue;
          if (!patient.identifiers.some((known) => known.type === id.type && known.value === id.value)) patient.identifiers.push(id);
        }
      }
    }
  }
}

/** Reads the visible patient record of a document. */
export async function captureRecord(doc: Document, options: CaptureOptions): Promise<PatientRecord> {
  const clock = options.clock ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? yieldViaMessageChannel;
  const sliceMs = options.sliceMs ?? 12;
  const maxElements = options.maxElements ?? 400_000;
  const timeLimitMs = options.timeLimitMs ?? 20_000;
  const started = clock();

  let keep: (el: Element) => boolean = () => true;
  if (options.selectionOnly) {
    const selection = doc.getSelection();
    const ranges = selection && !selection.isCollapsed ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i)) : [];
    keep = (el) => ranges.some((range) => range.intersectsNode(el));
  }

  resetLayoutCache();
  const adapter = findAdapter(doc);
  // An adapter is a hint, never a gate: the whole page is walked whichever layout matched.
  const builder = new RecordBuilder(doc, options.register, keep, adapter?.defaultSection, adapter?.root?.(doc));
  const report: WalkReport = { visited: 0, skipped: [] };
  // The header's text is for de-identification; the identity check before a write reads the banner only.
  const header = options.bannerOnly ? undefined : new HeaderText(doc);
  const root = doc.body;
  let sliceStart = clock();
  /** Gives the main thread back to the page once the current slice has run long enough. */
  const pause = async () => {
    if (clock() - sliceStart < sliceMs) return;
    await yieldToPage();
    sliceStart = clock();
  };
  if (root) {
    for (const block of walk(root, hasLayout(doc), report)) {
      if (block.kind === 'table' && block.table.rows.length > TABLE_CHUNK_ROWS) {
        // A long table becomes items in chunks, so building its items is sliced too.
        const { rows, hiddenRows } = block.table;
        for (let i = 0; i < rows.length; i += TABLE_CHUNK_ROWS) {
          builder.add({ ...block, table: { ...block.table, rows: rows.slice(i, i + TABLE_CHUNK_ROWS), hiddenRows: i === 0 ? hiddenRows : 0 } });
          await pause();
        }
        continue;
      }
      if (block.kind === 'tick') {
        if (report.visited >= maxElements) {
          report.skipped.push(`The page is very large: reading stopped after ${maxElements.toLocaleString('en-US')} elements. Use "Use selection only" to read a part of it.`);
          break;
        }
        if (clock() - started > timeLimitMs) {
          report.skipped.push(`Reading stopped after ${Math.round(timeLimitMs / 1000)} seconds; what was read so far is shown. Use "Use selection only" to read a part of the page.`);
          break;
        }
        await pause();
        continue;
      }
      if (header && !builder.pastBanner) header.addBlock(block);
      builder.add(block);
      if (options.bannerOnly && builder.pastBanner) break;
    }
  }
  const record = builder.finish();
  if (header) record.source.header = header.text;
  record.source.identity = { url: record.source.url, documentId: options.documentId ?? newDocumentId(), patient: patientKeyOf(record.patient) };
  // Said explicitly, never assumed: whether the page showed whose chart it is.
  record.capture.patientIdentified = isPatientIdentified(record.patient);
  record.capture.adapter = adapter?.name ?? 'generic';
  record.capture.skipped = report.skipped;
  record.capture.selectionOnly = Boolean(options.selectionOnly);
  record.capture.elementsVisited = report.visited;
  record.capture.durationMs = Math.round((clock() - started) * 10) / 10;
  const c = builder.coverage;
  record.capture.coverage = { visibleChars: c.visible, typedChars: c.typed, keptChars: c.kept, bannerChars: c.banner, skippedChars: c.skipped };
  return record;
}
