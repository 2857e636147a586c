import FoundationEssentials

/// A parsed JSON value, read by ``JSONReader`` (strict: duplicate keys, trailing commas and
/// invalid UTF-8 are refused with their line and column).
package enum JSONValue: Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// - Throws: ``JSONReader/Failure``.
  package static func parse(_ data: Data) throws -> JSONValue {
    try JSONReader.parse([UInt8](data))
  }
}

/// A read-only walk over a JSON object that knows the key path it is at, so every error names
/// the key (`site.url: expected a string`), and that rejects keys nobody read (typos).
package struct ConfigObject {
  package let path: String
  private let values: [String: JSONValue]
  private var read: Set<String> = []
  /// Collects every key path the parser asks for, present or not, when set; objects read
  /// from this one share it. Tests compare it with docs/loa-config.schema.json.
  package var recorder: KeyRecorder?

  package init(_ values: [String: JSONValue], path: String) {
    self.values = values
    self.path = path
  }

  package func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

  private mutating func value(_ key: String) -> JSONValue? {
    read.insert(key)
    recorder?.keys.insert(keyPath(key))
    guard let v = values[key], v != .null else { return nil }
    return v
  }

  /// A string value. A control character is refused with the key (an ESC in the copyright
  /// made every RSS and Atom file fail its check; NUL was cut in XML but kept in JSON): C0
  /// controls other than tab, line feed and carriage return, DEL, C1 controls, and U+FFFE and
  /// U+FFFF, which XML forbids.
  package mutating func string(_ key: String) throws -> String? {
    guard let v = value(key) else { return nil }
    guard case .string(let s) = v else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected a string")
    }
    try Self.refuseControlCharacters(s, key: keyPath(key), allowing: [0x09, 0x0A, 0x0D])
    return s
  }

  /// Text readers see (a title, a name, the copyright): ``string(_:)`` without any control
  /// character (tab and line breaks only when `multiline`, as in a description), normalized
  /// to Unicode NFC like article text.
  package mutating func text(_ key: String, multiline: Bool = false) throws -> String? {
    guard let s = try string(key) else { return nil }
    try Self.refuseControlCharacters(s, key: keyPath(key), allowing: multiline ? [0x09, 0x0A, 0x0D] : [])
    return Unicode.nfc(s)
  }

  /// ``text(_:multiline:)`` that must be present and not empty.
  package mutating func requiredText(_ key: String) throws -> String {
    _ = try requiredString(key)
    return try text(key) ?? ""
  }

  /// Throws naming `key` and the first control character in `s` not in `allowed`.
  ///
  /// `allowed` is an array, not a `Set`: the first `Set<UInt32>` of a process costs the Swift
  /// runtime a scan of every protocol conformance in the binary (`UInt32: Hashable`), a
  /// twentieth of a run where nothing changed (issue 16).
  package static func refuseControlCharacters(_ s: String, key: String, allowing allowed: [UInt32]) throws {
    var position = 0
    for u in s.unicodeScalars {
      position += 1
      let v = u.value
      let control = v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
      guard control, !allowed.contains(v) else { continue }
      let code = String(v, radix: 16, uppercase: true)
      throw ConfigError(
        .invalidValue, key: key,
        "contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) "
          + "at character \(position); configuration text must not contain control characters")
    }
  }

  package mutating func requiredString(_ key: String) throws -> String {
    guard let s = try string(key) else { throw missing(key) }
    guard !s.isEmpty else {
      throw ConfigError(.invalidValue, key: keyPath(key), "must not be empty")
    }
    return s
  }

  package mutating func int(_ key: String) throws -> Int? {
    guard let v = value(key) else { return nil }
    guard case .number(let d) = v, d == d.rounded(), abs(d) < 1e15 else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected a whole number")
    }
    return Int(d)
  }

  /// A number, fractional allowed.
  package mutating func double(_ key: String) throws -> Double? {
    guard let v = value(key) else { return nil }
    guard case .number(let d) = v, d.isFinite else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected a number")
    }
    return d
  }

  /// Whether `key` is present and not null (and marks it read).
  package mutating func isPresent(_ key: String) -> Bool { value(key) != nil }

  package mutating func bool(_ key: String) throws -> Bool? {
    guard let v = value(key) else { return nil }
    guard case .bool(let b) = v else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected true or false")
    }
    return b
  }

  package mutating func strings(_ key: String) throws -> [String]? {
    guard let v = value(key) else { return nil }
    guard case .array(let a) = v else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected a list of strings")
    }
    return try a.map {
      guard case .string(let s) = $0 else {
        throw ConfigError(.invalidValue, key: keyPath(key), "expected a list of strings")
      }
      try Self.refuseControlCharacters(s, key: keyPath(key), allowing: [0x09, 0x0A, 0x0D])
      return s
    }
  }

  /// A text given as one string or as a list of lines (joined with line feeds), such as a
  /// SQL query too long for one JSON string. Control characters are refused as in
  /// ``string(_:)``; an empty list is refused.
  package mutating func lines(_ key: String) throws -> String? {
    guard let v = value(key) else { return nil }
    switch v {
    case .string:
      return try string(key)
    case .array(let a) where !a.isEmpty:
      return try strings(key)?.joined(separator: "\n")
    case .array:
      throw ConfigError(.invalidValue, key: keyPath(key), "must not be an empty list")
    default:
      throw ConfigError(
        .invalidValue, key: keyPath(key), "expected a string or a list of strings (lines)")
    }
  }

  package mutating func object(_ key: String) throws -> ConfigObject? {
    guard let v = value(key) else { return nil }
    guard case .object(let o) = v else {
      throw ConfigError(.invalidValue, key: keyPath(key), "expected an object")
    }
    var child = ConfigObject(o, path: keyPath(key))
    child.recorder = recorder
    return child
  }

  /// Fails on the first key (in sorted order) that was never read, suggesting the nearest
  /// key that was (`titel` → "did you mean `title`?"). Keys starting with `//` are comments.
  package func rejectUnknownKeys() throws {
    for key in values.keys.sorted() where !read.contains(key) && !key.hasPrefix("//") {
      throw unknown(key, nearest: Suggestion.nearest(to: key, among: read.sorted()))
    }
  }

  /// The error for a required `key` that is absent: an unknown key in this object that is a
  /// typo of it (`"titel"` for `title`) is named instead, since that is what to fix.
  package func missing(_ key: String, _ message: String = "is required") -> ConfigError {
    let unread = values.keys.sorted().filter { !read.contains($0) && !$0.hasPrefix("//") }
    if let typo = unread.first(where: { Suggestion.nearest(to: $0, among: [key]) != nil }) {
      return unknown(typo, nearest: key)
    }
    return ConfigError(.missingKey, key: keyPath(key), message)
  }

  private func unknown(_ key: String, nearest: String?) -> ConfigError {
    let hint = nearest.map { "; did you mean `\($0)`?" } ?? ""
    return ConfigError(.unknownKey, key: keyPath(key), "unknown key" + hint)
  }
}

/// The key paths a configuration parse asked for (``ConfigObject/recorder``).
package final class KeyRecorder {
  package var keys: Set<String> = []
  package init() {}
}
