import type { TaskOutput } from '../utils/draft/schema';
import { findItem, type PatientRecord } from '../utils/record/schema';
import type { Verification } from '../utils/verify/verify';

export type DraftViewProps = {
  output: TaskOutput;
  record: PatientRecord;
  onShow: (ref: string) => void;
  /** What the record does not support: marked on the statements and counted above the draft. */
  verification?: Verification;
};

/** A task's output: sections of statements, each with chips for the items it cites. */
export function DraftView({ output, record, onShow, verification }: DraftViewProps) {
  const flagged = new Set(verification?.unsupported.map((f) => `${f.section}.${f.statement}`) ?? []);
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
      {output.sections.map((section, s) => (
        <section key={section.heading} className="draft-section">
          <h3>{section.heading}</h3>
          <ul>
            {section.statements.map((statement, i) => (
              <li key={i} className={flagged.has(`${s}.${i}`) ? 'statement unsupported' : 'statement'}>
                <span>{statement.text}</span>
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
                {statement.cites.map((id) => {
                  const found = findItem(record, id);
                  return found ? (
                    <button
                      key={id}
                      type="button"
                      className="chip"
                      onClick={() => onShow(found.item.ref)}
                      aria-label={`Show source ${id} on the page`}
                      title={found.item.text}
                    >
                      {id}
                    </button>
                  ) : null;
                })}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
