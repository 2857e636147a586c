import FoundationEssentials
import LoaCore
import LoaStore

extension Configuration {
  /// One of the operator's own queries, and the key it came from.
  struct CustomQuery {
    var sql: String
    /// `database.articlesQuery`, or `database.articlesQueryFile (/etc/loa/articles.sql)`.
    var origin: String
  }

  /// The query of `database.<key>`: a string, a list of lines (joined with line feeds), or
  /// the file named by `database.<key>File` (relative to the configuration's folder). Giving
  /// both is refused, so the file cannot silently lose to a forgotten string (or the reverse).
  ///
  /// - Throws: ``ConfigError`` (exit 78) naming the key, and for a file its path: missing,
  ///   unreadable, not UTF-8, empty, or holding control characters.
  static func customQuery(
    _ d: inout ConfigObject, _ key: String, baseDirectory: String
  ) throws -> CustomQuery? {
    let inline = try d.lines(key)
    guard let file = try d.string(key + "File") else {
      guard let inline else { return nil }
      guard !Whitespace.trimmed(Substring(inline)).isEmpty else {
        throw ConfigError(.invalidValue, key: d.keyPath(key), "must not be empty")
      }
      return CustomQuery(sql: inline, origin: d.keyPath(key))
    }
    let fileKey = d.keyPath(key + "File")
    if inline != nil {
      throw ConfigError(
        .invalidValue, key: fileKey, "and \(d.keyPath(key)) are both given; keep one of them")
    }
    guard !file.isEmpty else { throw ConfigError(.invalidValue, key: fileKey, "must not be empty") }
    let path = Paths.absolute(file, relativeTo: baseDirectory)
    let data: Data
    do {
      data = try readFile(path)
    } catch let e as ConfigError {
      throw ConfigError(.invalidValue, key: fileKey, "\(path) \(e.message)")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ConfigError(.invalidValue, key: fileKey, "\(path) is not UTF-8 text")
    }
    guard !Whitespace.trimmed(Substring(text)).isEmpty else {
      throw ConfigError(.invalidValue, key: fileKey, "\(path) holds no query")
    }
    do {
      try ConfigObject.refuseControlCharacters(text, key: fileKey, allowing: [0x09, 0x0A, 0x0D])
    } catch let e as ConfigError {
      throw ConfigError(.invalidValue, key: fileKey, "\(path) \(e.message)")
    }
    return CustomQuery(sql: text, origin: "\(fileKey) (\(path))")
  }

  /// A hash of the query files' texts, to fold into ``fileFingerprint``: a run must notice a
  /// changed query file as it notices a changed configuration. Nil when no query came from a
  /// file.
  var queryFilesFingerprint: String? {
    let d = database
    guard d.queryKeys != QueryKeys() else { return nil }
    let parts = [
      d.queryKeys.articles, d.articlesQuery ?? "", d.queryKeys.categories, d.categoriesQuery ?? "",
      d.queryKeys.articleCategories, d.articleCategoriesQuery ?? "",
    ]
    return parts.joined(separator: "\u{1F}")
  }
}
