import LoaCore

/// A RELAX NG grammar for the sitemaps loa writes, compiled into the program so each one is
/// validated before it is published, as Atom files are against RFC 4287 (``AtomSchema``).
///
/// loa's own, written from the protocols rather than copied: sitemaps.org 0.9
/// (https://www.sitemaps.org/protocol.html: `urlset`/`url` with `loc` of 12–2048 characters
/// and an optional `lastmod`; `sitemapindex`/`sitemap`) and Google's news sitemap
/// (`news:news` with `news:publication` (`news:name`, `news:language`), `news:publication_date`
/// and `news:title`, in that order). It admits only the subset loa writes, so it is stricter
/// than the published XSDs the tests validate against (Tests/LoaKitTests/Fixtures/sitemaps):
/// a `lastmod` must carry a time and an offset, and names and titles may not be empty. The
/// limits on the number of URLs are not expressible here; ``SitemapSelection`` enforces them.
enum SitemapSchema {
  static let rng = #"""
<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"
  ns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <start>
    <choice>
      <ref name="urlset"/>
      <ref name="sitemapindex"/>
    </choice>
  </start>
  <define name="loc">
    <element name="loc">
      <data type="anyURI">
        <param name="minLength">12</param>
        <param name="maxLength">2048</param>
        <param name="pattern">https?://.+</param>
      </data>
    </element>
  </define>
  <define name="lastmod">
    <element name="lastmod">
      <ref name="dateTime"/>
    </element>
  </define>
  <define name="dateTime">
    <data type="dateTime">
      <param name="pattern">.+T.+(Z|[+\-]\d\d:\d\d)</param>
    </data>
  </define>
  <define name="text">
    <data type="string">
      <param name="minLength">1</param>
    </data>
  </define>
  <define name="urlset">
    <element name="urlset">
      <oneOrMore>
        <element name="url">
          <ref name="loc"/>
          <choice>
            <ref name="lastmod"/>
            <ref name="news"/>
          </choice>
        </element>
      </oneOrMore>
    </element>
  </define>
  <define name="sitemapindex">
    <element name="sitemapindex">
      <oneOrMore>
        <element name="sitemap">
          <ref name="loc"/>
          <ref name="lastmod"/>
        </element>
      </oneOrMore>
    </element>
  </define>
  <define name="news">
    <element name="news" ns="http://www.google.com/schemas/sitemap-news/0.9">
      <element name="publication">
        <element name="name">
          <ref name="text"/>
        </element>
        <element name="language">
          <data type="string">
            <param name="pattern">zh-cn|zh-tw|[a-z]{2,3}</param>
          </data>
        </element>
      </element>
      <element name="publication_date">
        <ref name="dateTime"/>
      </element>
      <element name="title">
        <ref name="text"/>
      </element>
    </element>
  </define>
</grammar>
"""#
}
