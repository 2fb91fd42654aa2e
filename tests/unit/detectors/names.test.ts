import { describe, expect, it } from 'vitest';
import { deidentify } from '../../../utils/deidentify';
import { nameDetector } from '../../../utils/deidentify/detectors/names';
import { findWith } from './helpers';

/** The names found, each once, in order. */
const distinctNames = (text: string) => [...new Set(findWith(nameDetector, text).map(([, value]) => value))].sort();

describe('the name detector', () => {
  it('finds names after a cue and in "Last, First" form', () => {
    const found = findWith(nameDetector, 'Seen by Dr. Priya Raman. Patient: Desai, Ravi.').map(([, text]) => text);
    expect(found.join(' ')).toContain('Priya Raman');
    expect(found.join(' ')).toContain('Desai');
    expect(found.join(' ')).toContain('Ravi');
  });
  it('takes the words after a naming cue as a name, even when they are also clinical words', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    expect(found('Her maiden name is Clark.')).toEqual(['Clark']);
    expect(found('She named him Frank.')).toEqual(['Frank']);
    expect(found("What's your name? Jildau S Bouts")).toEqual(['Jildau S Bouts']);
    // A drug's other name and a sentence after a question are no names.
    expect(found('Takes acetaminophen aka Tylenol. Apixaban a.k.a. Eliquis 5 mg BID.')).toEqual([]);
    expect(
      found('Sorry, what is your name? Please call the clinic. What is your name? Lisinopril refill needed.'),
    ).toEqual([]);
    // Without such a cue the clinical words stay: "frank blood", a Clark level.
    expect(found('Frank blood in the stool. Clark level IV.')).toEqual([]);
  });
  it('reads a hospital service after "referred to" or "seen by" as the service, not a person', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    expect(found('Referred to Cardiology. Seen by Physical Therapy today. Spoke with Pharmacy.')).toEqual([]);
    expect(found('Tom Reed, Case Manager, called.')).toEqual(['Tom Reed']);
    // (a name found by its cue and by the first-name list is one span once merged)
    expect(new Set(found('Referred to Dr. Hunter. Seen by Sarah Okafor.'))).toEqual(
      new Set(['Hunter', 'Sarah Okafor']),
    );
  });
  it('reads a service after "follow up with" as the service, and a person there as a person', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    const services =
      'Follow up with Primary Care. Follow up with Ortho next week. F/u with Wound Care. Follow-up with Neuro. ' +
      'Follow up with Social Work and with Case Management. Referred to Case Management. Follow up with Labs.';
    expect(found(services)).toEqual([]);
    const notPeople =
      'Follow up with stress test. Follow up with mammograms. F/u with Walgreens. Follow up with Me. ' +
      'Follow up with Hemoglobin A1c.';
    expect(found(notPeople)).toEqual([]);
    // A person after the cue opens with a first name, also one that is a word.
    expect(found('Follow up with Hope Garza next week.')).toEqual(['Hope Garza']);
    expect(found('Follow up with Will Smith.')).toEqual(['Will Smith']);
  });
  it('keeps service words for the cues alone: an address, a place or a surname with them is still found', () => {
    const { text } = deidentify(
      'Flat 3, 10 Service Lane. She moved to Clay Center, Kansas. Maria Endo called; Endo will',
    );
    expect(text).not.toMatch(/Service Lane|Clay Center|Endo/);
  });
  it('takes the word after a lower-case "ms." or "mr." only when it is a first name, never after a measure', () => {
    const text = 'QRS 90 ms. Normal sinus rhythm. Reaction time 250 ms. Mild delay. Pt has mild mr. Moderate tr.';
    expect(findWith(nameDetector, text)).toEqual([]);
    expect(findWith(nameDetector, 'I have ms. Walking is harder. I will see my dr. Tomorrow I will call.')).toEqual([]);
    // After a measure the title is a unit or a finding, whatever word follows.
    expect(findWith(nameDetector, 'QT 440 ms. Jessica reviewed it. Mild mr. Daniel notified.')).toEqual([]);
    expect(findWith(nameDetector, 'I would like to join accounts with ms. Marcela')).toEqual([['PERSON', 'Marcela']]);
  });
  it('ends a name at its possessive, so the diagnosis after it stays; "AKA" in capitals is an amputation', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    expect(found("Mr. Jones's COPD is stable.")).toEqual(["Jones's"]);
    expect(found("Ms. Smith's MS flare is better.")).toEqual(["Smith's"]);
    expect(found('Left AKA Stump healing well.')).toEqual([]);
    expect(new Set(found('Goes by Bob, aka Bobby.'))).toEqual(new Set(['Bob', 'Bobby']));
  });
  it('keeps a day after "call him", a weak cue', () => {
    expect(findWith(nameDetector, 'Pharmacy will call him Tuesday.')).toEqual([]);
  });
  it('never takes clinical abbreviations or eponyms for names', () => {
    expect(findWith(nameDetector, 'CC: Burning with urination. Temp 37.2. Parkinson disease, Bell palsy.')).toEqual([]);
  });
  it('reads "Concord, MA 01742" as a city before a state and ZIP, not a clinician with a credential', () => {
    expect(findWith(nameDetector, 'Lives in Concord, MA 01742.')).toEqual([]);
    expect(findWith(nameDetector, 'Seen by Sarah Whitfield, MD today.')).toContainEqual([
      'CLINICIAN',
      'Sarah Whitfield',
    ]);
  });
  it('finds family names by their form, with the first name and initials beside them', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    expect(found('It may be that Kaczmarek was influenced by it.')).toEqual(['Kaczmarek']);
    expect(found('Hanne I. Kreutzmann will be talking.')).toEqual(['Hanne I. Kreutzmann']);
    expect(found("Maybe it's under Júlia Gyarmathy.")).toEqual(['Júlia Gyarmathy']);
    expect(found('Krisztián Szöllösy listed his top songs.')).toEqual(['Krisztián Szöllösy']);
    expect(findWith(nameDetector, 'Trivo lives on Grössgstöt.')).toContainEqual(['LOCATION', 'Grössgstöt']);
  });
  it('does not take a sentence-opening verb or function word, nor an eponym, for part of such a name', () => {
    expect(findWith(nameDetector, "Discussed Kowalski's case. Then Nowakowska said so.").map(([, n]) => n)).toEqual([
      'Kowalski',
      'Nowakowska',
    ]);
    expect(
      findWith(
        nameDetector,
        'Stevens-Johnson syndrome. Jackson-Pratt drain. Reason for visit: cough. Café au lait spots.',
      ),
    ).toEqual([]);
  });
  it('reads the others in a list beside a person as people, but not a department or a credential', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    expect(found('Our founders: Šušulić, Bowman and White.')).toEqual(['Šušulić', 'Bowman', 'White']);
    expect(found('Usamov and Bowers were engineers.')).toEqual(['Usamov', 'Bowers']);
    expect(found('Seen by Dr. Osei, Cardiology and Nephrology.')).toEqual(['Osei']);
    expect(found('Meds reviewed with Mei Lin, PharmD.').join(' ')).not.toMatch(/Pharm(?!D)|PharmD/);
    expect(found('Discussed with Mei Lin, Pharmacist, and Ana Ruiz, Dietitian.')).toEqual(['Mei Lin', 'Ana Ruiz']);
  });
  it("reads a person's relative, a person spoken to and a speaker after a quotation", () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    expect(found('Zuzana: "I\'m Jennifer\'s daughter."').join(' ')).toContain('Jennifer');
    expect(found('Leif, can I please speak to you?')).toContain('Leif');
    expect(found('"It goes in that direction," says Willemine ten Pas.')).toContain('Willemine ten Pas');
    expect(found('Patient says Metformin upsets her stomach. Dr. said "rest," and she agreed.')).toEqual([]);
  });
  it('reads names in text typed all in lower case, and leaves lower-case clinical shorthand alone', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    // (found by the first-name list and by the cue: one span once merged)
    expect(new Set(found('please follow up with patricia in a couple of months'))).toEqual(new Set(['patricia']));
    expect(found('my name is vitoria and i need a refill')).toContain('vitoria');
    expect(found('my mother olga krylova is sick')).toContain('olga krylova');
    expect(found('pt c/o chest pain x3 days, denies sob. hx of htn, dm2. asa 81 mg daily. rose 2 kg.')).toEqual([]);
    // A capital anywhere in the sentence means it was written with capitals: lower-case words there are words.
    expect(found('Patient says olga is here.')).toEqual([]);
  });
  it('does not take Spanish or French words, eponyms or what follows "my name is" for names (review findings)', () => {
    for (const text of [
      'Náuseas y vómitos desde ayer.',
      'mon médecin a prescrit du paracétamol',
      'Impression: Pneumonía, start ceftriaxone.',
      'Known Waldenström macroglobulinemia. Ilizarov frame in place. Swanson implant.',
      'please call me asap about my results',
      'my name is spelled wrong',
    ])
      expect(findWith(nameDetector, text), text).toEqual([]);
  });
  it('reads a list of thousands of names in linear time', () => {
    const list = `Visitors: ${Array.from({ length: 4000 }, (_, i) => ['James', 'Emily', 'Michael', 'Sarah'][i % 4]).join(', ')}.`;
    expect(findWith(nameDetector, list).length).toBeGreaterThanOrEqual(4000);
  });
  it('reads a list of first names as several people, not "Last, First"', () => {
    const found = findWith(nameDetector, 'Visitors: James, Christopher, Jennifer, Emily and Michael.').map(
      ([, n]) => n,
    );
    expect(found).toEqual(expect.arrayContaining(['James', 'Christopher', 'Jennifer', 'Emily', 'Michael']));
    expect(found).not.toContain('James, Christopher');
  });
  it('knows first names given in the US beyond the English lists (Social Security births)', () => {
    expect(findWith(nameDetector, 'Our visitor Favian Rangel arrived.').map(([, n]) => n)).toContain('Favian Rangel');
  });
  it('reads self-introductions, initials and a first name that does what a person does', () => {
    const found = findWith(
      nameDetector,
      "I'm Katie E Miles. Name: Abby M. Laidlaw Address: see below. This is Dana from the clinic.\nSandra lives nearby.",
    ).map(([, text]) => text);
    expect(found).toEqual(expect.arrayContaining(['Katie E Miles', 'Abby M. Laidlaw', 'Dana', 'Sandra']));
  });
  it('does not take what follows "I am" or "this is" for a name unless it is one', () => {
    expect(findWith(nameDetector, "I am Diabetic; I'm Not sure; this is Lisinopril HCTZ 20 mg.")).toEqual([]);
  });
  it("reads a first name after a sentence's capitalised first word as the start of a name", () => {
    expect(findWith(nameDetector, 'Tour ended. Producer James Sparks explained the mix.')).toContainEqual([
      'PERSON',
      'James Sparks',
    ]);
    expect(findWith(nameDetector, 'We met at Wilson Park James.')).not.toContainEqual(['PERSON', 'James']);
  });
  it('reads names after questions and sayings that ask for or give one, and a speaker before a colon', () => {
    const found = findWith(
      nameDetector,
      "What's your last name? Magnusson\nMy surname is Ottová. Everyone calls me Aantje. My great grandmother was called Jennifer Holst.\nLisa: Remember me? Roxanne is very reliable.",
    ).map(([, text]) => text);
    expect(found).toEqual(
      expect.arrayContaining(['Magnusson', 'Ottová', 'Aantje', 'Jennifer Holst', 'Lisa', 'Roxanne']),
    );
  });
  it('does not take a section label before a colon, or a word that opens a sentence, for a speaker', () => {
    expect(findWith(nameDetector, 'Plan: continue. Temp: 37.2. Assessment: stable. Metformin is continued.')).toEqual(
      [],
    );
  });
  it('reads a name after a title written out, but not past its full stop or a care role after it', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    expect(found('Per Wound Nurse. Social Work consulted re: placement.')).toEqual([]);
    expect(found('Nurse Practitioner. Physical Therapy evaluated. Nurse Educator reviewed insulin.')).toEqual([]);
    expect(found('Spoke with Nurse Ratched and Father Michael.')).toEqual(['Ratched', 'Michael']);
    expect(found('Seen by Dr. Osei.')).toEqual(['Osei']); // an abbreviation keeps its full stop
  });
  it('reads "Last, First" with a family name of inner capitals, and no name across a table-like gap', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    expect(found('MacAllister, Eunice J.   AGE: 99   DOB: 10/02/1927')).toEqual(['MacAllister, Eunice J.']);
  });
  it('reads a name typed in lower case after "dr" or a relative, but not a word after them', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name.toLowerCase()))];
    expect(found('hi dr vang its me again. i think my husband jake started there')).toEqual(['vang', 'jake']);
    expect(found('the dr said it was fine. my dr office called. dr appt tomorrow. my mother is sick')).toEqual([]);
  });
  it('reads a signature: a first name and initial after a dash, or initials or a name closing a message', () => {
    const found = (text: string) => [...new Set(findWith(nameDetector, text).map(([, name]) => name))];
    expect(found('Callback 865-555-0194. -Gwen T., RN')).toEqual(['Gwen T.']);
    expect(found('they live out past osage. 641-555-0173 -jm')).toEqual(['jm']);
    expect(found('pls update my address -b castellano')).toEqual(['b castellano']);
    expect(found('BP 120/80 -stable')).toEqual([]);
    expect(found('i feel fine - much better')).toEqual([]);
    expect(found('see you soon - thx')).toEqual([]);
  });
  it('finds a name by what only a person has after it, a nickname in quotes, a pastoral title or a call-back', () => {
    const found = (text: string) => findWith(nameDetector, text).map(([, name]) => name);
    expect(found('To the school nurse: Joaquín Etxeberria (DOB 02/27/2013) is under my care.')).toContain(
      'Joaquín Etxeberria',
    );
    expect(found('Letter about Will Castellano (30M, HCM, septum 22 mm).')).toContain('Will Castellano');
    expect(found('RE: GRANT-ELLERY, Oluwaseun ("Seun")   DOB 07/19/1979')).toContain('Seun');
    expect(found('Chaplain Frank Iwu visits weekly. Call back Rose on cell.')).toEqual(
      expect.arrayContaining(['Frank Iwu', 'Rose']),
    );
    expect(found('Dustin at the pharmacy called. Brenda in the PA office asked.')).toEqual(
      expect.arrayContaining(['Dustin', 'Brenda']),
    );
    // A medicine or a finding before the same brackets is no one.
    expect(found('Metformin (DOB unknown). Aspirin (81 mg). Sepsis (30M?).')).toEqual([]);
  });
  it('reads a name that is also a word where only a person can stand: a label, a verb, an age', () => {
    const found = (text: string) => findWith(nameDetector, text).map(([, name]) => name);
    expect(found('LAB REQUISITION Patient: Oyelaran, Amber   DOB: 12/01/1984')).toContain('Oyelaran, Amber');
    expect(found('Weight loss. Amber reports Iris has been drinking more.')).toEqual(
      expect.arrayContaining(['Amber', 'Iris']),
    );
    expect(found('Patient, Hunter Caldwell-Bishop, 47, works as a line cook.')).toContain('Hunter Caldwell-Bishop');
    expect(found('fax done. pt Rusty Kowalczyk signed ROI')).toContain('Rusty Kowalczyk');
    // The same words as words, and a form's own words after "Patient".
    expect(found('Hope reports are due. Patient Education Materials given. Sodium, 140, stable.')).toEqual([]);
  });
  it('finds a patient named before a room or a bed, a double-barrelled name, a name in brackets after a relation', () => {
    const names = (text: string) => findWith(nameDetector, text).map(([, value]) => value);
    expect(names('can ortho see Bill Ocampo in 4B? Xiong in rm 8 speaks Hmong')).toEqual(['Bill Ocampo', 'Xiong']);
    expect(names('HCP (daughter): Carol Kaminski-Doyle')).toEqual(['Carol Kaminski-Doyle']);
    expect(names('husband (Tom) at bedside; Page covering for Delacroix')).toEqual(['Delacroix', 'Tom']);
    for (const text of [
      'Mom in room 12 asking',
      'Patient in bed 3 is febrile',
      'CT in room 4 is down',
      'per daughter (HCP)',
    ])
      expect(names(text)).toEqual([]);
  });
  it('finds a name with a quoted nickname inside it, and a person in brackets after a service', () => {
    const names = (text: string) => findWith(nameDetector, text).map(([, value]) => value);
    // Candidates may overlap (resolution keeps the longest): the whole name is among them.
    expect(names('EMS brought in Deshawn "Dee" Pruitt, restrained driver')).toContain('Deshawn "Dee" Pruitt');
    expect(names('Cardiology (Ramaswamy), Wound Care (Summer Delgado, CWOCN); surgeon (Ruiz-Tagle)')).toEqual([
      'Ramaswamy',
      'Summer Delgado',
      'Ruiz-Tagle',
    ]);
    for (const text of [
      'Take "Tylenol" Daily',
      'Consult (Cardiology) placed',
      'Cardiology (HF) following',
      'Pain (Chronic) worse',
    ])
      expect(names(text)).toEqual([]);
  });

  it('finds an initial and a family name where a name stands in a list or a signature, not a sentence ending in a letter', () => {
    expect(
      distinctNames('HANDOFF from R. Akintola (PGY2) to S. Mehta (PGY1)\nCrew: T. Landry, NRP / M. Ardoin, EMT-B'),
    ).toEqual(['M. Ardoin', 'R. Akintola', 'S. Mehta', 'T. Landry']);
    for (const text of [
      'Low vitamin D. Recheck in 3 months.',
      'P.O. Box 1127, Many Farms',
      'Hepatitis B. Patient, 44',
      'Hep B. Neg; HCV neg',
    ])
      expect(distinctNames(text)).toEqual([]);
  });

  it('finds a family name in capitals first in a field of its own, not orders in capitals', () => {
    expect(distinctNames('12 | KOWALCZYK, T | 67M | CP\n14 | NGUYEN, THI HUONG | 91F\nWR | PAGE, SUNNY | 22F')).toEqual(
      expect.arrayContaining(['KOWALCZYK, T', 'NGUYEN, THI HUONG', 'PAGE, SUNNY']),
    );
    expect(distinctNames('Orders | BMP, CBC | UA, CULTURE | stat')).toEqual([]);
    expect(distinctNames('| STAT, CT HEAD | ISOLATION, CONTACT PLUS |')).toEqual([]);
  });

  it('finds a name typed in lower case before the age and sex a case opens with, not words or doses before numbers', () => {
    expect(distinctNames('help me plan this: dwayne combs 44m, OUD on bup 16 mg')).toEqual(['dwayne combs']);
    expect(distinctNames('ICD shock, pt bogdan ionescu 62m NICM EF 25%')).toEqual(['bogdan ionescu']);
    expect(distinctNames('Letter for amara okafor 15f, soccer, 3 weeks out')).toEqual(['amara okafor']);
    for (const text of [
      'walked 44m today, pain 3/10',
      'she is 45f with CHF',
      'will be 45 yo next week',
      'dose 20, then 40',
    ])
      expect(distinctNames(text)).toEqual([]);
  });
  it('finds a name of any origin after "pt" when a record number, a bracket or an age follows, not a verb phrase', () => {
    expect(distinctNames('our pt Haruto Sato (MRN 3390-7712) CMV PCR went up')).toEqual(['Haruto Sato']);
    expect(distinctNames('pt Ioane Sapolu 44M, heart tx 2023')).toEqual(['Ioane Sapolu']);
    expect(distinctNames('pt Tolerated Procedure (see note)')).toEqual([]);
  });
  it('finds a name after a care role typed in lower case, not a form field in title case', () => {
    expect(distinctNames('any interaction? pharmacist Kehau 808-555-0161; aide Maribel Ortiz helped')).toEqual([
      'Kehau',
      'Maribel Ortiz',
    ]);
    expect(distinctNames('Aide Present: yes. Chaplain Services consulted. the sitter Reports no issues')).toEqual([]);
  });
});
