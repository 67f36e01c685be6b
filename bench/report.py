"""Targets and the Markdown rendering of bench/results.json.

Why separate from run.py: the targets are the project's definition of "good
enough" and belong in one visible place; the rendering is long and has
nothing to do with running benchmarks.
"""
from __future__ import annotations

TARGETS = {
    "false_alarms": {"label": "false alarms / 100 articles (worst corpus)", "op": "<=", "value": 1.0},
    "recall": {"label": "recall on planted errors, worst family with rules, %", "op": ">=", "value": 90.0},
    "measeval_f1": {"label": "MeasEval overlap F1", "op": ">=", "value": 90.0},
    "throughput": {"label": "throughput, MB per CPU second (1 process)", "op": ">=", "value": 3.0},
    "cold_start": {"label": "cold start `statlint check`, s", "op": "<", "value": 0.3},  # issue 13
    "scan_ratio": {"label": "check time / plain regex scan time, news corpus (CPU)", "op": "<=", "value": 40.0},
    "growth_4x": {"label": "time of a 4x longer document / time of the shorter", "op": "<=", "value": 4.5},
    "big_rss": {"label": "peak RSS checking a 20 MB file, MB", "op": "<", "value": 200.0},
}
_OPS = {"<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "<": lambda a, b: a < b}
_CORPUS_NOTE = {
    "reuters": "Reuters-21578 newswire, 1987",
    "bbc": "BBC News 2004-05",
    "wmt_en": "WMT original-English news",
    "wmt_refs": "WMT translated refs (zh-en records are single segments)",
}


def _target(key: str) -> str:
    t = TARGETS[key]
    return f"{t['op']} {t['value']:g}"


def _check(key: str, value) -> str:
    if value is None:
        return "n/a"
    t = TARGETS[key]
    return "met" if _OPS[t["op"]](value, t["value"]) else "missed"


def corpus_status(c: dict) -> str:
    """A corpus meets the false-alarm target for sure only if it would even with every unreviewed finding false."""
    limit = TARGETS["false_alarms"]["value"]
    if c["false_per_100"] > limit:
        return "missed"
    if c["false_per_100"] + c["unreviewed_per_100"] <= limit:
        return "met"
    return f"unverified ({c['unreviewed']} unreviewed)"


def target_status(res: dict) -> list[dict]:
    rows = []
    q = res.get("quality")
    if q:
        worst = max(q["corpora"].items(), key=lambda kv: (kv[1]["false_per_100"], kv[1]["unreviewed_per_100"]))
        bad = [corpus_status(c) for c in q["corpora"].values()]
        status = "missed" if "missed" in bad else ("met" if all(b == "met" for b in bad) else "unverified")
        rows.append({"key": "false_alarms", "name": "false alarms/100", "value": worst[1]["false_per_100"],
                     "detail": f"{worst[0]}; +{worst[1]['unreviewed_per_100']}/100 unreviewed",
                     "target": _target("false_alarms"), "status": status})
    else:
        rows.append({"key": "false_alarms", "name": "false alarms/100", "value": None, "detail": "stage failed",
                     "target": _target("false_alarms"), "status": "n/a"})
    r = res.get("recall")
    if r:
        fams = {f: v for f, v in r["families"].items() if v["has_rules"] and v["recall"] is not None}
        worst = min(fams.items(), key=lambda kv: kv[1]["recall"]) if fams else None
        rows.append({"key": "recall", "name": "recall %", "value": worst[1]["recall"] if worst else None,
                     "detail": f"family {worst[0]} of {', '.join(fams)}" if worst else "",
                     "target": _target("recall"), "status": _check("recall", worst[1]["recall"] if worst else None)})
    m = (res.get("measeval") or {}).get("systems", {}).get("statlint")
    f1 = m["overlap"]["f1"] if m else None
    rows.append({"key": "measeval_f1", "name": "MeasEval F1", "value": f1, "detail": "overlap match",
                 "target": _target("measeval_f1"), "status": _check("measeval_f1", f1)})
    s = res.get("speed")
    mbs = (s["statlint"].get("mb_per_cpu_s") or s["statlint"]["mb_per_s"]) if s else None
    rows.append({"key": "throughput", "name": "MB/s", "value": mbs,
                 "detail": _throughput_detail(s) if s else "",
                 "target": _target("throughput"), "status": _throughput_status(s, mbs)})
    cold = s["cold_start"]["cli"] if s else None
    cs = cold["median_s"] if cold and cold["ok"] else None
    rows.append({"key": "cold_start", "name": "cold start s", "value": cs, "detail": "median of 5",
                 "target": _target("cold_start"), "status": _check("cold_start", cs)})
    ratio = s["slowdown_vs_regex"] if s else None
    rows.append({"key": "scan_ratio", "name": "x scan", "value": ratio, "detail": "CPU time, same run (bench/speed.py)",
                 "target": _target("scan_ratio"), "status": _check("scan_ratio", ratio)})
    return rows + _scale_rows(res.get("scale"))


def _scale_rows(sc: dict | None) -> list[dict]:
    g, b = (sc["growth"], sc["big"]) if sc else (None, None)
    worst = g["worst_4x"] if g else None
    rss = b["peak_rss_mb"] if b else None
    big_detail = (f"{b['mb']} MB in {b['cpu_s']} s CPU, exit {b['exit']}, notices {', '.join(b['notices']) or 'none'}"
                  if b else "stage failed")
    return [
        {"key": "growth_4x", "name": "4x longer", "value": worst,
         "detail": f"growth exponent {g['exponent']} over 1x..16x" if g else "stage failed",
         "target": _target("growth_4x"), "status": _check("growth_4x", worst)},
        {"key": "big_rss", "name": "20 MB RSS", "value": rss, "detail": big_detail, "target": _target("big_rss"),
         # a file that ran out of its budget was not checked, whatever its memory
         "status": "missed (TIME001)" if b and "TIME001" in b["notices"] else _check("big_rss", rss)},
    ]


def _throughput_status(s: dict | None, mbs: float | None) -> str:
    """Met as stated (MB per CPU second here), or met at the target's ratio to the plain regex scan.

    The issue gives the target with its scale: 3 MB/s where a plain regex number scan runs at
    ~400 MB/s. This shared machine runs that scan 2-4 times slower, hour by hour, so the ratio
    measured in one run is what the issue's figure means here; both readings are printed.
    """
    if _check("throughput", mbs) == "met":
        return "met"
    scaled = s.get("scaled_target_mb_per_cpu_s") if s else None
    if mbs is not None and scaled is not None and mbs >= scaled:
        return f"met at the target's scan ratio (>= {scaled:g} here); missed as an absolute figure"
    return _check("throughput", mbs)


def _throughput_detail(s: dict) -> str:
    rx = s["regex_scan"]
    return (f"check_text, news corpus, per CPU second ({s['statlint']['mb_per_s']} MB/s wall); "
            f"plain regex scan {rx.get('mb_per_cpu_s', rx['mb_per_s'])} MB/s in the same run (the target assumes ~400): "
            f"statlint {s['slowdown_vs_regex']}x slower, the target allows 133x")


def _table(head: list[str], rows: list[list]) -> list[str]:
    def cell(v) -> str:
        if v is None:
            return "–"
        return f"{v:g}" if isinstance(v, float) else str(v)

    out = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    out += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return out


def _planter2_tables(r: dict) -> list[str]:
    """Recall per rule for both planters side by side, then planter2 per class (bench/planter2.py)."""
    p2, rules = r.get("planter2"), r.get("by_rule")
    if not p2 or not rules:
        return []
    L = ["", "### Both planters per rule", "",
         "A plant counts for the first rule its kind or class is meant for, and is found only by a finding of one "
         "of its expected rules overlapping the changed characters. `bench/inject.py` is the first planter; "
         "`bench/planter2.py` is written from each class's definition and varies the form (other digit groups, "
         "any population noun, nouns, comparatives, parentheses and dashes, wire abbreviations...). "
         f"Its plants are in real articles where the corpus has a host; classes with fewer than {p2['min_corpus']} "
         "corpus hosts are topped up with synthetic sentences (bench/planter2_synth.py), counted in `synthetic`.", ""]
    L += _table(["rule", "name", "inject.py planted", "inject.py recall %", "planter2 planted (corpus)", "planter2 recall %"],
                [[code, v["name"], v["old_planted"], v["old_recall"], f"{v['new_planted']} ({v['new_corpus']})", v["new_recall"]]
                 for code, v in rules.items()])
    L += ["", f"### planter2 per class (seed {p2['seed']}, at most {p2['per_class_cap']} corpus plants per class; "
          f"macro average {p2['macro_recall']} %)", "",
          "`recall %`: found by an expected rule; `any rule %`: found by any finding on the changed characters. "
          "`inject.py kind`: the first planter's nearest kind and its recall by an expected rule. Missed plants "
          "with context: `bench/out/planter2_misses.jsonl` (a sample per class is printed by `bench/recall.py`).", ""]
    L += _table(["class", "rules", "corpus", "synthetic", "recall %", "any rule %", "inject.py kind", "inject.py recall %", "by rule"],
                [[name, ", ".join(c["rules"]), c["corpus"], c["synthetic"], c["recall_expected"], c["recall"],
                  c["old_kind"] or "", (r["kinds"].get(c["old_kind"] or "") or {}).get("recall_expected"),
                  ", ".join(f"{k} {n}" for k, n in c["by_rule"].items())]
                 for name, c in p2["classes"].items()])
    return L


def render_markdown(res: dict) -> str:
    mc = res["machine"]
    L = ["# statlint benchmark results", "",
         f"- date: {mc['date']}",
         f"- machine: {mc['nproc']} CPUs ({mc['cpu'] or 'unknown CPU'}), {mc['platform']}",
         f"- python {mc['python']} ({mc['python_executable']}); "
         + ", ".join(f"{k} {v}" for k, v in mc["packages"].items() if v),
         f"- code: commit {mc['git_commit']}, {mc['git_dirty_files']} uncommitted paths",
         f"- corpus: {mc['corpus_dir']} (shared split only; never the holdout)", "",
         "Commands (from the repository root):", "", "```",
         *[f"{cmd}" for cmd in res["commands"].values()], "```", "",
         "## Targets", ""]
    L += _table(["metric", "value", "target", "status", "detail"],
                [[TARGETS[s["key"]]["label"], s["value"], s["target"], s["status"], s["detail"]] for s in res["status"]])

    q = res.get("quality")
    L += ["", "## False alarms on edited news (`bench/quality.py`)", ""]
    if q:
        L += ["Findings per 100 articles are an upper bound on false alarms; `false/100` counts findings a person "
              "marked false in `bench/reviewed.jsonl`, `unrev./100` those nobody has reviewed yet "
              "(`python bench/review.py`). Each record is checked on its own, as a reader sees the article: its headline (`title`, for Reuters and BBC) above its `text` (bench/corpus.py `article`).", ""]
        rows = [[f"{lab} ({_CORPUS_NOTE.get(lab, c['file'])})", c["docs"], round(c["bytes"] / 1e6, 2), c["findings"],
                 c["per_100"], c["true"], c["false"], c["unreviewed"], c["false_per_100"], c["unreviewed_per_100"],
                 c["crashes"], corpus_status(c)] for lab, c in q["corpora"].items()]
        t = q["total"]
        rows.append(["**all**", t["docs"], round(t["bytes"] / 1e6, 2), t["findings"], t["per_100"], t["true"], t["false"],
                     t["unreviewed"], t["false_per_100"], t["unreviewed_per_100"], t["crashes"], ""])
        L += _table(["corpus", "docs", "MB", "findings", "per 100", "true", "false", "unrev.", "false/100",
                     "unrev./100", "crashes", "≤ 1/100"], rows)
        labs = list(q["corpora"])
        L += ["", "Per rule (per 100 documents of each corpus; precision = true / reviewed):", ""]
        if q["rules"]:
            L += _table(["rule", "name", "findings", *[f"{lab}/100" for lab in labs], "precision", "false/100 (all)", "unreviewed"],
                        [[code, r["name"], r["findings"], *[r["by_corpus"][lab]["per_100"] for lab in labs],
                          r["precision"], r["false_per_100"], r["unreviewed"]] for code, r in q["rules"].items()])
        else:
            L += ["No findings."]
        rv = q["reviewed"]
        L += ["", f"Verdicts: {rv['verdicts']} in `{rv['file']}`, "
              f"{rv['stale']} no longer match a finding, {rv['invalid_count']} invalid lines. "
              f"Findings with context: `bench/out/findings.jsonl`."]
        if q["fingerprint_fallbacks"]:
            L += [f"{q['fingerprint_fallbacks']} findings had an empty fingerprint; the bench used a stand-in."]
        for c in q["crashes"]:
            L += [f"- crash: {c['doc']}: {c['error']}"]
    else:
        L += ["Stage failed; see the run output."]

    r = res.get("recall")
    L += ["", "## Recall on planted errors (`bench/recall.py`, `bench/inject.py`)", ""]
    if r:
        L += [f"One error planted per copy of a real Reuters/BBC/WMT article, at most one of a kind per article and "
              f"{r['per_kind_cap']} of a kind in all; planted only where the sentence's own arithmetic holds before "
              "and fails after (checked by bench/inject.py's own reader). Found = a finding's span or related span "
              "overlaps the changed characters. `orig. flagged` = the untouched article already had a finding there "
              "(counted as not found).", ""]
        L += _table(["kind", "family", "planted", "found", "recall %", "by rule", "orig. flagged"],
                    [[k, v["family"], v["planted"], v["found"], v["recall"],
                      ", ".join(f"{c} {n}" for c, n in v["by_rule"].items()), v["original_flagged"]]
                     for k, v in r["kinds"].items()])
        L += ["", "Per family:", ""]
        L += _table(["family", "planted", "found", "recall %", "note"],
                    [[f, v["planted"], v["found"], v["recall"], "" if v["has_rules"] else "no rule yet"]
                     for f, v in r["families"].items()])
        few = [k for k, v in r["kinds"].items() if v["planted"] < 20]
        if few:
            L += ["", "Too few natural sites in the corpus for a stable figure (fewer than 20 planted): "
                  + ", ".join(f"{k} ({r['kinds'][k]['planted']})" for k in few)
                  + ". No sentences were invented to make up the numbers."]
        L += ["", "Misses with context: `bench/out/recall_misses.jsonl`."]
        L += _planter2_tables(r)
    else:
        L += ["Stage failed; see the run output."]

    m = res.get("measeval")
    L += ["", "## Quantity extraction on MeasEval (`bench/measeval.py`)", ""]
    if m:
        L += [f"{m['paragraphs']} annotated paragraphs (train + trial), {m['gold']} gold quantities, "
              f"{m['bytes'] / 1e6:.2f} MB. Overlap: spans overlap, greedy one-to-one in text order; `statlint` "
              "reports a list of one unit or a change 'from A to B' as one span, as MeasEval annotates them, "
              "`statlint-each` every figure apart (README, MeasEval scoring). "
              "Value: overlap and the first number of the gold text equals the predicted value "
              "(or the gold text contains the predicted numeral).", ""]
        rows = []
        for name, s in m["systems"].items():
            if "overlap" not in s:
                rows.append([name, *["–"] * 12, s.get("reason")])
                continue
            o, v = s["overlap"], s["value"]
            note = f"load {s['load_seconds']} s; unit classifier {s['unit_classifier']}" if "load_seconds" in s else ""
            t = s.get("tolerant", {})
            rows.append([name, s["pred"], o["p"], o["r"], o["f1"], v["p"], v["r"], v["f1"], t.get("p"), t.get("r"),
                         t.get("f1"), s["seconds"], s["mb_per_s"], note])
        L += _table(["system", "predicted", "P", "R", "F1", "value P", "value R", "value F1", "span-tolerant P",
                     "span-tolerant R", "span-tolerant F1", "seconds", "MB/s", "note"], rows)
        L += ["", "Span-tolerant: a prediction counts if it overlaps any gold span, a gold span if any prediction "
              "overlaps it; MeasEval marks a list or range as one span where an extractor may read several numbers."]
        e = m["statlint_errors"]
        L += ["", "statlint errors in `bench/out/measeval_errors.jsonl`: "
              + ", ".join(f"{k} {n}" for k, n in sorted(e["by_kind"].items()))
              + (("; misses by MeasEval modifier: " + ", ".join(f"{k} {n}" for k, n in e["misses_by_mod"].items()))
                 if e["misses_by_mod"] else "") + "."]
    else:
        L += ["Stage failed; see the run output."]

    n = res.get("news_units")
    L += ["", "## Units in news sentences of our own (`bench/news_units.py`)", ""]
    if n:
        L += _table(["set", "sentences", "gold", "read", "value F1", "value+unit F1"],
                    [[name, r["sentences"], r["gold"], r["predicted"], r["value_f1"], r["value_unit_f1"]]
                     for name, r in n.items() if isinstance(r, dict)])
        L += ["", "`unseen`: sentences written before statlint was run on them; `kinds`: one section per kind of "
              "figure, each reading held by tests/test_news_units.py."]
    else:
        L += ["Stage failed; see the run output."]

    s = res.get("speed")
    L += ["", "## Speed (`bench/speed.py`)", ""]
    if s:
        st, rx, two = s["statlint"], s["regex_scan"], s["two_processes"]
        L += [f"{s['docs']} news documents, {s['bytes'] / 1e6:.2f} MB UTF-8 (MB = 10^6 bytes), best of {s['repeat']}, "
              "all in memory before timing.", ""]
        L += _table(["what", "seconds", "MB/s", "docs/s", "note"], [
            ["check_text, 1 process, CPU time", st.get("cpu_seconds"), st.get("mb_per_cpu_s"), None,
             "time.process_time of this process: the one-core figure the target is read on"],
            ["check_text, 1 process, wall", st["seconds"], st["mb_per_s"], st["docs_per_s"], f"{st['findings']} findings, {st['errors']} errors"],
            [f"regex `{rx['pattern']}` findall, CPU time", rx.get("cpu_seconds"), rx.get("mb_per_cpu_s"), rx["docs_per_s"],
             f"run in turns with check_text; statlint is {s['slowdown_vs_regex']}x slower in CPU time "
             f"(the target, 3 MB/s where this scan ran ~400 MB/s, allows 133x: {s.get('scaled_target_mb_per_cpu_s')} MB/s here)"],
            ["check_text, Pool(2)", two["seconds"], two["mb_per_s"], None,
             f"speed-up x{two['speedup']} over 1 process; {two['chunks']} chunks; same findings: {two['same_findings']}"],
        ])
        slow = ", ".join(f"{d['doc']} {d['seconds']} s" for d in st["slowest_docs"])
        la = s.get("loadavg_1min", {})
        L += ["", f"1-minute load average {la.get('before')} before, {la.get('after')} after, on {mc['nproc']} CPUs "
              "(other work on the machine slows both timings and the Pool(2) speed-up)."]
        L += ["", f"Peak RSS {s['rss_mb']['peak']} MB ({s['rss_mb']['after_loading_corpus']} MB after loading the corpus "
              f"and importing checker). Slowest documents: {slow}.", "",
              f"Cold start on a {s['article_bytes']}-byte article (median of 5 fresh processes, after one untimed run):", ""]
        L += _table(["what", "median s", "runs", "command"],
                    [[k, v["median_s"] if v["ok"] else f"failed (exit {v['returncode']})", " ".join(f"{t:g}" for t in v["runs_s"]),
                      f"`{v['command']}`"] for k, v in s["cold_start"].items()])
        ci = s["cold_imports"]
        L += ["", "Heavy modules imported by a cold check of that article: "
              + "; ".join(f"{mode}: " + (", ".join(k for k, v in d.items() if v) or "none") if "error" not in d
                          else f"{mode}: probe failed" for mode, d in ci.items()) + "."]
    else:
        L += ["Stage failed; see the run output."]

    L += _scale_section(res.get("scale"))

    w = res.get("walk")
    L += ["", "## Directory walk (`bench/walk.py`)", ""]
    if w:
        L += ["`statlint check --format json -o /dev/null DIR` in a fresh process on trees of one-sentence articles "
              "written by the script (one in a hundred with a finding), flat and in directories of 1,000.", ""]
        L += _table(["layout", "files", "CPU s", "wall s", "files per CPU s", "peak RSS MiB", "exit"],
                    [[r["layout"], r["files"], r["cpu_s"], r["wall_s"], r["files_per_cpu_s"],
                      round(r["max_rss_kib"] / 1024), r["exit"]] for r in w["runs"]])
        per = w["bytes_per_file"]
        L += ["", f"Memory per extra file: flat {per['flat']} bytes, nested {per['nested']} bytes (about "
              f"{max(per.values(), default=0) / 1e3:.2f} GB for a million files). Files are checked as the walk "
              "finds them and the report is written as it goes; what remains per file is the sorted list of "
              "names of the directory being walked, which a flat directory of many files makes long."]
    else:
        L += ["Stage failed; see the run output."]
    return "\n".join(L) + "\n"


def _scale_section(sc: dict | None) -> list[str]:
    L = ["", "## Long documents (`bench/scale.py`)", ""]
    if not sc:
        return L + ["Stage failed; see the run output."]
    g, b = sc["growth"], sc["big"]
    L += [f"Reuters articles in file order joined into one document of about 1-16 x {g['base_bytes'] / 1e6:g} MB "
          f"(distinct articles), `check_text` best CPU time of {g['repeat']}, beside the plain regex scan of the "
          f"same text. Growth exponent (slope of log time on log size; 1 is linear): **{g['exponent']}**; the "
          f"largest time ratio between documents four times apart: **{g['worst_4x']}**.", ""]
    L += _table(["size", "MB", "CPU s", "MB per CPU s", "scan CPU s", "x scan"],
                [[f"{r['multiple']}x", r["mb"], r["cpu_s"], r["mb_per_cpu_s"], r["scan_cpu_s"], r["ratio_to_scan"]]
                 for r in g["rows"]])
    L += ["", f"One {b['mb']} MB file of Reuters text (the articles repeated), `statlint check --format json` in a "
          f"fresh process with the default CPU budget: {b['cpu_s']} s CPU ({b['wall_s']} s wall), "
          f"{b['mb_per_cpu_s']} MB per CPU second, {b['ratio_to_scan']}x the scan; peak RSS {b['peak_rss_mb']} MB; "
          f"exit {b['exit']}, notices: {', '.join(b['notices']) or 'none'}, {b['findings']} findings."]
    return L
