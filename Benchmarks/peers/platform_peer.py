"""Peer for the province platform (issue 15): python-feedgen writing every site's feeds of a
platform database (docs/multisite.md) in one Python process, as a portal's script would loop
over its sites: for each row of `sites`, the site feed and every category feed of that site
(RSS + Atom with feedgen, JSON Feed with json), into <out>/<slug>/, with the site's name and
URL. No roll-up (no peer writes one). Usage: platform_peer.py --db FILE --workload w3 --out DIR
[--now TIME] [--shard I/N] (I/N: every N-th site from the I-th, for two processes at once)."""

import argparse
import os
import sqlite3

import common
import feedgen_peer


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--db", required=True, help="SQLite platform database")
    p.add_argument("--workload", default="w3", choices=sorted(common.WORKLOADS))
    p.add_argument("--out", required=True, help="output directory (one folder per site)")
    p.add_argument("--now", default="2026-11-29 12:00:00", help="local time; later rows are scheduled")
    p.add_argument("--shard", default="1/1", help="I/N: sites whose position modulo N is I-1")
    args = p.parse_args()
    index, count = (int(x) for x in args.shard.split("/"))
    db = sqlite3.connect("file:%s?mode=ro" % args.db, uri=True)
    sites = db.execute("SELECT id, slug, name, url FROM sites ORDER BY id").fetchall()
    for position, row in enumerate(sites):
        if position % count != index - 1:
            continue
        site = common.Site(args, site=row, db=db)
        feedgen_peer.write(args, site, os.path.join(args.out, row[1]))


if __name__ == "__main__":
    main()
