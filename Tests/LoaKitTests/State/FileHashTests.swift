import Testing

@testable import LoaKit

/// ``FileHash`` decides whether a cleaning-cache entry is intact: every byte of the input,
/// wherever it falls in the 32-byte blocks or the tail, must change the hash.
@Suite struct FileHashTests {
  static func hash(_ bytes: [UInt8]) -> String {
    let (a, b) = bytes.withUnsafeBytes { FileHash.lanes($0) }
    return String(a, radix: 16) + "/" + String(b, radix: 16)
  }

  static func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
  }

  @Test func everyByteOfEveryLengthChangesTheHash() {
    for count in 0...100 {
      let original = Self.bytes(count)
      var seen: Set<String> = [Self.hash(original)]
      for offset in 0..<count {
        var changed = original
        changed[offset] ^= 0x01
        #expect(seen.insert(Self.hash(changed)).inserted, "length \(count), byte \(offset)")
      }
    }
  }

  @Test func trailingZeroBytesAndLengthsAreTold() {
    var seen: Set<String> = []
    for count in 0...200 {
      #expect(seen.insert(Self.hash([UInt8](repeating: 0, count: count))).inserted, "\(count) zeros")
    }
  }

  @Test func theSameBytesGiveTheSameHash() {
    let text = Array("<rss version=\"2.0\"><channel><title>Tin Bãi Cháy</title></channel></rss>".utf8)
    #expect(Self.hash(text) == Self.hash(text))
    text.withUnsafeBytes { raw in #expect(FileHash.value(raw) == FileHash.lanes(raw).0) }
  }
}
