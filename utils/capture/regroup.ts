/**
 * Blocks from structures the walker reads whole: a table whose rows are grouped under rows naming a list, and a page of
 * text placed line by line (boxes.ts finds its lines).
 */
import { classifyHeading, isTitleLike, LIST_SECTIONS, type SectionCategory } from './classify';
import { looksLikeHeader, type TableData } from './tables';
import { lineOf } from './text';
import type { Block } from './walk';

/**
 * The lists a table's group row may name (a list section, procedures aside); a visit's or a note's group ("This Visit")
 * stays in the list it is in.
 */
const isGroupList = (category: SectionCategory | undefined) => LIST_SECTIONS.has(category) && category !== 'procedures';

/**
 * A table whose rows are grouped under rows of one cell naming a part of the chart ("Vital Signs", "Laboratory" across
 * a flowsheet): each group a table of its own under that name as a heading, the columns' names kept for each.
 */
export function* atSectionRows(table: TableData, el: Element): Generator<Block> {
  const isSectionRow = (row: TableData['rows'][number]) =>
    row.cells.length === 1 && isTitleLike(row.cells[0].text) && isGroupList(classifyHeading(row.cells[0].text));
  if (!table.header || !table.rows.some(isSectionRow)) {
    yield { kind: 'table', table, el };
    return;
  }
  let rows: TableData['rows'] = [];
  let hiddenRows = table.hiddenRows;
  const flush = function* (): Generator<Block> {
    if (rows.length) yield { kind: 'table', table: { ...table, rows, hiddenRows }, el };
    rows = [];
    hiddenRows = 0;
  };
  for (const row of table.rows) {
    if (isSectionRow(row)) {
      yield* flush();
      // The table stands for the heading: its section holds the table's groups (a row would scope it to itself).
      yield { kind: 'heading', text: row.cells[0].text, level: 4, el };
    } else rows.push(row);
  }
  yield* flush();
}

/**
 * Placed lines as blocks: a line that opens with a section's label in capitals ("VITALS:", "ALLERGIES:") is that
 * section's heading, and the rest of it its first line unless it only names columns ("SIG", "SINCE"); every other
 * line is text, its fragments its parts ("BP 118/76", "HR 92").
 */
export function* placedText(lines: Element[][], page: Element): Generator<Block> {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const parts = line.map((fragment) => lineOf(fragment)).filter(Boolean);
    if (!parts.length) continue;
    // A line of three or more column names ("TEST | RESULT | FLAG | UNITS | REF RANGE") over rows placed under them.
    const table =
      parts.length >= 3 && !parts[0].endsWith(':') && looksLikeHeader(parts) ? placedTable(lines, i) : undefined;
    if (table) {
      yield { kind: 'table', table: table.data, el: line[0] };
      i = table.end - 1;
      continue;
    }
    const label = parts[0].endsWith(':') && parts[0] === parts[0].toUpperCase() ? parts[0] : undefined;
    if (label && isTitleLike(label)) {
      yield { kind: 'heading', text: label.slice(0, -1), level: 3, el: line[0], implied: true, scope: page };
      const rest = parts.slice(1);
      if (rest.length && !rest.every((part) => COLUMN_NAME.test(part)))
        yield { kind: 'text', text: rest.join(' '), parts: rest, el: line[1] ?? line[0] };
      continue;
    }
    yield { kind: 'text', text: parts.join(' '), parts, el: line[0] };
  }
}

/**
 * The rows placed under a line of column names, from `at` to the first line that is no row (one fragment, or a
 * "LABEL:" line): each fragment goes to the column whose name starts at or left of it.
 */
function placedTable(lines: Element[][], at: number): { data: TableData; end: number } | undefined {
  const names = lines[at];
  const starts = names.map((name) => (name as HTMLElement).offsetLeft);
  const columnOf = (fragment: Element) => {
    const left = (fragment as HTMLElement).offsetLeft + COLUMN_SLACK;
    let column = 0;
    starts.forEach((start, c) => {
      if (start <= left) column = c;
    });
    return column;
  };
  const rows: TableData['rows'] = [];
  let end = at + 1;
  for (; end < lines.length; end++) {
    const line = lines[end];
    if (line.length < 2 || /^[^:]{1,30}:/.test(lineOf(line[0]))) break;
    const cells = names.map(() => ({ text: '', el: line[0] }));
    for (const fragment of line) {
      const cell = cells[columnOf(fragment)];
      const text = lineOf(fragment);
      cell.text = cell.text ? `${cell.text} ${text}` : text;
      if (cell.el === line[0] && fragment !== line[0]) cell.el = fragment;
    }
    rows.push({ el: line[0], cells });
  }
  if (!rows.length) return undefined;
  const header = names.map((name) => lineOf(name));
  return { data: { header, rows, hiddenRows: 0, hasControls: false }, end };
}

/** How far left of its column's name a value may start (px): placed text is rarely aligned to the pixel. */
const COLUMN_SLACK = 8;

/** A column's name in capitals over placed columns ("SIG", "SINCE", "ICD-10"). */
const COLUMN_NAME = /^[A-Z][A-Z0-9/-]{1,11}$/;
