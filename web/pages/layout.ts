import { html, type Html } from '../html.js';

// The frame every page shares: navigation, the search box ("/" focuses it), the keyboard help.

export interface LayoutOptions { title: string; query?: string; active?: 'search' | 'queue' }

export function layout(options: LayoutOptions, body: Html): Html {
  return html`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · arende</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/" title="arende — review">ärenden</a>
  <nav>
    <a href="/" ${options.active === 'search' ? html`aria-current="page"` : ''} title="search">Sök</a>
    <a href="/queue" ${options.active === 'queue' ? html`aria-current="page"` : ''} title="review queue" accesskey="q">Granskningskö</a>
  </nav>
  <form class="quick" action="/" method="get" role="search">
    <input type="search" name="q" value="${options.query ?? ''}" placeholder="Sök i ärenden (tryck /)" aria-label="Sök" title="full-text search" id="quick-search">
  </form>
</header>
<main>${body}</main>
<footer class="keys" title="keyboard shortcuts">Tangenter: <kbd>/</kbd> sök · <kbd>j</kbd>/<kbd>k</kbd> nästa/föregående fält · <kbd>Enter</kbd> visa källan · <kbd>e</kbd> rätta · <kbd>r</kbd> markera granskad · <kbd>Esc</kbd> stäng</footer>
</body>
</html>`;
}
