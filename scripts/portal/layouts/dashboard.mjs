// Card dashboard (OpenEMR-like): a banner, then cards with titles, list groups and tables.
// Immunizations start collapsed, as many dashboards fold secondary cards.
import { esc, page } from '../html.mjs';
import { fullName } from '../patients.mjs';

function card(title, content, { collapsed = false, id } = {}) {
  const bodyId = `card-${id}`;
  const toggle = `<button class="toggle" type="button" aria-expanded="${!collapsed}" aria-controls="${bodyId}">${collapsed ? 'Show' : 'Hide'}</button>`;
  return `<section class="card" id="${id}"><div class="card-header"><h5 class="card-title">${esc(title)}</h5>${toggle}</div>
<div class="card-body${collapsed ? ' collapse' : ''}" id="${bodyId}"${collapsed ? ' style="display:none"' : ''}>${content}</div></section>`;
}

export function renderDashboard(p) {
  const banner = `<div class="banner" role="banner" aria-label="Patient banner">
  <h1 class="pt-name">${esc(p.name.family)}, ${esc(p.name.given)}</h1>
  <dl class="pt-facts">
    <div><dt>DOB</dt><dd>${esc(p.birthDate)} (${p.age} y)</dd></div>
    <div><dt>Sex</dt><dd>${esc(p.sex)}</dd></div>
    <div><dt>MRN</dt><dd>${esc(p.mrn)}</dd></div>
    <div><dt>Phone</dt><dd>${esc(p.phone)}</dd></div>
    <div><dt>Email</dt><dd>${esc(p.email)}</dd></div>
    <div><dt>Address</dt><dd>${esc(p.address)}</dd></div>
    <div><dt>Insurance ID</dt><dd>${esc(p.insurance)}</dd></div>
  </dl>
</div>
<div class="encounter"><span><b>Visit date:</b> ${esc(p.encounter.date)}</span> · <span><b>Provider:</b> ${esc(p.encounter.clinician)}</span> · <span><b>Location:</b> ${esc(p.encounter.location)}</span> · <span><b>Reason for visit:</b> ${esc(p.encounter.reason)}</span></div>`;

  const problems = `<ul class="list-group">${p.problems
    .map(
      (x) =>
        `<li class="list-group-item">${esc(x.name)} <span class="badge ${x.status === 'Active' ? 'active' : ''}">${esc(x.status)}</span> <small>onset ${esc(x.onset)}</small></li>`,
    )
    .join('')}</ul>`;

  const meds = `<table class="table"><thead><tr><th>Medication</th><th>Dose</th><th>Route</th><th>Frequency</th><th>Status</th><th>Start date</th></tr></thead><tbody>${p.medications
    .map(
      (m) =>
        `<tr><td>${esc(m.name)}</td><td>${esc(m.dose)}</td><td>${esc(m.route)}</td><td>${esc(m.frequency)}</td><td>${esc(m.status)}</td><td>${esc(m.start)}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  const allergies = p.allergies.length
    ? `<ul class="list-group">${p.allergies
        .map(
          (a) =>
            `<li class="list-group-item"><strong>${esc(a.substance)}</strong> — ${esc(a.reaction)} (${esc(a.severity)})</li>`,
        )
        .join('')}</ul>`
    : `<p class="empty">No Known Allergies</p>`;

  const dates = p.vitals.map((v) => v.date);
  const vitalRows = [
    ['Blood pressure', 'bp', 'mmHg'],
    ['Heart rate', 'hr', 'bpm'],
    ['Temperature', 'temp', '°F'],
    ['Weight', 'weight', 'kg'],
    ['BMI', 'bmi', 'kg/m2'],
    ['SpO2', 'spo2', '%'],
  ];
  const vitals = `<table class="table flowsheet"><thead><tr><th>Vital</th>${dates.map((d) => `<th>${esc(d)}</th>`).join('')}</tr></thead><tbody>${vitalRows
    .map(
      ([label, key, unit]) =>
        `<tr><th scope="row">${label}</th>${p.vitals.map((v) => `<td>${esc(v[key])} ${unit}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;

  const labs = `<table class="table"><thead><tr><th>Test</th><th>Result</th><th>Units</th><th>Reference range</th><th>Flag</th><th>Collected</th></tr></thead><tbody>${p.labs
    .map(
      (l) =>
        `<tr${l.flag ? ' class="abnormal"' : ''}><td>${esc(l.test)}</td><td>${esc(l.value)}</td><td>${esc(l.unit)}</td><td>${esc(l.range)}</td><td>${esc(l.flag)}</td><td>${esc(l.date)}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  const immunizations = `<ul class="list-group">${p.immunizations.map((i) => `<li class="list-group-item">${esc(i.name)} — ${esc(i.date)}</li>`).join('')}</ul>`;

  const procedures = p.procedures.length
    ? `<ul class="list-group">${p.procedures.map((x) => `<li class="list-group-item">${esc(x.name)} — ${esc(x.date)}</li>`).join('')}</ul>`
    : `<p class="empty">None recorded</p>`;

  const notes = p.notes
    .map(
      (n) =>
        `<article class="note"><h6>${esc(n.title)} — ${esc(n.date)} — ${esc(n.author)}</h6>${n.text.map((t) => `<p>${esc(t)}</p>`).join('')}</article>`,
    )
    .join('');

  const messages = `<div class="thread">${p.messages
    .map(
      (m) =>
        `<article class="message"><h6>${esc(m.subject)}</h6><p class="meta">From: ${esc(m.from)}</p><p class="meta">Sent: ${esc(m.date)}</p><p>${esc(m.text)}</p></article>`,
    )
    .join('')}</div>
<form class="reply" onsubmit="return false"><label for="reply-box">Reply to patient</label><textarea id="reply-box" name="reply" rows="5" placeholder="Write a reply…"></textarea><button type="submit">Send</button></form>`;

  const body = `${banner}
<div class="grid">
${card('Active Problems', problems, { id: 'problems' })}
${card('Current Medications', meds, { id: 'medications' })}
${card('Allergies', allergies, { id: 'allergies' })}
${card('Vitals', vitals, { id: 'vitals' })}
${card('Lab Results', labs, { id: 'labs' })}
${card('Immunizations', immunizations, { collapsed: true, id: 'immunizations' })}
${card('Procedures', procedures, { id: 'procedures' })}
${card('Encounter Notes', notes, { id: 'notes' })}
${card('Patient Messages', messages, { id: 'messages' })}
</div>`;
  return page({ title: `${fullName(p)} — Dashboard`, body, patientId: p.id, layout: 'dashboard' });
}
