/**
 * Walks what the page renders — the flat tree, through open shadow roots, slots and same-origin
 * frames — and yields it as a flat sequence of blocks in reading order. Iterative, so 10,000-deep
 * nesting cannot overflow the stack; it yields a `tick` every few dozen elements so the caller
 * can hand the main thread back to the page.
 */
import { classifyLabel, isSectionTitle, isTitleLike, titleBeforeDash } from './classify';
import { boxEntries, gridCellRows, isSetApart, placedLines } from './boxes';
import { atSectionRows, placedText } from './regroup';
import { printedTable, readPrintedReport } from './printed';
import { gridRows, readCellRows, readGrid, readTable, type TableData } from './tables';
import { formRow, smallSubtitleRemoved } from './leaves';
import { INLINE_TAGS, isLeaf, leafText, lineOf, partsOf, textOf } from './text';
import { isPageChrome, looksCollapsed, SKIPPED_TAGS, visibilityOf } from './visibility';

export type Block =
  /** `implied`: title-like text, not heading markup — a section name, or an item that reads like one. */
  /** `scope`: the container the section ends with, where the heading does not open one (a page of placed lines). */
  /** `subtitled`: a title with its subtitle in <small> beside it, styled as a title is. */
  | {
      kind: 'heading';
      text: string;
      level: number;
      el: Element;
      implied?: boolean;
      scope?: Element;
      subtitled?: boolean;
    }
  | { kind: 'table'; table: TableData; el: Element }
  /** `boxes`: entries that only CSS sets apart (chips in a wrapping row), not list markup. */
  | {
      kind: 'list';
      items: Array<{ text: string; el: Element }>;
      hiddenItems: number;
      el: Element;
      boxes?: boolean;
    }
  | { kind: 'pairs'; pairs: Array<{ label: string; value: string; el: Element }>; el: Element }
  | { kind: 'text'; text: string; parts: string[]; el: Element }
  | { kind: 'hidden'; state: 'hidden' | 'collapsed'; heading?: string; el: Element }
  | { kind: 'tick'; visited: number };

export interface WalkReport {
  visited: number;
  skipped: string[];
}

type Entry = Element | { run: Node[]; parent: Element };

const HEADING_LEVEL: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const HEADING_INSIDE = 'h1,h2,h3,h4,h5,h6,[role="heading"],caption,summary,legend,[aria-expanded]';
const STRUCTURE_INSIDE = 'h1,h2,h3,h4,h5,h6,[role="heading"],table,ul,ol,dl,p,article,section,div';
const TICK_EVERY = 64;

function headingLevel(el: Element): number | undefined {
  const level = HEADING_LEVEL[el.tagName];
  if (level) return level;
  if (el.getAttribute('role') === 'heading') return Number(el.getAttribute('aria-level')) || 2;
  if (el.tagName === 'LEGEND' || el.tagName === 'SUMMARY') return 3;
  if (el.tagName === 'BUTTON' && el.hasAttribute('aria-expanded')) return 3;
  return undefined;
}

function frameOrigin(frame: Element): string {
  try {
    return new URL((frame as HTMLIFrameElement).src, frame.ownerDocument.baseURI).origin;
  } catch {
    return 'another site';
  }
}

