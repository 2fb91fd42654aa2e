// Document view, as portals render C-CDA documents with the HL7 stylesheet: a header table of
// label/value cells, then uppercase section headings each followed by a table or a list.
// Procedures and older notes sit in closed <details>, as such viewers fold long sections.
import { esc, page } from '../html.mjs';
import { fullName } from '../patients.mjs';

function section(title, content) {
  return `<div class="doc-section"><h3>${esc(title.toUpperCase())}</h3>${content}</div>`;
}

function table(headers, rows) {
  return `<table class="narr"><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function renderDocument(p) {
  const header = `<h1 class="doc-title">Continuity of Care Document</h1>
<table class="header">
<tr><td class="td_label">Patient</td><td>${esc(fullName(p))}</td><td class="td_label">Date of birth</td><td>${esc(p.birthDate)}</td></tr>
<tr><td class="td_label">Sex</td><td>${esc(p.sex)}</td><td class="td_label">MRN</td><td>${esc(p.mrn)}</td></tr>
<tr><td class="td_label">Telephone</td><td>${esc(p.phone)}</td><td class="td_label">Address</td><td>${esc(p.address)}</td></tr>
<tr><td class="td_label">Health plan ID</td><td>${esc(p.insurance)}</td><td class="td_label">E-mail</td><td>${esc(p.email)}</td></tr>
<tr><td class="td_label">Date of service</td><td>${esc(p.encounter.date)}</td><td class="td_label">Author</td><td>${esc(p.encounter.clinician)}</td></tr>
<tr><td class="td_label">Facility</td><td>${esc(p.encounter.location)}</td><td class="td_label">Reason for visit</td><td>${esc(p.encounter.reason)}</td></tr>
</table>`;

  const allergies = p.allergies.length
    ? table(
        ['Substance', 'Reaction', 'Severity'],
        p.allergies.map((a) => [a.substance, a.reaction, a.severity]),
      )
    : '<p>No known drug allergies</p>';
  const meds = table(
    ['Medication', 'Dose', 'Route', 'Frequency', 'Status', 'Start date'],
    p.medications.map((m) => [m.name, m.dose, m.route, m.frequency, m.status, m.start]),
  );
  const problems = table(
    ['Problem', 'Status', 'Onset'],
    p.problems.map((x) => [x.name, x.status, x.onset]),
  );
  const vitals = table(
    ['Date', 'Blood pressure', 'Pulse', 'Temperature', 'Weight', 'BMI', 'SpO2'],
    p.vitals.map((v) => [
      v.date,
      `${v.bp} mmHg`,
      `${v.hr} bpm`,
      `${v.temp} °F`,
      `${v.weight} kg`,
      `${v.bmi} kg/m2`,
      `${v.spo2} %`,
    ]),
  );
  const results = table(
    ['Test', 'Value', 'Unit', 'Reference range', 'Interpretation', 'Date'],
    p.labs.map((l) => [l.test, l.value, l.unit, l.range, l.flag, l.date]),
  );
  const immunizations = `<ul>${p.immunizations.map((i) => `<li>${esc(i.name)}, administered ${esc(i.date)}</li>`).join('')}</ul>`;
  const procedures = p.procedures.length
    ? `<details><summary>Procedures (${p.procedures.length})</summary>${table(
        ['Procedure', 'Date'],
        p.procedures.map((x) => [x.name, x.date]),
      )}</details>`
    : '<p>None recorded</p>';
  const [latest, ...older] = p.notes;
  const noteHtml = (n) =>
    `<h4>${esc(n.title)} — ${esc(n.date)} — ${esc(n.author)}</h4>${n.text.map((t) => `<p>${esc(t)}</p>`).join('')}`;
  const notes =
    noteHtml(latest) +
    (older.length
      ? `<details><summary>Earlier notes (${older.length})</summary>${older.map(noteHtml).join('')}</details>`
      : '');
  const messages = p.messages
    .map((m) => `<h4>${esc(m.subject)}</h4><p>From: ${esc(m.from)}<br>Sent: ${esc(m.date)}</p><p>${esc(m.text)}</p>`)
    .join('');

  const body = `<div class="document">${header}
${section('Allergies and Adverse Reactions', allergies)}
${section('Medications', meds)}
${section('Problem List', problems)}
${section('Vital Signs', vitals)}
${section('Results', results)}
${section('Immunizations', immunizations)}
${section('Procedures', procedures)}
${section('Progress Notes', notes)}
${section('Patient Messages', messages)}
</div>`;
  return page({ title: `${fullName(p)} — Document`, body, patientId: p.id, layout: 'document' });
}
