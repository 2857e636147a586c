import LoaCore
import LoaTestSupport
@testable import LoaKit
@testable import LoaXML
import Testing

/// The byte scans of a cold run's plain-text cleaning (issue 16, round six) give what the
/// scalar- and Character-wise code they replace gave: the invisible-character check, the
/// scalar count behind truncation, an image URL's type, and a tag list split at commas.
@Suite struct ByteScanFastPathTests {
  /// Pieces random strings are made of: ASCII, Vietnamese (precomposed and decomposed),
  /// every invisible character the cleaner removes and its neighbours in the same lead bytes,
  /// combining marks, emoji, and the bytes the scans look for.
  static let pieces: [String] = [
    "a", "Z", " ", ",", ".", "/", "?", "#", "&", "<", "jpg", "PNG", "Bãi", "Cháy", "Hạ", "Long",
    "Vie\u{302}\u{323}t", "ệ", "\u{301}", "\u{AD}", "\u{A0}", "\u{BF}", "\u{180E}", "\u{180D}",
    "\u{1E00}", "\u{1EF9}", "\u{200B}", "\u{200C}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{2061}",
    "\u{202A}", "\u{202E}", "\u{202F}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{FEFF}", "\u{FEFE}",
    "\u{FFFD}", "–", "…", "🇻🇳", "👍🏽", "\r\n", "\t", "ơ\u{309}", "가",
  ]

  static func randomString(_ rng: inout SeededRandom, maxPieces: Int = 24) -> String {
    var s = ""
    for _ in 0..<rng.below(maxPieces + 1) { s += pieces[rng.below(pieces.count)] }
    return s
  }

  /// What `hasInvisibleNoise` was: any scalar of the set, found through the scalar view.
  static func scalarWiseNoise(_ s: String) -> Bool {
    s.unicodeScalars.contains { TextCleaner.isInvisibleNoise($0.value) }
  }

  @Test func theInvisibleCharacterScanAgreesWithTheScalarView() {
    var rng = SeededRandom(state: 20_261_205)
    for _ in 0..<20_000 {
      let s = Self.randomString(&rng)
      #expect(TextCleaner.hasInvisibleNoise(s) == Self.scalarWiseNoise(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    // Each invisible character alone, first, last, and after a Vietnamese letter.
    for v: UInt32 in [0xAD, 0x180E, 0x200B, 0x200E, 0x200F, 0x202A, 0x202E, 0x2060, 0x2066, 0x2069, 0xFEFF] {
      let c = String(Unicode.Scalar(v)!)
      for s in [c, c + "a", "a" + c, "ệ" + c + "ệ"] {
        #expect(TextCleaner.hasInvisibleNoise(s), "U+\(String(v, radix: 16))")
      }
    }
    #expect(!TextCleaner.hasInvisibleNoise("Tin tức phường Bãi Cháy – Hạ Long"))
  }

  /// What `TextCleaner.truncated` was: through a scalar array and a `UnicodeScalarView`.
  static func scalarWiseTruncated(_ s: String, maxCharacters: Int) -> String {
    let scalars = Array(s.unicodeScalars.prefix(maxCharacters))
    var end = scalars.count
    if let space = scalars.lastIndex(where: { Whitespace.isSpace($0.value) }), space > maxCharacters / 2 {
      end = space
    }
    var out = String.UnicodeScalarView(scalars[..<end])
    while let last = out.last, Whitespace.isSpace(last.value) || ",;:.-–".unicodeScalars.contains(last) {
      out.removeLast()
    }
    return String(out) + "…"
  }

  @Test func theScalarPrefixAndTheCutAgreeWithTheScalarView() {
    var rng = SeededRandom(state: 7)
    for _ in 0..<5_000 {
      let s = Self.randomString(&rng, maxPieces: 40)
      let n = rng.below(30)
      let expected: String? =
        s.unicodeScalars.count > n ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(n))) : nil
      #expect(TextCleaner.prefix(s, scalars: n) == expected)
      #expect(TextCleaner.truncated(s, maxCharacters: n) == Self.scalarWiseTruncated(s, maxCharacters: n))
      // Truncation as it was: counted and cut through the scalar view.
      let old = s.unicodeScalars.count > n ? Self.scalarWiseTruncated(s, maxCharacters: n) : s
      #expect(TextCleaner.truncatedIfLonger(s, maxCharacters: n) == old)
    }
    // Cuts that end in runs of white space and the trimmed punctuation, 4-byte scalars.
    for s in ["Hạ Long, Quảng Ninh – tin mới.", "a,;:.-– b", "🇻🇳🇻🇳 🇻🇳 – ", "ệ  \u{3000}\u{A0}x", "– – –"] {
      for n in 0...s.unicodeScalars.count {
        #expect(TextCleaner.truncated(s, maxCharacters: n) == Self.scalarWiseTruncated(s, maxCharacters: n), "\(s) \(n)")
      }
    }
  }

  /// What `FeedImage.mimeType(forURL:)` was, Character by Character.
  static func characterWiseMimeType(_ url: String) -> String? {
    var path = Substring(url)
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    return FeedImage.mimeType(extension: path[path.index(after: dot)...].lowercased())
  }

  @Test(arguments: [
    "/a/b.jpg", "/a/b.JPEG", "/a/b.png?x=1.gif", "/a/b.webp#c.png", "/a.svg/b", "/a/b.", "/a/b",
    "", ".", "/.png", "/x.avif", "/x.BmP", "/x.jfif?", "/x?y.png", "/x#y.png", "/a.b/c.gif",
    "/ảnh/b.jpg", "/ảnh.png", "/a/b.jpǵ", "/a/b.jpg\u{301}", "/a/b.\u{301}png",
  ])
  func anImagesTypeIsWhatTheCharacterWiseSearchGave(_ url: String) {
    #expect(FeedImage.mimeType(forURL: url) == Self.characterWiseMimeType(url))
  }

  @Test func randomURLsGetTheTypeTheCharacterWiseSearchGave() {
    let parts = ["/", ".", "?", "#", "jpg", "JPG", "png", "gif", "a", "ảnh", "\u{301}", "webp", "x"]
    var rng = SeededRandom(state: 11)
    for _ in 0..<10_000 {
      var url = ""
      for _ in 0..<rng.below(9) { url += parts[rng.below(parts.count)] }
      #expect(FeedImage.mimeType(forURL: url) == Self.characterWiseMimeType(url), "\(url)")
    }
  }

  @Test func aCategorysFoldedNameFollowsItsName() {
    var node = CategoryTree.Node(
      id: 1, parentID: nil, slug: "du-lich", sourceSlug: "du-lich", name: "DU LỊCH Hạ Long",
      description: "", children: [], depth: 0)
    #expect(node.foldedName == "du lịch hạ long")
    node.name = "Ảnh"
    #expect(node.foldedName == "ảnh")
  }
}
