/**
 * Tables and label/value pairs: header tables become banner fields, clinical tables become items
 * by their column names (flowsheets and per-time vitals by their shape), other rows stay text.
 */
import { type ItemCategory } from '../../record/schema';
import { classifyHeading, classifyLabel, isEmptyState } from '../classify';
import { tickedAnswer } from '../fields';
import { isPatientField } from '../banner';
import {
  CONTROL_TEXT,
  MAX_PASSAGE_CHARS,
  isNavigation,
  labelValueCells,
  MEDICATION_GROUP_ROW,
  medicationStatus,
} from '../lines';
import { flowsheetItems, readingsByTimeItems, vitalSignRowItems } from '../table-shapes';
import { isFlowsheet, mapColumns, type TableData } from '../tables';
import { bannerAllergies, readBannerText, setBanner } from './banner';
import { isVitalSignName } from '../../record/vital-signs';
import { addItem, countHidden, joinText, keepOther, pushItem } from './items';
import { noteLine } from './notes';
import { openSection } from './sections';
import type { BuildState } from './state';

/** The column a questionnaire answers in, beside one that asks ("Questionnaire item | Answer"). */
const QUESTIONNAIRE_COLUMN = /^(?:answers?|yes\s*\/\s*no|y\s*\/\s*n)$/i;