export function* walk(root: Element, layout: boolean, report: WalkReport): Generator<Block> {
  const stack: Entry[] = [root];
  while (stack.length) {
    const entry = stack.pop()!;
    if (!(entry instanceof Element) && 'run' in entry) {
      const parts = partsOf(entry.run);
      const text = parts.join(' ');
      if (text && isTitleLike(text)) yield { kind: 'heading', text, level: 3, el: entry.parent, implied: true };
      else if (text) yield { kind: 'text', text, parts, el: entry.parent };
      continue;
    }
    const el = entry as Element;
    const tag = el.tagName;
    if (SKIPPED_TAGS.has(tag) || isPageChrome(el)) continue;

    const visibility = visibilityOf(el, layout);
    if (visibility !== 'visible') {
      if ((el.textContent ?? '').trim()) {
        const heading = el.querySelector(HEADING_INSIDE);
        yield {
          kind: 'hidden',
          state: visibility === 'collapsed' || looksCollapsed(el) ? 'collapsed' : 'hidden',
          heading: heading ? lineOf(heading) || heading.textContent?.trim() : undefined,
          el,
        };
      }
      continue;
    }

    report.visited++;
    if (report.visited % TICK_EVERY === 0) yield { kind: 'tick', visited: report.visited };

    if (tag === 'BUTTON') {
      // Disclosure buttons name the panel they open ("Immunizations ▸"); other buttons are controls.
      // ("Show"/"Hide" toggles name nothing and are skipped.)
      const level = headingLevel(el);
      const text = lineOf(el) || el.textContent?.trim() || '';
      if (level && text && isTitleLike(text)) yield { kind: 'heading', text, level, el };
      continue;
    }

    if (tag === 'IFRAME' || tag === 'FRAME') {
      let doc: Document | null = null;
      try {
        doc = (el as HTMLIFrameElement).contentDocument;
      } catch {
        doc = null;
      }
      // A frame whose page has not arrived still shows its first, empty about:blank document.
      const src = el.getAttribute('src');
      const pending = doc && src && !/^(about:|javascript:)/i.test(src) && doc.URL === 'about:blank';
      if (!doc)
        report.skipped.push(
          `An embedded frame from ${frameOrigin(el)} was skipped: browsers do not let extensions read another site's frame from this page.`,
        );
      else if (pending || !doc.body || (doc.readyState !== 'complete' && doc.body.childElementCount === 0))
        report.skipped.push(
          'An embedded frame had not finished loading and was skipped. Wait for the page to load, then read it again.',
        );
      else stack.push(doc.body);
      continue;
    }

    const shadow = (el as HTMLElement).shadowRoot;
    if (shadow) {
      pushChildren(stack, shadow.childNodes, el);
      continue;
    }
    if (tag === 'SLOT') {
      const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      pushChildren(stack, assigned.length ? assigned : el.childNodes, el);
      continue;
    }

    if (tag === 'DETAILS' && !el.hasAttribute('open')) {
      const summary = el.querySelector(':scope > summary');
      const line = summary ? lineOf(summary) : '';
      // A closed section ("Immunizations ▸") is not read; a closed item's summary line is on
      // screen ("Type 2 diabetes mellitus — Active") and is the item, only its details are closed.
      // A summary that counts what it holds ("Supportive care orders (2)") closes a group, not an item.
      if (summary && line && !isSectionTitle(line) && !/\(\d{1,3}\)\s*(?:[–—-]|$)/.test(line)) {
        yield { kind: 'text', text: line, parts: partsOf(summary.childNodes), el: summary };
        continue;
      }
      yield { kind: 'hidden', state: 'collapsed', heading: line || undefined, el };
      continue;
    }

    if (tag === 'PRE') {
      // Columns are read from the spacing, which only plain text keeps (markup inside is read as lines).
      const report = readPrintedReport(el.childElementCount ? textOf(el) : (el.textContent ?? ''));
      if (report) {
        for (const block of report) {
          if (block.kind === 'heading') yield { kind: 'heading', text: block.text, level: 2, el };
          else if (block.kind === 'table') yield { kind: 'table', table: printedTable(block, el), el };
          else yield { kind: 'text', text: block.text, parts: [block.text], el };
        }
        continue;
      }
    }

    const level = headingLevel(el);
    if (level) {
      // A heading whose title is its disclosure button (`<h2><button aria-expanded>Allergies</button></h2>`, the
      // accessible accordion): the button is the title, not a control beside it.
      const text = lineOf(el) || (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) yield { kind: 'heading', text, level, el };
      continue;
    }

    const role = el.getAttribute('role');
    if (tag === 'TABLE' || role === 'table' || role === 'grid' || role === 'treegrid') {
      if (tag === 'TABLE' && el.querySelector('td table, td h1, td h2, td h3, td h4, td ul, td dl')) {
        pushChildren(stack, el.childNodes, el); // a layout table: read its cells as a page
        continue;
      }
      const caption = tag === 'TABLE' ? (el as HTMLTableElement).caption : null;
      if (caption && lineOf(caption)) yield { kind: 'heading', text: lineOf(caption), level: 7, el: caption };
      const table = yield* counted(readTable(el, layout), report);
      // A title row across the table names it as a caption would (and may open its section).
      if (table.title && isTitleLike(table.title.text.replace(/\s*[(:–—-].*$/, '')))
        yield { kind: 'heading', text: table.title.text, level: 7, el: table.title.el };
      else if (table.title) table.rows.unshift({ el: table.title.el, cells: [table.title] });
      yield* atSectionRows(table, el);
      continue;
    }

    // A branch of a tree ("▾ Cardiovascular (3)" over its problems): its label groups the entries of its group.
    if (role === 'treeitem' && el.hasAttribute('aria-expanded')) {
      const group = Array.from(el.children).find((child) => child.getAttribute('role') === 'group');
      if (group) {
        const label = Array.from(el.children)
          .filter((child) => child !== group)
          .map((child) => lineOf(child))
          .filter(Boolean)
          .join(' ')
          .replace(/^[▾▸▼▶►+−-]\s*/u, '');
        if (label) yield { kind: 'heading', text: label, level: 5, el };
        stack.push(group);
        continue;
      }
    }

    if (tag === 'UL' || tag === 'OL' || role === 'list') {
      const itemEls = Array.from(el.children).filter(
        (c) => c.tagName === 'LI' || c.getAttribute('role') === 'listitem',
      );
      if (itemEls.length && !itemEls.some((li) => li.querySelector(STRUCTURE_INSIDE) && !isLeaf(li))) {
        const items: Array<{ text: string; el: Element }> = [];
        let hiddenItems = 0;
        for (const li of itemEls) {
          if (visibilityOf(li, layout, false) !== 'visible') hiddenItems++;
          else {
            const text = lineOf(li);
            if (text) items.push({ text, el: li });
          }
        }
        yield { kind: 'list', items, hiddenItems, el };
        continue;
      }
    }

    if (tag === 'DL') {
      const pairs: Array<{ label: string; value: string; el: Element }> = [];
      let label: Element | undefined;
      const visitDl = (parent: Element) => {
        for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
          if (c.tagName === 'DIV') visitDl(c);
          else if (c.tagName === 'DT') label = c;
          else if (c.tagName === 'DD' && label && visibilityOf(c, layout, false) === 'visible') {
            pairs.push({
              label: lineOf(label),
              value: textOf(c).replace(/\n/g, ' '),
              el: c.parentElement?.tagName === 'DIV' ? c.parentElement : c,
            });
          }
        }
      };
      visitDl(el);
      yield { kind: 'pairs', pairs, el };
      continue;
    }

    const ariaLabel = el.getAttribute('aria-label');
    if ((ariaLabel && /^(SECTION|ARTICLE|ASIDE|FORM)$/.test(tag)) || (ariaLabel && role === 'region')) {
      yield { kind: 'heading', text: ariaLabel!.trim(), level: 2, el };
    }

    if (tag === 'LABEL' && (el as HTMLLabelElement).control) continue;
    // Text placed line by line at coordinates (a fax or PDF viewer): its lines, in reading order.
    const lines = layout ? placedLines(el) : undefined;
    if (lines) {
      yield* placedText(lines, el);
      continue;
    }
    // Rows and entries that CSS lays out from flat children: a grid of label and value cells, a row of chips.
    const cellRows = layout ? gridCellRows(el) : undefined;
    if (cellRows) {
      yield { kind: 'table', table: yield* counted(readCellRows(el, cellRows, layout), report), el };
      continue;
    }
    const leaf = isLeaf(el);
    const entries = leaf && layout ? boxEntries(el) : undefined;
    if (entries) {
      const items = entries.map((entry) => ({ text: lineOf(entry), el: entry }));
      yield { kind: 'list', items, hiddenItems: 0, el, boxes: true };
      continue;
    }
    if (leaf) {
      const text = lineOf(el);
      if (!text) continue;
      // A form's row: a label that names no control, then its answer ("<label>Pulse</label><span>88</span>").
      const row = formRow(el);
      if (row) {
        yield* row;
        continue;
      }
      const first = el.parentElement?.firstElementChild === el;
      const parts = partsOf(el.childNodes);
      // A card header: its title, then a date, a count or a filter beside it ("Vitals · Jun 3, 2025 10:12"); or a
      // subtitle in <small> ("Lab Results <small>outside results imported from Quest</small>"): the title decides.
      const main = smallSubtitleRemoved(el, text);
      const title = titleBeforeDash(main);
      // The style is read once, and only for text that could be a title.
      const titled = isTitleLike(main) || (title !== main && isSectionTitle(title) && isTitleLike(title));
      const setApart = titled && !first ? isSetApart(el, parts.length === 1 && isTitleLike(main)) : false;
      if (
        parts.length > 1 &&
        !parts[0].endsWith(':') &&
        isSectionTitle(parts[0]) &&
        isTitleLike(parts[0]) &&
        isAsideOfTitle(parts[0], parts.slice(1), main !== text)
      )
        yield { kind: 'heading', text: parts[0], level: 3, el, implied: true };
      else if (isTitleLike(main) && (first || setApart))
        yield {
          kind: 'heading',
          text: main,
          level: 3,
          el,
          implied: true,
          ...(main !== text ? { subtitled: true } : {}),
        };
      // "LAST OFFICE NOTE - 06/10/2025 - Castellanos, Helena MD": a bold title, then what it is about.
      else if (titled && (first ? isSetApart(el, false) : setApart))
        yield { kind: 'heading', text, level: 3, el, implied: true };
      else yield { kind: 'text', text: leafText(el, text), parts, el };
      continue;
    }

    const rows = gridRows(el);
    const grid = rows && (yield* counted(readGrid(el, rows, layout), report));
    if (grid) {
      yield { kind: 'table', table: grid, el };
      continue;
    }
    pushChildren(stack, el.childNodes, el);
  }
}

