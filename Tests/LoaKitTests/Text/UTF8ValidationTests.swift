import LoaCore
import Testing

/// `String(validatingUTF8Bytes:)` takes and refuses exactly what the standard library's
/// `String(validating:as:)` does (it replaces it on the hot paths, issue 16).
@Suite struct UTF8ValidationTests {
  @Test(
    arguments: [
      [], Array("Bãi Cháy 🎆 שלום".utf8), [0x00], [0x7F],
      [0xC0, 0x80],  // overlong NUL
      [0xED, 0xA0, 0x80],  // an encoded surrogate
      [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
      [0xE1, 0x80],  // truncated
      [0x41, 0xFF, 0x42], [0xEF, 0xBF, 0xBE],  // U+FFFE is valid UTF-8
      [0xF0, 0x9F, 0x8E],
    ] as [[UInt8]])
  func agreesWithTheStandardLibrary(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { b in
      #expect(String(validatingUTF8Bytes: b) == String(validating: b, as: UTF8.self), "\(bytes)")
    }
  }
}
