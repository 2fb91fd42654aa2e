import { defineConfig } from 'wxt';
import { buildPublicKey, extensionIdOf } from './scripts/lib/extension-id.mjs';

/** See SECURITY.md. connect-src matches isAllowedEndpoint in utils/draft/backends/openai.ts. */
export const EXTENSION_PAGES_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src https: http://localhost:* http://127.0.0.1:*; object-src 'none'; base-uri 'none'; form-action 'none'";

// The manifest is a function so each browser gets only what it understands:
// Chrome/Edge get the side panel; Firefox gets a sidebar and no Chrome-only permissions.
// `npm run profile:capture` builds unminified into a folder of its own, so a profile names functions.
const profileBuild = process.env.CHARTSIDE_PROFILE_BUILD === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  ...(profileBuild ? { outDir: '.output-profile', vite: () => ({ build: { minify: false } }) } : {}),
  // Explicit imports everywhere: a reader should see where every name comes from.
  imports: false,
  hooks: {
    // IT names the extension by this ID in every policy: say it with every build.
    'build:done': (wxt) => {
      if (wxt.config.browser !== 'firefox')
        wxt.logger.info(`Chartside extension ID (Chrome, Edge): ${extensionIdOf(buildPublicKey())}`);
    },
  },
  manifest: ({ browser }) => {
    const isFirefox = browser === 'firefox';
    return {
      name: 'Chartside',
      // Chrome and Edge derive the extension's ID from this public key: the same ID for every build
      // (scripts/lib/extension-id.mjs). Firefox is named by its gecko id below.
      ...(isFirefox ? {} : { key: buildPublicKey() }),
      description:
        'Reads the visible patient chart, de-identifies it in the browser, and drafts summaries and replies you verify.',
      // activeTab + scripting: the capture script is injected only into the tab the clinician clicked
      // the toolbar button on, and reads it only when asked. No host access at install.
      // alarms: a retry of the central audit (AuditEndpoint policy) wakes a stopped worker.
      permissions: isFirefox
        ? ['activeTab', 'scripting', 'storage', 'alarms']
        : ['activeTab', 'scripting', 'storage', 'alarms', 'sidePanel'],
      // Clinicians may grant one EHR origin for always-on access from the panel
      // (MV3 names these optional_host_permissions; Firefox's MV2 build, optional_permissions).
      ...(isFirefox
        ? { optional_permissions: ['https://*/*', 'http://*/*'] }
        : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
      action: { default_title: 'Open Chartside' },
      // Chrome and Edge: IT pushes settings through policy (utils/settings/policy.ts).
      ...(isFirefox ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
      // Extension pages run only their own bundled code: no remote or inline script, no eval, no
      // plugins, no remote images; network only to model endpoints over https (http on loopback).
      content_security_policy: isFirefox ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
      ...(isFirefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'chartside@chartside.dev',
                strict_min_version: '140.0', // data_collection_permissions (Firefox 140, the current ESR)
                // Nothing goes to Chartside's developers; a model endpoint is the clinician's or IT's own choice.
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
