/**
 * A chart across pages: real EHRs spread one patient's chart over tabs and pages (problems on one,
 * results on another, notes on a third). "Add this page" reads another page into the record the
 * panel holds — only when that page shows the same patient.
 *
 * Every item keeps the page it was read on (`page`: the document whose agent can find its `ref`),
 * the same item shown on two pages is kept once, and the record's `source` becomes the newest
 * page's: the page the tab shows, where inserts and highlights go.
 */
import { fail, ok, type Result } from '../result';
import { comparePatients, nameWords } from './identity';
import {
  HEADER_MAX_CHARS,
  ITEM_CATEGORIES,
  MAX_RECORD_PAGES,
  type ItemCategory,
  type Patient,
  type PatientRecord,
  type RecordItem,
  type RecordPage,
} from './schema';

/** Title parts that say nothing about which page it is. */
const GENERIC_TITLE_PART = /^(chart|patient chart|ehr|portal|\(demo\)|demo)$/i;

/**
 * What the clinician would call a page: the part of its title that is neither the patient's name
 * nor the product's ("Maria Ordóñez — Messages · Riverside Health Portal" → "Messages"), else the
 * last part of its address, else its place in the list.
 */
export function pageLabel(title: string, url: string, patientName: string | undefined, index: number): string {
  const name = new Set(nameWords(patientName));
  const parts = title
    .split(/\s+[—–|·-]\s+|\s*[|·]\s*/)
    .map((part) => part.trim())
    .filter((part) => part && !GENERIC_TITLE_PART.test(part))
    .filter((part) => !nameWords(part).some((word) => name.has(word)));
  if (parts.length && parts[0].length <= 60) return parts[0];
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    if (last && /[a-z]/i.test(last) && last.length <= 40)
      return last.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
  } catch {
    // not a URL: fall through to the page's number
  }
  return `Page ${index + 1}`;
}

/** The pages a record was read from; a record read once has one, described by its `source`. */
export function recordPages(record: PatientRecord): RecordPage[] {
  if (record.source.pages?.length) return record.source.pages;
  const documentId = record.source.identity?.documentId;
  if (!documentId) return [];
  return [
    {
      url: record.source.url,
      title: record.source.title,
      label: pageLabel(record.source.title, record.source.url, record.patient.name, 0),
      capturedAt: record.source.capturedAt,
      documentId,
    },
  ];
}

/** The page an item was read on, when the record came from more than one. */
export function pageOf(record: PatientRecord, item: { page?: string }): RecordPage | undefined {
  const pages = recordPages(record);
  const id = item.page ?? record.source.identity?.documentId;
  return pages.find((page) => page.documentId === id);
}

const fold = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * When two items are the same thing shown on two pages. Pages render one item differently (a
 * table row here, a card there), so typed items compare by what they are — a lab by test, value
 * and time — and passages (notes, messages) by their longest line, their body, not the header
 * lines ("From:", "Sent:") a page puts around it.
 */
function duplicateKey(category: ItemCategory, item: RecordItem): string {
  const fields = item as Record<string, string | undefined>;
  const typed: Partial<Record<ItemCategory, string[]>> = {
    problems: ['name'],
    medications: ['name', 'dose', 'frequency'],
    allergies: ['substance'],
    vitals: ['name', 'value', 'time'],
    labs: ['test', 'value', 'time'],
    immunizations: ['name', 'date'],
    procedures: ['name', 'date'],
  };
  const keys = typed[category];
  if (keys) return `${category}\u0000${keys.map((key) => fold(fields[key])).join('\u0000')}`;
  const body = item.text
    .split('\n')
    .map(fold)
    .reduce((longest, line) => (line.length > longest.length ? line : longest), '');
  return `${category}\u0000${body.length >= 40 ? body : fold(item.text)}`;
}

/** Next free number per id prefix ("lab-12" → lab: 13), so added items never take an id already cited. */
function idCounters(record: PatientRecord): Map<string, number> {
  const next = new Map<string, number>();
  for (const category of ITEM_CATEGORIES) {
    for (const item of record[category] as RecordItem[]) {
      const match = /^(.*?)-(\d+)$/.exec(item.id);
      if (match) next.set(match[1], Math.max(next.get(match[1]) ?? 1, Number(match[2]) + 1));
    }
  }
  return next;
}

function unionBy<T>(a: T[], b: T[], key: (value: T) => string): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((value) => !seen.has(key(value)) && seen.add(key(value)))];
}

/** The patient as both pages show them: the first page's fields, gaps filled from the second. */
function mergePatient(base: Patient, added: Patient, basePage: string, addedPage: string): Patient {
  const digits = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    ...added,
    ...Object.fromEntries(Object.entries(base).filter(([, value]) => value !== undefined)),
    identifiers: unionBy(base.identifiers, added.identifiers, (id) => digits(id.value)),
    phones: unionBy(base.phones, added.phones, digits),
    emails: unionBy(base.emails, added.emails, (e) => e.toLowerCase()),
    ...(base.ref
      ? { ref: base.ref, page: base.page ?? basePage }
      : added.ref
        ? { ref: added.ref, page: addedPage }
        : {}),
  };
}

/**
 * The record with `added` (a fresh read of the page the tab now shows) joined in. Refused, with a
 * message the clinician can act on, when the page shows another patient or does not say whose
 * chart it is. Reading a page already in the record again replaces what was read from it.
 */
