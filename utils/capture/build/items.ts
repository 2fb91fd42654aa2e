/**
 * Items: a line of text (plus any fields a table gave) becomes a typed record item with an id and
 * a ref to its element; badges and dates beside an item join it; duplicates are read once.
 */
import { type ItemCategory } from '../../record/schema';
import { toIsoDate } from '../../record/dates';
import { normalise, type SectionCategory } from '../classify';
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
} from '../fields';
import {
  DATE_FIELD,
  FRAGMENT_REACH,
  ITEM_FRAGMENT,
  PROVENANCE_BADGES,
  MAX_PASSAGE_CHARS,
  NO_HEADING,
  RESOLVED_WORDS,
  STATUS_FIELD,
  STATUS_SUBHEADING,
  MEDICATION_CONTINUATION,
  MEDICATION_SUBHEADING,
  medicationStatus,
  nearAncestor,
  withoutDates,
} from '../lines';
import type { BuildState } from './state';
import { CATEGORY_INFO } from '../../record/categories';

/** Item ids are the category's prefix and a count: stable within one capture, short in citations. */

export function nextId(s: BuildState, category: ItemCategory): string {
  const n = (s.counters.get(category) ?? 0) + 1;
  s.counters.set(category, n);
  return `${CATEGORY_INFO[category].idPrefix}-${n}`;
}

/** Adds an item unless the same text was already captured in the same category. */
export function pushItem(
  s: BuildState,
  category: ItemCategory,
  fields: Record<string, string | undefined>,
  text: string,
  el: Element,
) {
  const line = normalise(text);
  const key = `${category}\u0000${line.toLowerCase()}`;
  s.touched.add('item');
  // Text outside any section comes in runs (a site header, an app shell's labels): one passage
  // per run, not an item per line.
  const last = s.lastItem;
  if (
    category === 'other' &&
    fields.heading === NO_HEADING &&
    last?.category === 'other' &&
    last.item.heading === NO_HEADING &&
    last.item.text.length < MAX_PASSAGE_CHARS &&
    s.lastItemBlock >= s.blocks - 1
  ) {
    last.item.text = `${last.item.text} · ${line}`;
    s.coverage.kept += line.length;
    return;
  }
  if (s.seen.has(key)) {
    // The same entry again (a vaccine given twice): its badge and date belong to it, not to the
    // entry before, and are not items of their own.
    s.lastItem = { category, item: { text: '' }, el };
    s.coverage.skipped += line.length; // shown twice, read once
    return;
  }
  s.seen.add(key);
  const clean: Record<string, string> = {};
  for (const field in fields) if (fields[field]) clean[field] = fields[field];
  // Notes and messages keep their line breaks; everything else is one line.
  const shown =
    category === 'notes' || category === 'messages' ? text.split('\n').map(normalise).filter(Boolean).join('\n') : line;
  if (category === 'other') s.coverage.kept += shown.length;
  else s.coverage.typed += shown.length;
  const item = { ...clean, id: nextId(s, category), text: shown, ref: s.register(el) };
  (s.record[category] as unknown[]).push(item);
  s.lastItem = { category, item: item as Record<string, string>, el };
  s.lastItemBlock = s.blocks;
  if (s.section) s.section.report.count++;
}

/**
 * "Resolved Concerns" under a problem list, "Discontinued This Encounter" under a medication list: the status of the
 * items that follow, not an item.
 */
export function statusSubheading(s: BuildState, category: SectionCategory | undefined, text: string): boolean {
  const line = normalise(text);
  if (category === 'problems') {
    // A status word alone before any problem of the section ("ACTIVE" over the list) groups what follows; after an
    // item it may be that item's badge, which joinFragment reads.
    const m =
      line.match(STATUS_SUBHEADING) ??
      (s.section?.report.count === 0 ? line.match(/^(active|current|resolved|inactive|historical)$/i) : null);
    if (!m) return false;
    s.subStatus = RESOLVED_WORDS.test(m[1]) ? 'resolved' : 'active';
  } else if (category === 'medications') {
    const m = line.match(MEDICATION_SUBHEADING);
    if (!m) return false;
    s.subStatus = medicationStatus(m[1] ?? m[2]);
  } else return false;
  s.touched.add('item');
  return true;
}

/** A status badge or date in an element of its own, right beside the item it belongs to. */
export function joinFragment(s: BuildState, category: ItemCategory, text: string, el: Element): boolean {
  const last = s.lastItem;
  if (!last || last.category !== category || category === 'notes' || category === 'messages' || category === 'other')
    return false;
  const badges = PROVENANCE_BADGES.exec(text);
  const status = ITEM_FRAGMENT.test(text) || Boolean(badges);
  const date =
    !status &&
    toIsoDate(text) !== undefined &&
    text
      .replace(DATE_PATTERN, '')
      .replace(/^(?:given|on|since|onset|recorded|noted|started)\b/i, '')
      .trim() === ''
      ? findDate(text)
      : undefined;
  if (!status && !date) return false;
  if (!nearAncestor(last.el, el, FRAGMENT_REACH)) return false;
  const field = status ? STATUS_FIELD[category] : DATE_FIELD[category];
  const statusWord = badges ? badges[1] : text;
  if (field && !last.item[field] && (!status || statusWord))
    last.item[field] = status ? statusWord.toLowerCase() : date!;
  last.item.text = `${last.item.text} · ${text}`;
  s.touched.add('item');
  s.coverage.typed += text.length;
  return true;
}

