import { describe, expect, it } from 'vitest';
import { isSectionTitle } from '../../utils/capture/classify';

describe('a title that names a section, not one of its items', () => {
  it('takes section names with qualifiers and counts', () => {
    for (const t of [
      'Allergies',
      'ALLERGIES AND ADVERSE REACTIONS',
      'Active Problems (3)',
      'Current Medications',
      'Problem #1',
      'Vital Signs',
      'Lab Results',
      'Immunizations',
      'Family History',
      'Diagnostic Report',
    ]) {
      expect(isSectionTitle(t), t).toBe(true);
    }
  });
  it('leaves items that read like titles to their section', () => {
    for (const t of [
      'Allergy to grass pollen',
      'House dust mite allergy',
      'Dander (animal) allergy',
      'Allergic rhinitis',
      'Hemoglobin A1c',
      'Shellfish allergy',
    ]) {
      expect(isSectionTitle(t), t).toBe(false);
    }
  });
});
