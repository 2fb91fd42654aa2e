import { useEffect, useState } from 'react';
import type { Statement, TaskOutput } from '../utils/draft/schema';
import { readingLevel } from '../utils/draft/readability';
import type { ItemLocation, PatientRecord } from '../utils/record/schema';
import type { Verification } from '../utils/verify/verify';
import { DraftView } from './DraftView';

export type DraftEditorProps = {
  output: TaskOutput;
  /** The record the draft was made from; absent for a draft restored before the page was read again. */
  record?: PatientRecord;
  verification?: Verification;
  /** The text that will be copied or inserted, as the clinician edited it. */
  text: string;
  onEdit: (text: string) => void;
  onShow?: (where: ItemLocation) => void;
  accepted?: string[];
  dismissed?: string[];
  onAccept?: (statement: Statement) => void;
  onDismiss?: (statement: Statement) => void;
};

type Mode = 'review' | 'edit';

/**
 * The draft, shown once: reviewed statement by statement with its sources and flags, or edited as
 * the plain text that will be copied or inserted. A new draft opens for review, because checking
 * the sources comes before sending.
 */
export function DraftEditor({
  output,
  record,
  verification,
  text,
  onEdit,
  onShow,
  accepted,
  dismissed,
  onAccept,
  onDismiss,
}: DraftEditorProps) {
  const [mode, setMode] = useState<Mode>(record ? 'review' : 'edit');
  useEffect(() => setMode(record ? 'review' : 'edit'), [output, record]);
  const edited = text !== '' && mode === 'review' && record !== undefined;
  return (
    <>
      {record ? (
        <div className="draft-mode" role="group" aria-label="How to show the draft">
          <button type="button" aria-pressed={mode === 'review'} onClick={() => setMode('review')}>
            Review with sources
          </button>
          <button type="button" aria-pressed={mode === 'edit'} onClick={() => setMode('edit')}>
            Edit text
          </button>
        </div>
      ) : null}
      {mode === 'review' && record ? (
        <>
          <DraftView
            output={output}
            record={record}
            onShow={onShow}
            verification={verification}
            accepted={accepted}
            dismissed={dismissed}
            onAccept={onAccept}
            onDismiss={onDismiss}
          />
          {edited ? <EditedNote text={text} output={output} /> : null}
        </>
      ) : (
        <label className="draft-edit">
          Edit before you copy or insert
          <textarea rows={12} value={text} onChange={(e) => onEdit(e.target.value)} />
        </label>
      )}
      {output.task === 'reply' ? <ReadingLevelNote text={text} language={output.language ?? 'en'} /> : null}
    </>
  );
}

/** Reviewing shows the draft as the engine wrote it; when the clinician has changed the text, say so. */
function EditedNote({ text, output }: { text: string; output: TaskOutput }) {
  const original = output.sections.flatMap((section) => section.statements.map((statement) => statement.text));
  if (original.every((statement) => text.includes(statement))) return null;
  return (
    <p className="small muted" data-testid="edited-note">
      You have edited the text: the sources above are for the draft as written. Copy and Insert use your edited text.
    </p>
  );
}

/** The reply's reading level, computed on the text as edited; a nudge when it is above grade 8. */
function ReadingLevelNote({ text, language }: { text: string; language: 'en' | 'es' }) {
  const level = readingLevel(text, language);
  return (
    <p className={level.grade > 8 ? 'notice notice-warn small' : 'small muted'} data-testid="reading-level">
      Reading level: {level.label}
      {level.grade > 8
        ? ' — above the grade 6–8 aim; shorter sentences and everyday words help.'
        : ' (aim: grade 6–8).'}
    </p>
  );
}
