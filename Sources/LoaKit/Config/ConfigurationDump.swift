import Foundation
import LoaCore
import LoaWeather

extension Configuration {
  /// `loa config dump`: the effective configuration as pretty JSON with every default filled
  /// in, in the shape of the file (docs/loa-config.schema.json), paths made absolute and any
  /// password in the database URL shown as `***`. Query texts are shown as loaded.
  package func dumped() -> String {
    func optional(_ v: String?) -> Any { v ?? NSNull() }
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
      return object.filter { !($0.value is NSNull) }.mapValues(pruned)
    }
    let options: JSONSerialization.WritingOptions = [
      .prettyPrinted, .sortedKeys, .withoutEscapingSlashes,
    ]
    guard let data = try? JSONSerialization.data(withJSONObject: pruned(root), options: options)
    else {
      return "{}\n"  // unreachable: every value above is a JSON type
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
