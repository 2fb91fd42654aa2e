import { describe, expect, it } from 'vitest';
import { contactDetector } from '../../../utils/deidentify/detectors/contact';
import { findWith } from './helpers';

describe('the contact detector', () => {
  it('finds phones, e-mail, web and IP addresses', () => {
    const text =
      'Call (617) 555-0143 or write to j.doe@example.org; portal https://mychart.example.org/p/1 from 10.1.2.3';
    const types = findWith(contactDetector, text).map(([type]) => type);
    expect(types).toEqual(expect.arrayContaining(['PHONE', 'EMAIL', 'URL', 'IP']));
  });
  it('leaves doses, results and dates', () => {
    expect(findWith(contactDetector, 'Metformin 1000 mg twice daily; HbA1c 8.4 % on 03/14/2025; BP 148/86')).toEqual(
      [],
    );
  });
});
