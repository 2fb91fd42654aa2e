import type { LayoutAdapter } from './index';

const SAMPLE = 300;
/** Elements looked at, at most, to find that sample: a long table of unclassed rows ends the look early. */
const MAX_SCANNED = 5_000;
/** Build tools' generated class names: short letter/digit mixes ("k3Rw", "css-1x2y3z", "_a1b2c"). */
const HASHED = /^(?:css-[a-z0-9]{4,}|_?[a-zA-Z]{0,3}\d[a-zA-Z0-9_-]{1,8}|[a-zA-Z]+_[a-zA-Z0-9]{5,})$/;

/**
 * An app-style chart (Medplum-like): divs with generated class names, few headings or roles.
 * Detected when most class names in a sample of the page look generated.
 */
export const appGrid: LayoutAdapter = {
  name: 'app grid',
  detect: (doc) => {
    // A live collection is read lazily: the sample stops early on a 50,000-element page.
    const all = doc.body?.getElementsByTagName('*') ?? [];
    let classed = 0;
    let hashed = 0;
    for (let i = 0; i < all.length && i < MAX_SCANNED && classed < SAMPLE; i++) {
      // The attribute, not classList: no token list is made for each of thousands of elements.
      const names = all[i].getAttribute('class')?.trim();
      if (!names) continue;
      classed++;
      if (names.split(/\s+/).some((name) => HASHED.test(name))) hashed++;
    }
    return classed >= 20 && hashed / classed >= 0.6;
  },
};
