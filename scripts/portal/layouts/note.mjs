// A plain free-text note, as many EHRs show a signed note: a header line, then preformatted text.
import { esc, page } from '../html.mjs';
import { fullName } from '../patients.mjs';

export function renderNote(p) {
  const n = p.notes[0];
  const text = [
    `${n.title.toUpperCase()} — ${n.date}`,
    '',
    ...n.text.flatMap((t) => [t, '']),
    `Electronically signed by ${n.author} on ${n.date}`,
  ].join('\n');
  const body = `<div class="note-head">Patient: ${esc(fullName(p))} | DOB: ${esc(p.birthDate)} | MRN: ${esc(p.mrn)} | Date of service: ${esc(n.date)}</div>
<pre class="note-text">${esc(text)}</pre>`;
  return page({ title: `${fullName(p)} — Note`, body, patientId: p.id, layout: 'note' });
}
