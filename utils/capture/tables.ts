/**
 * Tabular content in its three common shapes, normalised to one structure:
 * HTML tables, ARIA tables/grids, and grids of divs with repeated row structure.
 */
import type { ItemCategory } from '../record/schema';
import { isSectionTitle } from './classify';
import { findDate } from './fields';
import { lineOf, isLeaf } from './text';
import { visibilityOf } from './visibility';

export interface TableCell {
  text: string;
  el: Element;
  /** What the cell's code stands for, by the page's own legend ("A" under "St" is "ACTIVE"). */
  meaning?: string;
}
export interface TableRow {
  el: Element;
  cells: TableCell[];
  /** The first cell of an entry above spans down into this row (`rowspan`): a MAR's second hour, a date's results. */
  spannedBy?: TableCell;
}
export interface TableData {
  header?: string[];
  rows: TableRow[];
  hiddenRows: number;
  /** A first row that is one cell across the table, naming it ("ACTIVE PROBLEMS" in legacy EHRs). */
  title?: TableCell;
  /** Whether any row holds a link or a button: asked once a table, so rows without are never asked. */
  hasControls: boolean;
}

/** Longest text a title row may have; a longer one-cell row is content. */
const MAX_TITLE_CHARS = 100;

const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  // Sibling pointers rather than `row.cells`: no collection is made for each of thousands of rows.
  if (row.tagName === 'TR') {
    for (let c = row.firstElementChild; c; c = c.nextElementSibling)
      if (c.tagName === 'TD' || c.tagName === 'TH') cells.push(c);
    return cells;
  }
  // An ARIA grid hides a column by hiding its cells ("1 column collapsed"): a hidden cell is no column.
  for (let c = row.firstElementChild; c; c = c.nextElementSibling)
    if (CELL_ROLES.has(c.getAttribute('role') ?? '') && visibilityOf(c, true, false) === 'visible') cells.push(c);
  return cells.length ? cells : childElements(row);
}

/** A row's element children, by sibling pointers: `Array.from(children)` costs more on thousands of rows. */
function childElements(row: Element): Element[] {
  const cells: Element[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) cells.push(c);
  return cells;
}

/** A header row's names, one a column: a name spanning columns (`colspan`, `aria-colspan`) stands over each. */
function spread(cellEls: Element[], cells: TableCell[]): string[] {
  const names: string[] = [];
  cellEls.forEach((el, i) => {
    const span = Number(el.getAttribute('aria-colspan') ?? el.getAttribute('colspan') ?? 1);
    for (let k = 0; k < (Number.isInteger(span) && span > 1 && span <= 50 ? span : 1); k++) names.push(cells[i].text);
  });
  return names;
}

