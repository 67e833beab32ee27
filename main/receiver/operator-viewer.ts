// The operator page's read-only package viewer (served as /operator-view.js beside operator.js):
// "Xem" opens a kept package as the app's package viewer shows it — the receiver's record (status,
// receipt, audit head, decision), the signer and trust verdict, the totals and criteria with their
// scores and explanations, each evidence document downloadable — from GET /v1/packages/<sha>/view,
// which verifies the stored zip again. Text is written with textContent only (strict CSP, no HTML
// from data). Scores use the app's number format (decimal comma); times come formatted.

export const VIEW_CSS = `#viewer .facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.3rem 0}
#viewer .facts dt{color:var(--muted)}#viewer .facts dd{margin:0}
.trust{border-left:4px solid var(--line);padding:.5rem .8rem;margin:.5rem 0;border-radius:4px}
.trust-known{border-color:var(--ok-ink);background:var(--ok-bg)}.trust-unknown{border-color:var(--warn-ink);background:var(--warn-bg)}
.trust-invalid{border-color:var(--err-ink);background:var(--err-bg)}.trust strong{display:block}
details.area{border-top:1px solid var(--line);padding:.3rem 0}details.area summary{cursor:pointer;font-weight:600}
.crit{padding:.5rem 0 .5rem 1rem;border-top:1px dashed var(--line)}.crit-head{display:flex;gap:.8rem;align-items:baseline;flex-wrap:wrap}
.code{font-weight:600;white-space:nowrap}.score{margin-left:auto;font-weight:600;white-space:nowrap}.num{text-align:right;white-space:nowrap}
.pre{white-space:pre-wrap}table.small{font-size:.9rem}#viewer td button{white-space:nowrap}.viewer-head{display:flex;justify-content:space-between;align-items:center;gap:1rem}`;

