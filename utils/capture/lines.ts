/**
 * What a line of chart text is, apart from an item: a control, a line about a list, a badge or
 * date beside an item, a navigation menu — and how many visible characters a block holds.
 * Pure functions and vocabularies the reader (build/) applies.
 */
import type { ItemCategory } from '../record/schema';
import { normalise } from './classify';
import { DATE_PATTERN } from './fields';
import type { TableData } from './tables';
import type { Block } from './walk';

/** Link and button text that belongs to the page's controls, not to the chart. */
export const CONTROL_TEXT =
  /^(?:\+\d+|(?:show|view|see|load|display) (?:all|more|less|fewer|details|history)\b.*|expand( all)?|collapse( all)?|edit|add( new)?|print|refresh|reply|more|less|hide|back to top|\d+ of \d+|page \d+( of \d+)?|next|previous|(?:show|view|hide) \d+ (?:more |older |superseded |hidden |other )?(?:entr(?:y|ies)|items?|results?|records?|versions?)\b.*)$/i;

/** The text with its dates and clock times taken out: what is left to be a measurement. */
export function withoutDates(text: string): string {
  return text
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M\b)?/gi, ' ')
    .replace(new RegExp(DATE_PATTERN.source, 'gi'), ' ');
}

/** A line about a list rather than an item of it. */
export const META_LINE =
  /^(?:rows? \d+|showing \d+|page \d+|last (?:reviewed|updated|verified|charted|modified)|reviewed|verified|updated|reconciled|as of|source:|also (?:from|reported by):|(?:reporting )?period:|date range:|from (?:the )?state registry|not tracked\b|see (?:the )?(?:pcp|primary care|outside) records?\b|\d+ (?:active|total|items?|results?|entries|records?)\b)/i;

/** Longest passage of kept text outside any section before a new one starts. */
export const MAX_PASSAGE_CHARS = 2_000;

/** The heading of kept text that no section heading introduces. */
export const NO_HEADING = 'Text outside any section';

/** The statuses an entry shows beside its name. */
const STATUS_WORDS =
  'active|inactive|resolved|completed|complete|final|confirmed|unconfirmed|provisional|refuted|remission|recurrence|relapse|entered[- ]in[- ]error|on[- ]hold|stopped|discontinued|not[- ]done|given|administered|in[- ]progress|cancelled|preliminary|amended|corrected';
/** A status badge or a date shown beside an item, in an element of its own (card lists). */
export const ITEM_FRAGMENT = new RegExp(`^(?:${STATUS_WORDS})$`, 'i');
/**
 * Badges beside an entry that say where it came from, after its status or alone ("Active Reported by 3 sources", "Not
 * in local chart"): part of the entry, as its status is.
 */
export const PROVENANCE_BADGES = new RegExp(
  `^(?:(${STATUS_WORDS})\\s+)?(?:reported by \\d+ sources?|not in (?:the )?local (?:chart|record)|` +
    `(?:from|in) \\d+ sources?|outside records?|external|imported)$`,
  'i',
);
/** A sub-heading inside a problem list that gives the status of what follows ("Resolved Concerns"). */
export const STATUS_SUBHEADING =
  /^(active|current|ongoing|resolved|inactive|past|historical|previous|chronic)\s+(?:health\s+)?(?:concerns?|problems?|issues|conditions|diagnoses|medical history)\s*:?$/i;
export const RESOLVED_WORDS = /^(resolved|inactive|past|historical|previous)$/i;
/** Words a medication list groups its entries by: a status, or how they are given (which names no status). */
const MEDICATION_STATUS_WORDS =
  'discontinued|stopped|inactive|expired|completed|held|on hold|active|current|historical|past|previous';
const MEDICATION_ROUTINE_WORDS = 'scheduled|prn|as needed|continuous(?: infusions?)?';
/**
 * A sub-heading inside a medication list: the status of the medications that follow ("Discontinued This Encounter",
 * "Stopped Medications", "Active Medications"), or how they are given ("Scheduled Medications", "PRN Meds"), which
 * names no status, or a group of an infusion's orders ("Premedications", "Chemotherapy / Biotherapy"). Always with its
 * noun: a status word alone ("stopped") is the badge of the item before it.
 */
export const MEDICATION_SUBHEADING = new RegExp(
  `^(?:(${MEDICATION_STATUS_WORDS})\\s+(?:(?:in |at |during )?this\\s+(?:encounter|visit|admission)|medications?|meds|prescriptions|orders)|(?:${MEDICATION_ROUTINE_WORDS})\\s+(?:medications?|meds|infusions?)|(?:medications?|meds)\\s+(discontinued|stopped|on hold)|pre-?medications?|premeds|chemotherapy(?:\\s*\\/\\s*biotherapy)?|biotherapy|hydration|supportive care)\\s*:?$`,
  'i',
);
/** A one-cell row across a medication table, which needs no noun: "Scheduled", "PRN", "Discontinued". */
export const MEDICATION_GROUP_ROW = new RegExp(
  `^(?:${MEDICATION_ROUTINE_WORDS}|(${MEDICATION_STATUS_WORDS}))(?:\\s+(?:medications?|meds|orders))?$`,
  'i',
);
/** What a medication sub-heading's status word says of the medications under it. */
export function medicationStatus(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const lower = word.toLowerCase();
  if (/^(?:active|current)$/.test(lower)) return 'active';
  if (/^(?:held|on hold)$/.test(lower)) return 'on hold';
  return lower === 'historical' || lower === 'past' || lower === 'previous' ? 'inactive' : lower;
}