function isHeaderRow(row: Element, cells: Element[]): boolean {
  if (row.parentElement?.tagName === 'THEAD') return true;
  if (cells.length > 0 && cells.every((c) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader'))
    return true;
  return false;
}

/** Does this row read as column names rather than data? */
export function looksLikeHeader(texts: string[]): boolean {
  if (texts.length < 2) return false;
  // Column names carry no numbers; at least one of them is a word EHRs use for columns
  // ("Date | Blood pressure | Heart rate | SpO2"). A data row of a grid nearly always has a number.
  if (!texts.every((t) => t.trim() && !/\d/.test(t.replace(/SpO2|O2|A1c|B12|T4|T3/gi, '')))) return false;
  return texts.some((t) => COLUMN_WORD.test(t.trim()));
}

/**
 * Readers are generators: every ROWS_PER_TICK rows they yield how many elements they read, so the
 * caller can hand the main thread back to the page in the middle of a 2,000-row table.
 */
export type TableReader = Generator<number, TableData>;
const ROWS_PER_TICK = 100;

export function readTable(table: Element, layout: boolean): TableReader {
  const rowEls =
    table.tagName === 'TABLE'
      ? Array.from((table as HTMLTableElement).rows)
      : Array.from(table.querySelectorAll('[role="row"]'));
  return withVirtualRows(table, rowEls.length, readRows(rowEls, layout, cellsOf, hasControls(table)));
}

/**
 * A virtualised grid renders some of its rows and says how many it has (`aria-rowcount`): the
 * rest are not on screen and are reported as hidden entries, never taken as read.
 */
function* withVirtualRows(table: Element, present: number, reader: TableReader): TableReader {
  const data = yield* reader;
  const declared = Number(table.getAttribute('aria-rowcount'));
  if (Number.isInteger(declared) && declared > present) data.hiddenRows += declared - present;
  return data;
}

/**
 * Reads a div grid found by `gridRows`, checking each row's cells as it goes (so the check is
 * sliced with the reading); undefined when a row turns out not to be one, and the container is
 * then read as a page.
 */
export function readGrid(
  container: Element,
  rows: Element[],
  layout: boolean,
): Generator<number, TableData | undefined> {
  // Each row is checked as it is read, in one pass over the rows.
  return readRows(rows, layout, childElements, hasControls(container), isGridRow);
}

/**
 * Reads a CSS grid of flat cells found by `gridCellRows` (boxes.ts): each row is its cells, and its first cell stands
 * for it (no element holds a row).
 */
export function readCellRows(container: Element, rows: Element[][], layout: boolean): TableReader {
  const cellsByFirst = new Map(rows.map((row) => [row[0], row]));
  return readRows(
    rows.map((row) => row[0]),
    layout,
    (first) => cellsByFirst.get(first) ?? [first],
    hasControls(container),
  );
}

const hasControls = (container: Element) => container.querySelector('a, button') !== null;

function readRows(
  rowEls: Element[],
  layout: boolean,
  cellsFor: (row: Element) => Element[],
  controls: boolean,
): TableReader;
function readRows(
  rowEls: Element[],
  layout: boolean,
  cellsFor: (row: Element) => Element[],
  controls: boolean,
  isRow: (row: Element) => boolean,
): Generator<number, TableData | undefined>;
/** Reads rows into cells; with `isRow`, undefined as soon as a row fails it (the container is then no table). */
function* readRows(
  rowEls: Element[],
  layout: boolean,
  cellsFor: (row: Element) => Element[],
  controls: boolean,
  isRow?: (row: Element) => boolean,
): Generator<number, TableData | undefined> {
  const data: TableData = { rows: [], hiddenRows: 0, hasControls: controls };
  let read = 0;
  // The first cell that spans down (rowspan) and the index of the first row below it.
  let spanning: { cell: TableCell; until: number } | undefined;
  for (let i = 0; i < rowEls.length; i++) {
    const rowEl = rowEls[i];
    if (i > 0 && i % ROWS_PER_TICK === 0) {
      yield read;
      read = 0;
    }
    if (isRow && !isRow(rowEl)) return undefined;
    read++;
    if (visibilityOf(rowEl, layout, false) !== 'visible') {
      data.hiddenRows++;
      continue;
    }
    const cellEls = cellsFor(rowEl);
    read += cellEls.length;
    const cells = cellEls.map((el) => ({ text: lineOf(el), el }));
    if (cells.every((c) => !c.text)) continue;
    // One cell spanning the columns of the rows below it.
    const spans =
      cellEls.length === 1 &&
      ((cellEls[0] as HTMLTableCellElement).colSpan > 1 ||
        (i + 1 < rowEls.length && cellsFor(rowEls[i + 1]).length > 1));
    if (
      !data.title &&
      !data.header &&
      data.rows.length === 0 &&
      spans &&
      cells[0].text.length <= MAX_TITLE_CHARS &&
      rowEls.length > 1
    ) {
      data.title = cells[0];
      continue;
    }
    if (
      !data.header &&
      data.rows.length === 0 &&
      (isHeaderRow(rowEl, cellEls) || looksLikeHeader(cells.map((c) => c.text)))
    ) {
      data.header = spread(cellEls, cells);
      continue;
    }
    // A second row of column names under the first ("06/14/2025" spanning its times "16:00 | 20:00"): each column's
    // name is both ("06/14/2025 16:00"), so a flowsheet's columns are its times on their dates.
    if (data.header && data.rows.length === 0 && isHeaderRow(rowEl, cellEls)) {
      const below = spread(cellEls, cells);
      const above = data.header;
      if (below.length === above.length)
        data.header = below.map((name, i) => (above[i] && i > 0 && above[i] !== name ? `${above[i]} ${name}` : name));
      else if (below.length > above.length) data.header = below;
      continue;
    }
    if (rowEl.parentElement?.tagName === 'THEAD') continue; // a second header row
    if (spanning && i < spanning.until) {
      data.rows.push({ el: rowEl, cells, spannedBy: spanning.cell });
      continue;
    }
    const rowSpan = (cellEls[0] as HTMLTableCellElement | undefined)?.rowSpan ?? 1;
    spanning = rowSpan > 1 ? { cell: cells[0], until: i + rowSpan } : undefined;
    data.rows.push({ el: rowEl, cells });
  }
  yield read;
  return data;
}

const NOT_A_ROW = new Set(['ARTICLE', 'SECTION', 'FORM', 'P', 'BLOCKQUOTE']);
const NOT_A_CELL = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'BLOCKQUOTE', 'PRE', 'LABEL']);
const MAX_CELL_CHARS = 160;

