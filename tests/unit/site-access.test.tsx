import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { SiteAccess } from '../../components/SiteAccess';
import { sitePattern, type PermissionsApi } from '../../utils/site-access';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** An in-memory permissions API: what was granted, and what the "prompt" answers. */
function fakePermissions(answer: boolean) {
  const granted = new Set<string>();
  const api: PermissionsApi = {
    contains: vi.fn(async ({ origins }) => origins.every((o: string) => granted.has(o))),
    request: vi.fn(async ({ origins }) => {
      if (answer) origins.forEach((o: string) => granted.add(o));
      return answer;
    }),
    remove: vi.fn(async ({ origins }) => origins.every((o: string) => granted.delete(o))),
  };
  return { api, granted };
}

async function render(pageUrl: string, api: PermissionsApi) {
  document.body.innerHTML = '<div id="host"></div>';
  const host = document.getElementById('host')!;
  const root = createRoot(host);
  await act(async () => root.render(<SiteAccess pageUrl={pageUrl} permissions={api} />));
  const click = async (name: RegExp) => {
    const button = Array.from(host.querySelectorAll('button')).find((b) => name.test(b.textContent ?? ''))!;
    await act(async () => button.click());
  };
  return { host, click, unmount: () => act(() => root.unmount()) };
}

describe('always-on site access', () => {
  it('asks for exactly the chart site, never all sites', () => {
    expect(sitePattern('https://ehr.riverside.example:8443/chart/123?tab=labs')).toBe(
      'https://ehr.riverside.example/*',
    );
    expect(sitePattern('chrome://extensions')).toBeUndefined();
    expect(sitePattern('not a url')).toBeUndefined();
  });

  it('grants the site when the clinician allows it, and takes it back', async () => {
    const { api, granted } = fakePermissions(true);
    const view = await render('https://ehr.riverside.example/chart/123', api);
    await view.click(/Always allow on ehr\.riverside\.example/);
    expect(api.request).toHaveBeenCalledWith({ origins: ['https://ehr.riverside.example/*'] });
    expect(granted.has('https://ehr.riverside.example/*')).toBe(true);
    expect(view.host.textContent).toContain('can read ehr.riverside.example without the toolbar button');
    await view.click(/Stop always allowing/);
    expect(granted.size).toBe(0);
    expect(view.host.textContent).toContain('Always allow on');
    await view.unmount();
  });

  it('says what still works when the browser refuses', async () => {
    const { api } = fakePermissions(false);
    const view = await render('https://ehr.riverside.example/chart/123', api);
    await view.click(/Always allow/);
    expect(view.host.textContent).toContain('not allowed; the toolbar button still works');
    await view.unmount();
  });

  it('offers nothing on pages that cannot be granted', async () => {
    const { api } = fakePermissions(true);
    const view = await render('file:///home/me/chart.html', api);
    expect(view.host.textContent).toBe('');
    await view.unmount();
  });
});