export function readTable(s: BuildState, table: TableData) {
  let rows = table.rows.filter((row) => s.keep(row.el));
  if (s.inBannerContext) {
    if (labelValueRows(s, rows)) return;
    // Banner strips laid out as table cells of inline "Label: value" text (legacy EHRs).
    rows = rows.filter(
      (row) =>
        (table.hasControls && isNavigation(row.el)) ||
        !row.cells.map((cell) => readBannerText(s, cell.text, [cell.text], cell.el)).some(Boolean),
    );
    if (!rows.length) return;
  }
  countHidden(s, table.hiddenRows);
  // "BP: | 138/84 mmHg | Pulse: | 88 bpm": label and value cells side by side.
  // Labels that name vital signs ("BP | 128/76 mmHg | HR | 64 | Weight | 198 lb") make vital signs under any heading.
  const vitalSigns = s.itemCategory === 'vitals' ? undefined : vitalSignPairs(rows);
  if (vitalSigns) return readPairs(s, vitalSigns, 'vitals');
  // Rows named by vital signs, a reading a column ("Weight | 85.9 kg (Pre) | 82.8 kg (Post)"): under any heading.
  const vitalRows = s.itemCategory === 'vitals' ? undefined : vitalSignRowItems(table.header, rows, isVitalSignName);
  if (vitalRows) {
    for (const item of vitalRows)
      if (item.category === 'other') keepOther(s, item.text, item.el);
      else pushItem(s, item.category, item.fields, item.text, item.el);
    return;
  }
  const pairs = labelValueCells(rows);
  if (pairs && s.itemCategory && s.itemCategory !== 'other') return readPairs(s, pairs);

  // A questionnaire ("Questionnaire item | Answer | Details") asks; its rows are answers, kept as text, not list items.
  const questionnaire =
    (table.header?.some((h) => QUESTIONNAIRE_COLUMN.test(h.trim())) ?? false) &&
    (table.header?.some((h) => /question/i.test(h)) ?? false);
  let category = questionnaire ? undefined : s.itemCategory;
  if ((!category || category === 'other') && table.header && !questionnaire) {
    const byColumns = mapColumns(table.header, 'labs');
    // Under a heading of its own ("Rx Profile") only a list's own columns say what it is; a column that reads as a
    // section's name ("Problem") does so only where no heading named the table.
    const inferred =
      (s.section?.named
        ? undefined
        : table.header
            .map((h) => classifyHeading(h))
            .find((c) => c && c !== 'patient' && c !== 'encounter' && c !== 'notes' && c !== 'other')) ??
      (byColumns.includes('test') && byColumns.includes('value') ? 'labs' : undefined) ??
      // "Order Name | Status | Dose | Route | Frequency": a medication list by its columns.
      (hasMedicationColumns(table.header) ? 'medications' : undefined);
    if (inferred) {
      if (!s.section) openSection(s, table.header.join(' '), inferred, 3);
      category = inferred as ItemCategory;
    }
  }
  if (!category) {
    // Rows that fit no section are kept as text, in passages (an app shell's grid of labels can
    // run to thousands of rows); rows of links only are navigation.
    const heading = s.sectionHeading;
    let passage: { lines: string[]; el: Element; chars: number } | undefined;
    const flush = () => passage && pushItem(s, 'other', { heading }, passage.lines.join(' · '), passage.el);
    for (const row of rows) {
      const text = row.cells
        .map((c) => c.text)
        .filter(Boolean)
        .join(' · ');
      if (!text || CONTROL_TEXT.test(text)) continue;
      if (table.hasControls && isNavigation(row.el)) {
        s.coverage.skipped += text.length;
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
  const shaped =
    (category === 'vitals' || category === 'labs') && isFlowsheet(table.header)
      ? flowsheetItems(table.header!, rows, category)
      : undefined;
  const columns = table.header ? mapColumns(table.header, category) : [];
  // One reading a column, one time a row ("Date | INR | Weekly dose"; "Time | BP | HR").
  const perTime =
    !shaped &&
    (category === 'vitals' || category === 'labs') &&
    columns.includes('time') &&
    !columns.includes('value') &&
    !columns.includes('test')
      ? readingsByTimeItems(table.header!, columns, rows, category)
      : undefined;
  const cellItems = shaped ?? perTime;
  if (cellItems) {
    for (const item of cellItems)
      if (item.category === 'other' && !item.fields.heading) keepOther(s, item.text, item.el);
      else pushItem(s, item.category, item.fields, item.text, item.el);
    return;
  }
  let lastRow: Element | undefined;
  // An entry's name spanning the rows below it makes them more of that entry (a MAR's second hour); any other first
  // cell that spans down (a date over its results) is each row's own first cell.
  const namedBySpan = ['name', 'test', 'substance'].includes(columns[0] ?? 'name');
  for (const spanned of rows) {
    const row =
      spanned.spannedBy && !namedBySpan ? { ...spanned, cells: [spanned.spannedBy, ...spanned.cells] } : spanned;
    const text = row.cells
      .map((c) => c.text)
      .filter(Boolean)
      .join(' · ');
    if (!text || CONTROL_TEXT.test(text)) continue;
    if (row.spannedBy && namedBySpan && s.lastItem && s.lastItem.el === lastRow) {
      joinText(s, text);
      continue;
    }
    lastRow = row.el;
    if (isEmptyState(text)) {
      if (s.section && s.section.report.count === 0) s.section.report.state = 'empty';
      continue;
    }
    // A row of one cell across a medication table groups the orders below it ("Scheduled", "PRN", "Discontinued").
    if (category === 'medications' && row.cells.filter((c) => c.text).length === 1 && MEDICATION_GROUP_ROW.test(text)) {
      s.subStatus = medicationStatus(text.match(MEDICATION_GROUP_ROW)![1]);
      s.touched.add('item');
      continue;
    }
    const given: Record<string, string> = {};
    row.cells.forEach((cell, i) => {
      const field = columns[i];
      if (field && cell.text) given[field] = cell.meaning ?? cell.text;
    });
    if (category === 'notes' || category === 'messages' || category === 'other') {
      addItem(s, category, text, row.el, given);
      continue;
    }
    // A result row whose value cell is empty has no result yet: kept as text, never given one.
    if ((category === 'labs' || category === 'vitals') && columns.includes('value') && !given.value) {
      keepOther(s, text, row.el);
      continue;
    }
    const primaryField = {
      problems: 'name',
      medications: 'name',
      allergies: 'substance',
      labs: 'test',
      vitals: 'name',
      immunizations: 'name',
      procedures: 'name',
    }[category];
    if (!given[primaryField] && row.cells[0]?.text && columns[0] === undefined) given[primaryField] = row.cells[0].text;
    addItem(s, category, text, row.el, table.header ? given : {});
  }
}

/** Header tables of label/value cells (C-CDA document headers, banner grids). */
export function labelValueRows(s: BuildState, rows: TableData['rows']): boolean {
  // Header tables are short and start with their labels: the first rows decide.
  let labels = 0;
  for (const row of rows.slice(0, 6))
    for (let i = 0; i + 1 < row.cells.length; i += 2) if (classifyLabel(row.cells[i].text)) labels++;
  if (labels < 2) return false;
  for (const row of rows) {
    for (let i = 0; i + 1 < row.cells.length; i += 2) {
      const field = classifyLabel(row.cells[i].text);
      if (field) setBanner(s, field, row.cells[i + 1].text, row.cells[i + 1].el);
    }
  }
  return true;
}

/** A vital sign's label, with or without its colon: words ("SpO2" among them), never a reading. */
function vitalSignLabel(text: string): string | undefined {
  const label = text.replace(/:$/, '').trim();
  return /\d/.test(label) && !isVitalSignName(label) ? undefined : label;
}

/**
 * Rows whose cells alternate a name and its value, with or without colons, where three or more names, at least half of
 * them, name vital signs ("BP | 128/76 mmHg | HR | 64 | Smoking | Former").
 */
function vitalSignPairs(rows: TableData['rows']): Array<{ label: string; value: string; el: Element }> | undefined {
  const pairs = labelValueCells(rows, vitalSignLabel);
  const vital = pairs?.filter((p) => isVitalSignName(p.label)).length ?? 0;
  return vital >= 3 && vital * 2 >= pairs!.length ? pairs : undefined;
}

/** Label/value pairs as the open section's items, or as `byLabels` (vital signs) where their labels say so. */
export function readPairs(
  s: BuildState,
  pairs: Array<{ label: string; value: string; el: Element }>,
  byLabels?: 'vitals',
) {
  const kept = pairs.filter((p) => s.keep(p.el));
  const demographics = kept.filter((p) => isPatientField(classifyLabel(p.label))).length >= 3;
  if ((s.inBannerContext || demographics) && kept.some((p) => classifyLabel(p.label))) {
    for (const p of kept) {
      const field = classifyLabel(p.label);
      if (field) setBanner(s, field, p.value, p.el);
    }
    return;
  }
  const category = byLabels ?? s.itemCategory;
  if (!category) return;
  for (const pair of kept) {
    // Beside vital signs known by their labels, another pair ("Smoking: Former, quit 2009") is kept as text.
    if (byLabels && !isVitalSignName(pair.label)) {
      keepOther(s, `${pair.label}: ${pair.value}`, pair.el);
      continue;
    }
    // A form's "Allergies" row inside another section ("Medication Profile") is the allergy list, as a banner's is.
    if (category !== 'allergies' && classifyLabel(pair.label) === 'allergies') {
      bannerAllergies(s, pair.value, pair.el);
      continue;
    }
    const p = { ...pair, value: tickedAnswer(pair.value) };
    if (isEmptyState(p.value)) continue;
    const text = `${p.label}: ${p.value}`;
    if (category === 'vitals' && !/\d/.test(p.value))
      keepOther(s, text, p.el); // "O2 Device: Room air" is no measurement
    else if (category === 'vitals') addItem(s, category, text, p.el, { name: p.label, value: p.value });
    else if (category === 'labs') addItem(s, category, text, p.el, { test: p.label, value: p.value });
    else if (category === 'notes' || category === 'messages') noteLine(s, category, text, p.el, false);
    else addItem(s, category, category === 'other' ? text : `${p.label} ${p.value}`, p.el);
  }
}

/**
 * The columns of a medication list, whatever its first is called: a dose beside a route or frequency, or a drug
 * beside its directions.
 */
function hasMedicationColumns(header: string[]): boolean {
  const columns = mapColumns(header, 'medications');
  // A pharmacy's profile has no dose column: the drug's column and its directions ("Drug / NDC | … | Sig").
  const drugColumn = header.some((h) => /^(?:drug|medication|medicine)s?\b/i.test(h.trim()));
  return (
    (columns.includes('dose') && (columns.includes('route') || columns.includes('frequency'))) ||
    (columns.includes('frequency') && drugColumn)
  );
}
