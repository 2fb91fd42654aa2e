/**
 * Tables that hold one value per cell rather than one item per row: a flowsheet (one column per
 * date, group rows such as "VITAL SIGNS" and "LABS") and vital signs by time (one row per time,
 * one column per sign). Each cell with a value becomes an item; empty cells stay empty.
 */
import type { ItemCategory } from '../record/schema';
import { classifyHeading } from './classify';
import { toIsoDate } from '../record/dates';
import { splitValueUnit } from './fields';
import { dateColumns, type TableData } from './tables';

export interface CellItem {
  category: ItemCategory;
  fields: Record<string, string | undefined>;
  text: string;
  el: Element;
}

const EMPTY_CELL = /^(?:-|—)?$/;

type Cell = TableData['rows'][number]['cells'][number];

export function flowsheetItems(header: string[], rows: TableData['rows'], category: 'vitals' | 'labs'): CellItem[] {
  const items: CellItem[] = [];
  let rowCategory: 'vitals' | 'labs' | 'other' = category;
  // Only the date columns hold values; a code, unit or trend column describes the row.
  const dates = dateColumns(header);
  const unitColumn = header.findIndex((h) => /^units?$/i.test(h.trim()));
  for (const row of rows) {
    const name = row.cells[0]?.text;
    if (!name) continue;
    // Group rows ("VITAL SIGNS", "LABS") switch what the rows below them are.
    if (row.cells.filter((c) => c.text).length === 1) {
      const group = classifyHeading(name);
      rowCategory = group === 'vitals' || group === 'labs' ? group : 'other';
      continue;
    }
    if (rowCategory === 'other') {
      // Rows under a group that is neither vitals nor results (intake and output): kept as text.
      items.push({
        category: 'other',
        fields: { heading: name },
        text: row.cells
          .map((c) => c.text)
          .filter(Boolean)
          .join(' · '),
        el: row.el,
      });
      continue;
    }
    // A unit column gives the unit of the values that show none ("kg", then 101.2 · 99.8 · 97.4).
    const rowUnit = unitColumn >= 0 ? row.cells[unitColumn]?.text : undefined;
    for (const i of dates) {
      const cell = row.cells[i];
      if (!cell || EMPTY_CELL.test(cell.text)) continue;
      // "06/08/202506:00": a date and a time in one header cell, set apart on the page by layout.
      const time = header[i].replace(/(\d{4})(\d{1,2}:\d{2})/, '$1 $2');
      const split = splitValueUnit(cell.text);
      if (!split.unit && rowUnit) split.unit = rowUnit;
      const fields = rowCategory === 'vitals' ? { name, ...split, time } : { test: name, ...split, time };
      items.push({ category: rowCategory, fields, text: `${name} ${cell.text} (${time})`, el: cell.el });
    }
  }
  return items;
}

/** Columns beside a reading that say how, where or by whom it was taken, or what changed. */
const ABOUT_A_READING =
  /^(?:scale|change|by|method|position|site|comments?|notes?|(?:entered|recorded|taken|documented) by|source|device|initials|user|staff|method \/ position|age|%ile|percentile|z-?score|.+ %ile|(?:weekly |daily |total )?dose|dosage|next (?:check|due|visit))$/i;

/** One reading of a table cell: its value and unit, the row's name, and when it was taken. */
function readingOf(category: 'vitals' | 'labs', name: string, cell: Cell, time: string | undefined): CellItem {
  return {
    category,
    fields: { [category === 'labs' ? 'test' : 'name']: name, ...splitValueUnit(cell.text), time },
    text: `${name} ${cell.text}${time ? ` (${time})` : ''}`,
    el: cell.el,
  };
}

/** A row with no reading, kept as it is shown. */
function rowAsShown(row: TableData['rows'][number]): CellItem[] {
  const shown = row.cells.map((c) => c.text).filter(Boolean);
  return shown.length ? [{ category: 'other', fields: {}, text: shown.join(' · '), el: row.el }] : [];
}

