import CFuzzDriver
import FuzzSupport
import LoaCore
import LoaKit
import LoaStore

// FuzzConnectionString: any text as a PostgreSQL connection string (issue 12: passwords leaked
// into error lines and the run-state file). Every `@@` in the input stands for the password
// `S3cr3tPW9`, so the fuzzer explores the spellings around a known secret (quoted, escaped,
// percent-encoded, in a URI's user info, in the query, any keyword case). Invariants (a
// crash otherwise), for every password libpq itself reads from the string that is at least
// 4 ASCII letters and digits, with both (anything shorter or plainer may coincide with a
// keyword, a port or `***`; an alphanumeric one cannot span two values):
//   - what loa shows and stores of the string (`ConnectionString.displayed`) does not
//     contain it, in any case.
// (A string libpq refuses yields no passwords here; `displayed` then shows none of its text,
// and DatabaseFailureTests cover the messages about it.)

let marker = "S3cr3tPW9"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = FuzzInput.string(data, size).replacing("@@", with: marker)
  let passwords = ConnectionString.passwords(in: text).filter { p in
    p.utf8.count >= 4 && p.utf8.allSatisfy { $0 < 0x80 && (UInt8(ascii: "0")...UInt8(ascii: "9") ~= $0 || ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z")) }
      && p.contains(where: \.isLetter) && p.contains(where: \.isNumber)
  }
  guard !passwords.isEmpty else { return 0 }
  let shown = ConnectionString.displayed(text)
  // A URI shows values percent-encoded: compare what a reader decodes (`%3A` then `S3…` is
  // `:S3…`, not `aS3…`). A key=value string shows them as they are.
  let visible = shown.hasPrefix("postgres") ? decoded(shown) : Array(shown.utf8)
  for p in passwords where contains(visible, p) {
    fuzzFailure(
      "displayed never shows a password",
      "input \(swiftLiteral(text)) → \(swiftLiteral(shown)) shows \(swiftLiteral(p))")
  }
  return 0
}

/// `%XX` escapes decoded where valid, the rest kept.
func decoded(_ text: String) -> [UInt8] {
  let b = Array(text.utf8)
  var out: [UInt8] = []
  var i = 0
  while i < b.count {
    if b[i] == UInt8(ascii: "%"), i + 2 < b.count,
      let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
    {
      out.append(v)
      i += 3
    } else {
      out.append(b[i])
      i += 1
    }
  }
  return out
}

/// Whether `haystack` holds `needle`, ASCII letters compared without case (byte-wise: no
/// Foundation, which stops at NUL).
func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
  func fold(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
  let n = needle.utf8.map(fold)
  let h = haystack.map(fold)
  guard !n.isEmpty, h.count >= n.count else { return n.isEmpty }
  for start in 0...(h.count - n.count) where h[start..<(start + n.count)].elementsEqual(n) {
    return true
  }
  return false
}

@_cdecl("FuzzConnectionString_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