export const VIEW_JS = `'use strict';
(function () {
  var L = JSON.parse(document.getElementById('labels').textContent);
  var V = L.view, P = L.pv;
  var $ = function (id) { return document.getElementById(id); };
  /** Fills a catalogue template ('{0}/{1} điểm'); the page gets message functions as such templates. */
  function f(tpl) { var a = arguments; return tpl.replace(/\\{(\\d)\\}/g, function (_, i) { return String(a[+i + 1]); }); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  var pf = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: false });
  function pts(n) { return pf.format(Math.round(n * 100) / 100); }
  function size(n) { return n >= 1048576 ? pts(n / 1048576) + ' MB' : pts(Math.max(1, Math.round(n / 1024))) + ' KB'; }
  function isoDate(s) { var m = /^(\\d{4})-(\\d{2})-(\\d{2})$/.exec(s || ''); return m ? m[3] + '/' + m[2] + '/' + m[1] : (s || ''); }
  function token() { return sessionStorage.getItem('kc-operator-token') || ''; }
  function facts(pairs) {
    var dl = el('dl', 'facts');
    pairs.forEach(function (p) { if (p[1] == null || p[1] === '') return; dl.appendChild(el('dt', null, p[0])); var dd = el('dd', p[2] || null); if (typeof p[1] === 'string') dd.textContent = p[1]; else dd.appendChild(p[1]); dl.appendChild(dd); });
    return dl;
  }
  function download(sha, path, name) {
    var b = el('button', null, V.download); b.type = 'button'; b.setAttribute('aria-label', f(V.downloadNamed, name));
    b.addEventListener('click', function () {
      fetch('/v1/packages/' + sha + '/file?path=' + encodeURIComponent(path), { headers: { authorization: 'Bearer ' + token() } }).then(function (r) {
        if (!r.ok) return r.json().then(function (j) { throw new Error(j.message || String(r.status)); });
        return r.blob();
      }).then(function (blob) {
        var a = el('a'); a.href = URL.createObjectURL(blob); a.download = name;
        document.body.appendChild(a); a.click(); a.remove(); setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      }).catch(function (e) { var box = $('viewer-error'); box.textContent = e.message; box.hidden = false; });
    });
    return b;
  }
  function evidenceTable(sha, list) {
    if (!list.length) return el('p', 'muted', P.noEvidence);
    var t = el('table', 'small'); t.setAttribute('aria-label', P.evidence);
    var h = el('tr'); [P.evidence, P.docNumber, P.docDate, P.summary, P.size, '', ''].forEach(function (x) { h.appendChild(el('th', null, x)); });
    var head = el('thead'); head.appendChild(h); t.appendChild(head);
    var body = el('tbody');
    list.forEach(function (e) {
      var tr = el('tr');
      tr.appendChild(el('td', 'mono', e.fileName)); tr.appendChild(el('td', null, e.docNumber || '')); tr.appendChild(el('td', null, isoDate(e.docDate)));
      tr.appendChild(el('td', null, e.summary || '')); tr.appendChild(el('td', 'num', size(e.size)));
      var kind = el('td'); kind.appendChild(el('span', 'badge ' + (e.mediaType !== 'application/pdf' ? 's-none' : e.pdfSigned ? 's-accepted' : 's-quarantined'), e.mediaType !== 'application/pdf' ? P.image : e.pdfSigned ? P.signedPdf : P.unsignedPdf)); tr.appendChild(kind);
      var act = el('td'); act.appendChild(e.inPackage ? download(sha, e.path, e.fileName) : el('span', 'badge s-rejected', P.notInPackage)); tr.appendChild(act);
      body.appendChild(tr);
    });
    t.appendChild(body); return t;
  }
  function scoreText(c) {
    if (c.item && c.item.notApplicable) return P.notApplicable;
    if (c.item && c.item.points !== null) return pts(c.item.points);
    if (!c.isLeaf && c.total) return pts(c.total.points);
    return '—';
  }
  function criterion(sha, c) {
    var box = el('div', 'crit'); box.setAttribute('role', 'group'); box.setAttribute('aria-label', c.code + ' ' + c.title);
    var head = el('div', 'crit-head');
    head.appendChild(el('span', 'code', c.code)); head.appendChild(el('span', null, c.title));
    if (c.maxPoints !== null) head.appendChild(el('span', 'muted', f(P.maxOnly, pts(c.maxPoints))));
    var score = el('span', 'score', scoreText(c)); score.dataset.testid = 'score-' + c.code; head.appendChild(score);
    if (c.item) head.appendChild(el('span', 'badge s-none', c.item.statusLabel));
    box.appendChild(head);
    var it = c.item;
    if (it) {
      box.appendChild(facts([[P.naReason, it.notApplicable ? it.naReason || '' : null], [P.explanation, it.explanation || '—', 'pre'], [P.reviewComment, it.reviewComment, 'pre'], [P.assignee, it.assignee]]));
      box.appendChild(evidenceTable(sha, it.evidence));
    }
    return box;
  }
  function criteria(sha, list) {
    var sec = el('div', 'panel'); sec.appendChild(el('h2', null, P.criteria));
    var area = null;
    list.forEach(function (c) {
      if (c.depth === 0) {
        area = el('details', 'area'); var s = el('summary');
        s.textContent = c.code + ' ' + c.title + ' — ' + (c.total ? f(P.points, pts(c.total.points), pts(c.total.applicableMax)) : c.maxPoints !== null ? f(P.maxOnly, pts(c.maxPoints)) : '');
        area.appendChild(s); sec.appendChild(area);
        if (c.item) area.appendChild(criterion(sha, c));
      } else if (area) area.appendChild(criterion(sha, c));
    });
    return sec;
  }
  function exam(x) {
    var sec = el('div', 'panel'); sec.appendChild(el('h2', null, P.round + ': ' + x.round.name));
    sec.appendChild(facts([[P.office, x.office], [P.examDate, isoDate(x.round.examDate)], [P.venue, x.round.venue]]));
    var t = el('table', 'small'); var h = el('tr');
    [V.person, V.position, V.commune, f(P.step, 1), f(P.step, 2), f(P.step, 3), f(P.step, 4), V.result].forEach(function (s) { h.appendChild(el('th', null, s)); });
    var th = el('thead'); th.appendChild(h); t.appendChild(th); var tb = el('tbody');
    x.people.forEach(function (p) {
      var tr = el('tr'); tr.appendChild(el('td', null, p.fullName)); tr.appendChild(el('td', null, p.positionTitle || '')); tr.appendChild(el('td', null, p.commune));
      [1, 2, 3, 4].forEach(function (n) { var st = p.steps.filter(function (s) { return s.step === n; })[0]; tr.appendChild(el('td', null, !st || !st.result ? '—' : st.result === 'dat' ? V.passed : V.failed)); });
      tr.appendChild(el('td', null, p.passed === null ? V.pending : p.passed ? V.passed : V.failed)); tb.appendChild(tr);
    });
    t.appendChild(tb); sec.appendChild(el('h3', null, P.byPerson)); sec.appendChild(t);
    var c = el('table', 'small'); var ch = el('tr'); [V.commune, V.people, V.passed, V.failed, V.pending].forEach(function (s) { ch.appendChild(el('th', null, s)); });
    var cth = el('thead'); cth.appendChild(ch); c.appendChild(cth); var cb = el('tbody');
    x.communes.forEach(function (r) { var tr = el('tr'); [r.commune, r.people, r.passed, r.failed, r.pending].forEach(function (v, i) { tr.appendChild(el('td', i ? 'num' : null, String(v))); }); cb.appendChild(tr); });
    c.appendChild(cb); sec.appendChild(el('h3', null, P.byCommune)); sec.appendChild(c);
    return sec;
  }
  function render(d) {
    var box = $('viewer-body'); box.textContent = '';
    var p = d.package, v = d.view, tr = v.trust;
    var rec = el('div', 'panel'); rec.appendChild(el('h2', null, V.record));
    var st = el('span', 'badge s-' + p.status, L.status[p.status]);
    var head = d.receipt ? d.receipt.receipt.auditHead : null;
    rec.appendChild(facts([[V.status, st], [L.kinds.title, p.kind ? L.kinds.labels[p.kind] || p.kind : null], [P.office, p.office], [V.receivedAt, d.receivedAtText], [V.sender, p.senderOffice], [V.receipt, p.receiptId || V.noReceipt],
      [V.auditHead, head ? f(V.auditHeadText, head.seq, head.hash) : null], [V.sha256, p.sha256, 'mono'],
      [V.decision, p.decidedBy ? f(V.decisionText, p.decidedBy, d.decidedAtText || '', p.decisionReason || '') : null]]));
    if (p.reasons.length) { rec.appendChild(el('h3', null, V.reasons)); var ul = el('ul'); p.reasons.forEach(function (r) { ul.appendChild(el('li', null, r.message)); }); rec.appendChild(ul); }
    box.appendChild(rec);
    var trust = el('div', 'panel trust trust-' + tr.level); trust.setAttribute('role', 'status');
    trust.appendChild(el('strong', null, tr.title));
    tr.notes.forEach(function (n) { trust.appendChild(el('p', null, n)); });
    trust.appendChild(facts([[V.signer, tr.signer], [V.fingerprint, tr.fingerprintGroups.join(' '), 'mono'], [V.signedAt, d.signingTimeText]]));
    v.problems.forEach(function (x) { trust.appendChild(el('p', 'error', x.message)); });
    box.appendChild(trust);
    if (v.contentError) box.appendChild(el('p', 'error', V.contentError));
    var c = v.content;
    if (c) {
      var sum = el('div', 'panel'); sum.appendChild(el('h2', null, V.summary));
      sum.appendChild(facts([[P.office, c.office], [V.year, String(c.year)], [V.criteriaSet, c.criteriaSet], [V.totalPoints, f(P.points, pts(c.points), pts(c.applicableMax))],
        [V.percent, c.percent === null ? null : pts(c.percent) + ' %'], [V.band, c.band], [V.evidenceCount, String(c.evidence)]]));
      box.appendChild(sum);
      box.appendChild(criteria(p.sha256, c.criteria));
    }
    if (v.exam) box.appendChild(exam(v.exam));
    if (v.documents.length) {
      var docs = el('div', 'panel'); docs.appendChild(el('h2', null, P.documents)); var dl = el('ul');
      v.documents.forEach(function (f) { var name = f.path.split('/').pop(); var li = el('li', null, name + ' (' + size(f.size) + ') '); li.appendChild(download(p.sha256, f.path, name)); dl.appendChild(li); });
      docs.appendChild(dl); box.appendChild(docs);
    }
  }
  window.kcOpenPackage = function (sha) {
    $('board').hidden = true; $('viewer').hidden = false; $('viewer-error').hidden = true;
    $('viewer-body').textContent = ''; $('viewer-body').appendChild(el('p', 'muted', V.checking));
    window.scrollTo(0, 0);
    fetch('/v1/packages/' + sha + '/view', { headers: { authorization: 'Bearer ' + token() } })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.message || V.loadFailed); return j; }); })
      .then(render, function (e) { $('viewer-body').textContent = ''; var box = $('viewer-error'); box.textContent = e.message || V.loadFailed; box.hidden = false; });
  };
  $('viewer-back').addEventListener('click', function () { $('viewer').hidden = true; $('board').hidden = false; });
})();
`;
