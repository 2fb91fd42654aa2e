/**
 * A draft as plain text for the clipboard or an EHR field: no citation chips. A patient reply is
 * the letter itself (paragraphs, no headings); notes and summaries keep their headings.
 */
import type { TaskOutput } from '../draft/schema';

export function draftToText(output: TaskOutput): string {
  if (output.task === 'reply')
    return output.sections.flatMap((section) => section.statements.map((statement) => statement.text)).join('\n\n');
  return output.sections
    .map((section) => [section.heading, ...section.statements.map((statement) => `- ${statement.text}`)].join('\n'))
    .join('\n\n');
}