/** More text of the entry just read, shown apart from it (a table row under its spanning first cell). */
export function joinText(s: BuildState, text: string) {
  const last = s.lastItem!;
  last.item.text = `${last.item.text} · ${text}`;
  s.touched.add('item');
  s.coverage.typed += text.length;
}

/** A line that goes on describing the medication just read ("Commonly known as: …", "Take 1 tablet …"): part of it. */
export function joinContinuation(s: BuildState, category: ItemCategory, text: string, el: Element): boolean {
  const last = s.lastItem;
  if (category !== 'medications' || last?.category !== 'medications' || !MEDICATION_CONTINUATION.test(text))
    return false;
  if (last.el !== el && !nearAncestor(last.el, el, FRAGMENT_REACH)) return false;
  last.item.text = `${last.item.text} · ${text}`;
  s.touched.add('item');
  s.coverage.typed += text.length;
  return true;
}

export function flushItemLabel(s: BuildState) {
  const label = s.pendingItemLabel;
  s.pendingItemLabel = undefined;
  if (label) pushItem(s, 'other', { heading: s.sectionHeading }, label.text, label.el);
}

export function flushMeasure(s: BuildState) {
  const pending = s.pendingMeasure;
  s.pendingMeasure = undefined;
  // A name with no value beside it ("BP Sys" on a card with no reading) is kept as text.
  if (pending) pushItem(s, 'other', { heading: s.sectionHeading }, pending.text, pending.el);
}

/** Builds a typed item from a line of text plus any fields a table gave explicitly. */
export function addItem(
  s: BuildState,
  category: ItemCategory,
  text: string,
  el: Element,
  given: Record<string, string> = {},
) {
  const primary = (field: string) => given[field] ?? text;
  switch (category) {
    case 'problems': {
      const parsed = parseProblem(primary('name'));
      return pushItem(
        s,
        category,
        { ...parsed, ...given, name: parsed.name, status: given.status ?? parsed.status ?? s.subStatus },
        text,
        el,
      );
    }
    case 'medications': {
      const parsed = parseMedication(primary('name'));
      // With its own dose column, the table's name cell is the name as written ("… 160-4.5 mcg inhaler").
      const name = given.name && given.dose ? normalise(given.name) : parsed.name;
      return pushItem(
        s,
        category,
        { ...parsed, ...given, name, status: given.status ?? parsed.status ?? s.subStatus },
        text,
        el,
      );
    }
    case 'allergies': {
      const parsed = parseAllergy(primary('substance'));
      return pushItem(s, category, { ...parsed, ...given, substance: parsed.substance }, text, el);
    }
    case 'labs':
      return measurement(s, category, 'test', given, text, el, parseLab);
    case 'vitals':
      return measurement(s, category, 'name', given, text, el, parseVital);
    case 'immunizations':
    case 'procedures': {
      const parsed = parseNamedEvent(primary('name'));
      return pushItem(s, category, { ...parsed, ...given, name: parsed.name }, text, el);
    }
    case 'notes':
    case 'messages':
      return pushItem(s, category, { ...given, date: given.date ?? findDate(text) }, text, el);
    case 'other':
      return keepOther(s, text, el);
  }
}

/**
 * A lab or a vital: a value with its unit. From a table, the value cell is split into value,
 * unit and flag; from text, the whole line is parsed. A line with no value is kept as `other`.
 */
export function measurement(
  s: BuildState,
  category: 'labs' | 'vitals',
  nameField: 'test' | 'name',
  given: Record<string, string>,
  text: string,
  el: Element,
  parse: (text: string) => Record<string, string | undefined> | undefined,
) {
  if (given[nameField] && given.value) {
    const split = splitValueUnit(given.value);
    // More than a unit after the value ("13.8 K/uL H (4.5-11.0)", a form's answer): read as a line is read.
    const line = split.unit?.includes(' ') ? parse(`${given[nameField]} ${given.value}`) : undefined;
    const read = line?.value === split.value ? line : undefined;
    const flag = category === 'labs' ? (given.flag ?? read?.flag ?? split.flag) : undefined;
    const unit = given.unit ?? (read ? read.unit : split.unit);
    const range = given.range ?? read?.range;
    return pushItem(s, category, { ...given, value: split.value, unit, flag, range }, text, el);
  }
  // A result with an empty value cell has no result yet: never read one out of its date ("06:00").
  const parsed = /\d|\b(?:positive|negative|detected|reactive|trace)\b/i.test(withoutDates(text))
    ? parse(text)
    : undefined;
  if (!parsed) return keepOther(s, text, el);
  return pushItem(s, category, { ...parsed, ...given, time: given.time ?? findDate(text) }, text, el);
}

/** Text that belongs to the page's chart but fits no typed list: kept under its section heading. */
export function keepOther(s: BuildState, text: string, el: Element) {
  return pushItem(s, 'other', { heading: s.sectionHeading }, text, el);
}

export function countHidden(s: BuildState, entries: number) {
  if (s.section && entries) s.section.report.hiddenItems = (s.section.report.hiddenItems ?? 0) + entries;
}
