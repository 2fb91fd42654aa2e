import { describe, expect, it } from 'vitest';
import { ageDetector } from '../../../utils/deidentify/detectors/age';
import { findWith } from './helpers';

describe('the age detector', () => {
  it('finds ages over 89, as Safe Harbor asks', () => {
    expect(findWith(ageDetector, 'A 92-year-old man; aged 101.')).toEqual([
      ['AGE', '92-year-old'],
      ['AGE', 'aged 101'],
    ]);
  });
  it('leaves younger ages and numbers that are not ages', () => {
    expect(findWith(ageDetector, 'A 67-year-old woman, BP 130/92, 95 mg daily')).toEqual([]);
  });
});
