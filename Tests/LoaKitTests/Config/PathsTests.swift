import LoaCore
import Testing

/// ``Paths/absolute(_:relativeTo:)`` works over bytes; it must clean paths as the version over
/// characters did (split at `/`, `.` dropped, `..` back one segment, never above `/`).
@Suite struct PathsTests {
  /// The version over characters it replaced.
  static func byCharacters(_ path: String, relativeTo base: String) -> String {
    let joined = path.hasPrefix("/") ? path : base + "/" + path
    var parts: [Substring] = []
    for part in joined.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  @Test(arguments: [
    "out", "./out", "../out", "../../../../out", "/srv/feeds", "/srv//feeds/", "a/./b/../c",
    "thời-sự/..", ".", "..", "/", "", "...", ".a/..b/a.", "a/b/c/../../..", "đ/./ư//ơ/",
  ])
  func cleansAsBefore(path: String) {
    for base in ["/etc/loa", "/", "/srv/phường bãi cháy/", "/a/../b"] {
      #expect(Paths.absolute(path, relativeTo: base) == Self.byCharacters(path, relativeTo: base), "\(path) in \(base)")
    }
  }

  /// A `/` followed by a combining mark is one `Character` but two path segments to the kernel.
  @Test func splitsAtEverySlashByte() {
    #expect(Paths.absolute("a/\u{301}b", relativeTo: "/x") == "/x/a/\u{301}b")
    #expect(Paths.absolute("a/\u{301}b/..", relativeTo: "/x") == "/x/a")
  }
}
