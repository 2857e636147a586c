/// Absolute `http(s)` URLs for feeds: resolving references (RFC 3986 §5.2) and turning IRIs
/// into URIs (RFC 3987 §3.1): non-ASCII and other characters not allowed in a URI are
/// percent-encoded as UTF-8, an internationalized host becomes Punycode (`xn--`).
///
/// Written by hand rather than through Foundation's `URL`, whose encoding of invalid
/// characters has changed between releases; feed URLs must be byte-stable across runs and
/// toolchains.
public struct WebAddress: Sendable, Hashable, CustomStringConvertible {
  /// Lowercased scheme, `http` or `https`.
  public let scheme: String
  /// `host[:port]`, host lowercased and ASCII.
  public let authority: String
  /// Path, starting with `/`, percent-encoded.
  public let path: String
  /// Query without `?`, percent-encoded; nil when absent.
  public let query: String?
  /// Fragment without `#`, percent-encoded; nil when absent.
  public let fragment: String?

  /// The whole URI.
  public var description: String {
    var s = scheme + "://" + authority + path
    if let query { s += "?" + query }
    if let fragment { s += "#" + fragment }
    return s
  }

  /// The URI with `path` replaced and no query or fragment.
  public func withPath(_ newPath: String) -> WebAddress {
    WebAddress(scheme: scheme, authority: authority, path: newPath, query: nil, fragment: nil)
  }

  init(scheme: String, authority: String, path: String, query: String?, fragment: String?) {
    self.scheme = scheme
    self.authority = authority
    self.path = path
    self.query = query
    self.fragment = fragment
  }

  /// Parses an absolute http(s) URL (IRIs accepted). Nil for anything else.
  public init?(_ text: String) {
    guard let r = Self.resolve(text, against: nil) else { return nil }
    self = r
  }

  /// Resolves `reference` against `base` and normalizes the result.
  ///
  /// - Returns: nil when the result is not a usable absolute `http`/`https` URL (another
  ///   scheme such as `javascript:`, an empty host, or no base for a relative reference).
  public static func resolve(_ reference: String, against base: WebAddress?) -> WebAddress? {
    let ref = Reference(cleaned(reference))
    var scheme: String
    var authority: String?
    var path: String
    var query: String?
    // A base's authority was normalized when the base was made (every WebAddress comes from
    // here), and normalizing is idempotent: a relative reference skips doing it again.
    var authorityIsNormalized = false
    if let s = ref.scheme {
      scheme = s.lowercased()
      authority = ref.authority
      path = removeDotSegments(ref.path)
      query = ref.query
    } else {
      guard let base else { return nil }
      scheme = base.scheme
      if let a = ref.authority {
        authority = a
        path = removeDotSegments(ref.path)
        query = ref.query
      } else {
        authority = base.authority
        authorityIsNormalized = true
        if ref.path.isEmpty {
          path = base.path
          query = ref.query ?? base.query
        } else {
          if ref.path.hasPrefix("/") {
            path = removeDotSegments(ref.path)
          } else {
            path = removeDotSegments(merge(base.path, ref.path))
          }
          query = ref.query
        }
      }
    }
    guard scheme == "http" || scheme == "https" else { return nil }
    guard let rawAuthority = authority,
      let auth = authorityIsNormalized ? rawAuthority : normalizedAuthority(rawAuthority)
    else {
      return nil
    }
    if path.isEmpty { path = "/" }
    return WebAddress(
      scheme: scheme, authority: auth, path: percentEncoded(path, allowing: pathChars),
      query: query.map { percentEncoded($0, allowing: queryChars) },
      fragment: ref.fragment.map { percentEncoded($0, allowing: queryChars) })
  }

  /// Trims white space and control characters at both ends, drops tabs and newlines inside
  /// (as browsers do) and turns `\` into `/`.
  package static func cleaned(_ s: String) -> String {
    // Fast path: nothing at or below U+0020, no backslash, no non-ASCII at either end (a
    // Unicode space there is trimmed too).
    // The scan runs on the contiguous bytes: `s.utf8.contains(where:)` went through the
    // generic iterator, about 30 instructions a byte (issue 16).
    var copy = s
    let plain = copy.withUTF8 { b -> Bool in
      guard let first = b.first, let last = b.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80
      else { return false }
      for byte in b where byte <= 0x20 || byte == 0x5C { return false }
      return true
    }
    if plain { return s }
    var scalars = Substring(s).unicodeScalars[...]
    while let f = scalars.first, f.value <= 0x20 || Whitespace.isSpace(f.value) {
      scalars = scalars.dropFirst()
    }
    while let l = scalars.last, l.value <= 0x20 || Whitespace.isSpace(l.value) {
      scalars = scalars.dropLast()
    }
    var out = String.UnicodeScalarView()
    for u in scalars {
      switch u.value {
      case 0x09, 0x0A, 0x0D: continue
      case 0x5C: out.append("/")
      default: out.append(u)
      }
    }
    return String(out)
  }

