/**
 * Filling placeholders back in, locally: a model's draft says "[PATIENT]" and "[DATE-2 (2021)]";
 * the clinician reads the real values. The mapping comes from the panel's PlaceholderBook and
 * never leaves the panel.
 */
const PLACEHOLDER = /\[(?:[A-Z_]+-\d+(?: \([^)\]]*\))?|PATIENT|AGE 90 or older|ZIP \d{3})\]/g;

export function fillPlaceholders(text: string, originals: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (placeholder) => originals.get(placeholder) ?? placeholder);
}
