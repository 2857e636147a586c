"""Peer: feedgenerator 2.2.1 (standalone django.utils.feedgenerator) writing the workload's
feeds (RSS 2.0 + Atom; JSON Feed through the stdlib json module). Its RSS writer has no
content:encoded, so a small subclass adds it, the way Django sites usually do."""

import json

import feedgenerator

import common


class ContentRss(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["content"] is not None:
            handler.addQuickElement("content:encoded", item["content"])


def fill(feed, items):
    for it in items:
        enclosures = [feedgenerator.Enclosure(it.image, "0", it.image_type)] if it.image else None
        feed.add_item(
            title=it.title, link=it.link, description=it.summary, content=it.content,
            author_name=", ".join(it.authors) or None, pubdate=it.published,
            updateddate=it.updated, unique_id=it.guid, unique_id_is_permalink=False,
            categories=it.categories, enclosures=enclosures)
    return feed


def main():
    args = common.arguments(__doc__)
    site = common.Site(args)
    for directory, title, description, home, items in site.feeds():
        base = common.FEED_BASE + (directory + "/" if directory else "")
        for fmt in site.formats:
            if fmt == "json":
                with open(common.output_path(args, directory, "feed.json"), "w", encoding="utf-8") as f:
                    json.dump(common.json_feed(directory, title, description, home, items), f,
                              ensure_ascii=False, indent=2)
                continue
            cls, name = (ContentRss, "rss.xml") if fmt == "rss" else (feedgenerator.Atom1Feed, "atom.xml")
            feed = cls(title=title, link=home, description=description, language="vi",
                       feed_url=base + name, feed_copyright=common.COPYRIGHT,
                       author_name=common.AUTHOR,
                       feed_guid=common.ID_PREFIX + ("feed" if not directory else "feed:" + directory))
            fill(feed, items)
            with open(common.output_path(args, directory, name), "w", encoding="utf-8") as f:
                feed.write(f, "utf-8")


if __name__ == "__main__":
    main()
