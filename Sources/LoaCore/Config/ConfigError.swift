/// A configuration problem, with the config key it concerns.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
  public enum Code: Sendable, Equatable {
    /// The config file does not exist or cannot be read (exit 66).
    case fileNotFound
    /// The file is not valid JSON (exit 78).
    case syntax
    /// A required key is missing (exit 78).
    case missingKey
    /// A key has a wrong type or value (exit 78).
    case invalidValue
    /// A key loa does not know: usually a typo (exit 78).
    case unknownKey
    /// `version` is not one this loa understands (exit 78).
    case unsupportedVersion
  }

  public let code: Code
  /// Dotted key path, e.g. `site.url`; nil for whole-file problems.
  public let key: String?
  public let message: String
  /// The config file, when known.
  public var path: String?
  /// Where in the file a syntax problem is (line and column from 1), when known.
  public var position: (line: Int, column: Int)?

  public init(
    _ code: Code, key: String?, _ message: String, path: String? = nil,
    position: (line: Int, column: Int)? = nil
  ) {
    self.code = code
    self.key = key
    self.message = message
    self.path = path
    self.position = position
  }

  /// `config /etc/loa/config.json:12:5: duplicate key "title"` or
  /// `config /etc/loa/config.json: site.url: must be an absolute http(s) URL`.
  ///
  /// A value that came from elsewhere (`LOA_DATABASE_URL`, an option such as `--database`)
  /// is named alone: `LOA_DATABASE_URL: unknown database scheme "mysql"; …`.
  public var description: String {
    if let key, key.hasPrefix("-") || key.hasPrefix("LOA_") { return key + ": " + message }
    var s = "config"
    if let path { s += " \(path)" }
    if let position { s += (path == nil ? " " : ":") + "\(position.line):\(position.column)" }
    if let key { s += ": \(key)" }
    return s + ": " + message
  }
}
