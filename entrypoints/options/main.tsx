import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import '../../components/panel.css';

/** Settings. Today there is one engine, the built-in offline one; model backends are configured here once added. */
function Options() {
  const { version } = browser.runtime.getManifest();
  return (
    <main className="panel" style={{ maxWidth: 640 }}>
      <h1>Chartside settings</h1>
      <section>
        <h2>Summarization engine</h2>
        <p>
          <strong>Offline (built in)</strong> — drafts are made in this browser from the structured chart items.
          Nothing about the patient is sent anywhere.
        </p>
      </section>
      <section>
        <h2>Privacy</h2>
        <ul>
          <li>Chartside reads a page only when you click “Read this page”.</li>
          <li>It reads what is visible on screen, never hidden fields or other tabs.</li>
          <li>The record stays in the panel’s memory and is gone when you close the panel.</li>
        </ul>
      </section>
      <p className="muted small">Version {version}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
