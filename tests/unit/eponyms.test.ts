/** Diseases, signs, scales and devices named after people and places stay in the text; people and towns do not. */
import { describe, expect, it } from 'vitest';
import { deidentify } from '../../utils/deidentify';
import { knownFromRecord } from '../../utils/deidentify/detectors/known';
import { eponymSpans } from '../../utils/deidentify/eponyms';
import { fold } from '../../utils/deidentify/text';

const out = (text: string) => deidentify(text).text;

describe('eponymous clinical terms', () => {
  it('keeps place-named infections and person-named syndromes, scales and devices', () => {
    const text =
      'Less likely West Nile or Miller Fisher syndrome; consider Ramsay Hunt syndrome. Ann Arbor stage IIB. ' +
      'Revised Geneva 3. Denver Developmental screening normal. Providence nighttime brace. Penrose drain removed.';
    expect(out(text)).toBe(text);
  });

  it('finds each term whole, in any case and without accents', () => {
    const text = 'GUILLAIN-BARRÉ vs guillain-barre; west nile virus IgM.';
    const spans = eponymSpans(text, fold(text)).map(([start, end]) => text.slice(start, end));
    expect(spans).toEqual(['GUILLAIN-BARRÉ', 'guillain-barre', 'west nile virus']);
  });

  it('still removes a person or a town whose name stands alone, or that a cue says is a person', () => {
    const cases: Array<[string, string[]]> = [
      ['Moved back to Ann Arbor to live with her son.', ['Ann', 'Arbor']],
      ['Her son Miller Fisher called about the rash.', ['Miller', 'Fisher']],
      ['Spoke with Ramsay Hunt, her nephew.', ['Ramsay', 'Hunt']],
      ['Patient: Graham Steell', ['Graham', 'Steell']],
      ['Lives in Providence with her sister.', ['Providence']],
    ];
    for (const [text, words] of cases) {
      const result = out(text);
      for (const word of words) expect(result, text).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
  });

  it("never keeps the patient's own name, even where it spells an eponym", () => {
    const known = knownFromRecord({
      name: 'Graham Steell',
      identifiers: [],
      phones: [],
      emails: [],
    } as unknown as Parameters<typeof knownFromRecord>[0]);
    expect(deidentify('Graham Steell murmur heard; Graham Steell agrees with the plan.', { known }).text).not.toMatch(
      /Graham|Steell/,
    );
  });

  it("keeps a trial's name in capitals where it names the trial, unless a cue makes it a person", () => {
    const text =
      'Summarise the VICTORIA trial in 3 bullets; is the VICTORIA arm older? Tanner stage 2, Braxton Hicks contractions.';
    expect(out(text)).toBe(text);
    expect(out('Her daughter VICTORIA called about the VICTORIA trial.')).not.toMatch(/daughter VICTORIA/);
  });

  it('never keeps a person whose name spells an eponym without its noun, nor one a cue or a fact marks', () => {
    const cases: Array<[string, string[]]> = [
      ['Mallory Weiss came in with her mother', ['Mallory', 'Weiss']],
      ['Tommy John called about refills', ['Tommy']],
      ['Austin Flint presented with dyspnea', ['Austin', 'Flint']],
      ['Tanner 4 y/o brought in by mom', ['Tanner']],
      ['Her sister Mary Joseph is HCP.', ['Mary', 'Joseph']],
      ['Braxton Hicks 34M, DOB 3/4/1990', ['Braxton', 'Hicks']],
      ['Note reviewed with Austin Flint, MD', ['Austin', 'Flint']],
      ['Patient Name:\nRamsay Hunt', ['Ramsay', 'Hunt']],
      ['Considered the VICTORIA trial. Called her daughter; VICTORIA agrees.', ['VICTORIA agrees']],
      ["Jane Smith (MRN 1234567) fell. Smith's fracture reduced.", ['Smith']],
    ];
    for (const [text, words] of cases) {
      const result = out(text);
      for (const word of words) expect(result, text).not.toContain(word);
    }
  });
});
