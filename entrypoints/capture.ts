// The capture script: injected into the EHR tab only when the clinician asks (activeTab + scripting).
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageAgent } from '../utils/capture/agent';

export default defineUnlistedScript(() => {
  // Injected again on every request; only the first injection in this page installs the agent.
  const flag = '__chartsideAgent';
  const scope = globalThis as Record<string, unknown>;
  if (scope[flag]) return;
  scope[flag] = true;
  browser.runtime.onMessage.addListener(createPageAgent(document));
});
