import type { LayoutAdapter } from './index';

const SAMPLE = 300;
/** Build tools' generated class names: short letter/digit mixes ("k3Rw", "css-1x2y3z", "_a1b2c"). */
const HASHED = /^(?:css-[a-z0-9]{4,}|_?[a-zA-Z]{0,3}\d[a-zA-Z0-9_-]{1,8}|[a-zA-Z]+_[a-zA-Z0-9]{5,})$/;

/**
 * An app-style chart (Medplum-like): divs with generated class names, few headings or roles.
 * Detected when most class names in a sample of the page look generated.
 */
export const appGrid: LayoutAdapter = {
  name: 'app grid',
  detect: (doc) => {
    const classed = Array.from(doc.querySelectorAll('main [class], body > div [class]')).slice(0, SAMPLE);
    if (classed.length < 20) return false;
    const hashed = classed.filter((el) => Array.from(el.classList).some((c) => HASHED.test(c))).length;
    return hashed / classed.length >= 0.6;
  },
};
