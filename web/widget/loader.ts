/**
 * /widget.js — the guest widget's loader, for any web site (docs/widget.md):
 *
 *   <script src="https://HOST/widget.js" data-workspace="SLUG" async></script>
 *
 * Plain script, no framework, no imports (web/build/widget-loader.ts makes it one minified IIFE). It adds a launcher
 * button ("گفتگو با پشتیبانی" / "Chat with support") and an iframe of https://HOST/widget/SLUG inside a shadow root,
 * so the host page's CSS cannot reach them and theirs cannot reach the page. Everything else — the conversation, the
 * guest token, the socket — lives in the iframe, on the gateway's origin; this script never sees a token and stores
 * nothing in the host page. The gateway lets only the workspace's allowed origins frame the widget page
 * (Content-Security-Policy frame-ancestors); elsewhere the iframe never says hello and no launcher is shown.
 *
 * Host page API (calls made before the script loads are queued if the page defines the stub, see docs/widget.md):
 *   Goftgu('identify', {externalId, identifierHash, name?, email?})   verified visitor (hash made on the site's server)
 *   Goftgu('open') / Goftgu('close') / Goftgu('toggle')
 *   Goftgu('logout')                                                   forget the visitor (shared computers)
 * Data attributes on the script tag: data-workspace (required), data-language ("fa" or "en"), data-external-id,
 * data-identifier-hash, data-name, data-email.
 */
