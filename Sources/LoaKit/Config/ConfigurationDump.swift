import FoundationEssentials
import LoaCore
import LoaWeather

extension Configuration {
  /// `loa config dump`: the effective configuration as pretty JSON with every default filled
  /// in, in the shape of the file (docs/loa-config.schema.json), paths made absolute and any
  /// password in the database URL shown as `***`. Query texts are shown as loaded.
  package func dumped() -> String {
    func optional(_ v: String?) -> Any { v.map { $0 as Any } ?? DumpJSON.Absent() }
    var root: [String: Any] = ["version": version]
    var author: [String: Any] = ["name": site.authorName, "url": optional(site.authorURL)]
    author["email"] = optional(site.authorEmail)
    root["site"] =
      [
        "title": site.title, "url": site.url.description, "description": site.description,
        "language": site.language, "timeZone": site.timeZone.identifier,
        "icon": optional(site.icon),
        "favicon": optional(site.favicon), "image": optional(site.image), "author": author,
        "copyright": optional(site.copyright), "idPrefix": site.idPrefix,
      ] as [String: Any]
    root["database"] =
      [
        "url": database.location.description, "articlesQuery": optional(database.articlesQuery),
        "categoriesQuery": optional(database.categoriesQuery),
        "articleCategoriesQuery": optional(database.articleCategoriesQuery),
        "sitesQuery": optional(database.sitesQuery),
        "dateFormats": database.dateFormats.map(\.description),
        "busyTimeoutSeconds": database.busyTimeoutSeconds,
        "statementTimeoutSeconds": database.statementTimeoutSeconds,
        "connectTimeoutSeconds": database.connectTimeoutSeconds,
        "publishedStatuses": database.publishedStatuses,
      ] as [String: Any]
    root["output"] =
      [
        "directory": output.directory, "baseURL": output.baseURL.description, "gzip": output.gzip,
        "gzipLevel": output.gzipLevel, "index": output.index,
      ] as [String: Any]
    root["feeds"] =
      [
        "itemsPerFeed": feeds.itemsPerFeed, "formats": feeds.formats.map(\.rawValue),
        "categories": feeds.categoryFeeds, "opml": feeds.opml, "categoryTitle": feeds.categoryTitle,
        "maxContentBytes": feeds.maxContentBytes, "maxFeedBytes": feeds.maxFeedBytes,
        "archives": feeds.archives,
      ] as [String: Any]
    root["sitemaps"] =
      [
        "articles": sitemaps.articles, "news": sitemaps.news,
        "publicationName": optional(sitemaps.publicationName),
      ] as [String: Any]
    if let platform {
      root["platform"] =
        [
          "feedsPath": platform.feedsPath, "rollUp": platform.rollUp,
          "concurrency": platform.concurrency, "siteDirectory": platform.siteDirectory,
        ] as [String: Any]
    }
    root["links"] = ["article": links.article, "category": links.category]
    root["state"] = ["directory": optional(state.directory)]
    root["websub"] =
      ["hubs": websub.hubs, "timeoutSeconds": websub.timeoutSeconds] as [String: Any]
    if let w = weather {
      var source: [String: Any] = ["kind": w.source.kind]
      switch w.source {
      case .network(_, let template):
        source["url"] = template
        source["apiKeyEnv"] = optional(w.apiKeyEnvironmentVariable)
      case .file(let format, let path):
        source["format"] = format.rawValue
        source["path"] = path
        source["checkAge"] = w.checkFileAge
      }
      root["weather"] =
        [
          "enabled": w.enabled, "source": source, "colorScheme": w.colorScheme.rawValue,
          "location": [
            "name": w.location.name, "latitude": w.location.latitude,
            "longitude": w.location.longitude,
          ] as [String: Any],
          "userAgent": w.userAgent,
          "attribution": ["text": w.attributionText, "url": w.attributionURL],
          "units": [
            "temperature": "celsius", "windSpeed": w.windUnit.rawValue,
            "showBeaufort": w.showBeaufort,
          ] as [String: Any],
          "http": [
            "idleTimeoutSeconds": w.http.idleTimeoutSeconds,
            "totalTimeoutSeconds": w.http.totalTimeoutSeconds,
            "maxResponseBytes": w.http.maxResponseBytes, "retries": w.http.retries,
            "retryDelaySeconds": w.http.retryDelaySeconds,
          ] as [String: Any],
          "staleAfterMinutes": w.staleAfterSeconds / 60,
          "hideAfterHours": w.hideAfterSeconds / 3600,
          "maxSourceAgeMinutes": w.maxSourceAgeSeconds / 60, "outlookDays": w.outlookDays,
          "output": ["html": w.htmlFile, "json": w.jsonFile],
        ] as [String: Any]
    }
    // An unset optional key is left out, as in a file (the schema has no nulls).
    func pruned(_ value: Any) -> Any {
      guard let object = value as? [String: Any] else { return value }
      return object.filter { !($0.value is DumpJSON.Absent) }.mapValues(pruned)
    }
    var out = ""
    DumpJSON.write(pruned(root), indent: 0, to: &out)
    return out + "\n"
  }
}

/// The pretty JSON `loa config dump` prints, in the layout it has always had (that of
/// Foundation's `JSONSerialization` with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes`): two-space indents, `"key" : value`, keys sorted ignoring case.
enum DumpJSON {
  /// An unset optional key, left out of its object.
  struct Absent {}

  static func write(_ value: Any, indent: Int, to out: inout String) {
    switch value {
    case let s as String: string(s, to: &out)
    case let b as Bool: out += b ? "true" : "false"
    case let n as Int: out += String(n)
    case let n as Int64: out += String(n)
    case let n as Int32: out += String(n)
    case let d as Double: out += number(d)
    case let object as [String: Any]:
      let keys = object.keys.sorted { a, b in
        let (la, lb) = (a.lowercased(), b.lowercased())
        return la != lb ? la < lb : a < b
      }
      container("{", "}", keys.count, indent: indent, to: &out) { i, out in
        string(keys[i], to: &out)
        out += " : "
        write(object[keys[i]] ?? Absent(), indent: indent + 1, to: &out)
      }
    case let array as [Any]:
      container("[", "]", array.count, indent: indent, to: &out) { i, out in
        write(array[i], indent: indent + 1, to: &out)
      }
    default: out += "null"
    }
  }

  private static func container(
    _ open: String, _ close: String, _ count: Int, indent: Int, to out: inout String,
    element: (Int, inout String) -> Void
  ) {
    let inner = String(repeating: "  ", count: indent + 1)
    out += open + "\n"
    for i in 0..<count {
      if i > 0 { out += ",\n" }
      out += inner
      element(i, &out)
    }
    out += "\n" + String(repeating: "  ", count: indent) + close
  }

  /// A whole number without a fraction (`2`), anything else in its shortest form (`20.95`).
  private static func number(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return "\(d)"
  }

  private static func string(_ s: String, to out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{8}": out += "\\b"
      case "\u{C}": out += "\\f"
      case _ where u.value < 0x20:
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(u)
      }
    }
    out += "\""
  }
}
