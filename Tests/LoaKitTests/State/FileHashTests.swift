import Testing

@testable import LoaKit

/// ``FileHash`` decides whether a file's bytes were already checked and whether a cache entry
/// is intact: every byte of the input, wherever it falls in the 32-byte blocks or the tail,
/// must change the hash.
@Suite struct FileHashTests {
  static func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
  }

  @Test func everyByteOfEveryLengthChangesTheHash() {
    for count in 0...100 {
      let original = Self.bytes(count)
      var seen: Set<String> = [FileHash.of(original)]
      for offset in 0..<count {
        var changed = original
        changed[offset] ^= 0x01
        #expect(seen.insert(FileHash.of(changed)).inserted, "length \(count), byte \(offset)")
      }
    }
  }

  @Test func trailingZeroBytesAndLengthsAreTold() {
    var seen: Set<String> = []
    for count in 0...200 {
      #expect(seen.insert(FileHash.of([UInt8](repeating: 0, count: count))).inserted, "\(count) zeros")
    }
  }

  @Test func theSameBytesGiveTheSameHashAndItIs32HexDigits() {
    let text = Array("<rss version=\"2.0\"><channel><title>Tin Bãi Cháy</title></channel></rss>".utf8)
    let hash = FileHash.of(text)
    #expect(hash == FileHash.of(text))
    #expect(hash.count == 32 && hash.allSatisfy(\.isHexDigit))
    text.withUnsafeBytes { raw in #expect(FileHash.value(raw) == FileHash.lanes(raw).0) }
  }
}
