/**
 * Context within a budget: each task sends the record trimmed to a token budget (a setting,
 * default 8,000). What matters first goes in first — active problems, current medications,
 * allergies, the latest vitals, the latest value and previous one of each lab, the message being
 * answered — then recent notes before old ones, then the rest. What did not fit is listed for the
 * clinician. Tokens are estimated at four characters each (close for English with GPT-style
 * tokenizers; conservative for the placeholders and numbers charts are full of).
 */
import { recordText } from '../deidentify/payload';
import { ITEM_CATEGORIES, noItems, type ItemCategory, type PatientRecord, type RecordItem } from '../record/schema';
import { activeProblems, currentMedications, latestLabs, latestVitals, messageToAnswer } from '../record/queries';
import type { Task } from './schema';
import { CATEGORY_INFO } from '../record/categories';
import { toTimestamp } from '../record/dates';

export const DEFAULT_TOKEN_BUDGET = 8000;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export interface Budgeted {
  record: PatientRecord;
  tokens: number;
  /** What was left out, for the clinician: "12 older lab results", "2 notes (oldest first)". */
  omitted: string[];
}

type Category = ItemCategory;

export function withinBudget(record: PatientRecord, task: Task, budget = DEFAULT_TOKEN_BUDGET): Budgeted {
  const full = estimateTokens(recordText(record));
  if (full <= budget) return { record, tokens: full, omitted: [] };

  const series = latestLabs(record.labs);
  const byDateDesc = <T extends RecordItem & { date?: string }>(items: T[]) =>
    [...items].sort((a, b) => toTimestamp(b.date) - toTimestamp(a.date));
  const message = messageToAnswer(record);
  // The order things go in: everything a task cites comes first.
  const priority: Array<[Category, RecordItem]> = [
    ...(task === 'reply' && message ? [['messages', message] as [Category, RecordItem]] : []),
    ...activeProblems(record).map((i) => ['problems', i] as [Category, RecordItem]),
    ...currentMedications(record).map((i) => ['medications', i] as [Category, RecordItem]),
    ...record.allergies.map((i) => ['allergies', i] as [Category, RecordItem]),
    ...latestVitals(record.vitals).map((i) => ['vitals', i] as [Category, RecordItem]),
    ...series
      .flatMap((s) => [s.latest, ...(s.previous ? [s.previous] : [])])
      .map((i) => ['labs', i] as [Category, RecordItem]),
    ...byDateDesc(record.messages).map((i) => ['messages', i] as [Category, RecordItem]),
    ...byDateDesc(record.notes).map((i) => ['notes', i] as [Category, RecordItem]),
    ...record.problems.map((i) => ['problems', i] as [Category, RecordItem]),
    ...record.medications.map((i) => ['medications', i] as [Category, RecordItem]),
    ...byDateDesc(record.immunizations).map((i) => ['immunizations', i] as [Category, RecordItem]),
    ...byDateDesc(record.procedures).map((i) => ['procedures', i] as [Category, RecordItem]),
    ...[...record.labs]
      .sort((a, b) => toTimestamp(b.time) - toTimestamp(a.time))
      .map((i) => ['labs', i] as [Category, RecordItem]),
    ...[...record.vitals]
      .sort((a, b) => toTimestamp(b.time) - toTimestamp(a.time))
      .map((i) => ['vitals', i] as [Category, RecordItem]),
    ...record.other.map((i) => ['other', i] as [Category, RecordItem]),
  ];
  const kept = new Set<RecordItem>();
  // Placeholders ("[DATE-12 (2025)]") run longer than the values they replace: a margin keeps the
  // de-identified payload, not only the record text, within the budget.
  const limit = Math.floor(budget * 0.95);
  // The header lines (patient, encounter, headings) are always sent.
  let tokens = estimateTokens(recordText({ ...record, ...noItems() })) + 10 * 3;
  for (const [, item] of priority) {
    if (kept.has(item)) continue;
    const cost = estimateTokens(`- [${item.id}] ${item.text}\n`);
    if (tokens + cost > limit) continue;
    kept.add(item);
    tokens += cost;
  }
  const trimmed = { ...record };
  const omitted: string[] = [];
  for (const category of ITEM_CATEGORIES) {
    const items = record[category] as RecordItem[];
    const left = items.filter((i) => !kept.has(i));
    (trimmed as Record<Category, RecordItem[]>)[category] = items.filter((i) => kept.has(i));
    if (left.length)
      omitted.push(
        `${left.length} ${left.length === 1 ? CATEGORY_INFO[category].trimmed.replace(/s$/, '') : CATEGORY_INFO[category].trimmed}`,
      );
  }
  return { record: trimmed, tokens: estimateTokens(recordText(trimmed)), omitted };
}
