import CFuzzDriver
import Foundation
import FuzzSupport
import LoaCore
import LoaKit
import LoaXML

// FuzzHTMLSinglePass: article HTML, prepared as ItemBuilder prepares it, through the
// sanitizer's two paths (issue 16). Invariant (a crash otherwise): wherever the single pass
// answers (`HTMLSanitizer.sanitizeInOnePass`, its own tokenizer), its result is the tree
// path's (libxml2's HTML parser, the cleaning walk, HTMLTreeWriter) on the same input: the
// same HTML, text, changes and NFC flags. The seeds are well-formed articles, which it
// follows; the fuzzer's mutations probe the edges of what it follows.

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
  for input in [raw, html] {
    if let difference = sanitizer.singlePassDifference(input), !difference.isEmpty {
      fuzzFailure("the single pass gives the tree path's result", difference)
    }
  }
  return 0
}

@_cdecl("FuzzHTMLSinglePass_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
