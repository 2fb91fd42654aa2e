/**
 * A line of text in the open section: banner text, the page's own "none", a label waiting for its
 * value, several readings in one line, or one item.
 */
import { toIsoDate } from '../../record/dates';
import { isEmptyState, normalise } from '../classify';
import { DATE_PATTERN, hasDose, RESULT_WORDS, tickedAnswer } from '../fields';
import { NAME_LIKE, NOT_A_NAME } from '../banner';
import { CONTROL_TEXT, ITEM_FRAGMENT, META_LINE, isNavigation, nearAncestor, withoutDates } from '../lines';
import { containsComposed } from '../scope';
import { readBannerText } from './banner';
import { addItem, flushMeasure, joinContinuation, joinFragment, keepOther, pushItem, statusSubheading } from './items';
import { noteLine } from './notes';
import { openSection } from './sections';
import { legendOf } from '../printed';
import type { BuildState } from './state';

/** A problem's name alone: words, brackets and commas, no digits or labels. */
const PROBLEM_NAME_ONLY = /^[\p{L}][\p{L}'’ ,()/-]{2,60}$/u;

/** A result given in words, after what was tested. */
const RESULT_IN_WORDS = new RegExp(`\\S\\s*[—–:-]\\s*(?:\\w+\\s)?(?:${RESULT_WORDS})\\b`, 'i');

/**
 * One code of a legend and what it stands for: a chart code or a person's initials ("2 = Nausea/vomiting", "Initials:
 * KT = Kayla Thibodeaux, LPN"). An abbreviation of three letters explains an entry ("CKD = stage 3") and is one.
 */
const LEGEND_ENTRY = /^(?:[A-Za-z][\w /]{0,30}:\s*)?(?:[A-Z]{2}|\d{1,2}) ?= ?[A-Za-z][^=]{0,60}$/;

/** A line that opens with the patient's name, as a printed report repeats it at the head of each part. */
function opensWithPatientName(s: BuildState, line: string): boolean {
  const name = s.record.patient.name;
  return Boolean(name && name.length >= 5 && line.toLowerCase().startsWith(name.toLowerCase()));
}

/** A question and its boxed answers: "Stroke ☐ Yes ☒ No", "Asthma ☒ Yes ☐ No ☐ Unknown". */
const YES_NO_ANSWER = /^([^☐☒☑]*[\p{L})][^☐☒☑]*?)\s*((?:[☐☒☑]\s*(?:yes|no|unknown|unk|n\/a|not sure)\s*){2,4})$/iu;

/** "Heart Rate: 60" in a line of several labelled readings: a label of one or two words, a colon, a number. */
const LABELLED_READING =
  /([A-Z][\w₂.]+(?: [A-Z][a-z][\w₂.]*)?):\s*([<>]?\d.*?)(?=\s+[A-Z][\w₂.]+(?: [A-Z][a-z][\w₂.]*)?:\s*[<>]?\d|$)/g;

