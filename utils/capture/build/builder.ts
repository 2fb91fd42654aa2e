/**
 * One block of the page into the record: routes each block the walker yields to the reader for
 * its kind, and accounts for every character — typed, kept as text, banner, or skipped for a
 * reason — so nothing visible is silently lost.
 */
import { type PatientRecord } from '../../record/schema';
import { normalise } from '../classify';
import { blockChars } from '../lines';
import { containsComposed } from '../scope';
import { noteContainer } from '../notes';
import { type Block } from '../walk';
import { countHidden, flushItemLabel, flushMeasure, pushItem } from './items';
import { flushNote } from './notes';
import { closeSection, isPeerHeading, markHidden, readHeading } from './sections';
import { readPairs, readTable } from './tables';
import { readText } from './text';
import type { BuildState } from './state';

/** Longest text taken for a heading by its style alone. */
const MAX_PEER_HEADING = 60;

export function addBlock(s: BuildState, block: Exclude<Block, { kind: 'tick' }>) {
  const chars = blockChars(block);
  s.blocks++;
  s.coverage.visible += chars;
  s.touched.clear();
  const before = s.coverage.typed + s.coverage.kept + s.coverage.skipped;
  readBlock(s, block);
  const rest = Math.max(0, chars - (s.coverage.typed + s.coverage.kept + s.coverage.skipped - before));
  if (!rest || s.touched.has('defer')) return; // deferred text is counted when its item is made
  if (s.touched.has('banner')) s.coverage.banner += rest;
  else if (s.touched.has('skip')) s.coverage.skipped += rest;
  else if (!s.touched.has('item')) keepAsText(s, block); // nothing silently lost: what fits nowhere is kept as text
}

/** A block that became nothing else, kept as text under its heading. */
export function keepAsText(s: BuildState, block: Exclude<Block, { kind: 'tick' }>) {
  const heading = s.sectionHeading;
  const lines: Array<[string, Element]> =
    block.kind === 'text'
      ? [[normalise(block.text), block.el]]
      : block.kind === 'list'
        ? block.items.map((i) => [normalise(i.text), i.el] as [string, Element])
        : block.kind === 'pairs'
          ? block.pairs.map((p) => [`${p.label}: ${p.value}`, p.el] as [string, Element])
          : block.kind === 'table'
            ? block.table.rows.map(
                (r) =>
                  [
                    r.cells
                      .map((c) => c.text)
                      .filter(Boolean)
                      .join(' · '),
                    r.el,
                  ] as [string, Element],
              )
            : [];
  for (const [text, el] of lines) if (text && s.keep(el)) pushItem(s, 'other', { heading }, text, el);
}

export function readBlock(s: BuildState, block: Exclude<Block, { kind: 'tick' }>) {
  if (block.kind !== 'text') s.pendingLabel = undefined;
  const section = s.section;
  const outsideScope = section?.scope && block.kind !== 'heading' && !containsComposed(section.scope, block.el);
  // Notes that came in containers of their own (articles, list items) end where those do.
  const afterContainedNotes =
    section?.containedNotes &&
    (block.kind === 'text' || block.kind === 'table' || block.kind === 'pairs') &&
    !noteContainer(block.el);
  if (outsideScope || afterContainedNotes) {
    flushNote(s);
    closeSection(s);
  }
  if (block.kind !== 'text') {
    flushMeasure(s);
    flushItemLabel(s);
  }
  switch (block.kind) {
    case 'heading':
      return readHeading(s, block.text, block.level, block.el, block.implied, block.scope, block.subtitled);
    case 'hidden':
      return markHidden(s, block.state, block.heading);
    case 'table':
      return readTable(s, block.table);
    case 'list':
      countHidden(s, block.hiddenItems);
      // A banner strip of boxes ("DOB 3/5/1963", "MRN 7781-22", "☎ 412-555-0158") is one line of fields, read as one.
      if (block.boxes && s.inBannerContext && s.keep(block.el)) {
        const texts = block.items.map((item) => item.text);
        return readText(s, texts.join(' '), texts, block.el, false);
      }
      for (const item of block.items) if (s.keep(item.el)) readText(s, item.text, [item.text], item.el, true);
      return;
    case 'pairs':
      return readPairs(s, block.pairs);
    case 'text':
      if (!s.keep(block.el)) return;
      // Text in the style of the heading that opened this section is the next heading, though it names no list.
      if (s.section && block.text.length <= MAX_PEER_HEADING && isPeerHeading(s, block.el))
        return readHeading(s, block.text, s.section.level, block.el, true);
      readText(s, block.text, block.parts, block.el, false);
      return;
  }
}

export function finishRecord(s: BuildState): PatientRecord {
  flushMeasure(s);
  flushItemLabel(s);
  flushNote(s);
  closeSection(s);
  const patient = s.record.patient;
  if (!patient.name && s.nameCandidate && (patient.birthDate || patient.identifiers.length)) {
    patient.name = s.nameCandidate.text;
    patient.ref ??= s.register(s.nameCandidate.el);
  }
  return s.record;
}
