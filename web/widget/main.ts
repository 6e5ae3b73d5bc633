/**
 * The guest widget's page (/widget/{slug}, served by the gateway's WidgetPage), shown in the iframe that /widget.js
 * adds to a customer's web site — or opened on its own as a full-page chat. Plain TypeScript and the DOM: every text
 * from people is set as text (textContent), nothing is injected as HTML, nothing inline (the page runs under
 * script-src 'self'; style-src 'self').
 *
 * A visitor writes; the first message starts a ticket through the public start endpoint, which answers a guest
 * token. The token is kept in this page's own localStorage (the gateway's origin, never the host page's), so the
 * visitor is remembered on return. The conversation is the ticket's public messages (support chat never gives a
 * guest internal notes) and live frames over /ws, authenticated by the token in the WebSocket subprotocol.
 */
import './widget.css';
import { RealtimeClient, type ServerFrame, type SocketLike } from '../src/lib/socket';
import { formatTime } from '../src/lib/dates';
import { ApiError, call, type Message, type Started, type Ticket, type WidgetLook } from './api';
import { chooseLang, strings, type Lang, type Strings } from './i18n';
import { VisitorStore, type Saved } from './storage';

interface Identity { externalId?: string; identifierHash?: string; name?: string; email?: string }
interface Init { lang?: string | null; hostLang?: string; page?: string; identity?: Identity | null }

const slug = decodeURIComponent(location.pathname.split('/')[2] ?? '').toLowerCase();
const framed = window.parent !== window;
const parentOrigin = (location.ancestorOrigins && location.ancestorOrigins.length > 0)
  ? location.ancestorOrigins[0] : '*';
const store = new VisitorStore(slug);

let lang: Lang = 'fa';
let t: Strings = strings.fa;
let look: WidgetLook = {};
let init: Init = {};
let identity: Identity | null = null;
let saved: Saved | null = null;
let ticket: Ticket | null = null;
let messages: Message[] = [];
let realtime: RealtimeClient | null = null;
let open = !framed;
let unread = 0;
let typingTimer: number | undefined;
let myTypingUntil = 0;
let myTypingStop: number | undefined;
const pending = new Map<string, { body: string; attachmentIds: string[]; failed: boolean }>();
let uploads: { id: string; name: string }[] = [];

// ---------- DOM ----------

const root = document.getElementById('widget')!;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c !== null) node.append(c);
  return node;
}

const heading = el('h1', { className: 'w-title' });
const closeButton = el('button', { type: 'button', className: 'w-icon-button' });
const header = el('header', { className: 'w-head' }, heading, framed ? closeButton : null);
const connection = el('p', { className: 'w-connection' });
connection.setAttribute('aria-live', 'polite');
const log = el('div', { className: 'w-log' });
log.setAttribute('role', 'log');
log.tabIndex = 0;
const typing = el('div', { className: 'w-typing' });
typing.setAttribute('role', 'status');
const notice = el('div', { className: 'w-notice' });
const errorBox = el('p', { className: 'w-error' });
errorBox.setAttribute('role', 'alert');

const nameInput = el('input', { type: 'text', id: 'w-name', autocomplete: 'name', maxLength: 200 });
const emailInput = el('input', { type: 'email', id: 'w-email', autocomplete: 'email', maxLength: 320 });
const nameLabel = el('label', { htmlFor: 'w-name' });
const emailLabel = el('label', { htmlFor: 'w-email' });
const contact = el('div', { className: 'w-contact' }, el('div', {}, nameLabel, nameInput), el('div', {}, emailLabel, emailInput));
const textarea = el('textarea', { id: 'w-message', rows: 2, maxLength: 20000 });
const messageLabel = el('label', { htmlFor: 'w-message', className: 'visually-hidden' });
const fileInput = el('input', { type: 'file', id: 'w-file', multiple: true, className: 'visually-hidden' });
const fileLabel = el('label', { htmlFor: 'w-file', className: 'w-icon-button w-attach' });
const sendButton = el('button', { type: 'submit', className: 'w-send' });
const chips = el('ul', { className: 'w-chips' });
const composer = el('form', { className: 'w-composer' }, contact, chips,
  el('div', { className: 'w-compose-row' }, messageLabel, textarea, fileInput, fileLabel, sendButton));
