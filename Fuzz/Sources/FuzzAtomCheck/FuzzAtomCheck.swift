import CFuzzDriver
import FuzzSupport
import LoaXML

// FuzzAtomCheck: any bytes as an Atom document through AtomFastCheck, the streaming proof of
// validity of the self-check (issue 16, round six). Invariants (a crash otherwise):
//   - a document it proves valid is one libxml2's RELAX NG validation against RFC 4287's
//     schema accepts (the proof is one-sided: everything else goes to RELAX NG);
//   - a document it finds not well-formed is one loa's well-formedness check refuses too.
// The seeds (Fuzz/Corpus/FuzzAtomCheck) are feeds as loa writes them.

nonisolated(unsafe) let validator: RelaxNGValidator = {  // libFuzzer calls one input at a time
  do {
    return try RelaxNGValidator.atom()
  } catch {
    fatalError("fuzz: the Atom schema does not compile: \(error)")
  }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  switch AtomFastCheck.verdict(bytes) {
  case .valid:
    if let problem = validator.problem(bytes) {
      fuzzFailure("what AtomFastCheck proves valid RELAX NG accepts", "\(problem)\n\(swiftLiteral(String(decoding: bytes, as: UTF8.self)))")
    }
  case .notWellFormed(let message):
    if OutputCheck.xmlProblem(bytes) == nil {
      fuzzFailure("what AtomFastCheck finds not well-formed loa's XML check refuses", "\(message)\n\(swiftLiteral(String(decoding: bytes, as: UTF8.self)))")
    }
  case .unsure:
    break
  }
  return 0
}

@_cdecl("FuzzAtomCheck_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
