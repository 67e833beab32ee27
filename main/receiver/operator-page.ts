// The province operator's page, served by the receiver at `/`: log in with an operator token
// (`kiemchung receiver operator-token`), see every enrolled office with this year's status —
// chưa gửi / đã nhận / cách ly / bị từ chối — and accept or reject quarantined packages with a
// reason; "Xem" opens an accepted or quarantined package read-only (operator-viewer.ts). Each
// package is named by its kind in words (self-assessment, exam results, inspection report,
// training results — vi.packageKinds), never by the kind's English key. Plain
// HTML, two external scripts and one stylesheet, so a strict CSP holds (no inline
// script or style); the script talks only to the /v1 JSON API with the token as a Bearer header
// and writes text with textContent, never HTML. Labels come from the catalogue as a JSON data
// block.
import { type ServerResponse } from 'node:http';
import { vi } from '../../shared/i18n/vi';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { viReceiverView } from '../../shared/i18n/vi/receiver-view';
import { sendText } from './http';
import { VIEW_CSS, VIEW_JS } from './operator-viewer';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Catalogue sections for the page's JSON labels: a message function becomes its template ('{0}/{1} điểm'). */
const templated = (section: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(section).map(([k, v]) => [k, typeof v === 'function' ? String((v as (...a: string[]) => unknown)('{0}', '{1}', '{2}')) : v]),
  );