const ratingBox = el('section', { className: 'w-rating' });

root.append(header, connection, log, typing, notice, ratingBox, errorBox, composer);
icon(closeButton, 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z');
icon(fileLabel, 'M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6h-1.5z');

function icon(target: HTMLElement, d: string) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  target.append(svg);
}

function applyLanguage() {
  t = strings[lang];
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  document.title = t.title;
  heading.textContent = t.title;
  closeButton.setAttribute('aria-label', t.close);
  log.setAttribute('aria-label', t.messages);
  nameLabel.textContent = `${t.name} (${t.optional})`;
  emailLabel.textContent = `${t.email} (${t.optional})`;
  messageLabel.textContent = t.message;
  textarea.setAttribute('aria-label', t.message);
  textarea.placeholder = `${t.message}…`;
  fileLabel.setAttribute('aria-label', t.attach);
  fileLabel.title = t.attach;
  fileInput.setAttribute('aria-label', t.attach);
  sendButton.textContent = t.send;
  if (look.color && /^#[0-9a-f]{6}$/i.test(look.color)) {
    document.documentElement.style.setProperty('--accent', look.color);
  }
}

// ---------- talking to the host page ----------

function toHost(message: Record<string, unknown>) {
  if (framed) window.parent.postMessage(message, parentOrigin);
}

function waitForInit(): Promise<Init> {
  if (!framed) return Promise.resolve({ hostLang: navigator.language, page: document.referrer });
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => resolve({}), 3000);
    window.addEventListener('message', function onInit(event: MessageEvent) {
      if (event.source !== window.parent || event.data?.type !== 'goftgu:init') return;
      window.removeEventListener('message', onInit);
      window.clearTimeout(timer);
      resolve(event.data as Init);
    });
    toHost({ type: 'goftgu:hello' });
  });
}

window.addEventListener('message', (event: MessageEvent) => {
  if (!framed || event.source !== window.parent) return;
  const m = event.data as { type?: string; identity?: Identity | null; focus?: boolean };
  switch (m?.type) {
    case 'goftgu:open':
      open = true;
      store.update({ open: true });
      unread = 0;
      toHost({ type: 'goftgu:unread', count: 0 });
      markRead();
      if (m.focus) textarea.focus(); // not when the panel reopens by itself after a page load
      break;
    case 'goftgu:closed':
      open = false;
      store.update({ open: false });
      break;
    case 'goftgu:identify':
      setIdentity(m.identity ?? null);
      break;
    case 'goftgu:logout':
      identity = null;
      forget();
      break;
  }
});

closeButton.addEventListener('click', () => toHost({ type: 'goftgu:close' }));
root.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && framed) toHost({ type: 'goftgu:close' });
});

function setIdentity(next: Identity | null) {
  const changed = (next?.externalId ?? null) !== (identity?.externalId ?? null);
  identity = next && typeof next.externalId === 'string' ? next : null;
  // another signed-in person on this browser: the previous visitor's conversation is not theirs
  if (changed && saved && saved.externalId !== (identity?.externalId ?? undefined) && identity) forget();
}

// ---------- state ----------

function forget() {
  realtime?.stop();
  realtime = null;
  store.clear();
  saved = null;
  ticket = null;
  messages = [];
  pending.clear();
  uploads = [];
  showStart();
}

function showError(text: string | null) {
  errorBox.textContent = text ?? '';
  errorBox.hidden = !text;
}

function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 429) return t.errors.rate;
    if (e.status === 413) return t.errors.tooLarge;
    if (e.status === 415) return t.errors.type;
    // support-chat's GuestBlocks: "this visitor is blocked"
    if (e.status === 403 && e.detail?.includes('blocked')) return t.errors.blocked;
    if (e.status === 403 && identity) return t.errors.verify;
    if (e.status >= 500) return t.errors.unavailable;
    if (e.status === 400 && e.detail) return e.detail;
  }
  return t.errors.generic;
}