/**
 * A div grid: at least two visible rows of the same tag, each with the same number (≥2) of leaf
 * cells. App-style EHRs render lists this way, without table markup or roles. Here only the shape
 * of every row and the cells of the first are checked; `readGrid` checks the other rows' cells.
 */
export function gridRows(container: Element): Element[] | undefined {
  if (container.childElementCount < 2) return undefined;
  const rows = Array.from(container.children);
  const first = rows[0];
  const width = first.childElementCount;
  if (width < 2 || width > 12) return undefined;
  if (NOT_A_ROW.has(first.tagName)) return undefined;
  for (const row of rows) if (row.tagName !== first.tagName || row.childElementCount !== width) return undefined;
  // A card whose first row is its title bar ("Immunizations | ImmuNet synced 06/01/2025") is a titled list, no grid.
  // (A first row of column names, "Medication | Dose | Route", heads a grid.)
  const firstTexts = Array.from(first.children, (cell) => lineOf(cell));
  if (isSectionTitle(firstTexts[0]) && !looksLikeHeader(firstTexts)) return undefined;
  // Columns of a form's rows ("<label>Pulse</label> 88" under "<label>Temperature</label> 97.9 °F") are no grid row.
  if (first.querySelector('label')) return undefined;
  return isGridRow(first) ? rows : undefined;
}

/** Grid cells are short values; headings and paragraphs make a document, not a grid. */
function isGridRow(row: Element): boolean {
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    if (NOT_A_CELL.has(c.tagName)) return false;
    const text = c.textContent ?? '';
    if (text.length > MAX_CELL_CHARS) return false;
    // A cell with no text (icons, a spacer) is an empty cell, whatever holds it: no need to look inside.
    if (HAS_TEXT.test(text) && !isLeaf(c)) return false;
  }
  return true;
}

const HAS_TEXT = /\S/;

/** Any word real EHRs use as a column name; header detection for tables without <th>. */
const COLUMN_WORD =
  /^(problem|diagnosis|condition|description|name|status|onset|date|medication|drug|dose|strength|route|frequency|sig|directions|start|allergen|substance|allergy|reactions?|severity|vital|measurement|value|result|units?|reference range|ref range|range|flag|test|component|collected|vaccine|procedure|time|type|author|subject|from|sender|reading|interpretation|prescriber|notes?|comments?|dosage|instructions|date given)$/i;

