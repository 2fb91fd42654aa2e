/**
 * The background service worker: opens the panel from the toolbar button, injects the page agent
 * script into the tab clicked (or at the first request), and routes the panel's requests to it.
 */
import { browser } from 'wxt/browser';
import {
  createListener,
  PanelRequestSchema,
  PAGE_AGENT_VERSION,
  parseResponse,
  type Handlers,
  type PageRequest,
  type PanelRequest,
  type ResponseOf,
} from './messaging';
import { describeUnknownError, fail, ok } from './result';
import { originOf } from './audit/entry';
import { startAuditForwarding } from './audit/forward';
import { originAllowed, type Policy } from './settings/policy';
import { applyManagedChange, enforcedPolicy, provisionalPolicy, refreshPolicyCache } from './settings/policy-cache';

const PAGE_AGENT_SCRIPT = '/page-agent.js';
const CAPTURE_TIMEOUT_MS = 45_000;

/** Turns the browser's injection errors into what a clinician can act on. */
export function explainInjectionError(detail: string) {
  if (/cannot access|permission|host|activeTab|not allowed|missing host/i.test(detail)) {
    return fail(
      'no-access',
      'Chartside needs your permission to read this page. Click the Chartside button in the toolbar while this page is open, or allow this site in Chartside, then read the page again.',
      detail,
    );
  }
  if (
    /chrome:|edge:|about:|extensions gallery|webstore|chrome-extension:|moz-extension:|cannot be scripted/i.test(detail)
  ) {
    return fail(
      'restricted-page',
      'Chartside cannot read browser pages. Open the patient chart in this tab, then try again.',
      detail,
    );
  }
  if (/no tab|invalid tab|tab.*closed/i.test(detail)) {
    return fail('no-tab', 'The chart tab was closed or changed. Open the chart and try again.', detail);
  }
  return fail('inject-failed', 'Chartside could not start reading this page. Reload the page and try again.', detail);
}

/**
 * True when a page agent of this version already answers in the tab's page: then nothing is
 * injected again (one agent per page, with the element refs of the last read).
 */
async function agentAlive(tabId: number): Promise<boolean> {
  try {
    const raw = await withTimeout(browser.tabs.sendMessage(tabId, { type: 'page:ping' }), 1_000);
    const parsed = parseResponse('page:ping', raw === 'timeout' ? undefined : raw);
    return parsed.ok && parsed.value.version === PAGE_AGENT_VERSION;
  } catch {
    return false; // no agent listening in this page yet
  }
}

async function injectPageAgent(tabId: number) {
  if (await agentAlive(tabId)) return undefined;
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_AGENT_SCRIPT] });
    return undefined;
  } catch (error) {
    return explainInjectionError(describeUnknownError(error));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function askPage<K extends PageRequest['type']>(
  tabId: number,
  message: Extract<PageRequest, { type: K }>,
  timeoutMs = 10_000,
): Promise<ResponseOf<K>> {
  const injectionError = await injectPageAgent(tabId);
  if (injectionError) return injectionError as ResponseOf<K>;
  try {
    const raw = await withTimeout(browser.tabs.sendMessage(tabId, message), timeoutMs);
    if (raw === 'timeout') {
      return <ResponseOf<K>>(
        fail(
          'page-timeout',
          'The page took too long to answer. It may still be loading; try again in a moment.',
          `${message.type} timed out after ${timeoutMs} ms`,
        )
      );
    }
    return parseResponse(message.type as K, raw);
  } catch (error) {
    return <ResponseOf<K>>(
      fail(
        'page-unreachable',
        'Chartside lost contact with the page. Reload the page and try again.',
        describeUnknownError(error),
      )
    );
  }
}

/** The error for a page the policy's AllowedOrigins leave out; none when the page may be read. */
function originRefusal(policy: Policy | undefined, url: string) {
  if (!policy?.AllowedOrigins?.length || originAllowed(policy, url)) return undefined;
  return fail(
    'origin-not-allowed',
    `Your organization allows Chartside only on ${policy.AllowedOrigins.join(', ')}. This page is not one of them.`,
    `page origin: ${originOf(url)}`,
  );
}

/**
 * Loads the page agent into the tab the clinician clicked Chartside's button on, while the panel opens, so the first
 * "Read this page" only reads (the agent reads nothing until asked; meanwhile it readies its reader on a made-up chart,
 * utils/capture/warm-up.ts). The same gate as a read: no agent goes into a page the organisation's policy leaves out.
 * A page it cannot enter is explained when the clinician reads.
 */
export async function readyPageAgent(tabId: number): Promise<'ready' | 'refused' | 'failed'> {
  const { policy } = await provisionalPolicy();
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? '';
  if (originRefusal(policy, url)) return 'refused';
  return (await injectPageAgent(tabId)) ? 'failed' : 'ready';
}

export const backgroundHandlers: Handlers<PanelRequest, undefined> = {
  capture: async ({ tabId, selectionOnly }) => {
    // An organisation may limit Chartside to its EHR's origins (enterprise policy). Reading is local (nothing leaves
    // the browser), so it does not wait seconds for the browser's first managed read: it goes by the policy as known
    // within PROVISIONAL_LIMIT_MS, and the panel confirms the page with `allowed` before anything is sent
    // (policy-cache.ts).
    const { policy } = await provisionalPolicy();
    const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? '';
    const refused = originRefusal(policy, url);
    if (refused) return refused;
    return askPage(tabId, { type: 'page:capture', selectionOnly }, CAPTURE_TIMEOUT_MS);
  },
  allowed: async ({ url }) => originRefusal(await enforcedPolicy(), url) ?? ok({ allowed: true as const }),
  highlight: ({ tabId, ref, expected }) => askPage(tabId, { type: 'page:highlight', ref, expected }),
  selection: ({ tabId }) => askPage(tabId, { type: 'page:selection' }),
  identity: ({ tabId }) => askPage(tabId, { type: 'page:identity' }),
  insert: ({ tabId, text, expected, confirmedUnknown }) =>
    askPage(tabId, { type: 'page:insert', text, expected, confirmedUnknown }),
};

type SidePanelApi = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

export function startBackground() {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarApi };
  // The toolbar click is the clinician's consent for this tab: Chrome grants activeTab with it.
  // We open the panel ourselves (rather than openPanelOnActionClick) so the click reaches us and
  // the grant is made; sidePanel.open must run within that click, so nothing is awaited first.
  // Firefox's MV2 build names the toolbar API browserAction.
  const toolbar = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  toolbar.onClicked.addListener((tab) => {
    if (api.sidePanel) void api.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    else void api.sidebarAction?.open().catch(() => undefined); // Firefox
    if (tab.id !== undefined) void readyPageAgent(tab.id);
  });
  browser.runtime.onMessage.addListener(createListener(PanelRequestSchema, backgroundHandlers, () => undefined));
  // The managed policy, read as the worker starts (the browser starts it at launch, for onStartup)
  // and on every change, so pages find it cached. Listeners are added before anything is awaited:
  // events that woke the worker reach them.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') void applyManagedChange(changes);
  });
  browser.runtime.onStartup.addListener(() => undefined);
  void refreshPolicyCache();
  // Audit entries go to the organisation's audit server when its policy names one (AuditEndpoint).
  startAuditForwarding();
}
