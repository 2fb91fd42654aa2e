/** Scales, signs and devices named after people and cities stay in the text; the people and cities do not. */
import { describe, expect, it } from 'vitest';
import { deidentify } from '../../utils/deidentify';

const out = (text: string) => deidentify(text).text;

describe('instruments named after people and places', () => {
  it('keeps the names of scales, scores, signs and devices', () => {
    const text =
      'GCS (Glasgow Coma Scale) 15. Hamilton Anxiety Rating Scale 12, Montreal Cognitive Assessment 27. ' +
      'Austin Flint murmur; Kansas City Cardiomyopathy Questionnaire 61. Family chose the Boston brace. ' +
      'EGD: Los Angeles (LA) grade B esophagitis, biopsies per the Seattle protocol. No Hampton hump.';
    expect(out(text)).toBe(text);
  });

  it('still removes people and places beside them, and names before a label', () => {
    const text =
      'Spanish interpreter Ana Beltrán used for the morning assessment. Wife Jolene called the crisis line. ' +
      'Student: Rylee Ahn   Grade: 10. Seen by Dr. Kansas for the Boston brace; lives in Boston.';
    const result = out(text);
    for (const name of ['Ana Beltrán', 'Jolene', 'Rylee', 'Ahn', 'Dr. Kansas', 'lives in Boston'])
      expect(result).not.toContain(name);
    expect(result).toContain('the Boston brace');
  });

  it('keeps a run of vertebrae, not a code', () => {
    expect(out('Cobb angle 31 degrees right thoracic (T6-T12), fusion C5-C6.')).toBe(
      'Cobb angle 31 degrees right thoracic (T6-T12), fusion C5-C6.',
    );
  });
});
