"""Peer: python-feedgen 1.0.0 writing the workload's feeds (RSS 2.0 + Atom; JSON Feed through
the stdlib json module, since feedgen has no JSON Feed writer). Usage: see common.arguments."""

import json

from feedgen.feed import FeedGenerator

import common


def build(directory, title, description, home, items):
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(common.ID_PREFIX + ("feed" if not directory else "feed:" + directory))
    fg.title(title)
    fg.description(description)
    fg.subtitle(description)
    fg.language("vi")
    fg.rights(common.COPYRIGHT)
    fg.author({"name": common.AUTHOR})
    newest = max((it.updated for it in items), default=None)
    if newest is not None:
        fg.lastBuildDate(newest)
        fg.updated(newest)
    for it in items:
        fe = fg.add_entry(order="append")
        fe.id(it.guid)
        fe.guid(it.guid, permalink=False)
        fe.title(it.title)
        fe.link(href=it.link, rel="alternate")
        if it.summary:
            fe.summary(it.summary)
            fe.description(it.summary)
        if it.content:
            fe.content(it.content, type="html")
        for a in it.authors:
            fe.author({"name": a})
            fe.dc.dc_creator(a)
        for c in it.categories:
            fe.category(term=c)
        fe.published(it.published)
        fe.updated(it.updated)
        if it.image:
            fe.enclosure(it.image, "0", it.image_type)
    return fg


def main():
    args = common.arguments(__doc__)
    site = common.Site(args)
    for directory, title, description, home, items in site.feeds():
        fg = build(directory, title, description, home, items)
        base = common.FEED_BASE + (directory + "/" if directory else "")
        for fmt in site.formats:
            # feedgen takes the RSS channel <link> from the last link added: self first.
            name = {"rss": "rss.xml", "atom": "atom.xml"}.get(fmt)
            if name:
                fg.link([{"href": base + name, "rel": "self"}, {"href": home, "rel": "alternate"}],
                        replace=True)
            if fmt == "rss":
                fg.rss_file(common.output_path(args, directory, name), pretty=True)
            elif fmt == "atom":
                fg.atom_file(common.output_path(args, directory, name), pretty=True)
            else:
                with open(common.output_path(args, directory, "feed.json"), "w", encoding="utf-8") as f:
                    json.dump(common.json_feed(directory, title, description, home, items), f,
                              ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