  /// RFC 3986 Appendix B: `^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?`.
  struct Reference {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Works on the UTF-8 view: `Substring.firstIndex(of: Character)` compares grapheme
    /// clusters and cost more than the rest of a feed's cleaning (docs/PERFORMANCE.md).
    init(_ s: String) {
      let u = s.utf8
      var end = u.endIndex
      if let hash = u.firstIndex(of: UInt8(ascii: "#")) {
        fragment = String(s[u.index(after: hash)...])
        end = hash
      }
      if let q = u[..<end].firstIndex(of: UInt8(ascii: "?")) {
        query = String(s[u.index(after: q)..<end])
        end = q
      }
      var start = u.startIndex
      if let colon = u[..<end].firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }),
        u[colon] == UInt8(ascii: ":"), Self.isScheme(s[..<colon])
      {
        scheme = String(s[..<colon])
        start = u.index(after: colon)
      }
      let rest = u[start..<end]
      if rest.count >= 2, rest.first == UInt8(ascii: "/"),
        rest[rest.index(after: rest.startIndex)] == UInt8(ascii: "/")
      {
        let afterSlashes = u.index(start, offsetBy: 2)
        let authorityEnd = u[afterSlashes..<end].firstIndex(of: UInt8(ascii: "/")) ?? end
        authority = String(s[afterSlashes..<authorityEnd])
        start = authorityEnd
      }
      path = String(s[start..<end])
    }

    static func isScheme(_ s: Substring) -> Bool {
      guard let first = s.utf8.first, isAlpha(first) else { return false }
      return s.utf8.allSatisfy {
        isAlpha($0) || ($0 >= 48 && $0 <= 57) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E
      }
    }
  }

  @inline(__always)
  package static func isAlpha(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }

  /// RFC 3986 §5.2.3.
  static func merge(_ basePath: String, _ refPath: String) -> String {
    if let slash = basePath.utf8.lastIndex(of: UInt8(ascii: "/")) {
      return String(basePath[...slash]) + refPath
    }
    return "/" + refPath
  }

  /// RFC 3986 §5.2.4.
  static func removeDotSegments(_ path: String) -> String {
    guard hasDotSegment(path) else { return path }
    var output: [Substring] = []
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    let absolute = path.hasPrefix("/")
    var trailingSlash = false
    for (n, seg) in segments.enumerated() {
      if n == 0 && absolute { continue }
      trailingSlash = false
      if seg == "." {
        trailingSlash = true
      } else if seg == ".." {
        if !output.isEmpty { output.removeLast() }
        trailingSlash = true
      } else {
        output.append(seg)
      }
    }
    var result = (absolute ? "/" : "") + output.joined(separator: "/")
    if trailingSlash && !result.hasSuffix("/") { result += "/" }
    return result
  }

  /// Whether `path` has a `.` or `..` segment (most paths have dots only in file names).
  static func hasDotSegment(_ path: String) -> Bool {
    var atSegmentStart = true
    var dots = 0
    for b in path.utf8 {
      if b == 0x2F {
        if atSegmentStart && (dots == 1 || dots == 2) { return true }
        atSegmentStart = true
        dots = 0
      } else if b == 0x2E && atSegmentStart {
        dots += 1
        if dots > 2 { atSegmentStart = false }
      } else {
        atSegmentStart = false
      }
    }
    return atSegmentStart && (dots == 1 || dots == 2)
  }

  /// Lowercases the host, converts an IDN host to Punycode, checks the port. Userinfo is
  /// dropped (credentials never belong in a feed).
  static func normalizedAuthority(_ raw: String) -> String? {
    var a = Substring(raw)
    if let at = a.utf8.lastIndex(of: UInt8(ascii: "@")) { a = a[a.utf8.index(after: at)...] }
    var host = a
    var port: Substring?
    if a.utf8.first == UInt8(ascii: "[") {
      guard let close = a.utf8.firstIndex(of: UInt8(ascii: "]")) else { return nil }
      host = a[...close]
      let after = a[a.utf8.index(after: close)...]
      if after.utf8.first == UInt8(ascii: ":") {
        port = after.dropFirst()
      } else if !after.isEmpty {
        return nil
      }
    } else if let colon = a.utf8.lastIndex(of: UInt8(ascii: ":")) {
      host = a[..<colon]
      port = a[a.utf8.index(after: colon)...]
    }
    if let p = port {
      guard p.count <= 5, p.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
      if p.isEmpty { port = nil }
    }
    guard !host.isEmpty else { return nil }
    var asciiHost: String
    if host.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 65 && $0 <= 90) }) {
      asciiHost = String(host)
    } else if host.utf8.allSatisfy({ $0 < 0x80 }) {
      asciiHost = host.lowercased()
    } else {
      guard let h = Punycode.hostToASCII(String(host)) else { return nil }
      asciiHost = h
    }
    if asciiHost.utf8.last == UInt8(ascii: ".") { asciiHost.removeLast() }
    // A name with an empty label (`evil..example`, `.example`, `example..`) is no DNS name,
    // and dropping one trailing dot per pass made cleaning it twice give another address.
    let literal = asciiHost.utf8.first == 0x5B
    if !literal {
      let b = Array(asciiHost.utf8)
      if b.first == 0x2E || b.last == 0x2E || zip(b, b.dropFirst()).contains(where: { $0 == 0x2E && $1 == 0x2E }) {
        return nil
      }
    }
    // Brackets and colons only in an IP literal (`[::1]`); in a name they would come back
    // percent-encoded, an address that no longer parses.
    guard !asciiHost.isEmpty,
      asciiHost.utf8.allSatisfy({
        isAlpha($0) || ($0 >= 48 && $0 <= 57) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F
          || (literal && ($0 == 0x5B || $0 == 0x5D || $0 == 0x3A))
      })
    else { return nil }
    if let port { return asciiHost + ":" + port }
    return asciiHost
  }

  /// Characters left as they are in a path: unreserved, sub-delims, `:`, `@`, `/`.
  static let pathChars: [Bool] = table("-._~!$&'()*+,;=:@/")
  /// In a query or fragment, `?` is allowed too.
  package static let queryChars: [Bool] = table("-._~!$&'()*+,;=:@/?")

  static func table(_ extra: String) -> [Bool] {
    var t = [Bool](repeating: false, count: 128)
    for b in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(b)] = true }
    for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(b)] = true }
    for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = true }
    for b in extra.utf8 { t[Int(b)] = true }
    return t
  }

  @inline(__always)
  static func isHex(_ b: UInt8) -> Bool {
    (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102)
  }

  /// Percent-encodes every byte not in `allowed`, keeping valid `%XX` escapes (a stray `%`
  /// becomes `%25`).
  package static func percentEncoded(_ s: String, allowing allowed: [Bool]) -> String {
    var needs = false
    var escape = 0
    for b in s.utf8 {
      if escape > 0 {
        // The two hex digits after a `%`.
        if !isHex(b) {
          needs = true
          break
        }
        escape -= 1
      } else if b == 0x25 {
        escape = 2
      } else if b >= 0x80 || !allowed[Int(b)] {
        needs = true
        break
      }
    }
    if !needs && escape == 0 { return s }
    let bytes = Array(s.utf8)
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    for (i, b) in bytes.enumerated() {
      if b == 0x25, i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) {
        out.append(b)
      } else if b < 0x80 && b != 0x25 && allowed[Int(b)] {
        out.append(b)
      } else {
        out.append(0x25)
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0xF)])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// RFC 3492 Punycode, for internationalized host names (RFC 3490 ToASCII, without the full
/// nameprep tables: labels are lowercased and must already be NFC).
enum Punycode {
  static func hostToASCII(_ host: String) -> String? {
    var labels: [String] = []
    for label in host.lowercased().split(separator: ".", omittingEmptySubsequences: false) {
      if label.utf8.allSatisfy({ $0 < 0x80 }) {
        labels.append(String(label))
      } else {
        guard let encoded = encode(Array(label.unicodeScalars).map(\.value)) else { return nil }
        labels.append("xn--" + encoded)
      }
    }
    return labels.joined(separator: ".")
  }

