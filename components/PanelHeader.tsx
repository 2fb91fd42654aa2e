import type { Settings } from '../utils/settings/schema';

export type PanelHeaderProps = {
  settings: Settings;
  onOpenSettings: () => void;
};

/** The panel's title and the settings in force, each kept whole when a narrow panel wraps the line. */
export function PanelHeader({ settings, onOpenSettings }: PanelHeaderProps) {
  return (
    <header className="panel-header">
      <h1>Chartside</h1>
      <span className="muted small header-status">
        <span>
          Engine: {settings.backend.engine === 'offline' ? 'offline (built in)' : settings.backend.model.model}
        </span>
        <span>Dates: {settings.datePolicy === 'safe-harbor' ? 'year only' : 'relative days'}</span>
        <button type="button" className="linklike-small" onClick={onOpenSettings}>
          Settings
        </button>
      </span>
    </header>
  );
}
