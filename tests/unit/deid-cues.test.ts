/**
 * Cue-led patterns run only at the words that can start them (utils/deidentify/cues.ts). Each must
 * find exactly what the same pattern finds scanning the whole text, or an identifier slips through.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cued, cuedMatches, hasCue, keysWanted, TextCues } from '../../utils/deidentify/cues';
import { DETECTORS } from '../../utils/deidentify/detectors/registry';

/** Every cued pattern, as the detectors declare them. */
const allCuedPatterns = DETECTORS.flatMap((detector) => detector.patterns);
const WANTED = keysWanted(allCuedPatterns);

/** Each detector's source file, where it is not named after the detector. */
const FILES: Record<string, string> = { ages: 'age', employers: 'employer' };

const corpus = ['corpus', 'heldout', 'heldout2'].flatMap((name) =>
  readFileSync(`tests/fixtures/deid/${name}.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).text as string),
);
/** Texts that stress word starts: digits and underscores before cues, accents, cues at the very start and end. */
const awkward = [
  'MRN:00482913 mrn 00482913 5MRN 00482913 _MRN 00482913 xMRN 00482913',
  'Called by Ms. Nguyễn on Tues 3/14; seen 14 Mar 2021, March 2021, since early May, and the 3rd.',
  'éMRN 12345678 — Pt ID: A1234567, s/n 4471-XK-0093, S/N: 99812, ss# 123-45-6789, fiancée Lucia, fiance Bo',
  'lives in Dedham; moved back to Providence. works at Stop & Shop as a cashier. employer: Acme Corp',
  'Phone: (617) 555-0199 · cell 555-0142 · zip code 02139 · the 14th of the month · DOS: 3/14',
  'Dr',
  'the',
  '',
];

describe('cue-led patterns', () => {
  it('were made by the detectors, and each detector declares every pattern it makes', () => {
    expect(allCuedPatterns.length).toBeGreaterThan(20);
    // A pattern left out of its detector's list would go unchecked below.
    for (const detector of DETECTORS) {
      const file = readFileSync(`utils/deidentify/detectors/${FILES[detector.name] ?? detector.name}.ts`, 'utf8');
      const made = file.match(/\bcued\(/g)?.length ?? 0;
      expect(detector.patterns.length, detector.name).toBeGreaterThanOrEqual(made);
    }
  });

  it('each finds exactly what a global scan of the same pattern finds', () => {
    let compared = 0;
    for (const pattern of allCuedPatterns) {
      const global = new RegExp(pattern.sticky.source, pattern.sticky.flags.replace('y', 'g'));
      for (const text of [...corpus, ...awkward]) {
        const expected = [...text.matchAll(global)].map((m) => [m.index, m[0]]);
        // As the registry makes it: recording only the words the detectors' patterns can start at.
        const cues = new TextCues(text, WANTED);
        const actual = cuedMatches(cues, pattern).map((m) => [m.index, m[0]]);
        expect(actual, `${pattern.sticky.source.slice(0, 80)} on ${text.slice(0, 60)}`).toEqual(expected);
        expect(hasCue(cues, pattern)).toBe(expected.length > 0);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('work out the three-letter keys from the pattern itself', () => {
    expect([...cued('(?:Tues?|Thu(?:rs?)?)day').keys].sort()).toEqual(['thu', 'tue']);
    expect([...cued('(?:s/n|ss#|mr ?#|id)').keys].sort()).toEqual(['id', 'mr', 's', 'ss']);
    expect([...cued('fianc[eé]e?').keys]).toEqual(['fia']);
    expect([...cued('[wW][oO]rk').keys]).toEqual(['wor']);
    expect([...cued('id\\s*(?:number|#)?').keys].sort()).toEqual(['id', 'idn']);
  });

  it('refuse a pattern that could start anywhere, rather than miss matches', () => {
    expect(() => cued('\\d{3}-\\d{4}')).toThrow(/non-letter/);
    expect(() => cued('(?:Dr)?\\s+\\w+')).toThrow();
    expect(() => cued('.ab')).toThrow(/any character/);
  });
});

describe('patterns tried only before their anchor character', () => {
  const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;
  const IPV6 =
    /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}\b/gi;
  const tricky = [
    'a@b@c.com ..john.doe+1@example.org x@y _z@ex.co 5a@ex.com é@ex.com',
    '2001:db8::8a2e:370:7334 fe80::1 BP 10:30:15 abcde:12::1 g1:2::3 ::1 1:2:3:4:5:6:7:8',
  ];
  it('find exactly what a global scan finds', async () => {
    const { detectContact } = await import('../../utils/deidentify/detectors/contact');
    for (const text of [...corpus, ...awkward, ...tricky]) {
      const found = detectContact(text);
      for (const [type, pattern] of [
        ['EMAIL', EMAIL],
        ['IP', IPV6],
      ] as const) {
        const expected = [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
        const actual = found.filter((c) => c.type === type).map((c) => [c.start, c.end]);
        if (type === 'IP') for (const span of expected) expect(actual, text.slice(0, 60)).toContainEqual(span);
        else expect(actual, text.slice(0, 60)).toEqual(expected);
      }
    }
  });
});

describe('scans replaced by one pass over words', () => {
  const CREDENTIALS =
    'MD|M\\.D\\.|DO|D\\.O\\.|NP|RN|LPN|CNA|PA|PA-C|FNP|FNP-BC|APRN|CNM|CRNA|PharmD|DDS|DMD|DPM|PhD|LCSW|LICSW|MSW|PT|DPT|OT|RD|RDN|CDE|MA|NP-C|ANP|ACNP|MLS|MT|CLS|RT|RRT|EMT|EMT-P|CMA|MPH|BSN|MSN|DNP|CCRN';
  const AFTER_NAME = new RegExp(
    `(?<credential>,?\\s+(?:${CREDENTIALS})\\b)|(?<preferred>[ \\t]*\\((?:preferred|nickname|goes by|prefers)\\b)`,
    'g',
  );
  const tricky = [
    'Sarah Whitfield, MD, PhD',
    'Lee PA-C and Kim NP-C',
    'Seun  (preferred name) and Bo\t(nickname)',
    'PAT MDX xMD',
    'Dr. Ng,\n  RN',
  ];
  it('credentials and "(preferred" after a name: the same places as the global scan', async () => {
    const { afterNameCues } = await import('../../utils/deidentify/detectors/names');
    for (const text of [...corpus, ...awkward, ...tricky]) {
      const expected = [...text.matchAll(AFTER_NAME)].map((m) => `${m.index}:${Boolean(m.groups!.credential)}`).sort();
      expect(
        afterNameCues(text)
          .map((c) => `${c.index}:${c.credential}`)
          .sort(),
        text.slice(0, 60),
      ).toEqual(expected);
    }
  });
  it('VINs: the same as /\\b[A-HJ-NPR-Z0-9]{17}\\b/ with three digits and two letters', async () => {
    const { vehicleNumbers } = await import('../../utils/deidentify/detectors/ids');
    const VIN = /\b[A-HJ-NPR-Z0-9]{17}\b/g;
    const shaped = (v: string) => (v.match(/\d/g) ?? []).length >= 3 && (v.match(/[A-Z]/g) ?? []).length >= 2;
    const vins = [
      'car 1HGCM82633A004352 and 1HGCM82633A0043521 and 1HGCM82633A00435 and x1HGCM82633A004352 and 1HGCM82633A00435I',
    ];
    for (const text of [...corpus, ...vins]) {
      const expected = [...text.matchAll(VIN)].filter((m) => shaped(m[0])).map((m) => [m.index, m.index + 17]);
      expect(vehicleNumbers(text)).toEqual(expected);
    }
  });
});
