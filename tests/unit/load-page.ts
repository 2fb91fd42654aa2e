/** Loads a portal page into happy-dom's document, without the external CSS and JS it cannot fetch. */
export function loadPage(html: string) {
  document.documentElement.innerHTML = html
    .replace(/^<!doctype html>/i, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link[^>]*>/g, '');
}
