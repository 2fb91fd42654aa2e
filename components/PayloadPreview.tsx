import { useRef, useState } from 'react';
import type { Payload } from '../utils/deidentify/payload';
import type { DatePolicy } from '../utils/deidentify/types';

export type PayloadPreviewProps = {
  payload: Pick<Payload, 'text' | 'spans' | 'counts' | 'leaks'>;
  /** Shown so the clinician knows how dates leave: the year only, or days from the page's date. */
  datePolicy: DatePolicy;
  /** The real value behind a placeholder; the mapping stays in the panel. */
  originalOf: (placeholder: string) => string | undefined;
  /** Remove this text wherever it appears (the clinician selected it). */
  onRedact: (text: string) => void;
  /** Leave this value as written: the clinician says it is not an identifier. */
  onKeep: (original: string) => void;
};

const LABELS: Record<string, string> = {
  PATIENT: 'mentions of the patient',
  PERSON: 'other people',
  CLINICIAN: 'clinicians',
  DATE: 'dates',
  AGE: 'ages over 89',
  PHONE: 'phones',
  FAX: 'faxes',
  EMAIL: 'e-mails',
  SSN: 'SSNs',
  MRN: 'record numbers',
  HEALTH_PLAN: 'plan numbers',
  ACCOUNT: 'accounts',
  LICENSE: 'licences',
  VEHICLE: 'vehicles',
  DEVICE: 'devices',
  URL: 'web addresses',
  IP: 'IP addresses',
  ADDRESS: 'addresses',
  LOCATION: 'places',
  ZIP: 'ZIP codes',
  EMPLOYER: 'employers',
  ID: 'other numbers',
  REDACTED: 'your redactions',
};

type Review = { placeholder: string; original: string; known: boolean };

/**
 * Exactly the text that would leave the browser, placeholders highlighted, with what was removed.
 * The clinician can redact more (select text, then "Redact selected text") and mark a finding as
 * not an identifier (click its placeholder) — except the patient's own identifiers.
 */
export function PayloadPreview({ payload, datePolicy, originalOf, onRedact, onKeep }: PayloadPreviewProps) {
  const textRef = useRef<HTMLPreElement>(null);
  const [review, setReview] = useState<Review | undefined>();
  const [hint, setHint] = useState<string | undefined>();

  const pieces: Array<{ text: string; span?: Payload['spans'][number] }> = [];
  let at = 0;
  for (const span of payload.spans) {
    pieces.push({ text: payload.text.slice(at, span.start) });
    pieces.push({ text: payload.text.slice(span.start, span.end), span });
    at = span.end;
  }
  pieces.push({ text: payload.text.slice(at) });
  const counts = Object.entries(payload.counts).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));

  const redactSelection = () => {
    const selection = document.getSelection();
    const inside =
      selection && textRef.current && selection.anchorNode && textRef.current.contains(selection.anchorNode);
    const text = inside ? selection.toString().trim() : '';
    if (text.replace(/\[[^\]]*\]/g, '').trim().length < 2) {
      setHint('Select the words to remove in the text below first.');
      return;
    }
    setHint(undefined);
    onRedact(text);
  };

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
        . Real values stay in this panel and are filled back in locally.{' '}
        {datePolicy === 'relative'
          ? 'Dates: days from the page’s date (not Safe Harbor).'
          : 'Dates: year only (Safe Harbor).'}
      </p>
      {payload.leaks.length ? (
        <div className="notice notice-error" role="alert">
          <p>The leak guard found identifiers still in this text; it would not be sent:</p>
          <ul>
            {payload.leaks.map((leak) => (
              <li key={leak.index}>
                {leak.type === 'REPLACED_VALUE' ? 'a removed value' : (LABELS[leak.type] ?? leak.type)}:{' '}
                <code>{leak.context}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="small muted" role="status">
          Leak guard: no identifiers found in the text below.
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={redactSelection}>
          Redact selected text
        </button>
        {hint ? (
          <span className="small muted" role="status">
            {hint}
          </span>
        ) : null}
      </div>
      {review ? (
        <div className="notice notice-warn" role="dialog" aria-label="Review a removed value">
          <p>
            “{review.original}” was replaced by <strong>{review.placeholder}</strong>.
          </p>
          {review.known ? (
            <p>This is one of the patient’s own identifiers: it is always removed.</p>
          ) : (
            <button
              type="button"
              onClick={() => {
                onKeep(review.original);
                setReview(undefined);
              }}
            >
              Not an identifier — keep it
            </button>
          )}{' '}
          <button type="button" onClick={() => setReview(undefined)}>
            Close
          </button>
        </div>
      ) : null}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus so
          the keyboard can scroll it (axe: scrollable-region-focusable) */}
      <pre className="payload-text" tabIndex={0} aria-label="De-identified text" ref={textRef}>
        {pieces.map((piece, i) =>
          piece.span ? (
            <button
              key={i}
              type="button"
              className="placeholder"
              onClick={() =>
                setReview({
                  placeholder: piece.text,
                  original: originalOf(piece.text) ?? '',
                  known: Boolean(piece.span!.known),
                })
              }
              aria-label={`${piece.text}, review`}
            >
              {piece.text}
            </button>
          ) : (
            piece.text
          ),
        )}
      </pre>
    </section>
  );
}
