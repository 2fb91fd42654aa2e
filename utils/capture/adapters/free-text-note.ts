import type { LayoutAdapter } from './index';

const MIN_NOTE_CHARS = 400;

/** One signed note shown as preformatted text: the page is a note, whatever its header says. */
export const freeTextNote: LayoutAdapter = {
  name: 'free-text note',
  detect: (doc) =>
    doc.querySelector('table, [role="table"], [role="grid"]') === null &&
    Array.from(doc.querySelectorAll('pre')).some((pre) => (pre.textContent ?? '').length >= MIN_NOTE_CHARS),
  // The note sits in the page's main region; the site header above it is not the chart.
  root: (doc) => doc.querySelector('main, [role="main"]'),
  defaultSection: 'notes',
};