export function readText(s: BuildState, text: string, parts: string[], el: Element, listItem: boolean): void {
  if (CONTROL_TEXT.test(normalise(text)) || /^[=\-_~*]{3,}$/.test(normalise(text))) return void s.touched.add('skip');
  if (s.pendingMeasure && !(s.itemCategory === 'labs' || s.itemCategory === 'vitals')) flushMeasure(s);
  if (s.inBannerContext) {
    const lines = text.split('\n');
    if (
      lines.length > 1
        ? lines.map((line) => readBannerText(s, line, [line], el)).some(Boolean)
        : readBannerText(s, text, parts, el)
    )
      return;
  }
  if (isEmptyState(normalise(text))) {
    s.touched.add('banner'); // the page's own "none": read into the section's state
    if (s.section && s.section.report.count === 0) s.section.report.state = 'empty';
    return;
  }
  if (!s.section && s.defaultSection && (!s.defaultScope || containsComposed(s.defaultScope, el))) {
    openSection(s, `${s.defaultSection} (whole page)`, s.defaultSection, 0);
    s.section!.implicit = true;
  }
  const category = s.seenClinicalSection || s.section?.category !== 'other' ? s.itemCategory : undefined;
  if (!category) {
    if (!s.seenClinicalSection && NAME_LIKE.test(text) && !NOT_A_NAME.test(text)) {
      s.nameCandidate = { text, el };
      s.touched.add('banner');
      return;
    }
    // Visible text that fits no section is kept as text, never dropped (menus are navigation).
    const navigation = isNavigation(el);
    if (navigation) s.touched.add('skip');
    if (s.section?.category !== 'patient' && !navigation)
      pushItem(s, 'other', { heading: s.sectionHeading }, normalise(text), el);
    return;
  }
  if (category === 'notes' || category === 'messages') {
    for (const line of text.split('\n')) noteLine(s, category, line, el, listItem);
    return;
  }
  // A question answered by boxes ("Stroke ☐ Yes ☒ No"): the item only when "Yes" is ticked; a "No", an unknown or no
  // answer is kept as text, never an item of the list.
  const yesNo = YES_NO_ANSWER.exec(text);
  if (yesNo) {
    const ticked = tickedAnswer(yesNo[2]);
    return /^yes$/i.test(ticked) ? readText(s, yesNo[1], [yesNo[1]], el, listItem) : keepOther(s, normalise(text), el);
  }
  // A choice on display ("☒ Diabetes", "☐ Asthma / COPD" in a history checklist): a ticked one is the item, an empty
  // box the answer "no", kept as text.
  const choice = /^([☐☒☑])\s*/u.exec(text);
  if (choice) {
    // Several choices on one line ("☐ Asthma / COPD ☒ Diabetes"): each on its own.
    const choices = text.split(/(?=[☐☒☑])/u).filter((piece) => piece.trim());
    if (choices.length > 1) {
      for (const piece of choices) readText(s, piece.trim(), [piece.trim()], el, listItem);
      return;
    }
    const answer = text.slice(choice[0].length);
    // A box that filters the list ("☒ Show discontinued") is a control's state, not an answer.
    if (choice[1] === '☐' || FILTER_CHOICE.test(answer)) return keepOther(s, normalise(text), el);
    return readText(s, answer, [answer], el, listItem);
  }
  // Problems set on one line between middle dots ("Hypothyroidism · Migraine without aura · Polycystic ovary
  // syndrome"): one a part, when every part is a name (no status, date or number, which describe one problem).
  if (category === 'problems' && !listItem) {
    const parts = normalise(text).split(' · ');
    if (parts.length >= 3 && parts.every((part) => PROBLEM_NAME_ONLY.test(part) && !ITEM_FRAGMENT.test(part))) {
      for (const part of parts) readText(s, part, [part], el, true);
      return;
    }
  }
  // A medication list written as one sentence, a drug and its dose each ("Metformin 1000 mg PO BID; lisinopril 20 mg PO
  // daily; aspirin 81 mg PO daily."): one medication a part, when every part holds a dose.
  if (category === 'medications' && !listItem) {
    const parts = normalise(text)
      .replace(/\.$/, '')
      .split(/\s*;\s+/);
    if (parts.length >= 2 && parts.every(isDrugAndDose)) {
      for (const part of parts) readText(s, part, [part], el, true);
      return;
    }
  }
  // Lines a <br> parts in a list's section are its entries ("Amoxicillin — Hives<br>Lisinopril — cough").
  if (category !== 'other' && text.includes('\n')) {
    for (const line of text.split('\n')) if (line.trim()) readText(s, line, [line], el, listItem);
    return;
  }
  const line = normalise(text);
  if (statusSubheading(s, category, line)) return;
  // An order's number leading its row ("1", "2." before each infusion): it counts the list, names nothing.
  if (category === 'medications' && /^\d{1,3}\.?$/.test(line) && el.parentElement?.firstElementChild === el)
    return void s.touched.add('skip');
  // What a section's title bar shows beside the title, labelled or dated ("Access: R chest port", "Collected
  // 06/10/2025"): about the section, kept as text. (An entry beside a list's title is an entry.)
  if (s.section?.titleBox === el && /:|\d{1,2}[/.-]\d{1,2}/.test(line)) return keepOther(s, line, el);
  // "Last reviewed 06/03/2025 by …", "7 active", a legend or one entry of it ("RL = Ramon Lugo, RN"), a report's
  // running header that opens with the patient's name: about the list, not in it; kept as text.
  if (META_LINE.test(line) || legendOf(line) || LEGEND_ENTRY.test(line) || opensWithPatientName(s, line))
    return keepOther(s, line, el);
  // Sentences under a list ("Pt brought med list from PCP. No anticoagulants.") and a form's question ("Has the
  // patient ever had any of the following?"): about the list, kept as text.
  if (!listItem && category !== 'labs' && category !== 'vitals' && !/\d/.test(line) && REMARK.test(line))
    return keepOther(s, line, el);
  // "Patient priority:" then "high priority": a label and its value, about an item, not one.
  if (s.pendingItemLabel) {
    const label = s.pendingItemLabel;
    s.pendingItemLabel = undefined;
    return keepOther(s, `${label.text} ${line}`, el);
  }
  if (/^[^:]{1,40}:$/.test(line)) {
    s.pendingItemLabel = { text: line, el };
    s.touched.add('defer');
    return;
  }
  // A date or time alone beside results is when they were taken, not a result; a result in words ("DAT — Negative
  // (11/07/2023)") is one.
  if (
    (category === 'labs' || category === 'vitals') &&
    /\d/.test(line) &&
    !/\d/.test(withoutDates(line)) &&
    !RESULT_IN_WORDS.test(line)
  )
    return keepOther(s, line, el);
  if (joinFragment(s, category, line, el)) return;
  if (joinContinuation(s, category, line, el)) return;
  // "BP: 134/82 mmHg   Pulse: 58   Temp: 97.9 F": several labelled readings on one line.
  const labelled =
    (category === 'labs' || category === 'vitals') && parts.length === 1
      ? [...line.matchAll(LABELLED_READING)].map((m) => m[0])
      : [];
  // What stands before them ("04/22/2025 10:12 AM · taken by J. Oduya, MA") is about them: kept as text.
  const lead = labelled.length > 1 ? line.slice(0, line.length - labelled.join(' ').length) : undefined;
  if (lead !== undefined && (lead === '' || (lead.endsWith(' ') && line.endsWith(labelled.join(' '))))) {
    if (lead.trim()) keepOther(s, lead.trim(), el);
    for (const part of labelled) addItem(s, category, part.replace(/\s*[|·•;]\s*$/, ''), el);
    return;
  }
  // "BP 128/74 · HR 96 · Temp 37.0 °C": several readings in one line, each in a part of its own.
  if (
    (category === 'labs' || category === 'vitals') &&
    parts.length > 1 &&
    parts.every((p) => /^[^\d\s]\S{0,14}(?:\s[^\d\s]\S{0,14}){0,3}\s[<>]?\d/.test(p))
  ) {
    for (const part of parts) addItem(s, category, normalise(part), el);
    return;
  }
  if (category === 'labs' || category === 'vitals') {
    const pending = s.pendingMeasure;
    // A value is a number, not a date: "Issued" · "8/18/2018" is a report's header, not a result.
    const isDate =
      toIsoDate(line) !== undefined && line.replace(DATE_PATTERN, '').replace(/[\s,:APM0-9]+/gi, '') === '';
    if (pending && !isDate && /^[<>≤≥]?\s*-?\d/.test(line) && nearAncestor(pending.el, el, 2)) {
      s.pendingMeasure = undefined;
      const name = pending.text;
      return addItem(
        s,
        category,
        `${name} ${line}`,
        el.parentElement ?? el,
        category === 'labs' ? { test: name, value: line } : { name, value: line },
      );
    }
    flushMeasure(s);
    if (!/\d/.test(line) && line.length <= 40 && !ITEM_FRAGMENT.test(line)) {
      s.pendingMeasure = { category, text: line, el };
      s.touched.add('defer');
      return;
    }
  }
  addItem(s, category, line, el);
}

/** A drug's name, then its dose ("insulin glargine (Lantus) 28 units subQ nightly"): a word first, a dose after it. */
const isDrugAndDose = (part: string) =>
  part.length <= 150 && /^\p{L}[\p{L}\d .,()/-]{1,60}?\s\d/u.test(part) && hasDose(part) && !DIRECTIONS.test(part);
/** Directions open with what to do ("Take 1 tablet at onset; may repeat once after 2 hours"), a drug with its name. */
const DIRECTIONS =
  /^(?:take|may|apply|inject|use|inhale|give|place|instill|repeat|max(?:imum)?|chew|insert|spray|then)\b/i;

/**
 * A remark about the list, not an entry of it: sentences about the patient or the list ("Pt brought med list from PCP.
 * No anticoagulants."), or a form's question ("Has the patient ever had any of the following?"). "Penicillin. Hives."
 * is an entry.
 */
const REMARK =
  /^(?:(?:pt|patient|per|reviewed|reconciled|verified|list|note|brought|reports|states|denies)\b.*\p{L}{2}\.\s+\p{Lu}.*\.|(?:has|have|does|do|did|is|are|any)\b.*\?)$/iu;

const FILTER_CHOICE = /^(?:show|hide|include|exclude|display|only)\b/i;
