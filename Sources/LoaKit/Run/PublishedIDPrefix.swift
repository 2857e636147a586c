import FoundationEssentials
import LoaCore

/// The id prefix the published site feed carries, read back from the output directory.
///
/// Without `site.idPrefix` in the configuration the prefix is derived from `site.url`'s host,
/// so moving the portal to a new domain would change every item id and readers would show
/// every article again. The published feeds are what readers have seen, and they survive both
/// a domain move and a reset of the state directory, so a run keeps their prefix
/// (docs/upgrading.md). Only loa's own files are read: the site feed's Atom `<id>`, else the
/// first RSS `guid` or JSON Feed item `id`; a file that does not look like loa's yields nil.
package enum PublishedIDPrefix {
  /// The prefix of the site feed published in `directory`, or nil when there is none.
  package static func read(outputDirectory directory: String) -> String? {
    for format in [FeedFormat.atom, .rss, .json] {
      let path =
        directory.hasSuffix("/") ? directory + format.fileName : directory + "/" + format.fileName
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let text = String(decoding: data.prefix(256 * 1024), as: UTF8.self)
      if let prefix = prefix(in: text, format: format) { return prefix }
    }
    return nil
  }

  /// The prefix in the text of one published site feed.
  package static func prefix(in text: String, format: FeedFormat) -> String? {
    switch format {
    case .atom:
      // The feed's own id comes before any entry: `<id>PREFIXfeed</id>`.
      guard let id = between(text, "<id>", "</id>").map(unescapedXML), id.hasSuffix("feed")
      else { return nil }
      return String(id.dropLast("feed".count))
    case .rss:
      return between(text, "<guid isPermaLink=\"false\">", "</guid>")
        .map(unescapedXML).flatMap(articlePrefix)
    case .json:
      // Item ids are the only "id" members loa writes, and never hold a quote.
      return between(text, "\"id\": \"", "\"")
        .map { $0.replacingAll("\\/", with: "/") }.flatMap(articlePrefix)
    }
  }

  /// `PREFIX` of `PREFIXarticle:123`.
  private static func articlePrefix(_ id: String) -> String? {
    guard let r = id.lastOccurrence(of: "article:"),
      !id[r.upperBound...].isEmpty, id[r.upperBound...].allSatisfy(\.isASCII),
      id[r.upperBound...].allSatisfy(\.isNumber)
    else { return nil }
    let prefix = String(id[..<r.lowerBound])
    return prefix.isEmpty ? nil : prefix
  }

  private static func between(_ text: String, _ start: String, _ end: String) -> String? {
    guard let a = text.firstOccurrence(of: start),
      let b = text[a.upperBound...].firstOccurrence(of: end)
    else { return nil }
    return String(text[a.upperBound..<b.lowerBound])
  }

  private static func unescapedXML(_ s: String) -> String {
    s.replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
      .replacingAll("&quot;", with: "\"").replacingAll("&apos;", with: "'")
      .replacingAll("&amp;", with: "&")
  }

  /// The configuration a run should use: with the published prefix when the configuration
  /// sets none and the derived one differs, plus the one warning that says so.
  package static func adopted(
    _ configuration: Configuration, logger: Logger
  ) -> Configuration {
    guard !configuration.site.idPrefixIsExplicit,
      let published = read(outputDirectory: configuration.output.directory),
      published != configuration.site.idPrefix
    else { return configuration }
    logger.warning(
      "config",
      "the published feeds' ids start with \(published), not \(configuration.site.idPrefix) (from site.url); keeping \(published) so readers see no article again: set site.idPrefix to \"\(published)\" in the configuration (docs/upgrading.md)"
    )
    var adjusted = configuration
    adjusted.site.idPrefix = published
    return adjusted
  }
}
