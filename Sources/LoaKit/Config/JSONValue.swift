import Foundation

/// A parsed JSON value. Decoded with `JSONDecoder`, which tells booleans from numbers.
enum JSONValue: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let n = try? c.decode(Double.self) {
      self = .number(n)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  static func parse(_ data: Data) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data)
  }
}

/// A read-only walk over a JSON object that knows the key path it is at, so every error names
/// the key (`site.url: expected a string`), and that rejects keys nobody read (typos).
struct ConfigObject {
  let path: String
  private let values: [String: JSONValue]
  private var read: Set<String> = []

  init(_ values: [String: JSONValue], path: String) {
    self.values = values
    self.path = path
  }

  func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

  private mutating func value(_ key: String) -> JSONValue? {
    read.insert(key)
    guard let v = values[key], v != .null else { return nil }
    return v
  }

  mutating func string(_ key: String) throws -> String? {
    guard let v = value(key) else { return nil }
    guard case .string(let s) = v else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected a string")
    }
    return s
  }

  mutating func requiredString(_ key: String) throws -> String {
    guard let s = try string(key) else {
      throw ConfigError(.missingKey, key: keyPath(key), "is required")
    }
    guard !s.isEmpty else {
      throw ConfigError(.invalidValue, key: keyPath(key), "must not be empty")
    }
    return s
  }

  mutating func int(_ key: String) throws -> Int? {
    guard let v = value(key) else { return nil }
    guard case .number(let d) = v, d == d.rounded(), abs(d) < 1e15 else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected a whole number")
    }
    return Int(d)
  }

  /// A number, fractional allowed.
  mutating func double(_ key: String) throws -> Double? {
    guard let v = value(key) else { return nil }
    guard case .number(let d) = v, d.isFinite else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected a number")
    }
    return d
  }

  /// Whether `key` is present and not null (and marks it read).
  mutating func isPresent(_ key: String) -> Bool { value(key) != nil }

  mutating func bool(_ key: String) throws -> Bool? {
    guard let v = value(key) else { return nil }
    guard case .bool(let b) = v else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected true or false")
    }
    return b
  }

  mutating func strings(_ key: String) throws -> [String]? {
    guard let v = value(key) else { return nil }
    guard case .array(let a) = v else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected a list of strings")
    }
    return try a.map {
      guard case .string(let s) = $0 else {
        throw ConfigError(.invalidValue, key: keyPath(key), "expected a list of strings")
      }
      return s
    }
  }

  mutating func object(_ key: String) throws -> ConfigObject? {
    guard let v = value(key) else { return nil }
    guard case .object(let o) = v else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected an object")
    }
    return ConfigObject(o, path: keyPath(key))
  }

  /// Fails on the first key (in sorted order) that was never read. Keys starting with `//`
  /// are comments.
  func rejectUnknownKeys() throws {
    for key in values.keys.sorted() where !read.contains(key) && !key.hasPrefix("//") {
      throw ConfigError(.unknownKey, key: keyPath(key), "unknown key")
    }
  }
}
