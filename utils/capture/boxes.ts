/**
 * Boxes that CSS lays out as rows and columns without table markup: a grid of flat cells (`.kv` of label, value,
 * label, value…; a medication grid of time, drug, note) and a wrapping row of chips (one problem a chip). Markup
 * alone reads them as one run of text; their computed style says where each row and entry ends.
 */
import { isLeaf, lineOf } from './text';
import { SKIPPED_TAGS, visibilityOf } from './visibility';

interface BoxStyle {
  /** Column widths of a grid (px), empty for anything else. */
  columns: number[];
  /** A flex box that wraps its children onto new lines, or stacks them. */
  flows: boolean;
  /** Placed at coordinates of its own (`position: absolute`), as PDF text layers and OCR viewers place each line. */
  placed: boolean;
  /** A box of its own inside a line of text (`inline-block`, `inline-flex`): a pill or a chip. */
  inlineBox?: boolean;
}

const NO_BOX: BoxStyle = { columns: [], flows: false, placed: false };
const INLINE_BOX: BoxStyle = { ...NO_BOX, inlineBox: true };
/** Elements of one tag and class share their layout nearly always: the style is read once per class per capture. */
const styleByClass = new Map<string, BoxStyle>();

/** Forgets the layouts seen: called at the start of each read (the page's styles may have changed). */
export function resetBoxCache() {
  styleByClass.clear();
}

function boxStyle(el: Element): BoxStyle {
  const key =
    typeof el.className === 'string' && el.className && !el.hasAttribute('style')
      ? `${el.tagName}.${el.className}`
      : undefined;
  const known = key ? styleByClass.get(key) : undefined;
  if (known) return known;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  let box = NO_BOX;
  if (style?.position === 'absolute') box = { ...NO_BOX, placed: true };
  else if (style?.display === 'inline-block') box = INLINE_BOX;
  else if (style && /grid/.test(style.display)) {
    // The used track sizes ("96px 412px"), line names in brackets left out.
    const columns = style.gridTemplateColumns
      .replace(/\[[^\]]*\]/g, ' ')
      .trim()
      .split(/\s+/)
      .map((track) => Number.parseFloat(track))
      .filter((width) => Number.isFinite(width));
    box = { columns, flows: false, placed: false };
  } else if (style && /flex/.test(style.display)) {
    box = {
      columns: [],
      flows: style.flexWrap !== 'nowrap' || style.flexDirection.startsWith('column'),
      placed: false,
      inlineBox: style.display === 'inline-flex',
    };
  }
  if (key && styleByClass.size < 5_000) styleByClass.set(key, box);
  return box;
}

/**
 * The element children that render (icons, scripts and hidden children take no cell), or undefined when text stands
 * between them (bare text is a cell of its own that no element marks).
 */
function cellChildren(el: Element): Element[] | undefined {
  const cells: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      if ((n as Text).data.trim()) return undefined;
    } else if (n.nodeType === 1 && !SKIPPED_TAGS.has((n as Element).tagName)) {
      if (visibilityOf(n as Element, true, false) === 'visible') cells.push(n as Element);
    }
  }
  return cells;
}

const MIN_CELLS = 4;

/**
 * The rows of a grid whose cells are its children: at least two rows of two or more columns of unequal widths (a label
 * column beside its values; equal columns lay out cards, each a thing of its own), every cell one run of text. Rows are
 * the children taken a column count at a time, as the grid places them; undefined when a cell spans columns (a row
 * would not start in the first column).
 */
export function gridCellRows(el: Element): Element[][] | undefined {
  if (el.childElementCount < MIN_CELLS) return undefined;
  const { columns } = boxStyle(el);
  if (columns.length < 2 || columns.every((width) => Math.abs(width - columns[0]) < 1)) return undefined;
  const cells = cellChildren(el);
  if (!cells || cells.length < 2 * columns.length) return undefined;
  if (!cells.every((cell) => isLeaf(cell))) return undefined;
  const rows: Element[][] = [];
  const left = (cells[0] as HTMLElement).offsetLeft;
  for (let i = 0; i < cells.length; i += columns.length) {
    const row = cells.slice(i, i + columns.length);
    if (Math.abs((row[0] as HTMLElement).offsetLeft - left) > 1) return undefined;
    rows.push(row);
  }
  return rows;
}

