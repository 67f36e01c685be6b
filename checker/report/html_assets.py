"""The style sheet and script of the HTML report, as strings: the page must stand alone (no CDN, no file beside it).

The script only moves nodes the report already holds (it clones a finding's
card into the pop-up and toggles classes), never builds HTML from strings,
so nothing from the article can become markup on the way. Both are hashed
into the page's Content-Security-Policy (`csp()`), so a script that somehow
reached the page would still not run: defence behind the escaping, not
instead of it.
"""
from __future__ import annotations

import base64
import hashlib

CSS = """
:root{--error:#b3261e;--error-bg:#fde4e2;--warning:#8a5a00;--warning-bg:#fff0c2;--info:#1f5fbf;--info-bg:#e3edff;
--rel:#16704a;--rel-bg:#d8f3e6;--ink:#1d1f23;--muted:#5f6670;--line:#d9dce1;--paper:#fff;--desk:#f4f5f7}
*{box-sizing:border-box}
body{margin:0;background:var(--desk);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"DejaVu Sans",sans-serif}
#page{display:flex;flex-direction:column;gap:1rem;max-width:78rem;margin:0 auto;padding:1.25rem}
#masthead{order:-2;display:flex;align-items:baseline;gap:.75rem}
#masthead h1{margin:0;font-size:1.35rem}
#masthead .tool{color:var(--muted);font-size:.85rem}
#summary{order:-1}
.panel{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem}
.panel h2{margin:0 0 .5rem;font-size:1.05rem}
.verdict{margin:.25rem 0 .75rem;font-size:1rem}
.chips{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;margin:0;padding:0;list-style:none}
.chip{border-radius:999px;padding:.1rem .65rem;font-size:.85rem;line-height:1.4;font-weight:600;white-space:nowrap;
border:1px solid transparent}
.chip.error{background:var(--error-bg);color:var(--error);border-color:var(--error)}
.chip.warning{background:var(--warning-bg);color:var(--warning);border-color:var(--warning)}
.chip.info{background:var(--info-bg);color:var(--info);border-color:var(--info)}
.chip.notice-count{background:#eee;color:#333;border-color:#999}
.tables{display:flex;flex-wrap:wrap;align-items:flex-start;gap:1.5rem;margin-top:.75rem}
table{border-collapse:collapse;font-size:.88rem}
th,td{text-align:left;padding:.2rem .6rem;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.quiet{color:var(--muted);font-size:.88rem}
.file{scroll-margin-top:1rem}
.file>h2{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline;margin:0 0 .75rem;font-size:1.05rem}
.file>h2 .path{font-family:ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all}
.notices{margin:0 0 .75rem;padding:0;list-style:none}
.notice{border-left:4px solid var(--warning);background:var(--warning-bg);padding:.35rem .6rem;margin:.25rem 0;
font-size:.9rem}
.notice.fatal{border-color:var(--error);background:var(--error-bg)}
.body{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,24rem);gap:1.25rem;align-items:start}
@media (max-width:60rem){.body{grid-template-columns:minmax(0,1fr)}}
.story{font:17px/2.1 Georgia,"DejaVu Serif","Times New Roman",serif;white-space:pre-wrap;overflow-wrap:anywhere;
max-width:46rem}
.l{position:relative;padding-left:2.6rem;min-height:2.1em}
.l::before{content:attr(data-n);position:absolute;left:0;width:1.9rem;text-align:right;color:#a0a6ae;
font:11px/3.3 ui-monospace,"DejaVu Sans Mono",monospace;user-select:none}
.cc{font:12px ui-monospace,"DejaVu Sans Mono",monospace;background:#eee;color:#444;border:1px solid #bbb;
border-radius:3px;padding:0 2px}
mark.hl{color:inherit;cursor:pointer;border-radius:2px;padding:1px 0;text-decoration:underline 2px;
text-underline-offset:4px}
mark.hl.error{background:var(--error-bg);text-decoration-color:var(--error)}
mark.hl.warning{background:var(--warning-bg);text-decoration-color:var(--warning)}
mark.hl.info{background:var(--info-bg);text-decoration-color:var(--info)}
mark.hl.multi{text-decoration-style:double}
mark.hl.pt::after{content:"\\2041";color:var(--error);font-weight:700}
mark.hl:focus{outline:2px solid var(--ink);outline-offset:1px}
mark.hl.on{outline:2px solid var(--ink);outline-offset:1px}
.rel{position:relative;text-decoration:underline dotted 2px var(--rel);text-underline-offset:4px}
.rel.on{background:var(--rel-bg);box-shadow:0 0 0 2px var(--rel);border-radius:2px}
.rel.on[data-label]::before{content:attr(data-label);position:absolute;left:0;top:-1.35em;font:600 11px/1.4
system-ui,sans-serif;background:var(--rel);color:#fff;padding:0 .35em;border-radius:3px;white-space:nowrap;
pointer-events:none}
.findings{margin:0;padding:0;list-style:none;display:flex;flex-direction:column;gap:.6rem;position:sticky;top:.75rem;
max-height:calc(100vh - 1.5rem);overflow:auto}
.card{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:6px;padding:.55rem .75rem;
background:var(--paper);cursor:pointer;font-size:.9rem}
.card.error{border-left-color:var(--error)}
.card.warning{border-left-color:var(--warning)}
.card.info{border-left-color:var(--info)}
.card.on{box-shadow:0 0 0 2px var(--ink)}
.card-head{display:flex;flex-wrap:wrap;gap:.4rem;align-items:baseline}
.sev{font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em}
.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
.code{font:600 .85rem ui-monospace,"DejaVu Sans Mono",monospace}
.name,.loc{color:var(--muted);font-size:.8rem}
.loc{margin-left:auto;font-variant-numeric:tabular-nums}
.msg{margin:.3rem 0}
.fix{margin:.3rem 0}
.fix del{background:var(--error-bg);color:var(--error)}
.fix ins{background:var(--rel-bg);color:var(--rel);text-decoration:none;font-weight:600}
.rels{margin:.3rem 0 0;padding:0;list-style:none;font-size:.85rem}
.role{display:inline-block;min-width:3.2rem;font-weight:600;color:var(--rel)}
.meta{margin:.3rem 0 0;color:var(--muted);font-size:.78rem}
#pop{position:absolute;z-index:10;max-width:26rem;background:var(--paper);border:1px solid #aab;border-radius:8px;
box-shadow:0 6px 24px rgba(0,0,0,.18);padding:.25rem}
#pop .card{display:block;border-top:0;border-right:0;border-bottom:0;box-shadow:none;cursor:default}
#pop .card+.card{border-top:1px solid var(--line)}
[hidden]{display:none!important}
form.check{display:grid;gap:.6rem}
form.check textarea{width:100%;min-height:10rem;font:15px/1.5 Georgia,"DejaVu Serif",serif;padding:.6rem;
border:1px solid var(--line);border-radius:6px}
form.check .row{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
form.check button{font:600 .95rem system-ui,sans-serif;padding:.45rem 1.2rem;border-radius:6px;border:0;
background:#1d4ed8;color:#fff;cursor:pointer}
#status{min-height:1.4em;margin:0}
#status.bad{color:var(--error);font-weight:600}
"""

