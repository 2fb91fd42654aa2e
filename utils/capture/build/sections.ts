/**
 * Sections: which part of the chart the blocks that follow belong to. Headings open and close
 * them; a closed or hidden section is reported as such, never as empty.
 */
import { type SectionReport } from '../../record/schema';
import {
  classifyHeading,
  isSectionTitle,
  LIST_SECTIONS,
  normalise,
  titleBeforeDash,
  type SectionCategory,
} from '../classify';
import { NAME_LIKE, NOT_A_NAME } from '../banner';
import { containsComposed, sectionScope } from '../scope';
import { noteContainer } from '../notes';
import { flushItemLabel, statusSubheading } from './items';
import { flushNote } from './notes';
import { readText } from './text';
import { styleOf, type BuildState } from './state';

export function readHeading(
  s: BuildState,
  text: string,
  level: number,
  el: Element,
  implied = false,
  scope?: Element,
  subtitled = false,
) {
  const current = s.section;
  if (statusSubheading(s, current?.category, text)) return;
  if (current?.category === 'problems' && NUMBERED_GROUP.test(normalise(text))) {
    s.coverage.typed += normalise(text).length; // read: its problems are the list's items
    return;
  }
  // Title-like text that is not heading markup and names one item, not a section ("Allergy to
  // grass pollen" in an allergy card), is an item of the section it sits in.
  // ("LAST OFFICE NOTE - 06/10/2025 - …": the title before its dash decides.)
  const peer = isPeerHeading(s, el);
  if (
    implied &&
    !peer &&
    current &&
    current.category !== 'other' &&
    current.category !== 'patient' &&
    !isSectionTitle(titleBeforeDash(text))
  ) {
    const named = classifyHeading(text);
    // Another category's title outside the open section's container starts that section; so does, anywhere, a title
    // set with its subtitle that names another list ("Vitals & Metabolic Monitoring <small>in-office …</small>" under
    // the allergies of one card). A bold item naming a word of another list ("Perennial allergic rhinitis") does not.
    const elsewhere = named && named !== current.category && current.scope && !containsComposed(current.scope, el);
    const anotherList = subtitled && named && named !== current.category && LIST_SECTIONS.has(named);
    if (!elsewhere && !anotherList) return readText(s, text, [text], el, false);
  }
  // Inside notes and messages, deeper headings title the next note, whatever words they use.
  // (A section the layout adapter assumed for a heading-less page gives way to a real one.)
  const named = classifyHeading(text);
  // A list's own title inside an assessment ("Last VS", "AM labs" in a handoff's Assessment) opens that list.
  const realSection =
    named &&
    named !== current?.category &&
    named !== 'other' &&
    isSectionTitle(text) &&
    (current?.implicit || (implied && LIST_SECTIONS.has(named)));
  if (
    current &&
    (current.category === 'notes' || current.category === 'messages') &&
    level > current.level &&
    !realSection
  ) {
    flushNote(s);
    s.note = { category: current.category, title: text, lines: [], el, container: noteContainer(el) };
    return;
  }
  let category = classifyHeading(text);
  // A deeper heading that names no section inside a list ("Immunizations" › "Given today", "Given before") groups the
  // list's entries: the list goes on under it.
  if (
    !category &&
    current &&
    level > current.level &&
    current.level > 0 &&
    current.category !== undefined &&
    LIST_SECTIONS.has(current.category) &&
    !isSectionTitle(text)
  ) {
    s.touched.add('item');
    return;
  }
  // A document's own title ("Community Hospital: Discharge Summary (September 17, 2014)") comes
  // before its header and names the document, not a section: what follows is its header.
  if (!current && level <= 1 && !s.seenClinicalSection && category && !isSectionTitle(text)) category = 'patient';
  // A name as the title of the page or of its patient card ("Patient" › "Wilhelmina Osei-Larkin (she/her)").
  const inPatientCard = current?.category === 'patient' && !s.record.patient.name;
  if (
    !category &&
    (!current || inPatientCard) &&
    NAME_LIKE.test(text.replace(/\s*\(.*\)\s*$/, '')) &&
    !NOT_A_NAME.test(text)
  ) {
    s.nameCandidate = { text: text.replace(/\s*\(.*\)\s*$/, ''), el };
    return;
  }
  if (level === 7 && current && category === current.category) return; // a caption repeating its section
  openSection(s, text, category ?? 'other', level, scope ?? sectionScope(el), category !== undefined);
  // A list's title, or a title that opened a note's section ("Treatment Plan" over a plan's fields): what is styled as
  // it is and leads its own box is the next section's title ("Day 1 Administration", "Pre-Chemo Labs").
  if (
    implied &&
    s.section &&
    (LIST_SECTIONS.has(s.section.category) || s.section.category === 'notes') &&
    leadsItsBox(el)
  )
    s.section.headingStyle = styleOf(el, s.section.category === 'notes');
  // A title that leads a small box of its own, with the section's body in the box after it: the box is its title bar
  // ("Day 1 Administration" beside "Access: R chest port"), not a box of chips under a title ("Allergies (3)").
  if (implied && s.section && leadsItsBox(el) && isTitleBar(el.parentElement)) s.section.titleBox = el.parentElement!;
}