/**
 * The entries of a run of text laid out as separate boxes: chips in a wrapping flex row, pills set inline, cards in a
 * grid of equal columns. Three or more children with text, each an entry; undefined for anything else (a row of label
 * and value is one line).
 */
export function boxEntries(el: Element): Element[] | undefined {
  if (el.childElementCount < 3) return undefined;
  const { columns, flows } = boxStyle(el);
  const cards = columns.length >= 2 && columns.every((width) => Math.abs(width - columns[0]) < 1);
  // Pills in a line of text: each child a box of its own (`inline-block`), with only white space between them.
  const pills = !flows && !cards && boxStyle(el.firstElementChild!).inlineBox === true;
  if (!flows && !cards && !pills) return undefined;
  const cells = cellChildren(el);
  // Buttons set inline ("Expand all", "Print") are a toolbar, not entries.
  const pill = (cell: Element) => boxStyle(cell).inlineBox === true && !isControl(cell);
  if (!cells || (pills && !cells.every(pill))) return undefined;
  const entries = cells.filter((cell) => lineOf(cell));
  // Entries are alike (every chip a "chip", whatever its state); a row that wraps has parts of different kinds (a
  // name, a code, a status).
  const kind = (cell: Element) =>
    `${cell.tagName}.${(typeof cell.className === 'string' ? cell.className : '').split(/\s+/)[0]}`;
  return entries.length >= 3 && entries.every((entry) => kind(entry) === kind(entries[0])) ? entries : undefined;
}

/** Fragments placed one line apart make a line when their tops are this close (px). */
const SAME_LINE = 4;

/**
 * The lines of a page whose text is placed fragment by fragment at coordinates (a fax or PDF viewer's text layer): six
 * or more placed children, each one run of text, grouped by their top and read left to right. Undefined for anything
 * else.
 */
export function placedLines(el: Element): Element[][] | undefined {
  if (el.childElementCount < 6) return undefined;
  const first = el.firstElementChild!;
  if (!boxStyle(first).placed) return undefined;
  const cells = cellChildren(el);
  if (!cells || cells.length < 6) return undefined;
  const placed: Array<{ cell: Element; top: number; left: number }> = [];
  for (const cell of cells) {
    if (!boxStyle(cell).placed) {
      if (!lineOf(cell)) continue; // an empty spacer
      return undefined;
    }
    if (!isLeaf(cell)) return undefined;
    const html = cell as HTMLElement;
    placed.push({ cell, top: html.offsetTop, left: html.offsetLeft });
  }
  placed.sort((a, b) => a.top - b.top || a.left - b.left);
  const lines: Element[][] = [];
  let top = Number.NEGATIVE_INFINITY;
  for (const fragment of placed) {
    if (fragment.top - top > SAME_LINE) {
      lines.push([]);
      top = fragment.top;
    }
    lines[lines.length - 1].push(fragment.cell);
  }
  return lines;
}

const isControl = (el: Element) => el.tagName === 'BUTTON' || el.getAttribute('role') === 'button';

/**
 * Styled apart from text as titles are: bold; or, for a short title in one run of text (a row of tabs is several, a
 * note under its title is long), in small capitals or capitals by style, or on a band of colour.
 */
export function isSetApart(el: Element, shortTitle: boolean): boolean {
  const first = el.firstElementChild?.tagName;
  if (el.tagName === 'B' || el.tagName === 'STRONG' || first === 'STRONG' || first === 'B') return true;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (!style) return false;
  const weight = style.fontWeight;
  if (Number(weight) >= 600 || weight === 'bold') return true;
  if (!shortTitle) return false;
  if (style.fontVariant.includes('small-caps') || style.textTransform === 'uppercase') return true;
  return !/^(?:transparent|rgba\(0, 0, 0, 0\))?$/.test(style.backgroundColor);
}
