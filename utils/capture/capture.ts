/**
 * Page → PatientRecord. Walks the page's visible blocks in reading order and hands each to the
 * record builder (`build/`: sections, items, text, notes, tables, banner), in slices that give the
 * main thread back to the page; stops with a message on a page too large or too slow to read.
 *
 * This runs inside the EHR page (content script) and in unit tests (happy-dom); it never touches
 * the network and never writes to the page.
 */
import { isPatientIdentified, newDocumentId, patientKeyOf } from '../record/identity';
import type { PatientRecord } from '../record/schema';
import { findAdapter } from './adapters';
import { addBlock, finishRecord } from './build/builder';
import { BuildState } from './build/state';
import { HeaderText } from './header';
import { resetBoxCache } from './boxes';
import { resetLayoutCache } from './text';
import { hasLayout } from './visibility';
import { walk, type WalkReport } from './walk';
import { groupThousands } from '../numbers';

export interface CaptureOptions {
  /** Read only what intersects the page's current text selection. */
  selectionOnly?: boolean;
  /** Returns a ref for an element; the content script keeps the mapping back. */
  register: (el: Element) => string;
  /** Hands the main thread back to the page between slices of work. */
  yieldToPage?: () => Promise<void>;
  /** Longest slice of uninterrupted work, in ms. */
  sliceMs?: number;
  /** Stop (with a message) after this many elements. */
  maxElements?: number;
  /** Stop (with a message) after this long, in ms. */
  timeLimitMs?: number;
  clock?: () => number;
  /** Stop at the first clinical section: enough to tell whose chart this is, cheaply. */
  bannerOnly?: boolean;
  /** The page agent's id for this document; makes the record's page identity. */
  documentId?: string;
}

/** Rows of a long table handed to the builder between pauses. */
const TABLE_CHUNK_ROWS = 200;

function yieldViaMessageChannel(): Promise<void> {
  // Timers are throttled to 1/s in background tabs; a message-channel task is not.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Reads the visible patient record of a document. */
export async function captureRecord(doc: Document, options: CaptureOptions): Promise<PatientRecord> {
  const clock = options.clock ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? yieldViaMessageChannel;
  const sliceMs = options.sliceMs ?? 12;
  const maxElements = options.maxElements ?? 400_000;
  const timeLimitMs = options.timeLimitMs ?? 20_000;
  const started = clock();

  let keep: (el: Element) => boolean = () => true;
  if (options.selectionOnly) {
    const selection = doc.getSelection();
    const ranges =
      selection && !selection.isCollapsed
        ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i))
        : [];
    keep = (el) => ranges.some((range) => range.intersectsNode(el));
  }

  let sliceStart = started;
  let longestSlice = 0;
  let busy = 0;
  /**
   * Gives the main thread back to the page once the current slice has run long enough.
   * @param always hand back even before the slice is full: the step after it is long on a large page.
   */
  const pause = async (always = false) => {
    const ran = clock() - sliceStart;
    if (ran < sliceMs && !always) return;
    longestSlice = Math.max(longestSlice, ran);
    busy += ran;
    await yieldToPage();
    sliceStart = clock();
  };
  resetLayoutCache();
  resetBoxCache();
  // Each step of the setup scans the whole page once (adapters, the header's named elements): a slice apiece.
  const adapter = findAdapter(doc);
  await pause(true);
  // An adapter is a hint, never a gate: the whole page is walked whichever layout matched.
  const builder = new BuildState(doc, {
    register: options.register,
    keep,
    defaultSection: adapter?.defaultSection,
    defaultScope: adapter?.root?.(doc),
  });
  const report: WalkReport = { visited: 0, skipped: [] };
  // The header's text is for de-identification; the identity check before a write reads the banner only.
  const header = options.bannerOnly ? undefined : new HeaderText(doc);
  await pause(true);
  const root = doc.body;
  if (root) {
    for (const block of walk(root, hasLayout(doc), report)) {
      if (block.kind === 'table' && block.table.rows.length > TABLE_CHUNK_ROWS) {
        // A long table becomes items in chunks, so building its items is sliced too.
        const { rows, hiddenRows } = block.table;
        for (let i = 0; i < rows.length; i += TABLE_CHUNK_ROWS) {
          addBlock(builder, {
            ...block,
            table: { ...block.table, rows: rows.slice(i, i + TABLE_CHUNK_ROWS), hiddenRows: i === 0 ? hiddenRows : 0 },
          });
          await pause();
        }
        continue;
      }
      if (block.kind === 'tick') {
        if (report.visited >= maxElements) {
          report.skipped.push(
            `The page is very large: reading stopped after ${groupThousands(maxElements)} elements. Use "Use selection only" to read a part of it.`,
          );
          break;
        }
        if (clock() - started > timeLimitMs) {
          report.skipped.push(
            `Reading stopped after ${Math.round(timeLimitMs / 1000)} seconds; what was read so far is shown. Use "Use selection only" to read a part of the page.`,
          );
          break;
        }
        await pause();
        continue;
      }
      if (header && !builder.pastBanner) header.addBlock(block);
      addBlock(builder, block);
      if (options.bannerOnly && builder.pastBanner) break;
    }
  }
  const record = finishRecord(builder);
  if (header) record.source.header = header.text;
  record.source.identity = {
    url: record.source.url,
    documentId: options.documentId ?? newDocumentId(),
    patient: patientKeyOf(record.patient),
  };
  // Said explicitly, never assumed: whether the page showed whose chart it is.
  record.capture.patientIdentified = isPatientIdentified(record.patient);
  record.capture.adapter = adapter?.name ?? 'generic';
  record.capture.skipped = report.skipped;
  record.capture.selectionOnly = Boolean(options.selectionOnly);
  record.capture.elementsVisited = report.visited;
  record.capture.durationMs = Math.round((clock() - started) * 10) / 10;
  const lastSlice = clock() - sliceStart;
  record.capture.longestSliceMs = Math.round(Math.max(longestSlice, lastSlice) * 10) / 10;
  record.capture.busyMs = Math.round((busy + lastSlice) * 10) / 10;
  const c = builder.coverage;
  record.capture.coverage = {
    visibleChars: c.visible,
    typedChars: c.typed,
    keptChars: c.kept,
    bannerChars: c.banner,
    skippedChars: c.skipped,
  };
  return record;
}
