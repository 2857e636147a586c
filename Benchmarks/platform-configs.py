"""Writes one loa configuration per site of a platform database, the way an operator publishes
many sites without platform mode: Benchmarks/configs/w3.json with the site's name, URL and id
prefix, its own output and state folders, and database.articlesQuery / categoriesQuery keeping
only its rows (`WHERE site_id = <id>`). Standard library only.

Usage: platform-configs.py DATABASE.sqlite DATABASE-URL OUTPUT-ROOT STATE-ROOT CONFIG-DIR
(each site's output goes to OUTPUT-ROOT/<slug>, as platform mode lays it out).
"""

import json
import os
import sqlite3
import sys

ARTICLES = ("SELECT id, category_id, title, slug, summary, content_html, author, image_url, "
            "image_caption, url, tags, status, published_at, updated_at FROM articles "
            "WHERE site_id = %d")
CATEGORIES = "SELECT id, parent_id, slug, name, description FROM categories WHERE site_id = %d"


def main():
    database, url, output, state, directory = sys.argv[1:6]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "configs", "w3.json"), encoding="utf-8") as f:
        template = json.load(f)
    os.makedirs(directory, exist_ok=True)
    db = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
    count = 0
    for site_id, slug, name, site_url in db.execute(
            "SELECT id, slug, name, url FROM sites ORDER BY id"):
        c = json.loads(json.dumps(template))
        c["//"] = "Benchmarks/platform-configs.py: site %d of %s" % (site_id, os.path.basename(database))
        host = site_url.split("/")[2]
        c["site"].pop("copyright", None)  # platform mode has none per site
        c["site"].update({
            "title": name, "url": site_url, "description": name,
            "author": {"name": name, "url": site_url},
            "idPrefix": "tag:%s,2026:" % host})
        c["database"] = {"url": url, "articlesQuery": ARTICLES % site_id,
                         "categoriesQuery": CATEGORIES % site_id}
        c["output"]["directory"] = os.path.join(output, slug)
        c["output"]["baseURL"] = site_url + "feeds/"
        c["state"]["directory"] = os.path.join(state, slug)
        with open(os.path.join(directory, "%05d-%s.json" % (site_id, slug)), "w", encoding="utf-8") as f:
            json.dump(c, f, ensure_ascii=False, indent=2)
        count += 1
    print("%d configurations in %s" % (count, directory), file=sys.stderr)


if __name__ == "__main__":
    main()
