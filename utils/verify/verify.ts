/**
 * Verification: every statement of a draft checked against the items it cites and the record.
 * Numbers (values, doses, vitals, dates), drug names, allergy claims and patient details that the
 * record does not support are marked, so the clinician sees what to check before using the draft.
 */
import { replacePlaceholders } from '../deidentify/placeholders';
import { DRUG_STEM, isDrugName } from '../record/drugs';
import type { TaskOutput } from '../draft/schema';
import { allItems, findItem, type PatientRecord } from '../record/schema';
import { echoesInstruction, findPlantedInstructions } from './injection';
import { categoryState } from '../record/category-state';
import { findOmissions, type Omission } from './omissions';

export type FindingKind = 'number' | 'drug' | 'allergy' | 'patient' | 'citation' | 'instruction';

export interface Finding {
  section: number;
  statement: number;
  kind: FindingKind;
  /** The words in the statement that are not supported. */
  value: string;
  reason: string;
}

export interface Verification {
  /** Statements checked. */
  checked: number;
  unsupported: Finding[];
  /** What the draft leaves out that the clinician must see. */
  omissions: Omission[];
}

/** Numbers as charts write them: 8.4, 148/86, 1,000, 03/14/2021. */
const NUMBER = /\d+(?:[.,]\d+)*(?:\/\d+(?:\/\d+)?)?/g;

const COUNTED =
  '(?:problems?|medications?|meds?|allerg(?:y|ies)|results?|items?|diagnos[ie]s|conditions?|notes?|messages?|vitals?)\\b';

/** What the cited items say: their text and the fields read from them (a note's title and date). */
function textOf(record: PatientRecord, ids: string[]): string {
  return ids
    .map((id) => findItem(record, id)?.item)
    .map((item) =>
      item
        ? Object.entries(item)
            .filter(([key, value]) => key !== 'ref' && key !== 'id' && typeof value === 'string')
            .map(([, value]) => value)
            .join(' \n ')
        : '',
    )
    .join(' \n ');
}

function recordText(record: PatientRecord): string {
  const p = record.patient;
  return [p.age, p.sex, p.birthDate, ...allItems(record).map(({ item }) => item.text)].filter(Boolean).join(' \n ');
}

const norm = (n: string) => n.replace(/,(?=\d{3}\b)/g, '').replace(/^0+(?=\d)/, '');
function hasNumber(haystack: string, n: string): boolean {
  const wanted = norm(n);
  return (haystack.match(NUMBER) ?? []).some((found) => norm(found) === wanted);
}

export function verifyOutput(output: TaskOutput, record: PatientRecord): Verification {
  const unsupported: Finding[] = [];
  const everything = recordText(record);
  const takes = new Set(record.medications.flatMap((m) => m.name.toLowerCase().split(/[\s/-]+/)));
  const allergies = record.allergies.map((a) => a.substance.toLowerCase());
  const planted = findPlantedInstructions(record);
  let checked = 0;

  output.sections.forEach((section, s) => {
    section.statements.forEach((statement, i) => {
      checked++;
      const flag = (kind: FindingKind, value: string, reason: string) =>
        unsupported.push({ section: s, statement: i, kind, value, reason });
      // Placeholders ("[DATE-2 (2021)]") carry numbers of their own; they are not claims.
      const text = replacePlaceholders(statement.text, () => ' ');

      const instruction = echoesInstruction(statement.text, planted);
      if (instruction) {
        flag(
          'instruction',
          statement.text.slice(0, 80),
          instruction === 'addressed-to-ai'
            ? 'reads as an instruction to an AI, not a clinical statement — the page may have planted it'
            : `repeats an instruction planted in the record (${instruction.itemId}); page text is data, not instructions`,
        );
      }
      for (const id of statement.cites)
        if (!findItem(record, id)) flag('citation', id, `cites ${id}, which is not in the record`);
      const cited = textOf(record, statement.cites);

      for (const n of new Set(text.match(NUMBER) ?? [])) {
        // Counts of the chart's own items ("4 active problems") summarise it; they quote nothing.
        if (new RegExp(`\\b${n}\\s+(?:active\\s+|current\\s+|abnormal\\s+)?${COUNTED}`, 'i').test(text)) continue;
        if (statement.cites.length && hasNumber(cited, n)) continue;
        // "Call 911": an instruction to the patient, not a value from the chart.
        if (n === '911' && /\b(?:call|dial|llame al?|marque(?: el)?)\s+911\b/i.test(text)) continue;
        // An age is the banner's, checked below against it, not a value an item should hold.
        if (new RegExp(`\\b${n}[- ]year[- ]old\\b`, 'i').test(text)) continue;
        if (!hasNumber(everything, n)) flag('number', n, 'not found in the record');
        else if (statement.cites.length) flag('number', n, 'in the record, but not in the items this statement cites');
      }

      const drugs = new Set(
        [...(text.match(DRUG_STEM) ?? []), ...text.split(/[^A-Za-z]+/).filter(isDrugName)].map((d) => d.toLowerCase()),
      );
      for (const drug of drugs) {
        // A drug-like word that the chart itself uses ("Iron deficiency anemia", "LDL cholesterol") is
        // the chart's vocabulary, not a new drug. (A drug named anywhere in the chart — "stopped
        // warfarin" — is therefore not flagged when a draft mentions it: a known limit.)
        if (takes.has(drug) || new RegExp(`\\b${drug}\\b`, 'i').test(everything)) continue;
        const allergic = allergies.some((a) => a.includes(drug) || drug.includes(a));
        if (!allergic) flag('drug', drug, 'not among the patient’s medications');
      }

      if (/\b(?:no known (?:drug )?allergies|nkda|no allergies|allergies:? none)\b/i.test(text)) {
        if (allergies.length)
          flag(
            'allergy',
            'no known allergies',
            `the record lists allergies: ${record.allergies.map((a) => a.substance).join(', ')}`,
          );
        // "None" is supported only by a page that said so; an unread or absent section supports nothing.
        else if (categoryState(record, 'allergies') !== 'empty')
          flag(
            'allergy',
            'no known allergies',
            'the allergy list was not read from this page, so it cannot say there are none',
          );
      }
      for (const m of text.matchAll(/\ballerg(?:y|ic|ies)\s+to\s+([A-Za-z][A-Za-z-]+)/gi)) {
        const substance = m[1].toLowerCase();
        if (!allergies.some((a) => a.includes(substance) || substance.includes(a)))
          flag('allergy', m[1], 'no such allergy in the record');
      }

      const age = text.match(/\b(\d{1,3})[- ]year[- ]old\b/i)?.[1];
      if (age && record.patient.age && age !== record.patient.age)
        flag('patient', `${age}-year-old`, `the banner says ${record.patient.age}`);
      const sex = text.match(/\b(male|female|man|woman)\b/i)?.[1]?.toLowerCase();
      const bannerSex = record.patient.sex?.toLowerCase();
      if (sex && bannerSex) {
        const female = sex === 'female' || sex === 'woman';
        if (female !== bannerSex.startsWith('f')) flag('patient', sex, `the banner says ${record.patient.sex}`);
      }
    });
  });
  return { checked, unsupported, omissions: findOmissions(output, record) };
}