function showStart() {
  ticket = null;
  contact.hidden = false;
  fileLabel.hidden = true;
  typing.textContent = '';
  ratingBox.hidden = true;
  notice.textContent = '';
  connection.textContent = '';
  textarea.disabled = false;
  sendButton.disabled = false;
  renderLog();
}

// ---------- rendering ----------

function greetingText(): string {
  const custom = look.greeting?.[lang];
  return custom && custom.trim() ? custom : t.greeting;
}

function renderLog() {
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  const nodes: Node[] = [el('p', { className: 'w-greeting' }, greetingText())];
  for (const m of messages) nodes.push(article(m));
  for (const [clientId, p] of pending) {
    if (messages.some((m) => m.clientMessageId === clientId)) continue;
    const a = el('article', { className: 'w-message w-mine w-pending' },
      el('p', { className: 'w-body' }, p.body),
      el('p', { className: 'w-meta' }, p.failed ? t.notSent : t.sending));
    if (p.failed) {
      const retry = el('button', { type: 'button', className: 'w-link' }, t.retry);
      retry.addEventListener('click', () => void send(clientId));
      a.append(retry);
    }
    nodes.push(a);
  }
  log.replaceChildren(...nodes);
  if (atBottom || nodes.length <= 3) log.scrollTop = log.scrollHeight;
}

function article(m: Message): HTMLElement {
  const mine = m.sender.kind === 'GUEST' && m.sender.id === saved?.guestId;
  const who = mine ? t.you : (m.sender.name || t.support);
  const time = el('time', { dateTime: m.createdAt });
  try {
    time.textContent = formatTime(m.createdAt, lang);
  } catch {
    time.textContent = '';
  }
  const a = el('article', { className: `w-message ${mine ? 'w-mine' : 'w-theirs'}` },
    el('p', { className: 'w-meta' }, el('span', { className: 'w-sender' }, who), ' · ', time));
  if (m.body) a.append(el('p', { className: 'w-body' }, m.body));
  if (m.attachments?.length) {
    const list = el('ul', { className: 'w-files' });
    for (const f of m.attachments) {
      const b = el('button', { type: 'button', className: 'w-link' }, `📎 ${f.name}`);
      b.setAttribute('aria-label', t.download(f.name));
      b.addEventListener('click', () => void download(f.id, f.name));
      list.append(el('li', {}, b));
    }
    a.append(list);
  }
  return a;
}

function renderTicketState() {
  if (!ticket) return;
  const status = ticket.status;
  const closed = status === 'CLOSED';
  textarea.disabled = closed;
  sendButton.disabled = closed;
  fileLabel.hidden = closed;
  notice.replaceChildren();
  if (closed) {
    const again = el('button', { type: 'button', className: 'w-secondary' }, t.newConversation);
    again.addEventListener('click', () => {
      store.update({ ticketId: undefined });
      realtime?.stop();
      realtime = null;
      messages = [];
      showStart();
      textarea.focus();
    });
    notice.append(el('p', {}, t.closedNote), again);
  } else if (status === 'RESOLVED') {
    notice.append(el('p', {}, t.resolvedNote));
  }
  renderRating();
}

function renderRating() {
  if (!ticket || (ticket.status !== 'RESOLVED' && ticket.status !== 'CLOSED')) {
    ratingBox.hidden = true;
    ratingBox.replaceChildren();
    return;
  }
  ratingBox.hidden = false;
  if (ticket.rating) {
    ratingBox.replaceChildren(el('p', {}, t.thanks), el('p', { className: 'w-meta' }, t.yourRating(ticket.rating.score)));
    return;
  }
  if (ratingBox.querySelector('form')) return; // keep what the visitor is choosing
  const legend = el('legend', {}, t.rateTitle);
  const stars = el('div', { className: 'w-stars' });
  for (let n = 1; n <= 5; n++) {
    const id = `w-star-${n}`;
    const input = el('input', { type: 'radio', name: 'score', value: String(n), id, required: true });
    input.setAttribute('aria-label', t.stars(n));
    const label = el('label', { htmlFor: id, title: t.stars(n) }, '★');
    label.setAttribute('aria-hidden', 'true');
    stars.append(input, label);
  }
  const comment = el('textarea', { id: 'w-comment', rows: 2, maxLength: 2000 });
  const commentLabel = el('label', { htmlFor: 'w-comment' }, `${t.comment} (${t.optional})`);
  const submit = el('button', { type: 'submit', className: 'w-send' }, t.sendRating);
  const fieldset = el('fieldset', {}, legend, stars);
  const form = el('form', {}, fieldset, commentLabel, comment, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const score = Number((form.querySelector('input[name=score]:checked') as HTMLInputElement | null)?.value);
    if (!score || !ticket || !saved) return;
    submit.disabled = true;
    try {
      await call('POST', `/api/support-chat/${ticket.id}/rating`, saved.token,
        { score, comment: comment.value.trim() || undefined });
      ticket = { ...ticket, rating: { score } };
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) ticket = { ...ticket, rating: { score } };
      else showError(errorText(e));
    }
    submit.disabled = false;
    renderRating();
  });
  ratingBox.replaceChildren(form);
}

