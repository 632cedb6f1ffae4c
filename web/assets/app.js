// Keyboard shortcuts for the review page; every action is also a plain link or form.
(() => {
  const typing = (el) => el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
  const rows = () => [...document.querySelectorAll('tr.field')];
  const current = () => rows().find((r) => r === document.activeElement || r.contains(document.activeElement)) ?? document.querySelector('tr.field.selected');

  function focusRow(row) {
    if (!row) return;
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      const open = document.activeElement?.closest('details[open]');
      if (open) { open.open = false; open.querySelector('summary')?.focus(); }
      else if (typing(document.activeElement)) document.activeElement.blur();
      return;
    }
    if (typing(document.activeElement)) return;
    const list = rows();
    const row = current();
    switch (event.key) {
      case '/': {
        const box = document.getElementById('search-q') ?? document.getElementById('quick-search');
        if (box) { event.preventDefault(); box.focus(); box.select(); }
        break;
      }
      case 'j':
      case 'k': {
        if (!list.length) break;
        event.preventDefault();
        const at = row ? list.indexOf(row) : -1;
        focusRow(list[Math.max(0, Math.min(list.length - 1, at + (event.key === 'j' ? 1 : -1)))] ?? list[0]);
        break;
      }
      case 'Enter': {
        const link = row === document.activeElement ? row.querySelector('a.ev-link') : null;
        if (link) { event.preventDefault(); link.click(); }
        break;
      }
      case 'e': {
        if (!row) break;
        event.preventDefault();
        const details = row.querySelector('details');
        details.open = true;
        details.querySelector('[name=value]')?.focus();
        break;
      }
      case 'r': {
        const form = document.getElementById('review-form');
        if (form) { event.preventDefault(); form.requestSubmit(); }
        break;
      }
    }
  });

  // After a page load on a chosen value: its row has focus and its highlight is in view.
  window.addEventListener('DOMContentLoaded', () => {
    const selected = document.querySelector('tr.field.selected');
    if (selected && !location.hash.startsWith('#field-')) selected.focus({ preventScroll: true });
    else if (location.hash.startsWith('#field-')) document.getElementById(location.hash.slice(1))?.focus();
    document.getElementById('selected-evidence')?.scrollIntoView({ block: 'center' });
  });
})();
