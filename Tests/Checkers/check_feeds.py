#!/usr/bin/env python3
"""Independent checker for everything `loa publish` writes into a directory.

Usage: check_feeds.py DIR [--expect-items]

Reads every *.xml, *.opml and feed.json under DIR with tools that share no code
with loa (the stdlib XML parser, feedparser, jsonschema, xmllint + RELAX NG and the
sitemap XML Schemas in ../LoaKitTests/Fixtures/sitemaps),
prints one line per problem (`path: problem`) and a final summary line
`checked N files: K problems`. Exit status: 0 clean, 1 problems, 2 usage error.

Needs the packages in requirements.txt beside this file, and xmllint (from
libxml2-utils; the environment variable XMLLINT overrides the one on PATH).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import namedtuple
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import jsonschema

HERE = Path(__file__).resolve().parent
ATOM_RNG = HERE / "atom.rng"
JSONFEED_SCHEMA = HERE / "jsonfeed-1.1.schema.json"
# The published sitemaps.org and Google News schemas (see the README there).
SITEMAP_SCHEMAS = HERE.parent / "LoaKitTests" / "Fixtures" / "sitemaps"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
JSONFEED_11 = "https://jsonfeed.org/version/1.1"
FEED_FILES = {"rss.xml": "rss", "atom.xml": "atom", "feed.json": "json"}
RSS_OFFSET, ISO_OFFSET = "+0700", "+07:00"  # Asia/Ho_Chi_Minh, no DST

# One feed item as the cross-format comparison sees it (datetimes are aware).
Item = namedtuple("Item", "id link published updated")


def is_http_url(value) -> bool:
    parts = urlsplit(value or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def parse_iso(text):
    """RFC 3339 date-time -> aware datetime, or None (3.9's fromisoformat has no 'Z')."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text[:-1] + "+00:00" if text[-1] in "Zz" else text)
    except ValueError:
        return None
    return value if value.tzinfo else None


def parse_rfc822(text):
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return value if value and value.tzinfo else None


def feedparser_reads_json() -> bool:
    # feedparser 6.0.x (the newest release) has no JSON Feed parser; its
    # development branch has feedparser/parsers/json.py. Check it when present.
    try:
        import feedparser.parsers.json  # noqa: F401
    except ImportError:
        return False
    return True


class Checker:
    def __init__(self, root: Path, platform: bool = False):
        self.platform = platform
        self.root = root
        self.files = 0
        self.problems = []
        self.feeds = {}  # folder -> {"rss"|"atom"|"json": [Item]}
        schema = json.loads(JSONFEED_SCHEMA.read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)  # draft from "$schema"
        cls.check_schema(schema)
        formats = jsonschema.FormatChecker()
        # Formats jsonschema checks only with optional extras, done with the stdlib.
        formats.checks("uri")(lambda v: not isinstance(v, str) or bool(urlsplit(v).scheme))
        formats.checks("date-time")(lambda v: not isinstance(v, str) or parse_iso(v) is not None)
        self.json_validator = cls(schema, format_checker=formats)

    # -- reporting --------------------------------------------------------
    def problem(self, path: Path, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def check_self_link(self, path: Path, hrefs, what: str) -> None:
        hrefs = [h for h in hrefs if h]
        if not hrefs:
            self.problem(path, f"no {what}")
        elif not any(unquote(h).endswith("/" + self.rel(path)) for h in hrefs):
            self.problem(path, f"{what} {hrefs[0]!r} does not end with /{self.rel(path)}")

    def check_feedparser(self, path: Path, expected_version: str):
        parsed = feedparser.parse(str(path))
        if parsed.bozo:
            self.problem(path, f"feedparser bozo: {parsed.get('bozo_exception')!r}")
        if not str(parsed.get("version", "")).startswith(expected_version):
            self.problem(path, f"feedparser version {parsed.get('version')!r}, expected {expected_version}")
        return parsed

    def record(self, path: Path, kind: str, items) -> None:
        self.feeds.setdefault(path.parent, {})[kind] = items

    # -- walking ----------------------------------------------------------
    def run(self) -> None:
        # A platform's root (--platform): its own files only; each site folder is checked as
        # a root of its own, and the roll-up OPML lists feeds on other hosts.
        pattern = "*" if self.platform else "**/*"
        paths = sorted(p for p in self.root.glob(pattern) if p.is_file())
        for path in paths:
            if path.suffix in (".xml", ".opml"):
                self.files += 1
                self.check_xml(path)
            elif path.name == "feed.json":
                self.files += 1
                self.check_json(path)
        if self.files == 0:
            self.problem(self.root, "no feed files found")
        for folder, kinds in sorted(self.feeds.items()):
            self.check_consistency(folder, kinds)

    def check_xml(self, path: Path) -> None:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            self.problem(path, f"not well-formed XML: {error}")
            return
        if root.tag == "rss":
            self.check_rss(path, root)
        elif root.tag == ATOM + "feed":
            self.check_atom(path, root)
        elif root.tag == "opml":
            self.check_opml(path, root)
        elif root.tag in (SITEMAP + "urlset", SITEMAP + "sitemapindex"):
            self.check_sitemap(path, root)
        else:
            self.problem(path, f"unexpected root element {root.tag}")

    # -- RSS 2.0 ----------------------------------------------------------
    def check_rss(self, path: Path, root) -> None:
        if root.get("version") != "2.0":
            self.problem(path, f"rss version {root.get('version')!r}, expected '2.0'")
        channel = root.find("channel")
        if channel is None:
            self.problem(path, "no <channel>")
            return
        parsed = self.check_feedparser(path, "rss20")
        for field in ("title", "link", "description"):
            if not (channel.findtext(field) or "").strip():
                self.problem(path, f"channel has no <{field}>")
        self.check_self_link(path, [l.get("href") for l in channel.findall(ATOM + "link")
                                    if l.get("rel") == "self"], "atom:link rel=self")
        for field in ("pubDate", "lastBuildDate"):
            text = (channel.findtext(field) or "").strip()
            if text and not text.endswith(RSS_OFFSET):
                self.problem(path, f"channel <{field}> {text!r} does not end with {RSS_OFFSET}")
        raw_items = channel.findall("item")
        if len(raw_items) != len(parsed.entries):
            self.problem(path, f"{len(raw_items)} <item>s but feedparser read {len(parsed.entries)}")
        items = []
        for number, (raw, entry) in enumerate(zip(raw_items, parsed.entries), 1):
            def bad(message, number=number):
                self.problem(path, f"item {number}: {message}")
            link = (raw.findtext("link") or "").strip()
            guid = (raw.findtext("guid") or "").strip()
            pub = (raw.findtext("pubDate") or "").strip()
            if not entry.get("title"):
                bad("no title")
            if not entry.get("link") or not is_http_url(link):
                bad(f"link {link!r} is not an absolute http(s) URL")
            if not entry.get("id") or not guid:
                bad("no guid")
            if not entry.get("published") or not pub:
                bad("no pubDate")
            elif not pub.endswith(RSS_OFFSET):
                bad(f"pubDate {pub!r} does not end with {RSS_OFFSET}")
            if raw.find("enclosure") is not None and not any(
                    e.get("href") and e.get("type") for e in entry.get("enclosures", [])):
                bad("<enclosure> not seen by feedparser with href and type")
            names = {a.get("name") for a in entry.get("authors", [])} | {entry.get("author")}
            for creator in raw.findall(DC + "creator"):
                if (creator.text or "").strip() not in names:
                    bad(f"dc:creator {creator.text!r} not in feedparser authors")
            terms = {t.get("term") for t in entry.get("tags", [])}
            for category in raw.findall("category"):
                if (category.text or "").strip() not in terms:
                    bad(f"category {category.text!r} not in feedparser tags")
            items.append(Item(guid, link, parse_rfc822(pub), None))
        self.record(path, "rss", items)

    # -- Atom 1.0 ---------------------------------------------------------
    def check_atom(self, path: Path, root) -> None:
        self.check_relaxng(path)
        parsed = self.check_feedparser(path, "atom10")
        self.check_self_link(path, [l.get("href") for l in root.findall(ATOM + "link")
                                    if l.get("rel") == "self"], "link rel=self")
        updated = (root.findtext(ATOM + "updated") or "").strip()
        if updated and not updated.endswith(ISO_OFFSET):
            self.problem(path, f"feed <updated> {updated!r} does not end with {ISO_OFFSET}")
        raw_entries = root.findall(ATOM + "entry")
        if len(raw_entries) != len(parsed.entries):
            self.problem(path, f"{len(raw_entries)} <entry>s but feedparser read {len(parsed.entries)}")
        items = []
        for number, (raw, entry) in enumerate(zip(raw_entries, parsed.entries), 1):
            def bad(message, number=number):
                self.problem(path, f"entry {number}: {message}")
            links = [l.get("href") for l in raw.findall(ATOM + "link")
                     if l.get("rel", "alternate") == "alternate"]
            link = links[0] if links else ""
            if not entry.get("id"):
                bad("no id")
            if not entry.get("title"):
                bad("no title")
            if not entry.get("link") or not is_http_url(link):
                bad(f"alternate link {link!r} is not an absolute http(s) URL")
            dates = {}
            for field in ("published", "updated"):
                dates[field] = text = (raw.findtext(ATOM + field) or "").strip()
                if not text:
                    bad(f"no <{field}>")
                elif not text.endswith(ISO_OFFSET):
                    bad(f"<{field}> {text!r} does not end with {ISO_OFFSET}")
            items.append(Item((raw.findtext(ATOM + "id") or "").strip(), link,
                              parse_iso(dates["published"]), parse_iso(dates["updated"])))
        self.record(path, "atom", items)

    def check_relaxng(self, path: Path) -> None:
        self.check_schema(path, ["--relaxng", str(ATOM_RNG)], "RELAX NG")

    def check_schema(self, path: Path, schema_arguments, name: str) -> None:
        xmllint = os.environ.get("XMLLINT") or shutil.which("xmllint")
        if not xmllint:
            self.problem(path, "cannot validate: xmllint not found (install libxml2-utils or set XMLLINT)")
            return
        try:
            result = subprocess.run([xmllint, "--noout", "--nonet", *schema_arguments, str(path)],
                                    capture_output=True, text=True)
        except OSError as error:
            self.problem(path, f"cannot validate: cannot run {xmllint}: {error}")
            return
        if result.returncode == 0:
            return
        lines = [line.replace(f"{path}:", "line ", 1) for line in result.stderr.splitlines()
                 if line.strip() and not line.endswith("fails to validate")]
        for line in lines[:5] or [f"xmllint exited with {result.returncode}"]:
            self.problem(path, f"{name}: {line}")

    # -- sitemaps.org and Google News sitemaps ------------------------------
    def check_sitemap(self, path: Path, root) -> None:
        news = root.find(f"{SITEMAP}url/{NEWS}news") is not None
        if root.tag == SITEMAP + "sitemapindex":
            schema, entry = "siteindex.xsd", "sitemap"
        else:
            schema, entry = ("news-sitemap.xsd" if news else "sitemap.xsd"), "url"
        self.check_schema(path, ["--schema", str(SITEMAP_SCHEMAS / schema)], "XML Schema")
        locations = [(loc.text or "") for loc in root.iter(SITEMAP + "loc")]
        hosts = {urlsplit(loc)[:2] for loc in locations}
        if len(hosts) > 1:
            self.problem(path, f"URLs on {len(hosts)} hosts: {sorted(hosts)}")
        if len(set(locations)) != len(locations):
            self.problem(path, "a URL is listed twice")
        count = len(root.findall(SITEMAP + entry))
        if count > (1000 if news else 50000):
            self.problem(path, f"{count} URLs, over the limit")

    # -- JSON Feed 1.1 ----------------------------------------------------
    def check_json(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            self.problem(path, f"not valid JSON: {error}")
            return
        for error in sorted(self.json_validator.iter_errors(data), key=lambda e: list(e.path)):
            message = error.message if len(error.message) < 160 else error.message[:157] + "..."
            self.problem(path, f"schema: {error.json_path}: {message}")
        if not isinstance(data, dict):
            return
        if data.get("version") != JSONFEED_11:
            self.problem(path, f"version {data.get('version')!r}, expected {JSONFEED_11!r}")
        self.check_self_link(path, [data.get("feed_url")], "feed_url")
        if feedparser_reads_json():
            self.check_feedparser(path, "json1")
        raw_items = data.get("items")
        items = []
        for number, item in enumerate(raw_items if isinstance(raw_items, list) else [], 1):
            if not isinstance(item, dict):
                continue
            if not isinstance(item.get("id"), str):
                self.problem(path, f"item {number}: id {item.get('id')!r} is not a string")
            for field in ("date_published", "date_modified"):
                text = item.get(field)
                if text is not None and not str(text).endswith(ISO_OFFSET):
                    self.problem(path, f"item {number}: {field} {text!r} does not end with {ISO_OFFSET}")
            items.append(Item(item.get("id"), item.get("url"),
                              parse_iso(item.get("date_published")), parse_iso(item.get("date_modified"))))
        self.record(path, "json", items)

    # -- OPML 2.0 ---------------------------------------------------------
    def check_opml(self, path: Path, root) -> None:
        if root.get("version") != "2.0":
            self.problem(path, f"opml version {root.get('version')!r}, expected '2.0'")
        for part in ("head", "body"):
            if root.find(part) is None:
                self.problem(path, f"no <{part}>")
        for outline in root.iter("outline"):
            if outline.get("text") is None:
                self.problem(path, f"outline without text attribute: {outline.attrib}")
        urls = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
        if not urls:
            self.problem(path, "no outline with xmlUrl")
            return
        if self.platform:
            for url in urls:
                if not is_http_url(url):
                    self.problem(path, f"xmlUrl {url!r} is not an absolute http(s) URL")
            return
        prefix = os.path.commonprefix(urls)
        base = prefix[: prefix.rfind("/") + 1]
        for url in urls:
            if not is_http_url(url):
                self.problem(path, f"xmlUrl {url!r} is not an absolute http(s) URL")
                continue
            relative = unquote(urlsplit(url[len(base):]).path)
            if not (self.root / relative).is_file():
                self.problem(path, f"xmlUrl {url!r} -> {relative!r}: no such file (feeds base {base!r})")

    # -- cross-format -----------------------------------------------------
    def check_consistency(self, folder: Path, kinds) -> None:
        for kind, items in kinds.items():
            seen = set()
            for item in items:
                if item.id in seen:
                    self.problem(folder, f"{kind}: duplicate item id {item.id!r}")
                seen.add(item.id)
        pairs = [("rss", "atom"), ("rss", "json"), ("atom", "json")]
        for a, b in pairs:
            if a not in kinds or b not in kinds:
                continue
            first, second = kinds[a], kinds[b]
            if len(first) != len(second):
                self.problem(folder, f"{a} has {len(first)} items but {b} has {len(second)}")
            fields = ["id", "link", "published"] + (["updated"] if a != "rss" else [])
            for number, (x, y) in enumerate(zip(first, second), 1):
                for field in fields:
                    mine, theirs = getattr(x, field), getattr(y, field)
                    if mine is None or theirs is None or mine != theirs:
                        self.problem(folder, f"item {number}: {field} differs: "
                                             f"{a} {_show(mine)} vs {b} {_show(theirs)}")

    def check_expect_items(self) -> None:
        site = self.feeds.get(self.root, {})
        if not site:
            self.problem(self.root, "no site-wide feed (rss.xml, atom.xml or feed.json)")
        for kind, items in sorted(site.items()):
            if not items:
                name = next(n for n, k in FEED_FILES.items() if k == kind)
                self.problem(self.root / name, "site-wide feed has no items")


def _show(value) -> str:
    return value.isoformat() if isinstance(value, datetime) else repr(value)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Check the feeds `loa publish` wrote into DIR.")
    parser.add_argument("dir", metavar="DIR", type=Path)
    parser.add_argument("--expect-items", action="store_true",
                        help="also fail if the site-wide feed has no items")
    parser.add_argument("--platform", action="store_true",
                        help="DIR is a platform's output: its roll-up, and each site folder as a root")
    args = parser.parse_args(argv)
    if not args.dir.is_dir():
        parser.error(f"{args.dir}: not a directory")  # exits with status 2
    roots = [(args.dir, args.platform)]
    if args.platform:
        roots += [(d, False) for d in sorted(args.dir.iterdir()) if d.is_dir()]
    problems, files = [], 0
    for root, platform in roots:
        checker = Checker(root, platform=platform)
        checker.run()
        if args.expect_items:
            checker.check_expect_items()
        problems += checker.problems
        files += checker.files
    for line in problems:
        print(line)
    print(f"checked {files} files: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
