import type { LayoutAdapter } from './index';

/**
 * A C-CDA document rendered with the HL7 stylesheet: a header table whose label cells carry
 * `td_label`, then one heading per section. Named in the panel; the generic reader does the rest.
 */
export const ccdaDocument: LayoutAdapter = {
  name: 'C-CDA document',
  detect: (doc) => doc.querySelector('td.td_label') !== null,
};
