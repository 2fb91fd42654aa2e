/**
 * Printed reports in a <pre>: what legacy systems (VistA's health summaries, MEDITECH Magic, mainframe print views)
 * show as monospaced text. Titles are underlined ("ACTIVE PROBLEMS" over "=====") or set in a rule
 * ("------ ADR - Adverse Reactions/Allergies ------"); tables are columns of text under a line of column names.
 */
import { classifyHeading, isTitleLike } from './classify';
import type { TableData } from './tables';

export type PrintedBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  /** `meanings`: what a cell's codes stand for, by the legend above the table (row by row, cell by cell). */
  | { kind: 'table'; header: string[]; rows: string[][]; meanings?: Array<Array<string | undefined>> };

/** A line of "=====" or "-----" under a title. */
const UNDERLINE = /^[=\-_~*]{3,}$/;
/** A title set in a rule: "------ PL - Problem List ------", "*** ALLERGIES ***". */
const RULED_TITLE = /^[=\-_~*]{3,}\s*([^=\-_~*\s].*?)\s*[=\-_~*]{3,}$/;

const withoutBracket = (line: string) => line.replace(/\s*\(.*\)\s*$/, '');

function titleOf(lines: string[], i: number): string | undefined {
  const line = lines[i].trim();
  if (UNDERLINE.test((lines[i + 1] ?? '').trim()) && isTitleLike(withoutBracket(line))) return line;
  const ruled = line.match(RULED_TITLE)?.[1];
  return ruled && classifyHeading(ruled) ? ruled : undefined;
}

/**
 * The report's blocks, or undefined for a <pre> that is not one (a note is read whole): one underlined title, or two
 * ruled titles that name chart sections (a single rule with words in it is a note's "--- Original message ---").
 */
export function readPrintedReport(raw: string): PrintedBlock[] | undefined {
  const lines = raw.replace(/\t/g, '    ').split(/\r?\n/);
  let underlined = 0;
  let ruled = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!titleOf(lines, i)) continue;
    if (RULED_TITLE.test(lines[i].trim())) ruled++;
    else underlined++;
  }
  if (!underlined && ruled < 2) return undefined;
  const blocks: PrintedBlock[] = [];
  let body: string[] = [];
  const flush = () => {
    blocks.push(...sectionBody(body));
    body = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const title = titleOf(lines, i);
    if (title) {
      flush();
      blocks.push({ kind: 'heading', text: title });
    } else if (!UNDERLINE.test(lines[i].trim())) body.push(lines[i]);
  }
  flush();
  return blocks;
}

/** Dot leaders ("Amoxicillin ........ hives") stand for a separator. */
const asText = (line: string) => line.trim().replace(/\s*\.{3,}\s*/g, ' — ');

/**
 * A section's lines: runs under a line of column names become tables, other lines text. A legend above a table says
 * what its codes stand for, and a cell of codes is read as what they stand for ("A$" under "St" is "ACTIVE, SERVICE
 * CONNECTED"); the legend itself stays as text.
 */
function sectionBody(lines: string[]): PrintedBlock[] {
  const blocks: PrintedBlock[] = [];
  let legend: Map<string, string> | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const table = columnTable(lines, i);
    if (table) {
      const codes = legend && [...legend.keys()].sort((a, b) => b.length - a.length);
      const meanings = codes && table.rows.map((row) => row.map((cell) => decoded(cell, codes, legend!)));
      blocks.push({ kind: 'table', header: table.header, rows: table.rows, ...(meanings ? { meanings } : {}) });
      legend = undefined;
      i = table.end - 1;
      continue;
    }
    legend = legendOf(lines[i]);
    blocks.push({ kind: 'text', text: asText(lines[i]) });
  }
  return blocks;
}

/** One "CODE=MEANING" of a legend: a code of up to three characters, a meaning in words. */
const LEGEND_PAIR = /([^\s=:,;]{1,3}) ?= ?([A-Za-z][A-Za-z/-]*(?: [A-Za-z][A-Za-z/-]*\b(?! ?=))*)/g;

/**
 * What the codes of a legend line stand for ("Status: A=ACTIVE  I=INACTIVE  $=SERVICE CONNECTED", "A = Abnormal, H =
 * High"): two or more pairs and nothing else; undefined for any other line.
 */
export function legendOf(line: string): Map<string, string> | undefined {
  if (!line.includes('=')) return undefined; // most lines: no pattern run
  const body = line.trim().replace(/^[A-Za-z][\w /]{0,30}:\s*/, '');
  const legend = new Map<string, string>();
  for (const [, code, meaning] of body.matchAll(LEGEND_PAIR)) legend.set(code, meaning);
  if (legend.size < 2 || body.replace(LEGEND_PAIR, '').replace(/[\s,;]+/g, '') !== '') return undefined;
  return legend;
}

/** What a short cell made only of a legend's codes stands for; undefined for any other cell. */
function decoded(cell: string, codes: string[], legend: Map<string, string>): string | undefined {
  if (!cell || cell.length > 4) return undefined;
  const meanings: string[] = [];
  for (let rest = cell; rest;) {
    const code = codes.find((c) => rest.startsWith(c));
    if (!code) return undefined;
    meanings.push(legend.get(code)!);
    rest = rest.slice(code.length);
  }
  return meanings.join(', ');
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words and runs of words one space apart, with their columns; `gap` is the spacing that separates two tokens. */
function tokens(line: string, gap: RegExp): Token[] {
  const out: Token[] = [];
  // The lazy `??`: a token ends at its first gap, not the last one before a later gap.
  const pattern = new RegExp(`\\S(?:.*?\\S)??(?=${gap.source}|\\s*$)`, 'g');
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    pattern.lastIndex = m.index + m[0].length;
  }
  return out;
}

