import CFuzzDriver
import Foundation
import FuzzSupport
import LoaCore
import LoaKit
import LoaXML

// FuzzHTMLSanitizer: article HTML through HTMLSanitizer, prepared as ItemBuilder prepares it
// (characters XML forbids removed, C1 controls repaired, NFC). Invariants (a crash otherwise):
//   - the output is safe HTML (FuzzSupport.HTMLCheck) and free of characters XML forbids;
//   - every visible character of the input (outside script, style and the other elements
//     removed with their content) is in the output, however deep it nests (issue 12:
//     FuzzSupport.TextCheck, an independent libxml2 parse without a depth limit);
//   - sanitizing the output again gives exactly the same output (idempotence). (libxml2's
//     parser wraps text that starts a document in an implied <p>; the sanitizer now gives
//     that paragraph itself, so no exception is needed.)
//   - loa's writer of the sanitized tree (HTMLTreeWriter) writes exactly what libxml2's
//     htmlNodeDumpFormatOutput writes for it: the children of the body together, every node
//     on its own and every element without its children (issue 16, round three).

let sanitizer: HTMLSanitizer = {
  guard let base = WebAddress("https://baichay.example.org/tin-tuc/bai-viet-1.html?p=2") else {
    fatalError("fuzz base URL does not parse")
  }
  return HTMLSanitizer(base: base)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let raw = FuzzInput.string(data, size)
  var html = XMLText.sanitized(raw).text
  if let fixed = TextCleaner.repairedC1Controls(html) { html = fixed }
  html = TextCleaner.nfc(html)

  let first = sanitizer.sanitize(html)
  HTMLCheck.require(first.html, "sanitized HTML")
  if XMLText.needsCleaning(first.html) || XMLText.needsCleaning(first.text) {
    fuzzFailure("output has no character XML forbids", swiftLiteral(first.html))
  }
  if !first.changes.truncated {
    // Past the size limit, text is cut on purpose (and reported).
    TextCheck.requireKept(input: html, output: first.html)
  }
  let differences = sanitizer.writerDifferences(html)
  if !differences.isEmpty {
    fuzzFailure(
      "loa's writer == libxml2's htmlNodeDump on the sanitized tree",
      "input:  \(swiftLiteral(html))\n" + differences.joined(separator: "\n"))
  }
  let second = sanitizer.sanitize(first.html)
  if second.html != first.html {
    fuzzFailure(
      "sanitize(sanitize(x)) == sanitize(x)",
      "input:  \(swiftLiteral(html))\nonce:   \(swiftLiteral(first.html))\ntwice:  \(swiftLiteral(second.html))")
  }
  return 0
}

@_cdecl("FuzzHTMLSanitizer_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
