"""The page `statlint serve` answers at /: a form to paste a story or pick a file, and the annotated view.

The view is the HTML report's own file section (checker/report/html.py),
rendered by the server from the same result as /api/check and inserted
as it comes: the page never builds markup from the story itself. The
script below only sends the form and places the answer.
"""
from __future__ import annotations

from statlint.checker.report.html import page_head, page_tail
from statlint.checker.report.html_assets import VIEWER_JS, csp

ACCEPTED = ".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html"

SERVE_JS = """
(function () {
  'use strict';
  var form = document.getElementById('check-form');
  var status = document.getElementById('status');
  var report = document.getElementById('report');
  var button = form.querySelector('button[type=submit]');
  var limit = Number(form.getAttribute('data-max-bytes'));
  function say(message, bad) { status.textContent = message; status.classList.toggle('bad', !!bad); }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = form.elements.file.files[0], text = form.elements.text.value, request;
    if (file) {
      if (file.size > limit) { say(file.name + ' is ' + file.size + ' bytes; the limit is ' + limit + ' bytes.', true); return; }
      var data = new FormData();
      data.append('file', file, file.name);
      request = {method: 'POST', body: data};
    } else if (text.trim()) {
      request = {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({text: text})};
    } else {
      say('Paste a story or choose a file first.', true);
      return;
    }
    say('Checking\\u2026');
    button.disabled = true;
    fetch('api/view', request).then(function (r) {
      if (r.ok) {
        return r.text().then(function (fragment) {
          report.innerHTML = fragment;
          var section = report.querySelector('.file');
          say('Checked: ' + (section ? section.querySelector('h2 .quiet').textContent : 'no result') + '.');
        });
      }
      return r.json().then(function (body) { say(body.error, true); },
                           function () { say('statlint answered ' + r.status + ' ' + r.statusText, true); });
    }).catch(function (err) {
      say('Could not reach statlint: ' + err.message, true);
    }).finally(function () { button.disabled = false; });
  });
})();
"""

SCRIPTS = (VIEWER_JS, SERVE_JS)


def page(max_bytes: int) -> str:
    """The whole page; `max_bytes` lets the form refuse an oversized file before sending it."""
    return (
        page_head("statlint: check a story", SCRIPTS, connect=True)
        + "<section class=\"panel\" id=\"input\"><h2>Paste a story, or choose a file</h2>"
        f"<form class=\"check\" id=\"check-form\" data-max-bytes=\"{int(max_bytes)}\">"
        "<label for=\"text\" class=\"quiet\">Story text</label>"
        "<textarea id=\"text\" name=\"text\" spellcheck=\"false\" "
        "placeholder=\"Paste the article here\"></textarea>"
        "<div class=\"row\"><label for=\"file\" class=\"quiet\">or a file (.txt, .md, .html, .docx; "
        f"at most {_megabytes(max_bytes)}):</label>"
        f"<input type=\"file\" id=\"file\" name=\"file\" accept=\"{ACCEPTED}\">"
        "<button type=\"submit\">Check</button></div>"
        "<p id=\"status\" role=\"status\" aria-live=\"polite\"></p></form></section>\n"
        "<div id=\"report\"></div>\n"
        + page_tail(SCRIPTS)
    )


def headers() -> dict[str, str]:
    """Response headers for the page: the same policy as its meta tag, plus what only a header can say."""
    return {
        "Content-Security-Policy": csp(SCRIPTS, connect=True) + "; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n:,} bytes"
