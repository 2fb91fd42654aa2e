/** Why what the panel holds no longer matches the page. */
export type Staleness =
  { reason: 'navigated' } | { reason: 'patient'; message?: string } | { reason: 'changed'; message?: string };

export type StaleNoticeProps = {
  stale: Staleness;
  /** Whose record and draft the panel holds, as the page showed it when read. */
  patientName?: string;
  onReread: () => void;
  /** Joins the page now shown to the record (another page of the same patient's chart). */
  onAdd?: () => void;
  rereading: boolean;
};

const WHY: Record<Staleness['reason'], string> = {
  navigated: 'The page has changed since Chartside read it.',
  patient: 'The page now shows a different patient.',
  changed: 'The page no longer shows what Chartside read.',
};

/** Said at the top of the panel whenever the page no longer matches the record the panel holds. */
export function StaleNotice({ stale, patientName, onReread, onAdd, rereading }: StaleNoticeProps) {
  const message = 'message' in stale && stale.message ? stale.message : WHY[stale.reason];
  return (
    <div className="notice notice-warn" role="alert" data-testid="stale-notice">
      <p>
        <strong>{message}</strong> The record and draft below are for{' '}
        {patientName ?? 'the patient of the page you read'}; inserting into the page and showing items on it are off
        until you read this page again{onAdd ? ' or add it to the record' : ''}.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onReread} disabled={rereading}>
          Read this page
        </button>
        {onAdd ? (
          <button type="button" onClick={onAdd} disabled={rereading}>
            Add this page to the record
          </button>
        ) : null}
      </div>
    </div>
  );
}