  static func encode(_ input: [UInt32]) -> String? {
    let base: UInt32 = 36
    let tMin: UInt32 = 1
    let tMax: UInt32 = 26
    let skew: UInt32 = 38
    let damp: UInt32 = 700
    var n: UInt32 = 128
    var delta: UInt32 = 0
    var bias: UInt32 = 72
    var output: [UInt8] = input.filter { $0 < 0x80 }.map { UInt8($0) }
    let b = UInt32(output.count)
    var h = b
    if b > 0 { output.append(UInt8(ascii: "-")) }
    func digit(_ d: UInt32) -> UInt8 { d < 26 ? UInt8(d + 97) : UInt8(d - 26 + 48) }
    func adapt(_ delta0: UInt32, _ numPoints: UInt32, _ first: Bool) -> UInt32 {
      var delta = first ? delta0 / damp : delta0 / 2
      delta += delta / numPoints
      var k: UInt32 = 0
      while delta > ((base - tMin) * tMax) / 2 {
        delta /= base - tMin
        k += base
      }
      return k + (((base - tMin + 1) * delta) / (delta + skew))
    }
    while h < UInt32(input.count) {
      guard let m = input.filter({ $0 >= n }).min() else { return nil }
      let (mul, o1) = (m - n).multipliedReportingOverflow(by: h + 1)
      guard !o1 else { return nil }
      delta = delta &+ mul
      n = m
      for c in input {
        if c < n { delta += 1 }
        if c == n {
          var q = delta
          var k = base
          while true {
            let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
            if q < t { break }
            output.append(digit(t + (q - t) % (base - t)))
            q = (q - t) / (base - t)
            k += base
          }
          output.append(digit(q))
          bias = adapt(delta, h + 1, h == b)
          delta = 0
          h += 1
        }
      }
      delta += 1
      n += 1
    }
    return String(decoding: output, as: UTF8.self)
  }
}
