import { defineConfig } from 'wxt';

// The manifest is a function so each browser gets only what it understands:
// Chrome/Edge get the side panel; Firefox gets a sidebar and no Chrome-only permissions.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader should see where every name comes from.
  imports: false,
  manifest: ({ browser }) => {
    const isFirefox = browser === 'firefox';
    return {
      name: 'Chartside',
      description:
        'Reads the visible patient chart, de-identifies it in the browser, and drafts summaries and replies you verify.',
      // activeTab + scripting: the capture script is injected only into the tab the clinician
      // asked about, at the moment they ask. No host access at install.
      permissions: isFirefox
        ? ['activeTab', 'scripting', 'storage']
        : ['activeTab', 'scripting', 'storage', 'sidePanel'],
      // Clinicians may grant one EHR origin for always-on access from the panel
      // (MV3 names these optional_host_permissions; Firefox's MV2 build, optional_permissions).
      ...(isFirefox
        ? { optional_permissions: ['https://*/*', 'http://*/*'] }
        : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
      action: { default_title: 'Open Chartside' },
      ...(isFirefox
        ? {
            browser_specific_settings: {
              gecko: { id: 'chartside@chartside.dev', strict_min_version: '128.0' },
            },
          }
        : {}),
    };
  },
});
