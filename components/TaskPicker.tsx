import { NOTE_SECTIONS, taskCard, TASKS, type Task, type TaskOptions } from '../utils/draft/schema';

export type TaskPickerProps = {
  task: Task;
  options: TaskOptions;
  onTask: (task: Task) => void;
  onOptions: (options: TaskOptions) => void;
};

export const DEFAULT_DISCLOSURE = 'Part of this message was drafted with AI and reviewed by your care team.';

/** What to draft, and how: radio buttons and native controls, so the keyboard reaches everything. */
export function TaskPicker({ task, options, onTask, onOptions }: TaskPickerProps) {
  const note = options.note;
  const reply = options.reply;
  return (
    <div className="task-picker">
      <fieldset className="task-choice">
        <legend>What to draft</legend>
        {TASKS.map((t) => (
          <label key={t}>
            <input type="radio" name="task" value={t} checked={task === t} onChange={() => onTask(t)} />{' '}
            {taskCard(t).label}
          </label>
        ))}
      </fieldset>
      {task === 'note' ? (
        <fieldset className="task-options">
          <legend>Note</legend>
          <label>
            Length{' '}
            <select
              value={note.length}
              onChange={(e) =>
                onOptions({ ...options, note: { ...note, length: e.target.value as TaskOptions['note']['length'] } })
              }
            >
              <option value="concise">Concise</option>
              <option value="standard">Standard</option>
              <option value="detailed">Detailed</option>
            </select>
          </label>{' '}
          <label>
            Order{' '}
            <select
              value={note.order}
              onChange={(e) =>
                onOptions({ ...options, note: { ...note, order: e.target.value as TaskOptions['note']['order'] } })
              }
            >
              <option value="SOAP">SOAP</option>
              <option value="APSO">APSO</option>
            </select>
          </label>
          <div>
            {NOTE_SECTIONS.map((section) => (
              <label key={section} className="inline">
                <input
                  type="checkbox"
                  checked={note.sections[section]}
                  onChange={(e) =>
                    onOptions({
                      ...options,
                      note: { ...note, sections: { ...note.sections, [section]: e.target.checked } },
                    })
                  }
                />{' '}
                {section.charAt(0).toUpperCase() + section.slice(1)}
              </label>
            ))}
          </div>
          {options.accepted.length ? (
            <p className="small muted">
              {options.accepted.length} accepted next step{options.accepted.length === 1 ? '' : 's'} will go into the
              plan.
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {task === 'reply' ? (
        <fieldset className="task-options">
          <legend>Reply</legend>
          <label>
            Language{' '}
            <select
              value={reply.language}
              onChange={(e) =>
                onOptions({
                  ...options,
                  reply: { ...reply, language: e.target.value as TaskOptions['reply']['language'] },
                })
              }
            >
              <option value="auto">Same as the patient’s message</option>
              <option value="en">English</option>
              <option value="es">Spanish</option>
            </select>
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={Boolean(reply.disclosure)}
              onChange={(e) =>
                onOptions({ ...options, reply: { ...reply, disclosure: e.target.checked ? DEFAULT_DISCLOSURE : '' } })
              }
            />{' '}
            Add a line saying AI helped draft it
          </label>
          {reply.disclosure ? (
            <label>
              Disclosure line
              <input
                type="text"
                value={reply.disclosure}
                maxLength={300}
                onChange={(e) => onOptions({ ...options, reply: { ...reply, disclosure: e.target.value } })}
              />
            </label>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}