/**
 * What may stand beside a card's title: a short aside ("· Jun 3, 2025", "+ Add Edit", "All | Chemistry"), a filter, or
 * a subtitle. The banner's allergy label with its entries ("ALLERGIES (3) | Lisinopril | Adhesive tape") is a list,
 * never swallowed by the title.
 */
function isAsideOfTitle(title: string, rest: string[], subtitle: boolean): boolean {
  if (rest.length > 1 && classifyLabel(title) === 'allergies') return false;
  const aside = rest.join(' ');
  return aside.length <= 40 || FILTER_TEXT.test(aside) || subtitle;
}

/**
 * What a section's title bar shows beside the title: the list's filters and display options ("Inpatient | Display: All
 * Active Orders", "Display: All | Classification: Medical"), however long.
 */
const FILTER_TEXT =
  /\||\b(?:display|filter|view|sort|show|level|classification)\s*:|^(?:taken|reviewed|reconciled|updated|collected|recorded|synced|entered|verified|last|as of)\b/i;

/** Runs a table reader, counting what it reads and passing its pauses on as ticks. */
function* counted<T extends TableData | undefined>(
  reader: Generator<number, T>,
  report: WalkReport,
): Generator<Block, T> {
  for (let step = reader.next(); ; step = reader.next()) {
    if (step.done) return step.value;
    report.visited += step.value;
    yield { kind: 'tick', visited: report.visited };
  }
}

/**
 * Pushes children so they pop in document order, grouping runs of inline content (text nodes and
 * inline elements between blocks) into one text entry: `<div>Dose: <b>10 mg</b><div>…</div></div>`.
 */
function pushChildren(stack: Entry[], nodes: ArrayLike<Node>, parent: Element) {
  const entries: Entry[] = [];
  let run: Node[] = [];
  const flush = () => {
    if (run.some((n) => (n.textContent ?? '').trim())) entries.push({ run, parent });
    run = [];
  };
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.nodeType === 3) run.push(n);
    else if (n.nodeType === 1) {
      const el = n as Element;
      if (el.tagName === 'LABEL' && (el as HTMLLabelElement).control) continue; // a form control's label is UI
      if (INLINE_TAGS.has(el.tagName) && isLeaf(el) && !el.shadowRoot) run.push(el);
      else {
        flush();
        entries.push(el);
      }
    }
  }
  flush();
  for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i]);
}
