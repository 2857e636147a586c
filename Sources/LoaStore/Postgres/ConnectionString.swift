import CLibPQ
import FoundationEssentials
import LoaCore

/// A PostgreSQL connection string (a `postgresql://` URI or a libpq key=value string) as libpq
/// itself reads it, and the only forms of it that may be shown or stored: without a password.
///
/// The displayed form is rebuilt from the keywords `PQconninfoParse` returns, with every value
/// libpq marks as a password replaced by `***`; it is never made by editing the original text
/// (a quoted value with spaces, a backslash escape or a percent-encoded key would slip past).
/// A string that does not parse is never shown at all, and a libpq message that contains any
/// spelling of the password is never echoed.
public enum ConnectionString {
  /// One keyword and value as libpq parsed them.
  struct Option {
    let keyword: String
    let value: String
    /// libpq displays it as a password (`dispchar` `*`: `password`, `sslpassword`), or its
    /// keyword names one.
    let isSecret: Bool
  }

  /// What is shown in place of a password.
  static let mask = "***"

  /// The keywords, in libpq's order, and their values as libpq reads them from `conninfo`;
  /// or libpq's own message when it does not parse. That message may quote the whole string,
  /// password included: show it only through ``parseProblem(in:)``. Wraps `PQconninfoParse`.
  ///
  /// When libpq cannot be loaded, the failure says so (``ParseFailure/libraryMissing``):
  /// ``parseProblem(in:)`` then finds no problem, so the run fails where it connects, with
  /// exit 69 and the package to install.
  static func parse(_ conninfo: String) -> Result<[Option], ParseFailure> {
    let pq: LibPQ
    do {
      pq = try LibPQ.load()
    } catch {
      return .failure(ParseFailure(libpqMessage: error.description, libraryMissing: true))
    }
    var error: UnsafeMutablePointer<CChar>?
    guard let options = pq.PQconninfoParse(conninfo, &error) else {
      let message = error.map { String(cString: $0) } ?? "out of memory"
      if let error { pq.PQfreemem(error) }
      return .failure(ParseFailure(libpqMessage: message))
    }
    defer { pq.PQconninfoFree(options) }
    var found: [Option] = []
    var option = options
    while let keyword = option.pointee.keyword {
      if let value = option.pointee.val {
        let name = String(cString: keyword)
        let display = option.pointee.dispchar.map { String(cString: $0) } ?? ""
        found.append(
          Option(
            keyword: name, value: String(cString: value),
            isSecret: display.contains("*") || name.lowercased().contains("password")))
      }
      option += 1
    }
    return .success(found)
  }

  /// libpq's message for a string it cannot parse (it may hold the password).
  struct ParseFailure: Error {
    let libpqMessage: String
    /// libpq itself could not be loaded: nothing is known about the string.
    var libraryMissing = false
  }

  /// Every keyword libpq knows (`PQconninfoParse("")` lists them all, with no values); when
  /// libpq cannot be loaded, libpq 15's, so a key=value string is still told from a file
  /// name and the run fails for the missing library (exit 69), not for a missing file.
  package static let keywords: Set<String> = {
    guard let pq = try? LibPQ.load() else { return libpq15Keywords }
    var error: UnsafeMutablePointer<CChar>?
    guard let options = pq.PQconninfoParse("", &error) else {
      if let error { pq.PQfreemem(error) }
      return []
    }
    defer { pq.PQconninfoFree(options) }
    var names: Set<String> = []
    var option = options
    while let keyword = option.pointee.keyword {
      names.insert(String(cString: keyword))
      option += 1
    }
    return names
  }()

  static let libpq15Keywords: Set<String> = [
    "service", "user", "password", "passfile", "channel_binding", "connect_timeout", "dbname",
    "host", "hostaddr", "port", "client_encoding", "options", "application_name",
    "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "tcp_user_timeout", "sslmode", "sslcompression", "sslcert", "sslkey",
    "sslpassword", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer",
    "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode", "krbsrvname", "gsslib",
    "replication", "target_session_attrs",
  ]