function renderChips() {
  chips.replaceChildren(...uploads.map((u) => {
    const remove = el('button', { type: 'button', className: 'w-link' }, '×');
    remove.setAttribute('aria-label', t.removeAttachment(u.name));
    remove.addEventListener('click', () => {
      uploads = uploads.filter((x) => x.id !== u.id);
      renderChips();
    });
    return el('li', {}, u.name, ' ', remove);
  }));
}

// ---------- conversation ----------

function upsert(m: Message) {
  if (m.internal) return; // never shown to a visitor (support chat never sends them; belt and braces)
  const i = messages.findIndex((x) => x.id === m.id);
  if (i >= 0) messages[i] = m;
  else {
    messages.push(m);
    messages.sort((a, b) => a.seq - b.seq);
  }
  if (m.clientMessageId) pending.delete(m.clientMessageId);
}

/** A merged conversation continues in its target: show that one instead, if this guest may see it. */
async function follow(targetId: string): Promise<boolean> {
  if (!saved) return false;
  try {
    await call<Ticket>('GET', `/api/support-chat/${targetId}`, saved.token);
  } catch {
    return false; // gone meanwhile: stay on the closed one
  }
  realtime?.stop();
  realtime = null;
  store.update({ ticketId: targetId });
  await loadTicket(targetId);
  return true;
}

async function loadTicket(ticketId: string) {
  if (!saved) return;
  try {
    ticket = await call<Ticket>('GET', `/api/support-chat/${ticketId}`, saved.token);
    if (ticket.mergedInto?.id && await follow(ticket.mergedInto.id)) return;
    const page = await call<Message[]>('GET', `/api/support-chat/${ticketId}/messages?limit=100`, saved.token);
    messages = [];
    page.forEach(upsert);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 404)) {
      if (e.status === 401) forget();
      else {
        store.update({ ticketId: undefined });
        showStart();
      }
      return;
    }
    showError(errorText(e));
    return;
  }
  contact.hidden = true;
  fileLabel.hidden = false;
  renderLog();
  renderTicketState();
  connect();
  markRead();
}

async function catchUp() {
  if (!saved || !ticket) return;
  const after = messages.length ? messages[messages.length - 1].seq : 0;
  try {
    const page = await call<Message[]>('GET', `/api/support-chat/${ticket.id}/messages?after=${after}&limit=100`, saved.token);
    page.forEach(upsert);
    applyTicket(await call<Ticket>('GET', `/api/support-chat/${ticket.id}`, saved.token));
    renderLog();
    renderTicketState();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) forget();
  }
}

/**
 * A fresher view of the ticket replaces the one shown; an older one (a GET answered after a frame that was newer,
 * e.g. the catch-up racing a status change) is ignored.
 */
function applyTicket(next: Ticket) {
  if (!ticket || ticket.id !== next.id) return;
  const shown = ticket.updatedAt ? Date.parse(ticket.updatedAt) : NaN;
  const incoming = next.updatedAt ? Date.parse(next.updatedAt) : NaN;
  if (!Number.isNaN(shown) && !Number.isNaN(incoming) && incoming < shown) return;
  ticket = next;
}

