import type { LayoutAdapter } from './index';

/**
 * A patient-portal conversation: repeated messages with a sender and a time, and a reply box;
 * often no section heading at all, so the page itself is the messages section.
 */
export const messageThread: LayoutAdapter = {
  name: 'portal message thread',
  detect: (doc) =>
    doc.querySelector('textarea') !== null &&
    doc.querySelectorAll('li time, article time, [class*="message" i] time, [class*="msg" i] time').length > 0 &&
    doc.querySelector('table') === null,
  // The conversation sits in the page's main region; the site header above it is not the chart.
  root: (doc) => doc.querySelector('main, [role="main"]'),
  defaultSection: 'messages',
};