(() => {
  type Identity = { externalId?: string; identifierHash?: string; name?: string; email?: string };
  type Win = Window & { Goftgu?: ((...args: unknown[]) => void) & { q?: unknown[][]; loaded?: boolean } };
  const win = window as Win;
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script || (win.Goftgu && win.Goftgu.loaded)) return;
  const data = script.dataset;
  const slug = (data.workspace || '').trim().toLowerCase();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    console.warn('Goftgu widget: data-workspace must be the workspace slug, like acme-support');
    return;
  }
  const base = new URL(script.src, location.href).origin;
  const names = { fa: 'گفتگو با پشتیبانی', en: 'Chat with support' };
  const titles = { fa: 'پنجرهٔ گفتگو با پشتیبانی', en: 'Support chat window' };
  const hostLang = (document.documentElement.lang || navigator.language || 'fa').toLowerCase();
  let lang: 'fa' | 'en' = data.language === 'en' || data.language === 'fa' ? data.language
    : hostLang.startsWith('fa') || !document.documentElement.lang ? 'fa' : 'en';

  let identity: Identity | null = data.externalId
    ? { externalId: data.externalId, identifierHash: data.identifierHash, name: data.name, email: data.email }
    : null;
  let ready = false;
  let open = false;
  const pending: unknown[] = [];

  // the host element: an unknown tag the site's CSS is unlikely to name; inline !important beats the rest
  const host = document.createElement('goftgu-widget');
  const important = (el: HTMLElement, props: Record<string, string>) => {
    for (const k in props) el.style.setProperty(k, props[k], 'important');
  };
  important(host, { all: 'initial', display: 'block', position: 'static' });
  const shadow = host.attachShadow({ mode: 'open' });
  const css = `
:host{all:initial}
*{box-sizing:border-box}
.launcher{all:initial;position:fixed;inset-block-end:20px;inset-inline-end:20px;z-index:2147483000;inline-size:60px;
block-size:60px;border-radius:50%;background:var(--c,#1f6feb);color:#fff;cursor:pointer;display:flex;align-items:center;
justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25);transition:transform .15s}
.launcher:hover{transform:scale(1.06)}
.launcher:focus-visible{outline:3px solid #c2410c;outline-offset:3px}
.launcher[hidden]{display:none}
.launcher svg{inline-size:28px;block-size:28px;fill:currentColor}
.badge{position:absolute;inset-block-start:-2px;inset-inline-end:-2px;min-inline-size:20px;block-size:20px;border-radius:10px;
background:#b42318;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center;padding:0 5px}
.badge[hidden]{display:none}
.panel{all:initial;position:fixed;inset-block-end:92px;inset-inline-end:20px;z-index:2147483000;inline-size:380px;
block-size:min(620px,calc(100vh - 112px));border:0;border-radius:14px;background:#fff;
box-shadow:0 8px 32px rgba(0,0,0,.28);display:block;color-scheme:light}
.panel[hidden]{display:none}
@media (max-width:480px){.panel{inset:0;inline-size:100%;block-size:100%;border-radius:0}.open .launcher{display:none}}`;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    (shadow as ShadowRoot & { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style'); // old browsers; a host page CSP without 'unsafe-inline' refuses it
    style.textContent = css;
    shadow.appendChild(style);
  }
  const root = document.createElement('div');
  root.setAttribute('dir', lang === 'fa' ? 'rtl' : 'ltr');
  shadow.appendChild(root);

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.hidden = true;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'goftgu-panel');
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svgNs, 'path');
  const chatIcon = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z';
  const closeIcon = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z';
  path.setAttribute('d', chatIcon);
  svg.appendChild(path);
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  button.append(svg, badge);

  const frame = document.createElement('iframe');
  frame.id = 'goftgu-panel';
  frame.className = 'panel';
  frame.hidden = true;
  frame.title = titles[lang];
  frame.setAttribute('allow', 'clipboard-write');
  frame.src = `${base}/widget/${encodeURIComponent(slug)}`;
  root.append(frame, button);

  const label = () => button.setAttribute('aria-label', names[lang]);
  label();

  const post = (message: Record<string, unknown>) => {
    if (ready && frame.contentWindow) frame.contentWindow.postMessage(message, base);
    else pending.push(message);
  };

  const setOpen = (value: boolean, focus = true) => {
    if (!ready) {
      if (value) pending.push({ type: 'goftgu:open' });
      return;
    }
    open = value;
    frame.hidden = !value;
    root.classList.toggle('open', value);
    button.setAttribute('aria-expanded', String(value));
    path.setAttribute('d', value ? closeIcon : chatIcon);
    post({ type: value ? 'goftgu:open' : 'goftgu:closed', focus });
    if (value && focus) frame.focus();
    if (!value && focus) button.focus();
  };
  button.addEventListener('click', () => setOpen(!open));

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || event.origin !== base) return;
    const m = event.data as { type?: string; [k: string]: unknown };
    if (!m || typeof m.type !== 'string') return;
    switch (m.type) {
      case 'goftgu:hello': // the page loaded: the host may frame it. Tell it who and where the visitor is.
        frame.contentWindow!.postMessage({
          type: 'goftgu:init', lang: data.language === 'fa' || data.language === 'en' ? data.language : null,
          hostLang, page: location.href.slice(0, 2000), identity,
        }, base);
        break;
      case 'goftgu:ready': {
        ready = true;
        if (m.lang === 'fa' || m.lang === 'en') lang = m.lang;
        root.setAttribute('dir', lang === 'fa' ? 'rtl' : 'ltr');
        frame.title = titles[lang];
        label();
        if (typeof m.color === 'string' && /^#[0-9a-f]{6}$/i.test(m.color)) button.style.setProperty('--c', m.color);
        button.hidden = false;
        const queued = pending.splice(0);
        for (const q of queued) {
          if ((q as { type: string }).type === 'goftgu:open') setOpen(true, false);
          else post(q as Record<string, unknown>);
        }
        if (m.open === true && !open) setOpen(true, false);
        break;
      }
      case 'goftgu:close':
        setOpen(false);
        break;
      case 'goftgu:unread': {
        const n = typeof m.count === 'number' ? m.count : 0;
        badge.hidden = n <= 0 || open;
        badge.textContent = n > 9 ? '9+' : String(n);
        break;
      }
    }
  });

  const api = (command?: unknown, options?: unknown) => {
    switch (command) {
      case 'open': setOpen(true); break;
      case 'close': setOpen(false); break;
      case 'toggle': setOpen(!open); break;
      case 'identify': {
        const o = (options || {}) as Identity;
        identity = { externalId: o.externalId, identifierHash: o.identifierHash, name: o.name, email: o.email };
        post({ type: 'goftgu:identify', identity });
        break;
      }
      case 'logout':
        identity = null;
        post({ type: 'goftgu:logout' });
        break;
      default:
        console.warn('Goftgu widget: unknown command', command);
    }
  };
  const queue = win.Goftgu && Array.isArray(win.Goftgu.q) ? win.Goftgu.q : [];
  const real = Object.assign((...args: unknown[]) => api(args[0], args[1]), { loaded: true });
  win.Goftgu = real;
  for (const args of queue) api(args[0], args[1]);

  const attach = () => document.body.appendChild(host);
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach);
})();