function html(): string {
  const p = t.page;
  const kinds = { title: vi.packageKinds.title, labels: vi.packageKinds.labels };
  const labels = JSON.stringify({ page: p, status: t.officeStatus, view: templated(viReceiverView), pv: templated(vi.packageViewer), kinds }).replace(
    /</g,
    '\\u003c',
  );
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<link rel="stylesheet" href="/operator.css">
<script type="application/json" id="labels">${labels}</script>
<script src="/operator-view.js" defer></script>
<script src="/operator.js" defer></script>
</head>
<body>
<header><h1>${esc(p.title)}</h1><button id="logout" type="button" hidden>${esc(p.logout)}</button></header>
<main>
<section id="login" class="panel">
  <h2>${esc(p.loginTitle)}</h2>
  <form id="login-form">
    <label for="token">${esc(p.tokenLabel)}</label>
    <input id="token" type="password" autocomplete="off" required>
    <button type="submit">${esc(p.login)}</button>
    <p id="login-error" class="error" role="alert" hidden>${esc(p.loginFailed)}</p>
  </form>
</section>
<section id="board" hidden>
  <div class="panel">
    <h2 id="offices-title"></h2>
    <table><thead><tr><th>${esc(p.colOffice)}</th><th>${esc(p.colStatus)}</th><th>${esc(p.colReceived)}</th><th>${esc(p.colSigner)}</th><th>${esc(p.colEnrolled)}</th><th></th><th>${esc(p.colOthers)}</th></tr></thead>
    <tbody id="offices"></tbody></table>
    <p id="no-offices" class="muted" hidden>${esc(p.noOffices)}</p>
  </div>
  <div class="panel">
    <h2>${esc(p.quarantineTitle)}</h2>
    <div id="quarantine"></div>
    <p id="no-quarantine" class="muted" hidden>${esc(p.noQuarantine)}</p>
  </div>
  <p id="error" class="error" role="alert" hidden>${esc(p.error)}</p>
</section>
<section id="viewer" hidden aria-labelledby="viewer-title">
  <div class="viewer-head"><h2 id="viewer-title">${esc(viReceiverView.title)}</h2><button id="viewer-back" type="button">${esc(viReceiverView.back)}</button></div>
  <p class="muted">${esc(viReceiverView.readOnly)}</p>
  <p id="viewer-error" class="error" role="alert" hidden></p>
  <div id="viewer-body"></div>
</section>
</main>
</body>
</html>
`;
}

const CSS = `:root{--bg:#f4f6f8;--panel:#fff;--ink:#1b2733;--muted:#5b6b7a;--line:#d8dee4;--brand:#a3161a;--accent:#0b5cad;
--ok-bg:#e7f5ec;--ok-ink:#1d6b3a;--err-bg:#fdecec;--err-ink:#a11a1a;--warn-bg:#fff6e0;--warn-ink:#7a5300}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{display:flex;justify-content:space-between;align-items:center;background:var(--brand);color:#fff;padding:.6rem 1.2rem}
header h1{font-size:1.15rem;margin:0}main{max-width:1100px;margin:1rem auto;padding:0 1rem}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:1rem 1.2rem;margin-bottom:1rem}
h2{font-size:1.05rem;margin:.2rem 0 .8rem}table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
label{display:block;margin-bottom:.3rem}textarea{display:block;margin-top:.5rem}td button{margin:0}input,textarea{font:inherit;padding:.35rem .5rem;border:1px solid var(--line);border-radius:4px;width:100%;max-width:32rem}
button{font:inherit;padding:.35rem .9rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;margin:.4rem .4rem 0 0}
button.reject{background:#fff;color:var(--err-ink);border-color:var(--err-ink)}header button{background:transparent;border-color:#fff}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.85rem;white-space:nowrap}
.s-accepted{background:var(--ok-bg);color:var(--ok-ink)}.s-quarantined{background:var(--warn-bg);color:var(--warn-ink)}
.s-rejected{background:var(--err-bg);color:var(--err-ink)}.s-none{background:#eceff2;color:var(--muted)}
.muted{color:var(--muted)}.error{color:var(--err-ink)}.mono{font-family:ui-monospace,monospace;font-size:.82rem;word-break:break-all}
.other{margin-bottom:.3rem}.other button{padding:.1rem .5rem;font-size:.85rem}.item{border-top:1px solid var(--line);padding:.8rem 0}.item:first-child{border-top:0}ul{margin:.3rem 0;padding-left:1.2rem}`;

const JS = `'use strict';
(function () {
  var L = JSON.parse(document.getElementById('labels').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var token = sessionStorage.getItem('kc-operator-token');
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function when(ms) { return ms ? new Date(ms).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hourCycle: 'h23', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—'; }
  function call(method, path, body) {
    return fetch(path, { method: method, headers: Object.assign({ authorization: 'Bearer ' + token }, body ? { 'content-type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, json: j }; }); });
  }
  function badge(status) { return el('span', 'badge s-' + status, L.status[status]); }
  function kindOf(k) { return k ? L.kinds.labels[k] || k : '—'; }
  function show(loggedIn) { $('login').hidden = loggedIn; $('board').hidden = !loggedIn; $('logout').hidden = !loggedIn; }
  function renderOffices(data) {
    $('offices-title').textContent = L.page.officesTitle.replace('{year}', String(data.year));
    var body = $('offices'); body.textContent = '';
    data.offices.forEach(function (o) {
      var tr = el('tr'); tr.dataset.office = o.office;
      tr.appendChild(el('td', null, o.office));
      var td = el('td'); td.appendChild(badge(o.status)); tr.appendChild(td);
      tr.appendChild(el('td', null, o.latest ? when(o.latest.receivedAt) : '—'));
      tr.appendChild(el('td', null, o.latest && o.latest.signerHolder ? o.latest.signerHolder : '—'));
      tr.appendChild(el('td', o.enrolledAt ? null : 'muted', o.enrolledAt ? when(o.enrolledAt) : L.page.notEnrolled));
      var act = el('td');
      if (o.latest && (o.status === 'accepted' || o.status === 'quarantined')) act.appendChild(viewButton(o.latest));
      if (o.latest && o.status === 'accepted') act.appendChild(downloadButton(o.latest));
      tr.appendChild(act);
      // The other kinds the office sent this year (exam results, inspection report, training results).
      var others = el('td');
      if (!o.others.length) others.appendChild(el('span', 'muted', '—'));
      o.others.forEach(function (p) {
        var line = el('div', 'other'); line.dataset.kind = p.kind;
        line.appendChild(badge(p.status)); line.appendChild(document.createTextNode(' ' + kindOf(p.kind) + ' — ' + when(p.receivedAt) + ' '));
        if (p.status === 'accepted' || p.status === 'quarantined') line.appendChild(viewButton(p));
        if (p.status === 'accepted') line.appendChild(downloadButton(p));
        others.appendChild(line);
      });
      tr.appendChild(others);
      body.appendChild(tr);
    });
    $('no-offices').hidden = data.offices.length > 0;
  }
  function viewButton(p) {
    var b = el('button', null, L.view.view); b.type = 'button'; b.setAttribute('aria-label', L.view.viewNamed.replace('{0}', p.office));
    b.addEventListener('click', function () { window.kcOpenPackage(p.sha256); });
    return b;
  }
  function downloadButton(p) {
    var b = el('button', null, L.page.download); b.type = 'button';
    b.addEventListener('click', function () {
      fetch('/v1/packages/' + p.sha256 + '/file', { headers: { authorization: 'Bearer ' + token } }).then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.blob();
      }).then(function (blob) {
        var a = el('a'); a.href = URL.createObjectURL(blob); a.download = p.sha256 + '.zip';
        document.body.appendChild(a); a.click(); a.remove(); setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      }, fail);
    });
    return b;
  }
  function renderQuarantine(list) {
    var box = $('quarantine'); box.textContent = '';
    list.forEach(function (p) {
      var item = el('div', 'item'); item.dataset.sha256 = p.sha256;
      var h = el('div'); h.appendChild(badge(p.status)); h.appendChild(document.createTextNode(' ' + p.office + ' — ' + kindOf(p.kind) + ' — ' + when(p.receivedAt))); item.appendChild(h);
      item.appendChild(el('div', 'mono', 'SHA-256 ' + p.sha256));
      if (p.signerFingerprint) item.appendChild(el('div', 'mono', (p.signerHolder || '') + ' · ' + p.signerFingerprint));
      var ul = el('ul'); p.reasons.forEach(function (r) { ul.appendChild(el('li', null, r.message)); }); item.appendChild(ul);
      item.appendChild(viewButton(p));
      item.appendChild(downloadButton(p));
      var reason = el('textarea'); reason.rows = 2; reason.placeholder = L.page.reasonPlaceholder; item.appendChild(reason);
      [[true, L.page.accept, ''], [false, L.page.reject, 'reject']].forEach(function (d) {
        var b = el('button', d[2], d[1]); b.type = 'button';
        b.addEventListener('click', function () {
          if (!reason.value.trim()) { reason.focus(); return; }
          call('POST', '/v1/packages/' + p.sha256 + '/decision', { accept: d[0], reason: reason.value.trim() }).then(load, fail);
        });
        item.appendChild(b);
      });
      box.appendChild(item);
    });
    $('no-quarantine').hidden = list.length > 0;
  }
  function fail() { $('error').hidden = false; }
  function load() {
    $('error').hidden = true;
    return Promise.all([call('GET', '/v1/offices'), call('GET', '/v1/packages?status=quarantined')]).then(function (r) {
      if (r[0].status === 401) { sessionStorage.removeItem('kc-operator-token'); token = null; show(false); $('login-error').hidden = false; return; }
      if (r[0].status !== 200 || r[1].status !== 200) return fail();
      show(true); renderOffices(r[0].json); renderQuarantine(r[1].json.packages);
    }, fail);
  }
  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault(); token = $('token').value.trim(); sessionStorage.setItem('kc-operator-token', token); $('login-error').hidden = true; load();
  });
  $('logout').addEventListener('click', function () { sessionStorage.removeItem('kc-operator-token'); token = null; $('viewer').hidden = true; show(false); });
  if (token) load(); else show(false);
})();
`;

/** Serves the page and its two assets; false for any other path. */
export function servePage(pathname: string, res: ServerResponse): boolean {
  const headers = { 'content-security-policy': CSP, 'x-frame-options': 'DENY' };
  if (pathname === '/' || pathname === '/index.html') sendText(res, 200, 'text/html; charset=utf-8', html(), headers);
  else if (pathname === '/operator.js') sendText(res, 200, 'text/javascript; charset=utf-8', JS, headers);
  else if (pathname === '/operator-view.js') sendText(res, 200, 'text/javascript; charset=utf-8', VIEW_JS, headers);
  else if (pathname === '/operator.css') sendText(res, 200, 'text/css; charset=utf-8', `${CSS}\n${VIEW_CSS}`, headers);
  else if (pathname === '/favicon.ico') {
    res.writeHead(204, headers);
    res.end();
  } else return false;
  return true;
}
