import type { Payload } from '../utils/deidentify/payload';

export type PayloadPreviewProps = {
  payload: Pick<Payload, 'text' | 'spans' | 'counts' | 'leaks'>;
};

const LABELS: Record<string, string> = {
  PATIENT: 'mentions of the patient', PERSON: 'other people', CLINICIAN: 'clinicians', DATE: 'dates', AGE: 'ages over 89', PHONE: 'phones', FAX: 'faxes',
  EMAIL: 'e-mails', SSN: 'SSNs', MRN: 'record numbers', HEALTH_PLAN: 'plan numbers', ACCOUNT: 'accounts', LICENSE: 'licences', VEHICLE: 'vehicles',
  DEVICE: 'devices', URL: 'web addresses', IP: 'IP addresses', ADDRESS: 'addresses', LOCATION: 'places', ZIP: 'ZIP codes', EMPLOYER: 'employers', ID: 'other numbers',
};

/** Exactly the text that would leave the browser, placeholders highlighted, with what was removed. */
export function PayloadPreview({ payload }: PayloadPreviewProps) {
  const pieces: Array<{ text: string; placeholder: boolean }> = [];
  let at = 0;
  for (const span of payload.spans) {
    pieces.push({ text: payload.text.slice(at, span.start), placeholder: false });
    pieces.push({ text: payload.text.slice(span.start, span.end), placeholder: true });
    at = span.end;
  }
  pieces.push({ text: payload.text.slice(at), placeholder: false });
  const counts = Object.entries(payload.counts).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  return (
    <section className="payload" aria-label="What would be sent">
      <p className="small">
        {counts.length ? 'Removed before sending: ' : 'No identifiers found. '}
        {counts.map(([type, n], i) => (
          <span key={type} data-type={type}>
            {i ? ', ' : ''}
            {n} {LABELS[type] ?? type.toLowerCase()}
          </span>
        ))}
        . Real values stay in this panel and are filled back in locally.
      </p>
      {payload.leaks.length ? (
        <div className="notice notice-error" role="alert">
          <p>The leak guard found identifiers still in this text; it would not be sent:</p>
          <ul>
            {payload.leaks.map((leak) => (
              <li key={leak.index}>
                {leak.type === 'REPLACED_VALUE' ? 'a removed value' : (LABELS[leak.type] ?? leak.type)}: <code>{leak.context}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="small muted" role="status">Leak guard: no identifiers found in the text below.</p>
      )}
      <pre className="payload-text" tabIndex={0} aria-label="De-identified text">
        {pieces.map((piece, i) => (piece.placeholder ? <mark key={i}>{piece.text}</mark> : piece.text))}
      </pre>
    </section>
  );
}
