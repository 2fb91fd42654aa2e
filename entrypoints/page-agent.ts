// The page agent's entry: injected into the EHR tab on the toolbar click (where policy allows), or at the first request
// (activeTab + scripting). The background pings first and injects only when no live agent answers.
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageAgent, type PageAgent } from '../utils/capture/agent';

const AGENT_KEY = '__chartsidePageAgent';

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<string, { agent: PageAgent; ctx: ContentScriptContext } | undefined>;
  // One agent per page: a second injection into a page whose agent is alive does nothing. An agent
  // left from before an extension reload is invalid (its runtime is gone) and is replaced.
  const existing = scope[AGENT_KEY];
  if (existing && existing.ctx.isValid) return;
  // Starting a context also tells any older Chartside agent in this page to stop (WXT sends it an
  // event), so an orphan from before a reload tears itself down.
  const ctx = new ContentScriptContext('chartside-page-agent');
  const agent = createPageAgent(document, {
    notify: (event) => void browser.runtime.sendMessage(event).catch(() => undefined),
    onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    onInvalidated: (listener) => void ctx.onInvalidated(listener),
    whenIdle: (task) => void ctx.requestIdleCallback(task, { timeout: 1_000 }),
  });
  browser.runtime.onMessage.addListener(agent.listener);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(agent.listener);
    if (scope[AGENT_KEY]?.agent === agent) scope[AGENT_KEY] = undefined;
  });
  scope[AGENT_KEY] = { agent, ctx };
});