  /// Whether `text` starts like a libpq URI (the prefixes libpq accepts, case-sensitively).
  static func isURI(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  /// The passwords libpq itself reads from `conninfo`, whatever their spelling
  /// (`?pass%77ord=`, `password='a b'`, `password=a\ b`).
  public static func passwords(in conninfo: String) -> [String] {
    guard case .success(let options) = parse(conninfo) else { return [] }
    return options.filter { $0.isSecret && !$0.value.isEmpty }.map(\.value)
  }

  /// Why `conninfo` does not parse, in one line that quotes nothing from it but a keyword
  /// (`invalid connection option "PASSWORD"`); nil when libpq parses it.
  public static func parseProblem(in conninfo: String) -> String? {
    guard case .failure(let failure) = parse(conninfo), !failure.libraryMissing else { return nil }
    let line =
      failure.libpqMessage.split(separator: "\n").first.map(String.init) ?? failure.libpqMessage
    return withholdingSecrets(quotingOnlyKeywords(line), from: conninfo)
  }

  /// `conninfo` for messages and for what a run stores: rebuilt from the keywords libpq
  /// parses, every password shown as `***`. A URI stays a URI
  /// (`postgresql://loa:***@db.example.org:5432/portal?sslmode=require`), a key=value string
  /// stays one (`host=db user=loa password=***`). A string that does not parse shows nothing
  /// of its text.
  public static func displayed(_ conninfo: String) -> String {
    guard case .success(let options) = parse(conninfo) else {
      return isURI(conninfo)
        ? "a postgresql:// connection string that does not parse"
        : "a connection string that does not parse"
    }
    let secrets = secrets(in: conninfo)
    /// The value shown for `o`: `***` for a password or anything holding one.
    func shown(_ o: Option) -> String {
      if o.isSecret || contains(o.value, ignoringCase: "password") { return mask }
      return secrets.contains { contains(o.value, ignoringCase: $0) } ? mask : o.value
    }
    guard isURI(conninfo) else {
      return options.map { "\($0.keyword)=\(quotedValue(shown($0)))" }.joined(separator: " ")
    }
    return rebuiltURI(
      scheme: conninfo.hasPrefix("postgres://") ? "postgres://" : "postgresql://",
      options: options, shown: shown)
  }

  /// `conninfo` without its passwords, for a configuration file `loa init` writes: rebuilt
  /// from what libpq parses like ``displayed(_:)``, with every password option left out
  /// (libpq then takes it from `PGPASSWORD` or `~/.pgpass`); nil when it does not parse.
  public static func withoutPasswords(_ conninfo: String) -> String? {
    guard case .success(let parsed) = parse(conninfo) else { return nil }
    let options = parsed.filter { !$0.isSecret }
    guard isURI(conninfo) else {
      return options.map { "\($0.keyword)=\(quotedValue($0.value))" }.joined(separator: " ")
    }
    return rebuiltURI(
      scheme: conninfo.hasPrefix("postgres://") ? "postgres://" : "postgresql://",
      options: options, shown: \.value)
  }

  /// A URI from parsed options: user and password in the user info, one plain host and a
  /// numeric port in the authority, the database as the path, everything else as query
  /// parameters (a socket folder or several hosts go there too).
  private static func rebuiltURI(
    scheme: String, options: [Option], shown: (Option) -> String
  ) -> String {
    func first(_ keyword: String) -> Option? { options.first { $0.keyword == keyword } }
    var uri = scheme
    let user = first("user")
    let password = first("password")
    if user != nil || password != nil {
      uri += user.map { shown($0) == mask ? mask : encoded(shown($0)) } ?? ""
      if password != nil { uri += ":" + mask }
      uri += "@"
    }
    var inAuthority: Set<String> = ["user", "password", "dbname"]
    let host = first("host").map(shown)
    let port = first("port").map(shown)
    let plainHost =
      host.map { h in
        !h.isEmpty
          && h.unicodeScalars.allSatisfy { $0.isASCII && !",/@?#[]% ".unicodeScalars.contains($0) }
      } ?? true
    let numericPort =
      port.map { p in !p.isEmpty && p.allSatisfy { $0.isASCII && $0.isNumber } } ?? true
    if plainHost && numericPort {
      if let host { uri += host.contains(":") ? "[\(host)]" : host }
      if let port { uri += ":" + port }
      inAuthority.formUnion(["host", "port"])
    }
    if let database = first("dbname") {
      uri += "/" + (shown(database) == mask ? mask : encoded(shown(database)))
    }
    let query = options.filter { !inAuthority.contains($0.keyword) }.map { o -> String in
      let value = shown(o)
      return encoded(o.keyword) + "=" + (value == mask ? mask : encoded(value))
    }
    if !query.isEmpty { uri += "?" + query.joined(separator: "&") }
    return uri
  }

  /// Percent-encodes all but RFC 3986's unreserved characters.
  private static func encoded(_ s: String) -> String {
    PercentEncoding.encode(s, allowing: .unreserved)
  }

  /// A key=value value, quoted as libpq reads it when it is empty or holds a space, a quote or
  /// a backslash.
  private static func quotedValue(_ value: String) -> String {
    guard value.isEmpty || value.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\\" })
    else { return value }
    var out = "'"
    for c in value {
      if c == "'" || c == "\\" { out.append("\\") }
      out.append(c)
    }
    return out + "'"
  }

  /// `message` with every quoted part (`"…"`) that is not punctuation from libpq's own wording
  /// replaced by `"…"`: libpq's parse messages quote the offending text, which may be the whole
  /// URI or part of a password (`missing "=" after "cr3t"`). A misspelt keyword
  /// (`invalid connection option "PASSWORD"`) stays, so the line names the problem.
  static func quotingOnlyKeywords(_ message: String) -> String {
    let keepsKeywords = message.hasPrefix("invalid connection option")
    let lowercaseKeywords = Set(keywords.map { $0.lowercased() })
    let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
    var out = ""
    for (i, part) in parts.enumerated() {
      if i > 0 { out += "\"" }
      // Odd parts are inside quotes (a message of libpq's own never quotes a quote alone).
      let inside = i % 2 == 1 && i < parts.count - 1
      if !inside || [":", "/", "=", "]"].contains(part)
        || (keepsKeywords && lowercaseKeywords.contains(part.lowercased()))
      {
        out += part
      } else {
        out += "…"
      }
    }
    return out
  }

  /// What might be a password in `conninfo`, for checking messages: what libpq parses as one,
  /// and, read loosely so a string libpq refuses is covered too, whatever follows a
  /// `password` key in any case or encoding and the password of a URI's user info; and
  /// `PGPASSWORD`. Each also percent-encoded.
  static func secrets(in conninfo: String) -> [String] {
    var found = passwords(in: conninfo)
    for text in Set([conninfo, leniently(percentDecoded: conninfo)]) {
      found += valuesAfterPasswordKeys(in: text)
      if let userInfo = uriUserInfoPassword(in: text) { found.append(userInfo) }
    }
    if let environment = ProcessInfo.processInfo.environment["PGPASSWORD"] {
      found.append(environment)
    }
    var all: Set<String> = []
    for secret in found where !secret.isEmpty {
      all.insert(secret)
      all.insert(encoded(secret))
    }
    return all.sorted { $0.count > $1.count }
  }

  /// Every value following `password` (any case) and an optional `=`, unquoted and
  /// unescaped as libpq would, and also as written up to the next space.
  private static func valuesAfterPasswordKeys(in text: String) -> [String] {
    let bytes = Array(text.utf8)
    let key = Array("password".utf8)
    var values: [String] = []
    var i = 0
    while i + key.count <= bytes.count {
      let matches = (0..<key.count).allSatisfy { bytes[i + $0] | 0x20 == key[$0] }
      guard matches else {
        i += 1
        continue
      }
      var j = i + key.count
      while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
      if j < bytes.count, bytes[j] == UInt8(ascii: "=") { j += 1 }
      while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
      let quoted = j < bytes.count && bytes[j] == UInt8(ascii: "'")
      if quoted { j += 1 }
      var value: [UInt8] = []
      var raw: [UInt8] = []
      while j < bytes.count {
        let b = bytes[j]
        let ends =
          quoted
          ? b == UInt8(ascii: "'")
          : (b == 0x20 || b == 0x09 || b == UInt8(ascii: "&") || b == UInt8(ascii: "'")
            || b == UInt8(ascii: "\""))
        if ends { break }
        raw.append(b)
        if b == UInt8(ascii: "\\"), j + 1 < bytes.count {
          j += 1
          raw.append(bytes[j])
        }
        value.append(bytes[j])
        j += 1
      }
      values.append(String(decoding: value, as: UTF8.self))
      values.append(String(decoding: raw, as: UTF8.self))
      // Each space-separated piece as well: a message may quote one word of it.
      values += String(decoding: value, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        .map(String.init).filter { $0.count >= 3 }
      i = j
    }
    return values
  }

  /// The password part of a URI's user info (`postgresql://user:PASSWORD@host`), as written.
  private static func uriUserInfoPassword(in text: String) -> String? {
    guard let scheme = text.firstOccurrence(of: "://") else { return nil }
    let rest = text[scheme.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":")
    else { return nil }
    return String(authority[authority.index(after: colon)..<at])
  }

  /// `%XX` escapes decoded where they are valid; anything else kept as written.
  private static func leniently(percentDecoded text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
        let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
      {
        out.append(value)
        i += 3
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `message` itself, unless it contains (in any case) something that may be a password of
  /// `conninfo` (``secrets(in:)``): then a line saying it was withheld. Every libpq message
  /// goes through this before it is shown.
  public static func withholdingSecrets(_ message: String, from conninfo: String) -> String {
    withholding(message, secrets: secrets(in: conninfo))
  }

  /// `message`, or a notice that it was withheld when it contains one of `secrets`.
  static func withholding(_ message: String, secrets: [String]) -> String {
    guard secrets.contains(where: { contains(message, ignoringCase: $0) }) else { return message }
    return "(libpq's message is not shown: it contains the password)"
  }

  /// Whether `text` contains `needle`, ignoring case, comparing UTF-8 bytes. Not Foundation's
  /// `contains`: on Linux it reads both strings as C strings, so it stops at a NUL (it found
  /// `"x\0"` in `"x"`) and can trap on one (FuzzConnectionString found a connection string that
  /// crashed `displayed`).
  package static func contains(_ text: String, ignoringCase needle: String) -> Bool {
    let n = Array(needle.lowercased().utf8)
    guard !n.isEmpty else { return true }
    let h = Array(text.lowercased().utf8)
    guard h.count >= n.count else { return false }
    for start in 0...(h.count - n.count) where h[start] == n[0] {
      if h[start..<(start + n.count)].elementsEqual(n) { return true }
    }
    return false
  }
}
