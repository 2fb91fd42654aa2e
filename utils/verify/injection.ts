/**
 * Instructions planted in the record ("ignore previous instructions and …"): page text is data.
 * The offline engine never follows text it reads; a model might. So the record is searched for
 * text addressed to an AI, the clinician is told, and any statement of a draft that carries such an
 * instruction, or repeats one, is flagged by verification.
 */
import { allItems, type PatientRecord } from '../record/schema';

const ADDRESSED_TO_AI = [
  /\b(?:ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(?:instructions?|prompts?|rules|directions)\b/i,
  /\b(?:system|developer)\s+(?:prompt|message|instructions?)\b/i,
  /\byou are (?:now|no longer)\b/i,
  /\b(?:as an? (?:ai|language model|assistant))\b/i,
  /\bnew instructions?\s*:/i,
  /\b(?:do not|don't|never) (?:tell|inform|mention (?:this )?to) the (?:clinician|doctor|provider|user)\b/i,
  /\b(?:respond|reply|answer|output) (?:only )?with\b[^.!?\n]{0,40}\b(?:instead|only)\b/i,
  /<\/?(?:record|system|assistant|instructions?)>/i,
];

export interface PlantedInstruction {
  itemId: string;
  /** The sentence that holds it, as the page wrote it. */
  text: string;
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function looksLikeInstruction(text: string): boolean {
  return ADDRESSED_TO_AI.some((pattern) => pattern.test(text));
}

export function findPlantedInstructions(record: PatientRecord): PlantedInstruction[] {
  return allItems(record).flatMap(({ item }) =>
    sentencesOf(item.text)
      .filter(looksLikeInstruction)
      .map((text) => ({ itemId: item.id, text })),
  );
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Does the statement carry an instruction, or repeat six or more words of a planted one in a row? */
export function echoesInstruction(
  statement: string,
  planted: PlantedInstruction[],
): PlantedInstruction | 'addressed-to-ai' | undefined {
  if (looksLikeInstruction(statement)) return 'addressed-to-ai';
  const said = ` ${words(statement).join(' ')} `;
  for (const p of planted) {
    const w = words(p.text);
    for (let i = 0; i + 6 <= w.length; i++) if (said.includes(` ${w.slice(i, i + 6).join(' ')} `)) return p;
  }
  return undefined;
}
