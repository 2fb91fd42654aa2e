// App-style grid (Medplum-like): divs with hashed class names, few headings or roles, status
// badges, and long lists cut to five rows behind "Show all N entries".
import { esc, page } from '../html.mjs';
import { fullName } from '../patients.mjs';

export const VISIBLE_ROWS = 5;

function grid(headers, rows) {
  const row = (cells, extra = '') =>
    `<div class="k3Rw"${extra}>${cells.map((c) => `<div class="p9Cl">${c}</div>`).join('')}</div>`;
  const body = rows
    .map((cells, i) => row(cells.map(esc), i >= VISIBLE_ROWS ? ' style="display:none" data-more' : ''))
    .join('');
  const more =
    rows.length > VISIBLE_ROWS
      ? `<a href="#" class="z1Mo" onclick="this.parentElement.querySelectorAll('[data-more]').forEach(r=>r.style.display='');this.remove();return false">Show all ${rows.length} entries</a>`
      : '';
  return `<div class="m2Gd">${row(headers.map((h) => `<span class="h7Hd">${esc(h)}</span>`))}${body}</div>${more}`;
}

function panel(title, content) {
  return `<div class="c8Pn"><div class="t1Ti">${esc(title)}</div>${content}</div>`;
}

export function renderAppGrid(p) {
  const fact = (label, value) =>
    `<div class="f4Fa"><div class="l2Lb">${esc(label)}</div><div class="v6Vl">${esc(value)}</div></div>`;
  const banner = `<div class="b0Bn"><div class="n5Nm"><span class="q7Nm">${esc(fullName(p))}</span></div>
${fact('DOB', p.birthDate)}${fact('Age', `${p.age}`)}${fact('Sex', p.sex)}${fact('MRN', p.mrn)}${fact('Phone', p.phone)}${fact('Email', p.email)}${fact('Address', p.address)}</div>`;
  const badge = (text) => `<span class="y3Bd">${esc(text)}</span>`;
  const body = `${banner}<div class="w2Wr">
${panel(
  'Problem List',
  grid(
    ['Name', 'Status', 'Onset'],
    p.problems.map((x) => [x.name, x.status, x.onset]),
  ).replace(/>(Active|Resolved)</g, (_m, s) => `>${badge(s)}<`),
)}
${panel(
  'Medications',
  grid(
    ['Medication', 'Dose', 'Route', 'Frequency', 'Status'],
    p.medications.map((m) => [m.name, m.dose, m.route, m.frequency, m.status]),
  ),
)}
${panel(
  'Allergies',
  p.allergies.length
    ? grid(
        ['Substance', 'Reaction', 'Severity'],
        p.allergies.map((a) => [a.substance, a.reaction, a.severity]),
      )
    : '<div class="e5Em">No known allergies</div>',
)}
${panel(
  'Lab Results',
  grid(
    ['Test', 'Value', 'Unit', 'Range', 'Flag', 'Date'],
    p.labs.map((l) => [l.test, l.value, l.unit, l.range, l.flag || '—', l.date]),
  ),
)}
${panel(
  'Vitals',
  grid(
    ['Date', 'Blood pressure', 'Heart rate', 'SpO2'],
    p.vitals.map((v) => [v.date, `${v.bp} mmHg`, `${v.hr} bpm`, `${v.spo2} %`]),
  ),
)}
</div>`;
  return page({ title: `${fullName(p)} — App`, body, patientId: p.id, layout: 'appgrid' });
}
