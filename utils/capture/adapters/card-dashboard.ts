import type { LayoutAdapter } from './index';

/** A dashboard of cards with titles (OpenEMR-like, Bootstrap markup): one card per section. */
export const cardDashboard: LayoutAdapter = {
  name: 'card dashboard',
  detect: (doc) => doc.querySelectorAll('.card .card-title, .card > .card-header').length >= 3,
};
