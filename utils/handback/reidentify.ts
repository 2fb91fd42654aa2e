/**
 * Filling placeholders back in, locally: a model's draft says "[PATIENT]" and "[DATE-2 (2021)]";
 * the clinician reads the real values. The mapping comes from the panel's PlaceholderBook and
 * never leaves the panel.
 */
import { replacePlaceholders } from '../deidentify/placeholders';
import type { TaskOutput } from '../draft/schema';

export function fillPlaceholders(text: string, originals: ReadonlyMap<string, string>): string {
  return replacePlaceholders(text, (placeholder) => originals.get(placeholder) ?? placeholder);
}

/** A task's output as the clinician reads it: every heading and statement filled back in. */
export function fillOutput(output: TaskOutput, originals: ReadonlyMap<string, string>): TaskOutput {
  return {
    ...output,
    sections: output.sections.map((section) => ({
      heading: fillPlaceholders(section.heading, originals),
      statements: section.statements.map((statement) => ({
        ...statement,
        text: fillPlaceholders(statement.text, originals),
      })),
    })),
  };
}
