// Patient-portal message thread: a conversation with no section headings, senders and times on
// each message, and a reply box at the bottom (the field a drafted reply is inserted into).
import { esc, page } from '../html.mjs';
import { fullName } from '../patients.mjs';

export function renderMessages(p) {
  const thread = [...p.messages].reverse(); // oldest first, as conversations read
  const body = `<div class="conv-head">
  <div class="conv-subject">${esc(p.messages[0].subject)}</div>
  <div class="conv-patient">Patient: ${esc(fullName(p))} · DOB: ${esc(p.birthDate)} · MRN: ${esc(p.mrn)}</div>
</div>
<ol class="conv">${thread
    .map(
      (m) =>
        `<li class="conv-msg"><div class="conv-meta"><strong>${esc(m.from)}</strong> <time>${esc(m.date)}</time></div><div class="conv-body">${esc(m.text)}</div></li>`,
    )
    .join('')}</ol>
<form class="reply" onsubmit="return false"><label for="reply-box">Your reply</label><textarea id="reply-box" rows="6"></textarea><button type="submit">Send</button></form>`;
  return page({ title: `${fullName(p)} — Messages`, body, patientId: p.id, layout: 'messages' });
}
