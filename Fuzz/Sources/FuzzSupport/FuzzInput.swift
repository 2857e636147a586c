/// Turning libFuzzer's bytes into inputs.
public enum FuzzInput {
  /// Field separator of multi-field inputs: U+001F INFORMATION SEPARATOR ONE, which XML
  /// forbids anyway (so no field loses a character the cleaner would have kept).
  public static let separator: UInt8 = 0x1F

  /// The bytes libFuzzer passed in.
  public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// The bytes as a String, invalid UTF-8 replaced by U+FFFD (what the database layer does).
  public static func string(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  }

  /// The bytes split at ``separator``, each piece decoded as UTF-8 (U+FFFD for invalid
  /// sequences, as the SQLite and PostgreSQL readers do).
  public static func fields(_ data: UnsafePointer<UInt8>, _ size: Int) -> [String] {
    UnsafeBufferPointer(start: data, count: size)
      .split(separator: separator, omittingEmptySubsequences: false)
      .map { String(decoding: $0, as: UTF8.self) }
  }
}

/// Stops the process with a message libFuzzer shows next to the crash: an invariant broke.
public func fuzzFailure(
  _ invariant: String, _ detail: @autoclosure () -> String, file: StaticString = #file,
  line: UInt = #line
) -> Never {
  fatalError("invariant broken: \(invariant)\n\(detail())", file: file, line: line)
}

/// `text` as a Swift string literal, for reproducers in reports.
public func swiftLiteral(_ text: String) -> String {
  var out = "\""
  for u in text.unicodeScalars {
    switch u {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value)
        || u.value == 0xFFFE || u.value == 0xFFFF
      {
        out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(u)
      }
    }
  }
  return out + "\""
}