export function readingsByTimeItems(
  header: string[],
  columns: Array<string | undefined>,
  rows: TableData['rows'],
  category: 'vitals' | 'labs',
): CellItem[] {
  const items: CellItem[] = [];
  const timeColumn = columns.indexOf('time');
  for (const row of rows) {
    const time = row.cells[timeColumn]?.text;
    const readings: CellItem[] = [];
    // What says how or by whom a reading was taken ("Scale | Change | By", a percentile after it) is said of the
    // reading before it (of every reading, when it comes first); a row with no reading is kept as it is shown.
    const about = new Map<CellItem | undefined, string[]>();
    row.cells.forEach((cell, i) => {
      const name = header[i];
      if (i === timeColumn || EMPTY_CELL.test(cell.text) || !name) return;
      if (ABOUT_A_READING.test(name) || !/\d/.test(cell.text) || toIsoDate(cell.text)) {
        const of = readings[readings.length - 1];
        about.set(of, [...(about.get(of) ?? []), `${name}: ${cell.text}`]);
        return;
      }
      readings.push(readingOf(category, name, cell, time));
    });
    if (!readings.length) {
      items.push(...rowAsShown(row));
      continue;
    }
    const first = about.get(undefined) ?? [];
    for (const reading of readings) {
      const said = [...first, ...(about.get(reading) ?? [])];
      items.push(said.length ? { ...reading, text: `${reading.text} · ${said.join('; ')}` } : reading);
    }
  }
  return items;
}

/**
 * Rows named by vital signs with a reading in each column ("Parameter | Pre (06:58) | Post (11:06) | Comment", then
 * "Weight (standing) | 85.9 kg | 82.8 kg | Net UF 3.0 L"): each reading is an item, timed by its column's header, with
 * what the other columns say of it; undefined unless three or more rows, at least half of them, name vital signs.
 */
const TIME_OR_PHASE =
  /\d{1,2}:\d{2}|\d{1,2}\/\d{1,2}|^(?:pre|post|before|after|baseline|initial|final|admission|discharge|am|pm|start|end|mid)\b/i;

export function vitalSignRowItems(
  header: string[] | undefined,
  rows: TableData['rows'],
  isVitalSign: (label: string) => boolean,
): CellItem[] | undefined {
  // Without header markup, a first row that names no vital sign is the header ("Parameter | Pre (06:58) | …").
  const headless = !header && rows.length > 0 && !isVitalSign(rows[0].cells[0]?.text ?? '');
  const columns = header ?? (headless ? rows[0].cells.map((cell) => cell.text) : undefined);
  if (headless) rows = rows.slice(1);
  // The columns past the first are times or phases of care ("Pre (06:58)", "Post", "06/10 08:00"), not a result and
  // its range: "Vital | Result | Reference range" is a list, read as one.
  const timed = columns?.slice(1).filter((column) => TIME_OR_PHASE.test(column)).length ?? 0;
  if (!columns || columns.length < 3 || timed < 2) return undefined;
  const named = rows.filter((row) => row.cells.length >= 3 && isVitalSign(row.cells[0].text));
  if (named.length < 3 || named.length * 2 < rows.length) return undefined;
  const items: CellItem[] = [];
  for (const row of rows) {
    const name = row.cells[0]?.text ?? '';
    const readings: CellItem[] = [];
    const said: string[] = [];
    row.cells.slice(1).forEach((cell, index) => {
      const column = columns[index + 1] ?? '';
      if (EMPTY_CELL.test(cell.text)) return;
      if (!isVitalSign(name) || ABOUT_A_READING.test(column) || !/\d/.test(cell.text) || toIsoDate(cell.text)) {
        said.push(column ? `${column}: ${cell.text}` : cell.text);
        return;
      }
      readings.push(readingOf('vitals', name, cell, column || undefined));
    });
    if (!readings.length) {
      items.push(...rowAsShown(row));
      continue;
    }
    for (const reading of readings)
      items.push(said.length ? { ...reading, text: `${reading.text} · ${said.join('; ')}` } : reading);
  }
  return items;
}
