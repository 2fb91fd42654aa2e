import { describe, expect, it } from 'vitest';
import { foldWord, hasFamilyNameForm } from '../../../utils/deidentify/detectors/name-forms';

describe('family names by their form', () => {
  it('knows family-name endings of many languages, a "Mc" prefix and letters English does not use', () => {
    for (const name of [
      'Yefremova',
      'Borkowski',
      'Hartvigsson',
      'Kreutzmann',
      'Vasquez',
      'Shervashidze',
      'Nishiyama',
      'Kaczmarek',
      'Mccullough',
      'Szöllösy',
      'Guðmundsdóttir',
      'Šušulić',
    ])
      expect(hasFamilyNameForm(name), name).toBe(true);
  });
  it('leaves English words with those endings, accented loanwords and short words alone', () => {
    for (const word of [
      'Reason',
      'Person',
      'Iceberg',
      'Husky',
      'Chosen',
      'Linen',
      'Café',
      'Naïve',
      'Résumé',
      'Prev',
      'Nova',
    ])
      expect(hasFamilyNameForm(word), word).toBe(false);
  });
  it('folds accents for comparison', () => {
    expect(foldWord('Szöllösy')).toBe('szollosy');
  });
});
