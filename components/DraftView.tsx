import { useMemo } from 'react';
import type { Statement, TaskOutput } from '../utils/draft/schema';
import { trendsByItem, type Trend } from '../utils/record/trends';
import { TrendChart } from './TrendChart';
import { citationLabel } from '../utils/record/labels';
import { pageOf, recordPages } from '../utils/record/merge';
import { findItem, type ItemLocation, type PatientRecord } from '../utils/record/schema';
import type { Verification } from '../utils/verify/verify';

export type DraftViewProps = {
  output: TaskOutput;
  record: PatientRecord;
  /** Outlines a cited item on the page; absent while the page no longer shows what was read. */
  onShow?: (where: ItemLocation) => void;
  /** What the record does not support: marked on the statements and counted above the draft. */
  verification?: Verification;
  /** Next steps: accept one into the note's plan, or dismiss it. */
  onAccept?: (statement: Statement) => void;
  onDismiss?: (statement: Statement) => void;
  /** Statement texts already accepted or dismissed. */
  accepted?: string[];
  dismissed?: string[];
};

const URGENCY_LABEL = { urgent: 'Urgent', soon: 'Soon', routine: 'Routine' } as const;

/** A task's output: sections of statements, each with chips for the items it cites. */
export function DraftView({
  output,
  record,
  onShow,
  verification,
  onAccept,
  onDismiss,
  accepted = [],
  dismissed = [],
}: DraftViewProps) {
  const flagged = new Set(verification?.unsupported.map((f) => `${f.section}.${f.statement}`) ?? []);
  const trends = useMemo(() => trendsByItem(record), [record]);
  return (
    <article className="draft" aria-label={output.title}>
      <header className="draft-header">
        <h2>{output.title}</h2>
        {output.engine === 'offline' ? (
          <span className="tag">Offline draft · nothing was sent</span>
        ) : (
          <span className="tag">Model draft · check before use</span>
        )}
      </header>
      {verification ? (
        <p className={flagged.size ? 'notice notice-warn small' : 'small muted'} role="status">
          {flagged.size
            ? `${flagged.size} of ${verification.checked} statements have something the chart does not support — marked below. Check them before use.`
            : `All ${verification.checked} statements checked against the chart: numbers, drugs, allergies and patient details are supported.`}
        </p>
      ) : null}
      {verification?.omissions.length ? (
        <section
          className="notice notice-warn small omissions"
          aria-label="What the draft leaves out"
          data-testid="omissions"
        >
          <p>
            The draft leaves out{' '}
            {verification.omissions.length === 1 ? 'something' : `${verification.omissions.length} things`} you should
            see:
          </p>
          <ul>
            {verification.omissions.map((omission) => (
              <li key={omission.text}>
                {omission.text} <Chips ids={omission.cites} record={record} onShow={onShow} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {output.sections.map((section, s) => (
        <section key={section.heading} className="draft-section">
          <h3>{section.heading}</h3>
          <ul>
            {section.statements.map((statement, i) =>
              dismissed.includes(statement.text) ? null : (
                <li key={i} className={flagged.has(`${s}.${i}`) ? 'statement unsupported' : 'statement'}>
                  {statement.urgency ? (
                    <span className={`tag urgency-${statement.urgency}`}>{URGENCY_LABEL[statement.urgency]}</span>
                  ) : null}{' '}
                  <span>{statement.text}</span>
                  {statement.rationale ? <p className="small muted rationale">Why: {statement.rationale}</p> : null}
                  {statement.guideline ? <p className="small muted rationale">Source: {statement.guideline}</p> : null}
                  {flagged.has(`${s}.${i}`) ? (
                    <ul className="findings small">
                      {verification!.unsupported
                        .filter((f) => f.section === s && f.statement === i)
                        .map((f, k) => (
                          <li key={k}>
                            “{f.value}”: {f.reason}
                          </li>
                        ))}
                    </ul>
                  ) : null}
                  <Chips ids={statement.cites} record={record} onShow={onShow} />
                  <CitedTrends ids={statement.cites} trends={trends} />
                  {output.task === 'next-steps' && statement.urgency && onAccept ? (
                    <span className="step-actions">
                      {accepted.includes(statement.text) ? (
                        <span className="small">Added to the note’s plan</span>
                      ) : (
                        <button type="button" className="small-button" onClick={() => onAccept(statement)}>
                          Add to note
                        </button>
                      )}{' '}
                      <button
                        type="button"
                        className="small-button"
                        onClick={() => onDismiss?.(statement)}
                        aria-label={`Dismiss: ${statement.text}`}
                      >
                        Dismiss
                      </button>
                    </span>
                  ) : null}
                </li>
              ),
            )}
          </ul>
        </section>
      ))}
    </article>
  );
}

/** Beside a statement that cites a result or vital measured more than once: its trend, once per test. */
function CitedTrends({ ids, trends }: { ids: string[]; trends: Map<string, Trend> }) {
  const shown = [
    ...new Map(
      ids.flatMap((id) => (trends.has(id) ? [[trends.get(id)!.label, trends.get(id)!] as const] : [])),
    ).values(),
  ];
  if (!shown.length) return null;
  return (
    <div className="cited-trends">
      {shown.slice(0, 2).map((trend) => (
        <TrendChart key={trend.label} {...trend} />
      ))}
    </div>
  );
}

/** Citation chips: what each cites in a few words; a click outlines the item on the page. */
function Chips({
  ids,
  record,
  onShow,
}: {
  ids: string[];
  record: PatientRecord;
  onShow?: (where: ItemLocation) => void;
}) {
  const current = record.source.identity?.documentId;
  const several = recordPages(record).length > 1;
  return (
    <>
      {ids.map((id) => {
        const found = findItem(record, id);
        const label = citationLabel(record, id);
        // In a chart read from several pages, a source on another page says which.
        const elsewhere =
          several && found && (found.item.page ?? current) !== current ? pageOf(record, found.item)?.label : undefined;
        return found ? (
          <button
            key={id}
            type="button"
            className="chip"
            onClick={() => onShow?.(found.item)}
            disabled={!onShow}
            aria-label={`Show source ${id} ${elsewhere ? `(on the ${elsewhere} page)` : 'on the page'}: ${label}`}
            title={found.item.text}
          >
            {label}
          </button>
        ) : null;
      })}
    </>
  );
}