/**
 * Styled text like the one that opened the open list, leading its own box as that one did: the next heading of its
 * kind. (Classes that style everything alike — a component library's text class — also style the items, which never
 * lead a box of their own.)
 */
export function isPeerHeading(s: BuildState, el: Element): boolean {
  const style = s.section?.headingStyle;
  return style !== undefined && style === styleOf(el, s.section?.category === 'notes') && leadsItsBox(el);
}

/** A small box followed by a larger one: a title bar over its section's body. */
function isTitleBar(box: Element | null): boolean {
  const length = box?.textContent?.length ?? Infinity;
  const body = box?.nextElementSibling?.textContent?.length ?? 0;
  return box !== null && box.childElementCount <= 4 && length <= 160 && body > 2 * length;
}

/** The first thing in its container, not a cell of a table. */
function leadsItsBox(el: Element): boolean {
  return el.parentElement?.firstElementChild === el && el.tagName !== 'TD' && el.tagName !== 'TH';
}

/**
 * A numbered group of a problem list ("Problem #2", as C-CDA views show each concern): a label inside the list, not a
 * section of its own, so its problems stay in the list and under the status sub-heading above it ("Resolved
 * Concerns").
 */
const NUMBERED_GROUP = /^(?:problem|concern|condition|diagnosis|issue)\s*(?:#|no\.?)?\s*\d+\s*:?$/i;

export function openSection(
  s: BuildState,
  heading: string,
  category: SectionCategory,
  level: number,
  scope?: Element,
  named = false,
) {
  flushItemLabel(s);
  flushNote(s);
  closeSection(s);
  if (category !== 'other' && category !== 'patient' && category !== 'encounter') s.seenClinicalSection = true;
  const report: SectionReport = { heading: normalise(heading), category, count: 0, state: 'read' };
  s.record.capture.sections.push(report);
  s.section = { report, category, level, scope, named };
  s.lastItem = undefined;
  s.subStatus = undefined;
}

export function closeSection(s: BuildState) {
  const section = s.section;
  if (section && section.report.count === 0 && section.report.state === 'read' && section.hidden) {
    section.report.state = section.hidden;
  }
  s.section = undefined;
}

export function markHidden(s: BuildState, state: 'hidden' | 'collapsed', heading: string | undefined) {
  flushNote(s); // the open note counts before we judge whether the section is empty
  const sameSection =
    heading &&
    s.section &&
    (normalise(heading) === s.section.report.heading || classifyHeading(heading) === s.section.category) &&
    s.section.report.count === 0;
  if (heading && !sameSection) {
    const category = classifyHeading(heading) ?? 'other';
    s.record.capture.sections.push({ heading: normalise(heading), category, count: 0, state });
    return;
  }
  if (s.section) s.section.hidden = state;
}
