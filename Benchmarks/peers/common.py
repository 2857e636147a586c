"""Shared part of the Python peers: reads the contract's database and turns rows into the
fields every format needs, the way a typical portal script would (no cleaning).

Each feed takes `status = 'published'` rows of its category and its sub-categories (the site
feed: all rows), dated no later than --now, newest first (`published_at DESC, id DESC`),
N per feed, exactly the items loa publishes (loa leaves out a row only when it cannot be
repaired, which this corpus never needs).
"""

import argparse
import datetime
import os
import re
import sqlite3
from urllib.parse import urljoin

SITE_TITLE = "Cổng thông tin điện tử phường Bãi Cháy"
SITE_URL = "https://baichay.example.org/"
SITE_DESCRIPTION = (
    "Tin tức, thông báo và hoạt động của phường Bãi Cháy, thành phố Hạ Long, tỉnh Quảng Ninh."
)
FEED_BASE = "https://baichay.example.org/feeds/"
ID_PREFIX = "tag:baichay.example.org,2026:"
COPYRIGHT = "© 2026 UBND phường Bãi Cháy"
AUTHOR = "UBND phường Bãi Cháy"
ZONE = datetime.timezone(datetime.timedelta(hours=7))

WORKLOADS = {
    # name: (items per feed, formats, category feeds)
    "w1": (50, ("rss",), False),
    "w2": (10000, ("rss",), False),
    "w3": (50, ("rss", "atom", "json"), True),
    "w4": (50, ("rss", "atom", "json"), True),
}

COLUMNS = (
    "id, category_id, title, slug, summary, content_html, author, image_url, image_caption, "
    "url, tags, published_at, updated_at"
)

# Both libraries abort on characters XML 1.0 forbids (lxml: "All strings must be XML
# compatible", feedgenerator: UnserializableContentError), which the hostile rows contain. The
# least a script must do to publish at all is drop them; that is the only cleaning done here.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text):
    return _ILLEGAL.sub("", text) if text else text


MIME = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
        "webp": "image/webp"}


def arguments(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--db", required=True, help="SQLite database in the contract schema")
    p.add_argument("--workload", required=True, choices=sorted(WORKLOADS))
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--now", default="2026-11-29 12:00:00", help="local time; later rows are scheduled")
    return p.parse_args()


class Item:
    __slots__ = ("id", "title", "link", "guid", "published", "updated", "summary", "content",
                 "authors", "categories", "image", "image_type", "image_caption")


def local_time(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=ZONE)


def split_authors(byline):
    if not byline:
        return []
    for sep in (" – ", " — ", " - ", ";", " và "):
        byline = byline.replace(sep, ",")
    return [a.strip() for a in byline.split(",") if a.strip()]


class Site:
    """The database, the category tree and the feeds a workload writes.

    `site`: one row of a platform database's sites table (id, slug, name, url); then only
    that site's categories and articles are read, and its name and URL replace the
    constants above (the platform peer, Benchmarks/peers/platform_peer.py). `db`: an open
    connection to share between sites."""

    def __init__(self, args, site=None, db=None):
        self.args = args
        self.limit, self.formats, self.category_feeds = WORKLOADS[args.workload]
        self.db = db or sqlite3.connect("file:%s?mode=ro" % args.db, uri=True)
        self.site_id = None
        self.title, self.url, self.description = SITE_TITLE, SITE_URL, SITE_DESCRIPTION
        self.feed_base, self.id_prefix, self.author = FEED_BASE, ID_PREFIX, AUTHOR
        self.directory = ""
        where = ""
        if site is not None:
            self.site_id, slug, name, url = site
            self.title, self.url, self.description, self.author = name, url, name, name
            self.feed_base = urljoin(url, "feeds/")
            self.id_prefix = "tag:%s,2026:" % url.split("/")[2]
            self.directory = slug
            where = " WHERE site_id = %d" % self.site_id
        self.categories = {}
        self.children = {}
        for cid, parent, slug, name, description in self.db.execute(
                "SELECT id, parent_id, slug, name, description FROM categories%s ORDER BY id" % where):
            self.categories[cid] = (parent, slug, name, description)
            if parent is not None:
                self.children.setdefault(parent, []).append(cid)

    def feeds(self):
        """(directory, title, description, home page, items) of every feed of the workload."""
        yield "", self.title, self.description, self.url, self.read(None)
        if not self.category_feeds:
            return
        for cid, (parent, slug, name, description) in self.categories.items():
            ids = [cid] + self.children.get(cid, [])
            title = "%s – %s" % (name, self.title)
            yield (slug, title, description or title, urljoin(self.url, "/chuyen-muc/%s/" % slug),
                   self.read(ids))

    def read(self, category_ids):
        sql = "SELECT " + COLUMNS + " FROM articles WHERE status = 'published' AND published_at <= ?"
        params = [self.args.now]
        if self.site_id is not None:
            sql += " AND site_id = ?"
            params.append(self.site_id)
        if category_ids is not None:
            sql += " AND category_id IN (%s)" % ",".join("?" * len(category_ids))
            params += category_ids
        sql += " ORDER BY published_at DESC, id DESC LIMIT ?"
        params.append(self.limit)
        return [self.item([xml_safe(v) if isinstance(v, str) else v for v in row])
                for row in self.db.execute(sql, params)]

    def item(self, row):
        (aid, cid, title, slug, summary, content, author, image_url, image_caption, url, tags,
         published_at, updated_at) = row
        it = Item()
        it.id = aid
        it.title = title
        category = self.categories.get(cid)
        if url:
            it.link = urljoin(self.url, url)
        else:
            it.link = urljoin(self.url, "/%s/%s-%d.html" % (category[1] if category else "", slug, aid))
        it.guid = "%sarticle:%d" % (self.id_prefix, aid)
        it.published = local_time(published_at)
        it.updated = it.published
        if updated_at:
            u = local_time(updated_at)
            if u >= it.published:
                it.updated = u
        it.summary = summary
        it.content = content
        it.authors = split_authors(author)
        it.categories = ([category[2]] if category else []) + [
            t.strip() for t in (tags or "").split(",") if t.strip()]
        it.image = urljoin(it.link, image_url) if image_url else None
        it.image_type = MIME.get(image_url.rsplit(".", 1)[-1].lower(), "image/jpeg") if image_url else None
        it.image_caption = image_caption
        return it


def output_path(args, directory, name):
    """`args`: the parsed arguments (their --out) or an output folder."""
    d = os.path.join(args if isinstance(args, str) else args.out, directory)
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, name)


def json_feed(directory, title, description, home, items, feed_base=FEED_BASE, author=AUTHOR):
    """JSON Feed 1.1 as a dict (neither peer library writes JSON Feed)."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": home,
        "feed_url": feed_base + (directory + "/" if directory else "") + "feed.json",
        "description": description,
        "language": "vi",
        "authors": [{"name": author}],
        "items": [],
    }
    for it in items:
        entry = {
            "id": it.guid,
            "url": it.link,
            "title": it.title,
            "content_html": it.content,
            "date_published": it.published.isoformat(),
            "date_modified": it.updated.isoformat(),
            "authors": [{"name": a} for a in it.authors],
            "tags": it.categories,
        }
        if it.summary:
            entry["summary"] = it.summary
        if it.image:
            entry["image"] = it.image
        feed["items"].append(entry)
    return feed
