/** The gazetteer detector: cities and towns without a cue, and the context rules that keep clinical text whole. */
import { describe, expect, it } from 'vitest';
import { detectPlaces } from '../../utils/deidentify/detectors/places';

const places = (text: string) => detectPlaces(text).map((c) => text.slice(c.start, c.end));

describe('places from the gazetteer', () => {
  it('finds towns and cities named without a cue, the longest name first', () => {
    expect(places('We moved here from Kenosha last year')).toEqual(['Kenosha']);
    expect(places('Records faxed from Fall River and Waltham')).toEqual(['Fall River', 'Waltham']);
    expect(places('Kenosha, WI is where she grew up')).toEqual(['Kenosha']);
  });

  it('keeps clinical and everyday words that are also place names', () => {
    expect(places('Metoprolol 25 MG Oral Tablet. Normal sinus rhythm. Mobile: 555-0100')).toEqual([]);
    expect(places("History of Addison's disease and Bell's palsy")).toEqual([]);
  });

  it('keeps what Safe Harbor lets stay: states and countries', () => {
    expect(places('She travelled to Sweden and then to Georgia')).toEqual([]);
  });

  it('does not take a capitalised word opening a sentence for a town without an address after it', () => {
    expect(places('Marion said the pain is better.')).toEqual([]);
  });
});