function connect() {
  if (!saved || !ticket || realtime) return;
  const token = saved.token;
  const ticketId = ticket.id;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  realtime = new RealtimeClient({
    url,
    // a browser cannot set headers on a WebSocket: the token rides in the subprotocol (realtime-service/README.md)
    createSocket: (u) => new WebSocket(u, ['goftgu',
      encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)]) as unknown as SocketLike,
    refresh: async () => {
      try {
        await call('GET', `/api/support-chat/${ticketId}`, token);
        return true;
      } catch (e) {
        return !(e instanceof ApiError && e.status === 401);
      }
    },
    onSessionLost: () => forget(),
    onOpen: () => {
      realtime?.send({ type: 'support-chat:join', ticketId });
      connection.textContent = '';
      // on every open, the first too: what arrived between the first page and this socket is fetched once
      void catchUp();
    },
    // the server could not deliver every frame: fetch what came by seq, as after a reconnect
    onResync: () => void catchUp(),
    onStateChange: (state) => {
      connection.textContent = state === 'waiting' ? t.offline : '';
    },
    onFrame: onFrame,
  });
  realtime.start();
}

function onFrame(frame: ServerFrame) {
  if (!ticket || frame.ticketId !== ticket.id) return;
  const data = frame.data as Record<string, unknown> | undefined;
  switch (frame.type) {
    case 'support-chat:message': {
      if (!data || typeof data.id !== 'string' || data.internal === true || typeof data.body === 'undefined') return;
      const m = data as unknown as Message;
      const last = messages.length ? messages[messages.length - 1].seq : 0;
      upsert(m);
      const mine = m.sender?.kind === 'GUEST' && m.sender.id === saved?.guestId;
      if (!mine) {
        typing.textContent = '';
        if (!open) {
          unread++;
          toHost({ type: 'goftgu:unread', count: unread });
        } else {
          markRead();
        }
      }
      renderLog();
      if (m.seq > last + 1) void catchUp(); // a gap: fetch what was missed
      break;
    }
    case 'support-chat:ticket-update':
      if (data && typeof data.status === 'string') {
        applyTicket({ ...ticket, ...(data as unknown as Ticket) });
        renderTicketState();
        const into = (data as unknown as Ticket).mergedInto;
        if (into?.id && ticket && ticket.id !== into.id && data.id === ticket.id) void follow(into.id);
      }
      break;
    case 'support-chat:typing': {
      if (!data || data.userId === saved?.guestId) return;
      window.clearTimeout(typingTimer);
      if (data.isTyping) {
        const who = ticket.assignee?.id === data.userId && ticket.assignee?.name ? ticket.assignee.name : t.support;
        typing.textContent = t.typing(who);
        typingTimer = window.setTimeout(() => { typing.textContent = ''; }, 8000);
      } else {
        typing.textContent = '';
      }
      break;
    }
  }
}

function markRead() {
  if (!open || !saved || !ticket || !messages.length) return;
  const seq = messages[messages.length - 1].seq;
  void call('POST', `/api/support-chat/${ticket.id}/read`, saved.token, { seq }).catch(() => undefined);
}

function sendTyping(isTyping: boolean) {
  if (!realtime || !ticket) return;
  realtime.send({ type: 'support-chat:typing', ticketId: ticket.id, isTyping });
}

textarea.addEventListener('input', () => {
  if (!ticket) return;
  const now = Date.now();
  if (now > myTypingUntil) {
    sendTyping(true);
    myTypingUntil = now + 3000;
  }
  window.clearTimeout(myTypingStop);
  myTypingStop = window.setTimeout(() => {
    myTypingUntil = 0;
    sendTyping(false);
  }, 4000);
});

textarea.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const body = textarea.value.trim();
  if (!body && !uploads.length) return;
  showError(null);
  if (!ticket) {
    void start(body);
    return;
  }
  const clientId = crypto.randomUUID();
  pending.set(clientId, { body, attachmentIds: uploads.map((u) => u.id), failed: false });
  textarea.value = '';
  uploads = [];
  renderChips();
  window.clearTimeout(myTypingStop);
  myTypingUntil = 0;
  sendTyping(false);
  renderLog();
  void send(clientId);
});

