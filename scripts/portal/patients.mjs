// Synthetic patients written by the Chartside team for the demo portal and the tests.
// No real person is described. Notes deliberately mention relatives, clinicians, dates, phone
// numbers and places: the identifiers de-identification must catch.

/** @typedef {{ name: string, status: string, onset: string }} Problem */

export const patients = [
  {
    id: 'p1001',
    // Identifiers the notes and messages plant beyond the banner (relatives, clinicians, places, dates).
    planted: ['Lucia', 'Providence', 'September', 'David Ordóñez', '617-555-0142', 'Patel', 'Wilson Park', 'Kevin Osei', 'Riverside Renal Associates', '1200 Harbor St', 'Quincy', 'Sarah Whitfield', 'Whitfield', 'Janet Morales', 'Washington Street', 'Ordóñez-Reyes', '11/18/2026', '10/29/2026', '11/24/2026', '11/19/2026', 'Riverside Internal Medicine'],
    name: { family: 'Ordóñez', given: 'Maria Elena' },
    birthDate: '03/14/1958',
    age: 68,
    sex: 'Female',
    mrn: '00482913',
    phone: '(617) 555-0199',
    email: 'maria.ordonez58@example.com',
    address: '42 Larkspur Lane, Dedham, MA 02026',
    insurance: 'BCX-7741-20983',
    encounter: { date: '11/18/2026', clinician: 'Sarah Whitfield, MD', location: 'Riverside Internal Medicine', reason: 'Diabetes follow-up' },
    problems: [
      { name: 'Type 2 diabetes mellitus with hyperglycemia', status: 'Active', onset: '2011' },
      { name: 'Essential hypertension', status: 'Active', onset: '2008' },
      { name: 'Chronic kidney disease, stage 3a', status: 'Active', onset: '2021' },
      { name: 'Hyperlipidemia', status: 'Active', onset: '2012' },
      { name: 'Acute bronchitis', status: 'Resolved', onset: '2024' },
    ],
    medications: [
      { name: 'Metformin', dose: '1000 mg', route: 'PO', frequency: 'twice daily', status: 'Active', start: '05/02/2011' },
      { name: 'Lisinopril', dose: '20 mg', route: 'PO', frequency: 'daily', status: 'Active', start: '09/15/2008' },
      { name: 'Atorvastatin', dose: '40 mg', route: 'PO', frequency: 'at bedtime', status: 'Active', start: '01/20/2012' },
      { name: 'Empagliflozin', dose: '10 mg', route: 'PO', frequency: 'daily', status: 'Active', start: '08/03/2025' },
      { name: 'Aspirin', dose: '81 mg', route: 'PO', frequency: 'daily', status: 'Active', start: '01/20/2012' },
    ],
    allergies: [
      { substance: 'Penicillin', reaction: 'Hives', severity: 'Moderate' },
      { substance: 'Sulfamethoxazole', reaction: 'Rash', severity: 'Mild' },
    ],
    vitals: [
      { date: '11/18/2026', bp: '148/86', hr: '78', temp: '98.4', weight: '82.1', bmi: '31.2', spo2: '97' },
      { date: '08/12/2026', bp: '142/84', hr: '74', temp: '98.6', weight: '83.0', bmi: '31.5', spo2: '98' },
      { date: '05/06/2026', bp: '136/80', hr: '76', temp: '98.2', weight: '83.4', bmi: '31.7', spo2: '97' },
    ],
    labs: [
      { test: 'Hemoglobin A1c', value: '8.4', unit: '%', range: '4.0-5.6', flag: 'H', date: '11/12/2026' },
      { test: 'Glucose, fasting', value: '162', unit: 'mg/dL', range: '70-99', flag: 'H', date: '11/12/2026' },
      { test: 'Creatinine', value: '1.38', unit: 'mg/dL', range: '0.57-1.00', flag: 'H', date: '11/12/2026' },
      { test: 'eGFR', value: '52', unit: 'mL/min/1.73m2', range: '>59', flag: 'L', date: '11/12/2026' },
      { test: 'Potassium', value: '4.9', unit: 'mmol/L', range: '3.5-5.2', flag: '', date: '11/12/2026' },
      { test: 'LDL cholesterol', value: '92', unit: 'mg/dL', range: '0-99', flag: '', date: '11/12/2026' },
      { test: 'Urine albumin/creatinine ratio', value: '64', unit: 'mg/g', range: '0-29', flag: 'H', date: '11/12/2026' },
      { test: 'Hemoglobin A1c', value: '7.9', unit: '%', range: '4.0-5.6', flag: 'H', date: '05/01/2026' },
    ],
    immunizations: [
      { name: 'Influenza, seasonal', date: '10/02/2026' },
      { name: 'Pneumococcal conjugate (PCV20)', date: '03/11/2024' },
      { name: 'COVID-19 mRNA, 2025-2026 formula', date: '09/22/2025' },
    ],
    procedures: [
      { name: 'Diabetic retinal exam', date: '02/14/2026' },
      { name: 'Colonoscopy', date: '06/09/2019' },
    ],
    notes: [
      {
        title: 'Progress note', date: '11/18/2026', author: 'Sarah Whitfield, MD',
        text: [
          'Mrs. Ordóñez returns for diabetes follow-up. She reports fasting sugars of 150-180 at home and occasional lightheadedness when standing, worse since her daughter Lucia moved back to Providence in September.',
          'Her son David Ordóñez (cell 617-555-0142) now helps with her pill organizer. She walks with her neighbor Mrs. Patel at Wilson Park three mornings a week.',
          'Assessment: A1c up to 8.4% from 7.9%. BP above goal at 148/86. eGFR stable at 52. Plan: continue empagliflozin 10 mg, review orthostatic vitals, recheck BMP in 3 months. Referred to Dr. Kevin Osei, nephrology, Riverside Renal Associates, 1200 Harbor St, Quincy.',
        ],
      },
      {
        title: 'Telephone encounter', date: '10/29/2026', author: 'Janet Morales, RN',
        text: [
          'Patient called at 9:40 am on 10/29/2026 from home phone (617) 555-0199 about a dizzy spell at Stop & Shop on Washington Street. No fall, no syncope. Advised to hydrate and keep appointment on 11/18/2026. Daughter Lucia Ordóñez-Reyes listed as emergency contact.',
        ],
      },
    ],
    messages: [
      {
        from: 'Maria Ordóñez', date: '11/24/2026', subject: 'Dizzy in the mornings',
        text: 'Hello Dr. Whitfield, since the new water pill I feel dizzy when I get out of bed. My sugar this morning was 171. Should I stop the empagliflozin? My son David can drive me in on Thursday if you need to see me. Thank you, Maria',
      },
      {
        from: 'Sarah Whitfield, MD', date: '11/19/2026', subject: 'Your lab results',
        text: 'Dear Mrs. Ordóñez, your A1c was 8.4%, a little higher than in May. Your kidney function is stable. Please keep taking your medicines as prescribed and check your sugar each morning.',
      },
    ],
  },
  {
    id: 'p1002',
    planted: ['Saint Vincent', '11/06/2026', 'Greendale Freight', "Karen O'Neil", 'Lisa Chen', '(508) 555-0110', 'Raghavan', 'Jim', 'Park Ave', '11/20/2026', '11/23/2026', 'Riverside Pulmonary Clinic'],
    name: { family: "O'Neil", given: 'James Patrick' },
    birthDate: '07/02/1972',
    age: 54,
    sex: 'Male',
    mrn: '00739155',
    phone: '(508) 555-0163',
    email: 'jp.oneil@example.net',
    address: '9 Quarry Road, Apt 3B, Worcester, MA 01609',
    insurance: 'HPX-0091-55321',
    encounter: { date: '11/20/2026', clinician: 'Anil Raghavan, MD', location: 'Riverside Pulmonary Clinic', reason: 'Asthma exacerbation follow-up' },
    problems: [
      { name: 'Moderate persistent asthma', status: 'Active', onset: '1999' },
      { name: 'Gastroesophageal reflux disease', status: 'Active', onset: '2016' },
      { name: 'Major depressive disorder, recurrent, mild', status: 'Active', onset: '2019' },
      { name: 'Obstructive sleep apnea', status: 'Active', onset: '2022' },
      { name: 'Left ankle fracture', status: 'Resolved', onset: '2015' },
    ],
    medications: [
      { name: 'Budesonide-formoterol 160-4.5 mcg inhaler', dose: '2 puffs', route: 'inhaled', frequency: 'twice daily', status: 'Active', start: '03/10/2023' },
      { name: 'Albuterol HFA 90 mcg inhaler', dose: '2 puffs', route: 'inhaled', frequency: 'every 4 hours as needed', status: 'Active', start: '03/10/2023' },
      { name: 'Omeprazole', dose: '20 mg', route: 'PO', frequency: 'daily', status: 'Active', start: '02/01/2016' },
      { name: 'Sertraline', dose: '100 mg', route: 'PO', frequency: 'daily', status: 'Active', start: '11/05/2019' },
      { name: 'Prednisone', dose: '40 mg', route: 'PO', frequency: 'daily', status: 'Completed', start: '11/06/2026' },
    ],
    allergies: [],
    vitals: [
      { date: '11/20/2026', bp: '128/78', hr: '88', temp: '98.9', weight: '96.2', bmi: '29.8', spo2: '94' },
      { date: '11/06/2026', bp: '134/82', hr: '102', temp: '99.1', weight: '96.8', bmi: '30.0', spo2: '91' },
    ],
    labs: [
      { test: 'WBC', value: '11.8', unit: 'K/uL', range: '4.0-10.5', flag: 'H', date: '11/06/2026' },
      { test: 'Eosinophils, absolute', value: '0.62', unit: 'K/uL', range: '0.00-0.45', flag: 'H', date: '11/06/2026' },
      { test: 'Hemoglobin', value: '14.6', unit: 'g/dL', range: '13.0-17.7', flag: '', date: '11/06/2026' },
      { test: 'Sodium', value: '139', unit: 'mmol/L', range: '134-144', flag: '', date: '11/06/2026' },
      { test: 'Glucose', value: '131', unit: 'mg/dL', range: '70-99', flag: 'H', date: '11/06/2026' },
    ],
    immunizations: [
      { name: 'Influenza, seasonal', date: '10/15/2026' },
      { name: 'Tdap', date: '04/22/2019' },
    ],
    procedures: [{ name: 'Spirometry with bronchodilator', date: '11/20/2026' }],
    notes: [
      {
        title: 'Pulmonary follow-up', date: '11/20/2026', author: 'Anil Raghavan, MD',
        text: [
          "Mr. O'Neil is seen two weeks after an asthma exacerbation treated at Saint Vincent ED on 11/06/2026 with prednisone 40 mg for 5 days. He works nights as a forklift operator at Greendale Freight and was exposed to diesel fumes.",
          'His wife Karen O\'Neil reports loud snoring; CPAP use is about 3 nights a week. Spirometry today: FEV1 78% predicted, improved from 64%.',
          'Plan: continue budesonide-formoterol, reinforce inhaler technique, CPAP nightly. Follow up with Dr. Lisa Chen (sleep medicine) in January. Work note faxed to (508) 555-0110.',
        ],
      },
    ],
    messages: [
      {
        from: "James O'Neil", date: '11/23/2026', subject: 'Inhaler refill',
        text: 'Hi Dr. Raghavan, I am almost out of my albuterol. Can you send a refill to the CVS on Park Ave? Breathing is better than last week. Thanks, Jim',
      },
    ],
  },
  {
    id: 'p1003',
    planted: ['Kendall Biotech', 'August', 'Nguyễn Thị Hoa', 'Minh Tran', 'Paula Reyes', 'Mount Auburn', '617-555-0175', 'Rebecca Adler', '11/21/2026', '11/25/2026', 'Riverside Family Health'],
    name: { family: 'Nguyễn', given: 'Thị Lan' },
    birthDate: '12/05/1991',
    age: 34,
    sex: 'Female',
    mrn: '01127846',
    phone: '(781) 555-0127',
    email: 'lan.nguyen91@example.org',
    address: '310 Prospect Street, Unit 12, Cambridge, MA 02139',
    insurance: 'MHX-5520-11870',
    encounter: { date: '11/21/2026', clinician: 'Rebecca Adler, NP', location: 'Riverside Family Health', reason: 'Fatigue and headaches' },
    problems: [
      { name: 'Hypothyroidism', status: 'Active', onset: '2018' },
      { name: 'Migraine without aura', status: 'Active', onset: '2010' },
      { name: 'Iron deficiency anemia', status: 'Active', onset: '2026' },
    ],
    medications: [
      { name: 'Levothyroxine', dose: '75 mcg', route: 'PO', frequency: 'every morning', status: 'Active', start: '04/11/2018' },
      { name: 'Sumatriptan', dose: '50 mg', route: 'PO', frequency: 'as needed for migraine', status: 'Active', start: '06/30/2014' },
      { name: 'Ferrous sulfate', dose: '325 mg', route: 'PO', frequency: 'daily', status: 'Active', start: '09/02/2026' },
    ],
    allergies: [
      { substance: 'Latex', reaction: 'Contact dermatitis', severity: 'Mild' },
      { substance: 'Ibuprofen', reaction: 'Angioedema', severity: 'Severe' },
      { substance: 'Shellfish', reaction: 'Urticaria', severity: 'Moderate' },
    ],
    vitals: [
      { date: '11/21/2026', bp: '112/70', hr: '92', temp: '98.1', weight: '54.3', bmi: '20.9', spo2: '99' },
      { date: '09/02/2026', bp: '108/68', hr: '96', temp: '98.4', weight: '55.0', bmi: '21.2', spo2: '99' },
    ],
    labs: [
      { test: 'TSH', value: '6.8', unit: 'mIU/L', range: '0.45-4.50', flag: 'H', date: '11/15/2026' },
      { test: 'Free T4', value: '0.9', unit: 'ng/dL', range: '0.8-1.8', flag: '', date: '11/15/2026' },
      { test: 'Hemoglobin', value: '10.9', unit: 'g/dL', range: '11.1-15.9', flag: 'L', date: '11/15/2026' },
      { test: 'Ferritin', value: '9', unit: 'ng/mL', range: '15-150', flag: 'L', date: '11/15/2026' },
      { test: 'MCV', value: '76', unit: 'fL', range: '79-97', flag: 'L', date: '11/15/2026' },
    ],
    immunizations: [{ name: 'HPV 9-valent, dose 3', date: '08/14/2012' }],
    procedures: [],
    notes: [
      {
        title: 'Office visit', date: '11/21/2026', author: 'Rebecca Adler, NP',
        text: [
          'Ms. Nguyễn reports fatigue and two migraines a week since starting a new job at Kendall Biotech in August. Periods heavy. Her mother Nguyễn Thị Hoa had thyroid disease. Her partner Minh Tran came to the visit.',
          'TSH 6.8 on levothyroxine 75 mcg; she takes it with coffee. Ferritin 9. Plan: take levothyroxine on an empty stomach, recheck TSH in 6 weeks, continue iron, refer to gynecology (Dr. Paula Reyes, Mount Auburn, 617-555-0175).',
        ],
      },
    ],
    messages: [
      {
        from: 'Lan Nguyễn', date: '11/25/2026', subject: 'Câu hỏi về thuốc / Medication question',
        text: 'Hola, tengo una pregunta. ¿Puedo tomar el hierro al mismo tiempo que la levotiroxina por la mañana? A veces se me olvida. Gracias, Lan',
      },
    ],
  },
];

export function fullName(p) {
  return `${p.name.given} ${p.name.family}`;
}

export function findPatient(id) {
  return patients.find((p) => p.id === id);
}