const words = (line: string) => tokens(line, / /);
const fields = (line: string) => tokens(line, / {2,}/);

/** Column names carry no numbers or labels ("Status: A=ACTIVE  I=INACTIVE" is a legend) and there are three or more. */
function isColumnLine(line: string): boolean {
  const names = fields(line);
  return names.length >= 3 && !/\d{2,}|[:=]/.test(line) && names.every((name) => name.text.length <= 30);
}

/** "Last vitals entered: MAY 12,2025@09:20 by …", "Refusals: …": a labelled line, text after a table. */
const LABELLED_LINE = /^(?:[^:]{1,40}:(?:\s|$)|.{1,80}:$)/;

/**
 * A table under a line of column names, to the next blank line: its columns start where a name stands two spaces from
 * the one before, or one space when every row has a blank there too ("Pulse Resp" are two columns, "Test Name" one).
 * Each field of a row goes to the column it overlaps most (numbers are set flush right under their names).
 */
function columnTable(lines: string[], at: number): { header: string[]; rows: string[][]; end: number } | undefined {
  if (!isColumnLine(lines[at])) return undefined;
  let end = at + 1;
  while (end < lines.length && lines[end].trim()) end++;
  const body = lines.slice(at + 1, end);
  const rowLines = body.filter((line) => fields(line).length >= 2);
  if (rowLines.length === 0) return undefined;
  const headerWords = words(lines[at]);
  // A name one space from the one before starts a column when every row is blank before it and some row fills it.
  const filledUnder = (start: number, end: number) => rowLines.some((line) => line.slice(start, end).trim() !== '');
  const starts = headerWords
    .filter((word, k) => {
      if (k === 0) return true;
      const gap = word.start - headerWords[k - 1].end;
      return (
        gap >= 2 ||
        (rowLines.every((line) => (line[word.start - 1] ?? ' ') === ' ') && filledUnder(word.start, word.end))
      );
    })
    .map((word) => word.start);
  if (starts.length < 3) return undefined;
  const header = starts.map((start, c) =>
    headerWords
      .filter((word) => word.start >= start && word.start < (starts[c + 1] ?? Infinity))
      .map((word) => word.text)
      .join(' '),
  );
  const columnOf = (token: Token) => {
    let best = 0;
    let most = -Infinity;
    starts.forEach((start, c) => {
      const overlap = Math.min(token.end, starts[c + 1] ?? Infinity) - Math.max(token.start, start);
      if (overlap > most) {
        most = overlap;
        best = c;
      }
    });
    return best;
  };
  const rows: string[][] = [];
  for (let k = 0; k < body.length; k++) {
    const found = fields(body[k]);
    const last = rows[rows.length - 1];
    if (found[0].start <= starts[0] && LABELLED_LINE.test(found[0].text)) {
      end = at + 1 + k;
      break;
    }
    // One indented field: the row above goes on ("SIG: TAKE ONE TABLET…", the codes under a problem's name).
    if (last && found.length === 1 && found[0].start > starts[0]) {
      const c = columnOf(found[0]);
      last[c] = last[c] ? `${last[c]} ${found[0].text}` : found[0].text;
      continue;
    }
    const cells: string[] = starts.map(() => '');
    for (const field of found) {
      // One space may part two columns where a word starts right at a column ("05/12/25 09:14 SERUM" is a time and a
      // specimen); a long name spilling past its column stays whole.
      let piece: Token | undefined;
      const place = (token: Token) => {
        const c = columnOf(token);
        cells[c] = cells[c] ? `${cells[c]} ${token.text}` : token.text;
      };
      for (const word of words(field.text)) {
        const start = field.start + word.start;
        const end = field.start + word.end;
        if (piece && !starts.includes(start)) {
          piece = { text: `${piece.text} ${word.text}`, start: piece.start, end };
          continue;
        }
        if (piece) place(piece);
        piece = { text: word.text, start, end };
      }
      if (piece) place(piece);
    }
    // A name too long for its column has the rest of its row on the next line.
    const lastFilled = last ? last.flatMap((cell, c) => (cell ? [c] : [])) : [];
    const firstFilled = cells.findIndex(Boolean);
    if (last && lastFilled.length === 1 && firstFilled > lastFilled[0]) {
      cells.forEach((cell, c) => cell && (last[c] = cell));
      continue;
    }
    rows.push(cells);
  }
  return { header, rows, end };
}

/** A printed table as the walker's table: every cell stands for the <pre> it is printed in. */
export function printedTable(block: Extract<PrintedBlock, { kind: 'table' }>, pre: Element): TableData {
  return {
    header: block.header,
    rows: block.rows.map((row, r) => ({
      el: pre,
      cells: row.map((text, c) => {
        const meaning = block.meanings?.[r][c];
        return meaning ? { text, el: pre, meaning } : { text, el: pre };
      }),
    })),
    hiddenRows: 0,
    hasControls: false,
  };
}
