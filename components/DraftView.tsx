import type { TaskOutput } from '../utils/draft/schema';
import { findItem, type PatientRecord } from '../utils/record/schema';

export type DraftViewProps = {
  output: TaskOutput;
  record: PatientRecord;
  onShow: (ref: string) => void;
};

/** A task's output: sections of statements, each with chips for the items it cites. */
export function DraftView({ output, record, onShow }: DraftViewProps) {
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
      {output.sections.map((section) => (
        <section key={section.heading} className="draft-section">
          <h3>{section.heading}</h3>
          <ul>
            {section.statements.map((statement, i) => (
              <li key={i} className="statement">
                <span>{statement.text}</span>
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
