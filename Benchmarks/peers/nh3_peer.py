"""Peer of `loa-bench sanitize` (issue 16): nh3 (the Python binding of the Rust sanitizer
ammonia) cleaning the same article bodies with loa's allowlist, in-process, R passes.

Prints `clean_mbps=… cleaner_mbps=…`: MB/s (10^6 bytes of content_html per second of the
thread's CPU time, as `loa-bench sanitize` measures, median pass) of `nh3.clean()` called with the options on every body, and of one `nh3.Cleaner` built
once with the same options (what a long-running script would do). The allowlist is
HTMLSanitizer's (Sources/LoaXML/HTML/HTMLSanitizer.swift: `allowed`, `global`,
`removedWithContent`); keep the two in step.

Usage: nh3_peer.py --sqlite FILE [--articles N] [--repeat R]
"""

import argparse
import sqlite3
import statistics
import time

import nh3

# HTMLSanitizer.allowed: element -> attributes (besides GLOBAL).
ALLOWED = {
    "p": set(), "br": set(), "hr": set(), "h1": set(), "h2": set(), "h3": set(), "h4": set(),
    "h5": set(), "h6": set(), "ul": set(), "ol": {"start", "reversed", "type"}, "li": {"value"},
    "dl": set(), "dt": set(), "dd": set(), "a": {"href"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes"}, "figure": set(),
    "figcaption": set(), "table": set(), "caption": set(), "thead": set(), "tbody": set(),
    "tfoot": set(), "tr": set(), "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"}, "colgroup": {"span"}, "col": {"span"},
    "blockquote": {"cite"}, "q": {"cite"}, "cite": set(), "em": set(), "strong": set(),
    "b": set(), "i": set(), "u": set(), "s": set(), "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"}, "sub": set(), "sup": set(), "small": set(), "mark": set(),
    "abbr": set(), "code": set(), "pre": set(), "kbd": set(), "samp": set(), "var": set(),
    "span": set(), "div": set(), "section": set(), "article": set(), "aside": set(),
    "header": set(), "footer": set(), "time": {"datetime"}, "address": set(),
    "details": set(), "summary": set(), "bdi": set(), "bdo": set(), "ruby": set(),
    "rt": set(), "rp": set(),
}
GLOBAL = {"lang", "dir", "title"}
# HTMLSanitizer.removedWithContent (`title`, `head`, `xml`… are no elements ammonia keeps).
REMOVED_WITH_CONTENT = {
    "script", "style", "object", "applet", "form", "input", "button", "select", "option",
    "optgroup", "textarea", "datalist", "output", "meta", "base", "link", "noscript",
    "template", "svg", "math", "canvas", "title", "head", "xml", "frameset", "track",
    "dialog", "slot", "portal",
}
OPTIONS = dict(
    tags=set(ALLOWED),
    clean_content_tags=REMOVED_WITH_CONTENT,
    attributes={**{tag: set(attrs) for tag, attrs in ALLOWED.items()}, "*": set(GLOBAL)},
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel=None,
)

# The query `loa-bench sanitize` runs (Benchmarks/LoaBench/SanitizeBench.swift).
QUERY = (
    "SELECT id, content_html FROM articles WHERE content_html IS NOT NULL AND content_html != '' "
    "ORDER BY published_at DESC, id DESC LIMIT ?"
)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sqlite", required=True)
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    db = sqlite3.connect(f"file:{a.sqlite}?mode=ro", uri=True)
    bodies = [row[1] for row in db.execute(QUERY, (a.articles,))]
    db.close()
    input_bytes = sum(len(b.encode("utf-8")) for b in bodies)
    cleaner = nh3.Cleaner(**OPTIONS)
    clean_times, cleaner_times = [], []
    output_bytes = 0
    for _ in range(max(1, a.repeat)):
        t0 = time.thread_time_ns()
        for body in bodies:
            nh3.clean(body, **OPTIONS)
        t1 = time.thread_time_ns()
        clean_times.append(t1 - t0)
        t0 = time.thread_time_ns()
        output_bytes = 0
        for body in bodies:
            output_bytes += len(cleaner.clean(body))
        t1 = time.thread_time_ns()
        cleaner_times.append(t1 - t0)

    def mbps(times):
        return f"{input_bytes / statistics.median(times) * 1000:.2f}"

    print(
        f"clean_mbps={mbps(clean_times)} cleaner_mbps={mbps(cleaner_times)} "
        f"articles={len(bodies)} input_bytes={input_bytes} output_chars={output_bytes} "
        f"repeat={max(1, a.repeat)} nh3={nh3.__version__}"
    )


if __name__ == "__main__":
    main()