export const STATUS_FIELD: Partial<Record<ItemCategory, string>> = {
  problems: 'status',
  medications: 'status',
  allergies: 'severity',
};
export const DATE_FIELD: Partial<Record<ItemCategory, string>> = {
  problems: 'onset',
  medications: 'start',
  immunizations: 'date',
  procedures: 'date',
};

/** Children an item's own container may have; a list has more. */
export const MAX_ITEM_CHILDREN = 12;

/** How far up from an item its badge or date may sit and still belong to it. */
export const FRAGMENT_REACH = 4;

/** Visible characters in a block, as the reader will count them when they become items. */
export function blockChars(block: Exclude<Block, { kind: 'tick' }>): number {
  switch (block.kind) {
    case 'heading':
    case 'hidden':
      return 0; // headings name sections; hidden content is not visible
    case 'text':
      return normalise(block.text).length;
    case 'list':
      return block.items.reduce((n, i) => n + normalise(i.text).length, 0);
    case 'pairs':
      return block.pairs.reduce((n, p) => n + p.label.length + p.value.length + 2, 0);
    case 'table':
      // As rows are kept: the cells that show text, joined by " · ".
      return block.table.rows.reduce(
        (n, r) =>
          n +
          Math.max(
            0,
            r.cells.filter((c) => c.text).reduce((m, c) => m + c.text.length + 3, -3),
          ),
        0,
      );
  }
}

/** A label cell's label: "Label:" with its colon; undefined for a cell that is no label. */
const colonLabel = (text: string) =>
  /^[^:]{0,39}[A-Za-z][^:]{0,39}:$/.test(text) ? text.slice(0, -1).trim() : undefined;

/**
 * Rows whose cells alternate a label and its value: a grid of labelled values, not a list of items. A label is "Label:"
 * unless `labelOf` reads labels another way.
 */
export function labelValueCells(
  rows: TableData['rows'],
  labelOf: (text: string) => string | undefined = colonLabel,
): Array<{ label: string; value: string; el: Element }> | undefined {
  if (!rows.length) return undefined;
  const pairs: Array<{ label: string; value: string; el: Element }> = [];
  for (const row of rows) {
    const cells = row.cells.filter((c) => c.text);
    if (cells.length < 2 || cells.length % 2 !== 0) return undefined;
    for (let i = 0; i < cells.length; i += 2) {
      const label = labelOf(cells[i].text);
      if (label === undefined) return undefined;
      pairs.push({ label, value: cells[i + 1].text, el: cells[i + 1].el });
    }
  }
  return pairs;
}

/** Text that is all links (a menu, a tab strip drawn as links): navigation, not chart. */
export function isNavigation(el: Element): boolean {
  if (!el.querySelector('a, button') && el.tagName !== 'A') return false; // most text has no link: the cheap answer first
  const text = normalise(el.textContent ?? '');
  if (!text) return false;
  const links = el.tagName === 'A' ? [el] : Array.from(el.querySelectorAll('a, button'));
  const linked = links.reduce((n, a) => n + normalise(a.textContent ?? '').length, 0);
  return text.replace(/[|·•\s]/g, '').length <= linked + links.length;
}

export function nearAncestor(a: Element, b: Element, reach: number): boolean {
  let node: Element | null = a;
  // The shared container must be small, an item's own row, not the list: few children (cheap to
  // ask, unlike its text, which on a long list would make reading quadratic).
  for (let i = 0; node && i <= reach; i++, node = node.parentElement)
    if (node.contains(b)) return node.childElementCount <= MAX_ITEM_CHILDREN;
  return false;
}

/**
 * A line that goes on describing the medication above it: its other name, how to take it, what changed, how much is
 * dispensed ("Commonly known as: NEURONTIN", "Take 1 capsule by mouth at bedtime", "What changed: how much to take"),
 * or how an infusion's dose was reached and given ("65 mg/m² × 1.75 m² = 114 mg", "Infuse over 15 min", "09:14 · MK").
 */
export const MEDICATION_CONTINUATION =
  /^(?:commonly known as|also known as|brand(?: name)?|what changed|changed|reason|instructions?|directions|sig|dispense|refills?|quantity|qty|indications?|notes?)\s*:|^(?:take|inject|inhale|apply|use|place|instill|insert|dissolve|chew|give|spray|swallow|mix|start with|after \d)\b|^(?:last (?:given|dose|filled|fill|taken)|next (?:due|dose)|start(?:ed|s)? \d|home med|on hold|hold for|held\b|max(?:imum)? \d|d\/c \d|day \d+ of \d|[\w-]+ scale per protocol)|^\([^()]+\)$|^\d[\d,.]*\s*(?:mg|mcg|g|units?)\/(?:m²|m2|kg)|^(?!.*\d\s*(?:mg|mcg|g|ml|units?)\b)(?:flat dose|infuse\b|over \d+\s*(?:min|hr|h)\b|infusing|omitted|due\b)|^\d{1,2}:\d{2}(?:[–-]\d{1,2}:\d{2})?(?:[\s·;,/]+(?:start|pump off|[A-Z]{1,3}|\d{1,2}:\d{2}))*(?:\s*\([^)]*\))?$/i;
