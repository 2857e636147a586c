import FoundationEssentials
import LoaCore

/// A `mysql://` or `mariadb://` URL, parsed the way loa hands it to the MariaDB client library:
/// `mysql://user:password@host:port/database?socket=/run/mysqld/mysqld.sock&ssl-mode=REQUIRED`.
///
/// User, password, host, database and option values are percent-decoded. An option loa does not
/// know is refused by name (exit 78), never ignored: a misspelt `ssl-mode` would otherwise
/// connect without TLS. The password is never part of a message: ``displayed`` shows it as
/// `***`, and no parse error quotes any part of the URL but an option's name.
public struct MariaDBURL: Sendable, Equatable {
  /// `mysql` or `mariadb`, as written (both mean the same).
  public var scheme: String
  public var user: String?
  public var password: String?
  /// A host name or address; nil for the client library's default (the local socket).
  public var host: String?
  public var port: UInt32?
  public var database: String?
  /// `socket=`: a Unix socket path, used when there is no host (or the host is `localhost`).
  public var socket: String?
  /// `ssl-mode=`.
  public var sslMode: SSLMode?
  /// `ssl-ca=`, `ssl-capath=`, `ssl-cert=`, `ssl-key=`: paths of PEM files.
  public var sslCA: String?
  public var sslCAPath: String?
  public var sslCert: String?
  public var sslKey: String?
  /// `charset=`: only UTF-8 (`utf8mb4`, the default; `utf8`/`utf8mb3` read as `utf8mb4`).
  public var charset = "utf8mb4"

  /// How the connection uses TLS (the names of MySQL's `--ssl-mode`).
  public enum SSLMode: String, Sendable, CaseIterable {
    case disabled = "DISABLED"
    case preferred = "PREFERRED"
    case required = "REQUIRED"
    case verifyCA = "VERIFY_CA"
    case verifyIdentity = "VERIFY_IDENTITY"
  }

  /// What is shown in place of a password.
  static let mask = "***"

  /// The query options loa accepts.
  public static let options = [
    "socket", "ssl-mode", "ssl-ca", "ssl-capath", "ssl-cert", "ssl-key", "charset",
  ]

  /// A URL that does not parse; the message quotes nothing from it but an option's name.
  public struct ParseError: Error, Sendable, CustomStringConvertible {
    public let description: String
  }

  /// Whether `text` starts like a MariaDB/MySQL URL.
  public static func isURL(_ text: String) -> Bool {
    text.hasPrefix("mysql://") || text.hasPrefix("mariadb://")
  }

