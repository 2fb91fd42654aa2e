// Card toggles for the demo dashboard: the collapsed body is display:none until opened.
document.addEventListener('click', (event) => {
  const button = event.target.closest('button.toggle');
  if (!button) return;
  const body = document.getElementById(button.getAttribute('aria-controls'));
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  button.textContent = open ? 'Hide' : 'Show';
  body.style.display = open ? '' : 'none';
  body.classList.toggle('collapse', !open);
});
