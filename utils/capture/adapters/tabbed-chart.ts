import type { LayoutAdapter } from './index';

/** A chart split into tabs (Summary, Results, Notes…): only the open tab panel is on screen. */
export const tabbedChart: LayoutAdapter = {
  name: 'tabbed chart',
  detect: (doc) => doc.querySelector('[role="tablist"]') !== null && doc.querySelector('[role="tabpanel"]') !== null,
};