  /// Parses `text`.
  ///
  /// - Throws: ``ParseError`` naming what is wrong (an unknown option by its name, when that
  ///   name holds nothing of the password), never quoting a value.
  public init(parsing text: String) throws {
    guard let schemeEnd = text.firstOccurrence(of: "://"), Self.isURL(text) else {
      throw ParseError(description: "a MariaDB URL starts with mysql:// or mariadb://")
    }
    scheme = String(text[..<schemeEnd.lowerBound])
    var rest = text[schemeEnd.upperBound...]
    var query = Substring("")
    if let q = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: q)...]
      rest = rest[..<q]
    }
    if rest.contains("#") {
      throw ParseError(description: "the MariaDB URL has a \"#\": write it as %23")
    }
    // The user info ends at the last "@" before the path, so an unencoded "@" in a password
    // does not make the rest of it a host name.
    var authority = rest
    var path = Substring("")
    if let at = rest.lastIndex(of: "@") {
      let afterAt = rest[rest.index(after: at)...]
      let slash = afterAt.firstIndex(of: "/") ?? afterAt.endIndex
      authority = rest[..<slash]
      path = rest[slash...]
    } else if let slash = rest.firstIndex(of: "/") {
      authority = rest[..<slash]
      path = rest[slash...]
    }
    var hostPort = authority
    if let at = authority.lastIndex(of: "@") {
      let userInfo = authority[..<at]
      hostPort = authority[authority.index(after: at)...]
      if let colon = userInfo.firstIndex(of: ":") {
        user = try Self.decoded(userInfo[..<colon], "user name")
        password = try Self.decoded(userInfo[userInfo.index(after: colon)...], "password")
      } else {
        user = try Self.decoded(userInfo, "user name")
      }
    }
    try parseHostPort(hostPort)
    if path.count > 1 {
      let name = try Self.decoded(path.dropFirst(), "database name")
      if name.contains("/") {
        throw ParseError(description: "the MariaDB URL's database name has a \"/\"")
      }
      database = name
    }
    try parseOptions(query)
    if user?.isEmpty == true { user = nil }
  }

  /// `host`, `host:port`, `[::1]:port` or nothing.
  private mutating func parseHostPort(_ hostPort: Substring) throws {
    var hostText = hostPort
    var portText: Substring?
    if hostPort.hasPrefix("[") {
      guard let close = hostPort.firstIndex(of: "]") else {
        throw ParseError(description: "the MariaDB URL's host has \"[\" without \"]\"")
      }
      hostText = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
      let after = hostPort[hostPort.index(after: close)...]
      if after.hasPrefix(":") {
        portText = after.dropFirst()
      } else if !after.isEmpty {
        throw ParseError(description: "the MariaDB URL has text after the host's \"]\"")
      }
    } else if let colon = hostPort.lastIndex(of: ":") {
      hostText = hostPort[..<colon]
      portText = hostPort[hostPort.index(after: colon)...]
    }
    if !hostText.isEmpty { host = try Self.decoded(hostText, "host") }
    if let portText, !portText.isEmpty {
      guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let p = UInt32(portText),
        p > 0, p < 65536
      else {
        throw ParseError(description: "the MariaDB URL's port is not a number from 1 to 65535")
      }
      port = p
    }
  }

  /// `key=value&…`; every key known, none twice.
  private mutating func parseOptions(_ query: Substring) throws {
    var seen: Set<String> = []
    for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
      let equals = pair.firstIndex(of: "=") ?? pair.endIndex
      let key = try Self.decoded(pair[..<equals], "option name")
      let value =
        equals == pair.endIndex
        ? "" : try Self.decoded(pair[pair.index(after: equals)...], "option")
      guard Self.options.contains(key) else {
        // The name is shown unless it could be (part of) the password.
        let shown =
          !key.isEmpty && key.count <= 40 && key.allSatisfy({ $0.isASCII && !$0.isWhitespace })
          && !(password.map { !$0.isEmpty && ConnectionString.contains(key, ignoringCase: $0) }
            ?? false)
        let name = shown ? "\"\(key)\"" : "(its name is not shown: it may hold the password)"
        throw ParseError(
          description:
            "the MariaDB URL has an unknown option \(name); known: \(Self.options.joined(separator: ", "))"
            + (ConnectionString.contains(key, ignoringCase: "password")
              ? " (put the password in the user info: mysql://user:password@host/db)" : ""))
      }
      guard seen.insert(key).inserted else {
        throw ParseError(description: "the MariaDB URL has the option \"\(key)\" twice")
      }
      switch key {
      case "socket": socket = value
      case "ssl-mode":
        guard let mode = SSLMode(rawValue: value.uppercased()) else {
          throw ParseError(
            description:
              "the MariaDB URL's ssl-mode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        sslMode = mode
      case "ssl-ca": sslCA = value
      case "ssl-capath": sslCAPath = value
      case "ssl-cert": sslCert = value
      case "ssl-key": sslKey = value
      default:
        let lower = value.lowercased()
        guard ["utf8mb4", "utf8", "utf8mb3"].contains(lower) else {
          throw ParseError(
            description: "the MariaDB URL's charset must be utf8mb4 (loa reads text as UTF-8)")
        }
        charset = "utf8mb4"
      }
    }
  }

  /// `text` percent-decoded; `what` names the part for the message.
  private static func decoded(_ text: Substring, _ what: String) throws -> String {
    guard let value = PercentEncoding.decode(text) else {
      throw ParseError(
        description: "the MariaDB URL's \(what) has a \"%\" that is not followed by two hex digits")
    }
    guard !value.unicodeScalars.contains(where: { $0.value == 0 }) else {
      throw ParseError(description: "the MariaDB URL's \(what) contains a NUL character")
    }
    return value
  }

  /// The URL for messages and for what a run stores: rebuilt from the parsed parts, the password
  /// (and any value that contains it) shown as `***`.
  public var displayed: String {
    let secrets = Self.secrets(password: password)
    func shown(_ value: String) -> String {
      secrets.contains { ConnectionString.contains(value, ignoringCase: $0) }
        ? Self.mask : Self.encoded(value)
    }
    var out = scheme + "://"
    if user != nil || password != nil {
      out += user.map(shown) ?? ""
      if password != nil { out += ":" + Self.mask }
      out += "@"
    }
    if let host { out += host.contains(":") ? "[\(shown(host))]" : shown(host) }
    if let port { out += ":\(port)" }
    if let database { out += "/" + shown(database) }
    var query: [String] = []
    for (key, value) in [
      ("socket", socket), ("ssl-mode", sslMode?.rawValue), ("ssl-ca", sslCA),
      ("ssl-capath", sslCAPath), ("ssl-cert", sslCert), ("ssl-key", sslKey),
    ] {
      if let value {
        query.append(key + "=" + shown(value).replacingAll("%2F", with: "/"))
      }
    }
    if !query.isEmpty { out += "?" + query.joined(separator: "&") }
    return out
  }

  /// `text` as a URL for messages: ``displayed``, or a sentence when it does not parse.
  public static func displayed(_ text: String) -> String {
    (try? MariaDBURL(parsing: text).displayed) ?? "a MariaDB URL that does not parse"
  }

  /// What might be the password in messages: the password, percent-encoded too, and
  /// `MYSQL_PWD` (which the client library reads when the URL has none).
  static func secrets(password: String?) -> [String] {
    var found: [String] = []
    if let password { found.append(password) }
    if let environment = ProcessInfo.processInfo.environment["MYSQL_PWD"] {
      found.append(environment)
    }
    var all: Set<String> = []
    for secret in found where !secret.isEmpty {
      all.insert(secret)
      all.insert(encoded(secret))
    }
    return all.sorted { $0.count > $1.count }
  }

  /// Every spelling of the password of `text`, read leniently so that a URL that does not
  /// parse is covered too (the text between `:` and the last `@` of the authority).
  public static func secrets(in text: String) -> [String] {
    var candidates: [String] = []
    if let url = try? MariaDBURL(parsing: text) { candidates += secrets(password: url.password) }
    if let scheme = text.firstOccurrence(of: "://") {
      let rest = text[scheme.upperBound...]
      let upToQuery = rest.prefix { $0 != "?" }
      if let at = upToQuery.lastIndex(of: "@"), let colon = upToQuery[..<at].firstIndex(of: ":") {
        let raw = String(upToQuery[upToQuery.index(after: colon)..<at])
        candidates += secrets(password: raw)
        candidates += secrets(password: PercentEncoding.decode(raw))
      }
    }
    candidates += secrets(password: nil)
    return Array(Set(candidates)).sorted { $0.count > $1.count }
  }

  /// `message`, or a notice that it was withheld when it contains one of `secrets`.
  static func withholding(_ message: String, secrets: [String]) -> String {
    guard secrets.contains(where: { ConnectionString.contains(message, ignoringCase: $0) }) else {
      return message
    }
    return "(the server's message is not shown: it contains the password)"
  }

  /// Percent-encodes all but RFC 3986's unreserved characters.
  static func encoded(_ s: String) -> String {
    PercentEncoding.encode(s, allowing: .unreserved)
  }
}
