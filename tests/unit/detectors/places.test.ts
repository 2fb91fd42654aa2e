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
  it('finds a place whose name is also a word only right after a preposition', () => {
    const found = (text: string) => findWith(placeDetector, text).map(([, text]) => text);
    expect(found('Brother died of a ruptured AAA in Salina. Grandson is driving down from Hatch.')).toEqual([
      'Salina',
      'Hatch',
    ]);
    // A department or a word after the preposition, or the first word of a longer name, is no such place.
    expect(found('Discharged to Home with services. Lesion in Medulla. Seen in Valley Medical Center.')).toEqual([]);
    expect(found('Salina was a word. Canyon views.')).toEqual([]);
  });
  it('finds a gazetteer place typed in lower case after a preposition, and its ZIP code', () => {
    const found = (text: string) => findWith(placeDetector, text).map(([, text]) => text);
    expect(found('i moved to walnut ave in visalia 93277 btw. she is staying in los lunas w/ daughter')).toEqual([
      'visalia',
      '93277',
      'los lunas',
    ]);
    expect(found('woke up in pain, went to bed, back to work in march')).toEqual([]);
  });
  it('finds a town before what is said of a place: its state, or its people and services', () => {
    const found = (text: string) => findWith(placeDetector, text).map(([, text]) => text);
    expect(found('Hazard pt, 64M. Celebration ER sent him. Marathon FL diver. Yakima resident.')).toEqual([
      'Hazard',
      'Celebration',
      'Marathon',
      'Yakima',
    ]);
    // A state's code counts in capitals only; a word is left alone without one.
    expect(found('Hope in the plan. Normal in tone. Liberty or death.')).toEqual([]);
  });
  it('finds towns typed in lower case where a place is said: in brackets, before what is said of a town, after a direction', () => {
    const found = (text: string) => findWith(placeDetector, text).map(([, value]) => value);
    expect(found('records from a clinic (lyon); back from thailand (chiang mai)')).toEqual(['lyon', 'chiang mai']);
    expect(found('accept the lowell transfer? nantucket pt medflighted in')).toEqual(['lowell', 'nantucket']);
    expect(found('welder in east boston for 12 years')).toEqual(['east boston']);
    expect(found('pt on norco pt; took (tylenol); she is in pain and went to bed')).toEqual([]);
  });
});