async function send(clientId: string) {
  const p = pending.get(clientId);
  if (!p || !ticket || !saved) return;
  p.failed = false;
  renderLog();
  try {
    const m = await call<Message>('POST', `/api/support-chat/${ticket.id}/messages`, saved.token,
      { body: p.body, clientMessageId: clientId, attachmentIds: p.attachmentIds.length ? p.attachmentIds : undefined });
    upsert(m);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      forget();
      return;
    }
    p.failed = true;
    showError(errorText(e));
  }
  renderLog();
}

async function start(message: string) {
  sendButton.disabled = true;
  connection.textContent = t.starting;
  const utm: Record<string, string> = {};
  try {
    const page = new URL(init.page ?? '');
    for (const k of ['source', 'medium', 'campaign', 'term', 'content']) {
      const v = page.searchParams.get(`utm_${k}`);
      if (v) utm[k] = v.slice(0, 200);
    }
  } catch {
    /* no host page address */
  }
  const firstLine = message.split('\n')[0].trim();
  const subject = firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
  try {
    const started = await call<Started>('POST', `/api/support-chat/public/${encodeURIComponent(slug)}/start`,
      saved?.token ?? null, {
        subject: subject || t.title,
        message,
        name: nameInput.value.trim() || identity?.name || undefined,
        email: emailInput.value.trim() || identity?.email || undefined,
        externalId: identity?.externalId || undefined,
        identifierHash: identity?.identifierHash || undefined,
        referrer: init.page ? init.page.slice(0, 2000) : undefined,
        utm: Object.keys(utm).length ? utm : undefined,
      });
    saved = {
      token: started.guestToken,
      expiresAt: Date.now() + started.expiresIn * 1000,
      guestId: started.guestId,
      ticketId: started.ticket.id,
      externalId: identity?.externalId,
      open,
    };
    store.save(saved);
    textarea.value = '';
    connection.textContent = '';
    await loadTicket(started.ticket.id);
  } catch (e) {
    connection.textContent = '';
    showError(errorText(e));
  } finally {
    sendButton.disabled = false;
  }
}

fileInput.addEventListener('change', async () => {
  const files = Array.from(fileInput.files ?? []).slice(0, 5);
  fileInput.value = '';
  if (!ticket || !saved) return;
  for (const file of files) {
    const progress = el('li', {}, el('span', {}, t.uploading(file.name)));
    const bar = el('progress', {});
    bar.setAttribute('aria-label', t.uploading(file.name));
    progress.append(bar);
    chips.append(progress);
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('ticketId', ticket.id);
    try {
      const a = await call<{ id: string; name: string }>('POST', '/api/support-chat/attachments', saved.token, form);
      uploads.push({ id: a.id, name: a.name });
      showError(null);
    } catch (e) {
      showError(errorText(e));
    }
    renderChips();
  }
});

async function download(id: string, name: string) {
  if (!saved) return;
  try {
    const response = await fetch(`/api/support-chat/attachments/${id}`, {
      headers: { Authorization: `Bearer ${saved.token}` }, credentials: 'omit',
    });
    if (!response.ok) throw new ApiError(response.status);
    const url = URL.createObjectURL(await response.blob());
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    showError(errorText(e));
  }
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') realtime?.wake();
});
window.addEventListener('online', () => realtime?.wake());

// ---------- boot ----------

async function boot() {
  showError(null);
  init = await waitForInit();
  identity = init.identity && typeof init.identity.externalId === 'string' ? init.identity : null;
  try {
    look = await call<WidgetLook>('GET', `/api/support-chat/public/${encodeURIComponent(slug)}/widget`, null);
  } catch {
    look = {};
  }
  lang = chooseLang(init.lang, look.language, init.hostLang);
  applyLanguage();
  saved = store.load();
  if (saved && identity && saved.externalId !== identity.externalId) {
    store.clear();
    saved = null;
  }
  showStart();
  if (saved?.ticketId) await loadTicket(saved.ticketId);
  toHost({ type: 'goftgu:ready', lang, color: look.color ?? null, open: saved?.open === true });
  if (!framed) textarea.focus();
}

void boot();
