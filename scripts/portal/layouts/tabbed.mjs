// Tabbed chart: a tab strip, the Summary tab open (problems, medications, an allergy widget in an
// open shadow root), lab results in a same-origin iframe, and the Notes tab closed (hidden).
import { esc, page } from '../html.mjs';
import { fullName } from '../patients.mjs';

function table(headers, rows) {
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function renderLabsFrame(p) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Results</title></head><body>
<h2>Lab Results</h2>${table(
    ['Test', 'Result', 'Units', 'Reference range', 'Flag', 'Collected'],
    p.labs.map((l) => [l.test, l.value, l.unit, l.range, l.flag, l.date]),
  )}
</body></html>`;
}

export function renderTabbed(p) {
  const allergyItems = p.allergies.length
    ? p.allergies.map((a) => `<li>${esc(a.substance)} — ${esc(a.reaction)} (${esc(a.severity)})</li>`).join('')
    : '<li>No known allergies</li>';
  const body = `<div class="pt-header"><h1>${esc(fullName(p))}</h1>
<p>DOB: ${esc(p.birthDate)} · Sex: ${esc(p.sex)} · MRN: ${esc(p.mrn)} · Phone: ${esc(p.phone)}</p></div>
<div role="tablist" aria-label="Chart tabs"><button role="tab" aria-selected="true">Summary</button><button role="tab" aria-selected="false">Results</button><button role="tab" aria-selected="false">Notes</button></div>
<div role="tabpanel" aria-label="Summary">
  <h2>Problems</h2><ul>${p.problems.map((x) => `<li>${esc(x.name)} (${esc(x.status)}, onset ${esc(x.onset)})</li>`).join('')}</ul>
  <h2>Current Medications</h2><ul>${p.medications.map((m) => `<li>${esc(m.name)} ${esc(m.dose)} ${esc(m.route)} ${esc(m.frequency)}</li>`).join('')}</ul>
  <allergy-card><template shadowrootmode="open"><style>h2{color:#b42318}</style><h2>Allergies</h2><ul>${allergyItems}</ul></template></allergy-card>
  <iframe title="Lab results" src="/patient/${p.id}/frame/labs" style="width:100%;height:360px;border:1px solid #ccc"></iframe>
</div>
<div role="tabpanel" aria-label="Notes" hidden>
  <h2>Notes</h2>${p.notes.map((n) => `<article><h3>${esc(n.title)}</h3>${n.text.map((t) => `<p>${esc(t)}</p>`).join('')}</article>`).join('')}
</div>`;
  return page({ title: `${fullName(p)} — Tabbed`, body, patientId: p.id, layout: 'tabbed' });
}
