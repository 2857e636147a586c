import CFuzzDriver
import FuzzSupport
import LoaCore
import LoaKit

// FuzzDateParser: any text through the site's DateParser (Asia/Ho_Chi_Minh, extra pattern
// `dd/MM/yyyy HH:mm`). Invariants (a crash otherwise), for every text it accepts:
//   - the RFC 3339 form (Atom, JSON Feed) parses back to the same instant;
//   - the RFC 822 form (RSS) is 31 ASCII bytes: `Sun, 29 Nov 2026 14:00:00 +0700`.

let parser: DateParser = {
  do {
    return DateParser(
      zone: try SiteTimeZone("Asia/Ho_Chi_Minh"), extraPatterns: [try DatePattern("dd/MM/yyyy HH:mm")])
  } catch {
    fatalError("fuzz date parser: \(error)")
  }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = FuzzInput.string(data, size)
  guard let t = parser.parse(text) else { return 0 }
  let rfc3339 = DateFormats.rfc3339(t)
  guard let back = parser.parse(rfc3339), back.utc == t.utc else {
    fuzzFailure(
      "RFC 3339 of a parsed date parses back to the same instant",
      "input \(swiftLiteral(text)) → utc \(t.utc) offset \(t.offset) → \(rfc3339) → "
        + (parser.parse(rfc3339).map { "utc \($0.utc)" } ?? "not a date"))
  }
  let rfc822 = DateFormats.rfc822(t)
  if rfc822.utf8.count != 31 || !rfc822.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
    fuzzFailure(
      "RFC 822 form is 31 ASCII bytes",
      "input \(swiftLiteral(text)) → utc \(t.utc) → \(swiftLiteral(rfc822))")
  }
  return 0
}

@_cdecl("FuzzDateParser_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
