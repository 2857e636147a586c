"""Peer: python-feedgen 1.0.0 writing the workload's feeds (RSS 2.0 + Atom; JSON Feed through
the stdlib json module, since feedgen has no JSON Feed writer). Usage: see common.arguments."""

import json

from feedgen.feed import FeedGenerator

import common


def build(directory, title, description, home, items, id_prefix=common.ID_PREFIX,
          author=common.AUTHOR, rights=common.COPYRIGHT):
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(id_prefix + ("feed" if not directory else "feed:" + directory))
    fg.title(title)
    fg.description(description)
    fg.subtitle(description)
    fg.language("vi")
    fg.rights(rights)
    fg.author({"name": author})
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


def write(args, site, out):
    """Every feed of one site (`site`: a common.Site) into the folder `out`."""
    for directory, title, description, home, items in site.feeds():
        fg = build(directory, title, description, home, items, site.id_prefix, site.author,
                   "© 2026 " + site.author if site.site_id is not None else common.COPYRIGHT)
        base = site.feed_base + (directory + "/" if directory else "")
        for fmt in site.formats:
            # feedgen takes the RSS channel <link> from the last link added: self first.
            name = {"rss": "rss.xml", "atom": "atom.xml"}.get(fmt)
            if name:
                fg.link([{"href": base + name, "rel": "self"}, {"href": home, "rel": "alternate"}],
                        replace=True)
            if fmt == "rss":
                fg.rss_file(common.output_path(out, directory, name), pretty=True)
            elif fmt == "atom":
                fg.atom_file(common.output_path(out, directory, name), pretty=True)
            else:
                with open(common.output_path(out, directory, "feed.json"), "w", encoding="utf-8") as f:
                    json.dump(common.json_feed(directory, title, description, home, items,
                                               site.feed_base, site.author), f,
                              ensure_ascii=False, indent=2)


def main():
    args = common.arguments(__doc__)
    write(args, common.Site(args), args.out)


if __name__ == "__main__":
    main()