# Hover shows a finding's card beside its mark; a click, or keyboard focus, pins it (Escape unpins);
# the related numbers of the finding shown are lit and labelled with their role.
VIEWER_JS = """
(function () {
  'use strict';
  var pop = document.getElementById('pop');
  var pinned = null;
  function keys(el) { return (el.getAttribute('data-f') || '').split(' ').filter(Boolean); }
  function scope(el) { return el.closest('.file') || document; }
  function clear() {
    document.querySelectorAll('.on').forEach(function (e) {
      e.classList.remove('on'); e.removeAttribute('data-label');
    });
  }
  function hide() { clear(); pop.hidden = true; pop.replaceChildren(); }
  function show(mark) {
    clear();
    var root = scope(mark), shown = [];
    if (mark.hasAttribute('title')) { mark.removeAttribute('title'); }
    keys(mark).forEach(function (k) {
      var card = root.querySelector('.card[data-f="' + k + '"]');
      if (!card) { return; }
      card.classList.add('on');
      root.querySelectorAll('.f-' + k).forEach(function (e) { e.classList.add('on'); });
      card.querySelectorAll('.rels li[data-r]').forEach(function (li) {
        var lit = root.querySelectorAll('.r-' + li.getAttribute('data-r'));
        lit.forEach(function (e) { e.classList.add('on'); });
        if (lit.length) { lit[0].setAttribute('data-label', li.querySelector('.role').textContent); }
      });
      var copy = card.cloneNode(true);
      copy.removeAttribute('id'); copy.removeAttribute('tabindex'); copy.classList.remove('on');
      copy.querySelectorAll('[id]').forEach(function (e) { e.removeAttribute('id'); });
      shown.push(copy);
    });
    if (!shown.length) { hide(); return; }
    pop.replaceChildren.apply(pop, shown);
    pop.hidden = false;
    var r = mark.getBoundingClientRect(), w = pop.offsetWidth;
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - w - 8));
    pop.style.left = left + 'px';
    pop.style.top = (r.bottom + window.scrollY + 8) + 'px';
  }
  function pin(mark) { pinned = mark; show(mark); }
  function restore() { if (pinned && pinned.isConnected) { show(pinned); } else { pinned = null; hide(); } }
  document.addEventListener('mouseover', function (e) {
    var m = e.target.closest && e.target.closest('mark.hl');
    if (m) { show(m); }
  });
  document.addEventListener('mouseout', function (e) {
    var m = e.target.closest && e.target.closest('mark.hl');
    if (m && !(e.relatedTarget && m.contains(e.relatedTarget))) { restore(); }
  });
  document.addEventListener('focusin', function (e) {
    if (e.target.matches && e.target.matches('mark.hl')) { pin(e.target); }
  });
  document.addEventListener('click', function (e) {
    var m = e.target.closest('mark.hl');
    if (m) { pin(m); return; }
    var card = e.target.closest('.findings .card');
    if (card) {
      var first = scope(card).querySelector('.f-' + card.getAttribute('data-f'));
      if (first) { first.scrollIntoView({block: 'center'}); first.focus({preventScroll: true}); pin(first); }
      return;
    }
    if (!e.target.closest('#pop')) { pinned = null; hide(); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { pinned = null; hide(); }
    var card = e.target.closest && e.target.closest('.findings .card');
    if (card && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); card.click(); }
  });
})();
"""


def digest(source: str) -> str:
    """The CSP source expression that allows exactly this inline script or style element."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def csp(scripts: tuple[str, ...], connect: bool = False) -> str:
    """A policy that loads nothing from anywhere and runs only our own inline style and scripts.

    `connect`: the served page also talks to its own server (fetch to /api/...).
    """
    return "; ".join([
        "default-src 'none'",
        "style-src " + digest(CSS),
        "script-src " + " ".join(digest(s) for s in scripts),
        "connect-src 'self'" if connect else "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'self'" if connect else "form-action 'none'",
    ])
