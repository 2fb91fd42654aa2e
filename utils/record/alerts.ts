/**
 * What a clinician must see first, read from the record: allergy–drug conflicts, critical results,
 * high-risk medicines, the reason for the visit and the question the patient asked, and symptoms
 * that change what a next step may say (dizziness on standing before any blood-pressure change).
 * Plain queries: the offline drafts lead with these, the next-step rules weigh them, and
 * verification checks a draft does not leave them out. Vocabularies are data (lexicons/).
 */
import critical from './lexicons/critical-values.json';
import highRisk from './lexicons/high-risk-medications.json';
import type { Allergy, Lab, Medication, PatientRecord, RecordItem } from './schema';
import { currentMedications, latestLabs, messageToAnswer, numericValue } from './queries';
import { fold } from '../deidentify/text';

/** An allergy substance → the drugs that share its allergy (the substance itself always counts). */
const CROSS_REACTIVE: Array<[RegExp, RegExp]> = [
  [/penicillin|amoxicillin|ampicillin/i, /\b\w*cillin\b/i],
  [/sulfa|sulfamethoxazole|sulfonamide/i, /\bsulfa(?:methoxazole|diazine|salazine)\b|bactrim|septra/i],
  [
    /nsaid|ibuprofen|naproxen|aspirin/i,
    /\b(?:ibuprofen|naproxen|diclofenac|meloxicam|ketorolac|indomethacin|aspirin|celecoxib)\b/i,
  ],
  [/codeine|morphine/i, /\b(?:codeine|morphine)\b/i],
];

export interface AllergyConflict {
  medication: Medication;
  allergy: Allergy;
  /** The medication is the allergen itself, not a cross-reacting drug. */
  same: boolean;
}

export function allergyConflicts(record: PatientRecord): AllergyConflict[] {
  const out: AllergyConflict[] = [];
  for (const allergy of record.allergies) {
    const substance = allergy.substance.toLowerCase();
    const related = CROSS_REACTIVE.find(([allergen]) => allergen.test(substance))?.[1];
    for (const medication of currentMedications(record)) {
      const name = medication.name.toLowerCase();
      const same = name.includes(substance) || substance.includes(name.split(/\s/)[0]);
      if (same || related?.test(name)) out.push({ medication, allergy, same });
    }
  }
  return out;
}

const LIMITS = critical.limits.map((l) => ({ ...l, test: new RegExp(l.test, 'i') }));
const CRITICAL_FLAG = /crit|panic|^(?:hh|ll|\*+|[<>]{2})$|\bc[hl]\b/i;

/** The latest result of each test when it is critical: flagged so by the lab, or past a panic limit. */
export function criticalResults(record: PatientRecord): Lab[] {
  return latestLabs(record.labs)
    .map((s) => s.latest)
    .filter((lab) => {
      if (CRITICAL_FLAG.test(lab.flag ?? '')) return true;
      const limit = LIMITS.find((l) => l.test.test(lab.test.trim()));
      const value = numericValue(lab);
      if (!limit || value === undefined) return false;
      if ('highFlagOnly' in limit) return /^h/i.test(lab.flag ?? '');
      return (
        ('low' in limit && limit.low !== undefined && value <= limit.low) ||
        ('high' in limit && limit.high !== undefined && value >= limit.high)
      );
    });
}

const HIGH_RISK = highRisk.classes.map((c) => ({ name: c.class, pattern: new RegExp(c.pattern, 'i') }));

export function highRiskMedications(record: PatientRecord): Array<{ medication: Medication; kind: string }> {
  return currentMedications(record).flatMap((medication) => {
    const kind = HIGH_RISK.find((c) => c.pattern.test(medication.name))?.name;
    return kind ? [{ medication, kind }] : [];
  });
}

/** Header lines a message view prints above the patient's words. */
const MESSAGE_HEADER = /^(?:from|sent|to|cc|subject|date|received)\s*:.*$/gim;

/** The patient's own words of a message, without its From:/Sent: lines or the sender and date it starts with. */
export function messageWords(text: string, shown: { from?: string; date?: string; subject?: string } = {}): string {
  let words = text.replace(MESSAGE_HEADER, '').replace(/\s+/g, ' ').trim();
  for (const field of [shown.subject, shown.from, shown.date, shown.from]) {
    if (field && words.startsWith(field)) words = words.slice(field.length).replace(/^[\s·,:|-]+/, '');
  }
  return words;
}