export function addPage(base: PatientRecord, added: PatientRecord): Result<PatientRecord> {
  const baseIdentity = base.source.identity;
  const addedIdentity = added.source.identity;
  if (!baseIdentity || !addedIdentity) {
    return fail(
      'page-not-addable',
      'This record was not read from a page, so another page cannot be added to it. Read the page instead.',
    );
  }
  const match = comparePatients(baseIdentity.patient, addedIdentity.patient);
  if (match === 'different') {
    const who = base.patient.name ? ` for ${base.patient.name}` : '';
    return fail(
      'different-patient',
      `This page shows a different patient${added.patient.name ? ` (${added.patient.name})` : ''}. The record in the panel is${who}; a chart is built from one patient’s pages only. Open that patient’s pages, or read this page on its own.`,
    );
  }
  if (match === 'unknown') {
    return fail(
      'page-patient-unknown',
      'Chartside cannot tell whether this page shows the same patient: it shows no name with a birth date or record number that matches the record. Open a page of the chart that shows the patient banner, or read this page on its own.',
    );
  }
  const basePages = recordPages(base);
  const baseDoc = baseIdentity.documentId;
  const addedDoc = addedIdentity.documentId;
  // The same address read again (a reload, or back to a tab of the chart): its old items go.
  const replaced = basePages.find((page) => page.url === added.source.url || page.documentId === addedDoc);
  const kept = replaced ? withoutPage(base, replaced.documentId) : base;
  const pages = [...basePages.filter((page) => page !== replaced)];
  if (pages.length >= MAX_RECORD_PAGES) {
    return fail(
      'too-many-pages',
      `A record holds at most ${MAX_RECORD_PAGES} pages. Read this page on its own to start a new record.`,
    );
  }
  pages.push({
    url: added.source.url,
    title: added.source.title,
    label: pageLabel(added.source.title, added.source.url, added.patient.name ?? base.patient.name, pages.length),
    capturedAt: added.source.capturedAt,
    documentId: addedDoc,
  });

  const counters = idCounters(kept);
  const renumber = (id: string) => {
    const prefix = /^(.*?)-\d+$/.exec(id)?.[1];
    if (!prefix) return id;
    const n = counters.get(prefix) ?? 1;
    counters.set(prefix, n + 1);
    return `${prefix}-${n}`;
  };
  const merged: PatientRecord = { ...kept };
  for (const category of ITEM_CATEGORIES) {
    const existing = (kept[category] as RecordItem[]).map((item) => ({ ...item, page: item.page ?? baseDoc }));
    const seen = new Set(existing.map((item) => duplicateKey(category, item)));
    const fresh = (added[category] as RecordItem[])
      .filter((item) => !seen.has(duplicateKey(category, item)) && seen.add(duplicateKey(category, item)))
      .map((item) => ({ ...item, id: renumber(item.id), page: addedDoc }));
    (merged as Record<ItemCategory, RecordItem[]>)[category] = [...existing, ...fresh];
  }
  merged.patient = mergePatient(kept.patient, added.patient, baseDoc, addedDoc);
  merged.encounter = {
    ...added.encounter,
    ...Object.fromEntries(Object.entries(kept.encounter).filter(([, v]) => v !== undefined)),
  };
  const headers = [kept.source.header, added.source.header].filter((h): h is string => Boolean(h));
  merged.source = {
    ...added.source,
    header: headers.length ? headers.join('\n').slice(0, HEADER_MAX_CHARS * MAX_RECORD_PAGES) : undefined,
    pages,
  };
  const a = kept.capture;
  const b = added.capture;
  const coverage =
    a.coverage && b.coverage
      ? {
          visibleChars: a.coverage.visibleChars + b.coverage.visibleChars,
          typedChars: a.coverage.typedChars + b.coverage.typedChars,
          keptChars: a.coverage.keptChars + b.coverage.keptChars,
          bannerChars: (a.coverage.bannerChars ?? 0) + (b.coverage.bannerChars ?? 0),
          skippedChars: (a.coverage.skippedChars ?? 0) + (b.coverage.skippedChars ?? 0),
        }
      : (a.coverage ?? b.coverage);
  merged.capture = {
    adapter: a.adapter === b.adapter ? a.adapter : `${a.adapter} + ${b.adapter}`,
    sections: [
      ...a.sections.map((section) => ({ ...section, page: section.page ?? baseDoc })),
      ...b.sections.map((section) => ({ ...section, page: addedDoc })),
    ],
    skipped: [...new Set([...a.skipped, ...b.skipped])],
    selectionOnly: a.selectionOnly || b.selectionOnly,
    elementsVisited: a.elementsVisited + b.elementsVisited,
    durationMs: a.durationMs + b.durationMs,
    patientIdentified: Boolean(a.patientIdentified || b.patientIdentified) || undefined,
    ...(coverage ? { coverage } : {}),
  };
  return ok(merged);
}

/** The record without what was read from one of its pages (that page is being read again). */
function withoutPage(record: PatientRecord, documentId: string): PatientRecord {
  const baseDoc = record.source.identity?.documentId;
  const onPage = (item: { page?: string }) => (item.page ?? baseDoc) === documentId;
  const next: PatientRecord = { ...record };
  for (const category of ITEM_CATEGORIES) {
    (next as Record<ItemCategory, RecordItem[]>)[category] = (record[category] as RecordItem[]).filter(
      (item) => !onPage(item),
    );
  }
  next.capture = { ...record.capture, sections: record.capture.sections.filter((section) => !onPage(section)) };
  return next;
}
