/** Scales, signs and devices named after people and cities stay in the text; the people and cities do not. */
import { describe, expect, it } from 'vitest';
import { deidentify } from '../../utils/deidentify';

const out = (text: string) => deidentify(text).text;

describe('instruments named after people and places', () => {
  it('keeps the names of scales, scores, signs and devices', () => {
    const text =
      'GCS (Glasgow Coma Scale) 15. Hamilton Anxiety Rating Scale 12, Montreal Cognitive Assessment 27. ' +
      'Austin Flint murmur; Kansas City Cardiomyopathy Questionnaire 61. Family chose the Boston brace. ' +
      'Biopsies per the Seattle protocol. No Hampton hump.';
    expect(out(text)).toBe(text);
  });

  it('still removes people, towns and facilities before common nouns, in capitals and before a label', () => {
    const cases: Array<[string, string[]]> = [
      ['Spanish interpreter Ana Beltrán used for the morning assessment.', ['Ana', 'Beltrán']],
      ['Spoke with daughter Maria Gonzalez and the test results were reviewed.', ['Maria', 'Gonzalez']],
      ["Mr. Smith's son Tomas Rivera stage IV colon ca.", ['Tomas', 'Rivera']],
      ['Case manager Linda Grade called; spoke with Tom Collar.', ['Linda', 'Grade', 'Tom', 'Collar']],
      ['Lives in Kenosha and the screen was negative.', ['Kenosha']],
      ['Transferred from Sutter Health System yesterday.', ['Sutter']],
      ['PT FOUND BY NEIGHBOR JOHN SMITH LYING ON FLOOR IN SUPINE POSITION', ['JOHN', 'SMITH']],
      ['Student: Rylee Ahn   Grade: 10. Seen by Dr. Kansas for the Boston brace.', ['Rylee', 'Ahn', 'Kansas']],
    ];
    for (const [text, names] of cases) {
      const result = out(text);
      for (const name of names) expect(result, text).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it('reads a long run of hyphenated capitals after a name without stalling', () => {
    const run = Array.from({ length: 40 }, (_, i) => String.fromCharCode(65 + (i % 26))).join('-');
    expect(out(`Seen at Mercy Hospital ${run}`)).not.toContain('Mercy');
  });

  it('keeps a run of vertebrae, not a code; a short code stays a code', () => {
    expect(out('Cobb angle 31 degrees right thoracic (T6-T12), fusion C5-C6.')).toBe(
      'Cobb angle 31 degrees right thoracic (T6-T12), fusion C5-C6.',
    );
    expect(out('case S24-15 reviewed')).not.toContain('S24-15');
  });
});
