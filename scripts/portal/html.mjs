// Tiny HTML helpers for the demo portal: everything from patient data is escaped.
export function esc(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function page({ title, body, patientId, layout }) {
  const layouts = [
    ['dashboard', 'Dashboard'],
    ['document', 'Document view'],
    ['appgrid', 'App view'],
    ['tabbed', 'Tabbed chart'],
    ['messages', 'Messages'],
    ['note', 'Note'],
  ];
  const switcher = patientId
    ? `<nav class="layouts" aria-label="Chart views">${layouts
        .map(
          ([key, label]) =>
            `<a href="/patient/${patientId}/${key}"${key === layout ? ' aria-current="page"' : ''}>${label}</a>`,
        )
        .join(' ')}</nav>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Riverside Health Portal (demo)</title>
<link rel="stylesheet" href="/static/portal.css"></head>
<body class="layout-${esc(layout ?? 'index')}">
<header class="portal-top"><a class="brand" href="/">Riverside Health Portal</a><span class="demo">Demo EHR · synthetic patients</span>${switcher}</header>
<main id="main">${body}</main>
<script src="/static/portal.js"></script>
</body></html>`;
}
