// Synthetic patients written by the Chartside team for the demo portal and the tests, kept as data
// in patients.json. No real person is described. Notes deliberately mention relatives, clinicians,
// dates, phone numbers and places: the identifiers de-identification must catch. Each patient's
// `planted` lists the identifiers its notes and messages plant beyond the banner.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ name: string, status: string, onset: string }} Problem
 * @typedef {{ name: string, dose: string, route: string, frequency: string, status: string, start: string }} Medication
 * @typedef {{ substance: string, reaction: string, severity: string }} Allergy
 * @typedef {{ date: string, bp: string, hr: string, temp: string, weight: string, bmi: string, spo2: string }} Vitals
 * @typedef {{ test: string, value: string, unit: string, range: string, flag: string, date: string }} Lab
 * @typedef {{ name: string, date: string }} Immunization
 * @typedef {{ title: string, date: string, author: string, text: string }} Note
 * @typedef {{ from: string, date: string, subject: string, text: string }} PortalMessage
 * @typedef {{
 *   id: string, planted: string[], name: { family: string, given: string }, birthDate: string, age: number,
 *   sex: string, mrn: string, phone: string, email: string, address: string, insurance: string,
 *   encounter: { date: string, clinician: string, location: string, reason: string },
 *   problems: Problem[], medications: Medication[], allergies: Allergy[], vitals: Vitals[], labs: Lab[],
 *   immunizations: Immunization[], procedures: string[], notes: Note[], messages: PortalMessage[],
 * }} DemoPatient
 */

/** @type {DemoPatient[]} */
// From the module's own path (a string: under vitest's happy-dom the global URL is not Node's).
export const patients = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'patients.json'), 'utf8'),
);

export function fullName(p) {
  return `${p.name.given} ${p.name.family}`;
}

export function findPatient(id) {
  return patients.find((p) => p.id === id);
}
