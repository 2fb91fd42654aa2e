/** A draft as plain text for the clipboard or an EHR field: headings and statements, no citation chips. */
import type { TaskOutput } from '../draft/schema';

export function draftToText(output: TaskOutput): string {
  return output.sections
    .map((section) => [section.heading, ...section.statements.map((statement) => `- ${statement.text}`)].join('\n'))
    .join('\n\n');
}