/** Titles and abbreviations whose full stop ends no sentence ("Hello Dr. Whitfield, …"). */
const NOT_AN_END = /\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sr|Sra|Jr|St|vs|approx|e\.g|i\.e|No)\.$/i;

/** A text's sentences, in order; a full stop after a title or a number's decimal point ends none. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of text.split(/(?<=[.!?])\s+/)) {
    current = current ? `${current} ${piece}` : piece;
    if (!NOT_AN_END.test(current)) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out.filter(Boolean);
}

/** The question a message asks ("Should I stop the empagliflozin?"), else its first sentence. */
export function messageQuestion(text: string, shown: { from?: string; date?: string; subject?: string } = {}): string {
  const sentences = sentencesOf(messageWords(text, shown));
  return (
    sentences.find((s) => s.endsWith('?')) ??
    sentences.find((s) => s.length > 12) ??
    messageWords(text, shown).slice(0, 160)
  );
}

const REASON_HEADING = /chief complaint|reason for (?:visit|referral|consult)|presenting (?:complaint|problem)|\bcc\b/i;

export interface Reason {
  text: string;
  cites: string[];
  /** The words a draft must say something about for the reason to count as mentioned. */
  keywords: string[];
  /** For the message: the words of its question alone (what a reply must answer). */
  questionKeywords?: string[];
}

const STOPWORDS = new Set(
  'about after again next last also because been before being could does doing from have having into just like more most much only other over same should since some such than that their them then there these they this those through under until very want were what when where which while will with would your yours mine hello thank thanks dear please today morning mornings tengo pregunta puedo para como cuando tiempo mismo veces gracias hola'.split(
    ' ',
  ),
);

/** Content words of a text, as lower-case stems of five letters (enough to match "dizzy"/"dizziness"). */
export function keywordsOf(text: string): string[] {
  const words = fold(text).match(/\p{L}{4,}/gu) ?? [];
  return [...new Set(words.filter((w) => !STOPWORDS.has(w)).map((w) => w.slice(0, 5)))];
}

/**
 * Why the patient is here, in the record's own words: the visit's reason, a chief complaint, the newest message's
 * question.
 */
export function reasonsForVisit(record: PatientRecord): Reason[] {
  const out: Reason[] = [];
  const reason = record.encounter?.reason; // records made by hand (tests, imports) may have no encounter
  if (reason) out.push({ text: reason, cites: [], keywords: keywordsOf(reason) });
  for (const item of record.other) {
    if (!REASON_HEADING.test(item.heading ?? '') && !REASON_HEADING.test(item.text.split(':')[0])) continue;
    const text = item.text.replace(/^[^:]{0,40}:\s*/, '');
    if (text) out.push({ text, cites: [item.id], keywords: keywordsOf(text) });
  }
  const message = messageToAnswer(record);
  if (message) {
    const question = messageQuestion(message.text, message);
    const subject = message.subject ? `${message.subject} — ` : '';
    out.push({
      text: `${subject}${question}`,
      cites: [message.id],
      keywords: keywordsOf(`${message.subject ?? ''} ${question}`),
      questionKeywords: keywordsOf(question),
    });
  }
  return out;
}

/**
 * Dizziness or near-fainting on standing, as notes and messages say it: a reason to go slow on blood-pressure
 * treatment.
 */
const ORTHOSTATIC =
  /orthostat|(?:dizz\w*|light-?\s?headed\w*|faint\w*|woozy)[^.?!]{0,40}\b(?:stand\w*|get(?:ting)? (?:up|out of bed)|g[eo]t out of bed|rising|sit(?:ting)? up)\b|\b(?:stand\w*|get(?:ting)? up|out of bed)[^.?!]{0,30}\b(?:dizz\w*|light-?\s?headed\w*)|near[- ]syncope|presyncope|mareo al (?:parar|levant)/i;

export function orthostaticSymptoms(record: PatientRecord): RecordItem[] {
  return [...record.messages, ...record.notes, ...record.other].filter((item) => ORTHOSTATIC.test(item.text));
}

/** The sentence of an item that reports the dizziness on standing, in its own words. */
export function orthostaticSentence(item: RecordItem): string | undefined {
  return sentencesOf(messageWords(item.text, item as { from?: string; date?: string; subject?: string })).find((s) =>
    ORTHOSTATIC.test(s),
  );
}
