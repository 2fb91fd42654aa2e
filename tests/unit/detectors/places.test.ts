import { describe, expect, it } from 'vitest';
import { placeDetector } from '../../../utils/deidentify/detectors/places';
import { findWith } from './helpers';

describe('the place detector (gazetteer)', () => {
  it('finds cities named without a cue', () => {
    expect(
      findWith(placeDetector, 'Moved from Chicopee last year; family in Waltham.').map(([, text]) => text),
    ).toEqual(['Chicopee', 'Waltham']);
  });
  it('leaves states, clinical words and everyday words', () => {
    expect(findWith(placeDetector, 'Lives in Texas. Normal sinus rhythm; Mobile phone; Grant program.')).toEqual([]);
  });
});