type Columns = Record<string, RegExp>;
export const COLUMN_SYNONYMS: Record<ItemCategory, Columns> = {
  problems: {
    name: /^(problem|diagnosis|condition|description|name|problem name|name of problem|issue|problem\/diagnosis)$/i,
    status: /^(status|st|clinical status|life ?cycle status)$/i,
    onset: /^(onset|onset date|date|noted|since|diagnosed|date noted|date of onset|start|recorded)$/i,
  },
  medications: {
    name: /^(medication|drug|name|medicine|description|medication name|product|medications|order name|order|orderable)$/i,
    dose: /^(dose|strength|dosage|amount)$/i,
    route: /^route$/i,
    frequency: /^(frequency|freq|sig|directions|instructions|schedule|how to take)$/i,
    status: /^status$/i,
    start: /^(start|started|start date|date started|ordered|date|prescribed|start date\/time)$/i,
  },
  allergies: {
    substance: /^(allergen|substance|allergy|agent|name|allergy\/intolerance|drug|trigger|allergies)$/i,
    reaction: /^(reactions?|manifestations?)$/i,
    severity: /^(severity|criticality)$/i,
  },
  vitals: {
    name: /^(vital|vital sign|measurement|name|type|sign|vitals)$/i,
    value: /^(value|result|reading|measurement value)$/i,
    unit: /^units?$/i,
    time: /^(date|time|date\/time|taken|recorded|when|measured|measurement (?:date|dt)|dt)$/i,
  },
  labs: {
    test: /^(test|lab|component|name|analyte|result name|test name|observation|lab test|result type)$/i,
    value: /^(value|result|results|your value|result value|observed value)$/i,
    unit: /^units?$/i,
    range: /^(reference range|ref range|range|normal range|reference|standard range|ref\. range|reference interval)$/i,
    flag: /^(flag|abnormal|interpretation|abn|abnormal flag|status)$/i,
    time: /^(date|collected|time|resulted|collection (?:date|dt|date\/time)|date\/time|result date|date collected|dt)$/i,
  },
  immunizations: {
    name: /^(vaccine|immunization|name|vaccine name)$/i,
    date: /^(date|date given|administered|given|date administered)$/i,
  },
  procedures: { name: /^(procedure|name|description|surgery)$/i, date: /^(date|performed|date performed)$/i },
  notes: {
    title: /^(title|type|note type|note)$/i,
    author: /^(author|provider|signed by|clinician)$/i,
    date: /^(date|time|signed)$/i,
  },
  messages: { from: /^(from|sender)$/i, date: /^(date|sent|received)$/i, subject: /^(subject|topic)$/i },
  other: {},
};

/** Maps each header column to a field name of the category (or undefined). */
export function mapColumns(header: string[], category: ItemCategory): Array<string | undefined> {
  const synonyms = COLUMN_SYNONYMS[category];
  const used = new Set<string>();
  return header.map((h) => {
    const clean = h.replace(/[:*]/g, '').trim();
    // "Drug / NDC", "Test / Panel": a column of two things is named by the first, the main one.
    const first = clean.split(/\s+\/\s+/)[0];
    for (const name of first === clean ? [clean] : [clean, first])
      for (const [field, pattern] of Object.entries(synonyms)) {
        if (!used.has(field) && pattern.test(name)) {
          used.add(field);
          return field;
        }
      }
    return undefined;
  });
}

/** The columns of a header that are dates (after the first, which names the row). */
export function dateColumns(header: string[]): number[] {
  const columns: number[] = [];
  header.forEach((h, i) => {
    if (i > 0 && h && findDate(h) !== undefined) columns.push(i);
  });
  return columns;
}

/**
 * A header whose value columns are dates: a vitals/labs flowsheet, one column per time. Every column after the first
 * is a date ("Vital | 06/01 | 06/02"), or two or more are, beside columns that describe the row ("Observation | LOINC
 * | Unit | 2024-11-18 | 2025-02-20 | Trend", as FHIR viewers show).
 */
export function isFlowsheet(header: string[] | undefined): boolean {
  if (!header || header.length < 2) return false;
  const rest = header.slice(1).filter(Boolean);
  const dates = dateColumns(header).length;
  return rest.length > 0 && (dates === rest.length || dates >= 2);
}
