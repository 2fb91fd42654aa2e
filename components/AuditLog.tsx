import type { AuditEntry } from '../utils/audit/log';
import { localDateTime } from '../utils/numbers';

export type AuditLogProps = {
  entries: AuditEntry[];
  onExport: () => void;
  onClear: () => void;
  /** How many of the newest entries to show; the export has them all. */
  shown?: number;
  /** Sent to the organization's audit server (AuditEndpoint policy): the log cannot be cleared here. */
  managed?: boolean;
  /** Why the last clear was refused. */
  clearError?: string;
};

const OUTCOME = {
  drafted: 'Drafted',
  failed: 'Failed',
  blocked: 'Blocked by the leak guard',
  cancelled: 'Cancelled',
} as const;

/** The local audit log: newest first, counts and hashes only — nothing here identifies a patient. */
export function AuditLog({ entries, onExport, onClear, shown = 20, managed = false, clearError }: AuditLogProps) {
  const newest = [...entries].reverse().slice(0, shown);
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <p className="small muted">
        Every draft, kept on this computer: when, the EHR site, the task, the engine and model, how many identifiers of
        each kind were replaced, a SHA-256 fingerprint of the text sent, and the outcome. No patient information. The
        newest {Math.min(shown, entries.length)} of {entries.length} are shown; the export has all of them.
      </p>
      {managed ? (
        <p className="notice small" role="note" id="audit-managed" data-testid="audit-managed">
          Your organization also keeps this log on its audit server, so it cannot be cleared here. Each entry is sent
          there with the same details: no patient information.
        </p>
      ) : null}
      {entries.length ? (
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Site</th>
              <th scope="col">Task</th>
              <th scope="col">Engine</th>
              <th scope="col">Identifiers replaced</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {newest.map((e, i) => (
              <tr key={`${e.time}-${i}`}>
                <td>{localDateTime(e.time)}</td>
                <td>{e.origin}</td>
                <td>{e.task}</td>
                <td>{e.engine === 'offline' ? 'offline' : `${e.model} @ ${e.endpoint}`}</td>
                <td>{Object.values(e.counts).reduce((n, c) => n + c, 0)}</td>
                <td>
                  {OUTCOME[e.outcome]}
                  {e.errorCode ? ` (${e.errorCode})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="small">No drafts yet.</p>
      )}
      <div className="actions">
        <button type="button" onClick={onExport} disabled={!entries.length}>
          Export as CSV
        </button>
        <button
          type="button"
          onClick={onClear}
          disabled={managed || !entries.length}
          aria-describedby={managed ? 'audit-managed' : undefined}
        >
          Clear the log
        </button>
      </div>
      {clearError ? (
        <p role="alert" className="small">
          {clearError}
        </p>
      ) : null}
    </section>
  );
}
