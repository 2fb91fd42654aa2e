import type { LayoutAdapter } from './index';

/**
 * A C-CDA document rendered with the HL7 stylesheet: a header table whose label cells carry
 * `td_label`, then one heading per section. Reading starts at the document, not the viewer chrome.
 */
export const ccdaDocument: LayoutAdapter = {
  name: 'C-CDA document',
  detect: (doc) => doc.querySelector('td.td_label') !== null,
  root: (doc) => doc.querySelector('td.td_label')?.closest('table')?.parentElement ?? null,
};
