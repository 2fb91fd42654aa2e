/** A chart of one identified patient (Ravi Desai, MRN 77123456) with no items: tests add what they need. */
import { emptyRecord, type PatientRecord } from '../../utils/record/schema';

export function identifiedChart(): PatientRecord {
  const record = emptyRecord({
    url: 'https://ehr.example.org/chart',
    title: 'Chart',
    capturedAt: '2025-06-01T10:00:00Z',
  });
  record.patient = {
    ...record.patient,
    name: 'Ravi Desai',
    birthDate: '1970-02-03',
    identifiers: [{ type: 'MRN', value: '77123456' }],
  };
  record.capture.patientIdentified = true;
  return record;
}
