import CLibXML2
import FoundationEssentials
import Glibc
import LoaCore

/// Checks a generated file before it may replace the published one: XML must be well-formed
/// (re-parsed by libxml2), JSON must parse.
public enum OutputCheck {
  /// How loa's own files are re-read: no network, no messages on stderr, and no size limits
  /// (`XML_PARSE_HUGE`: a feed of 10,000 items is 40 MB, past libxml2's 10 MB safety limits,
  /// which guard against hostile input, not against files loa just wrote).
  static let parseOptions = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_HUGE.rawValue)

  /// Bytes handed to libxml2's push parser at a time: it copies what it is given into its
  /// own input buffer, so one call with a whole 44 MB feed held the document twice.
  static let chunkSize = 1 << 16

  /// Nil when `bytes` is a well-formed, namespace-well-formed XML document, else libxml2's
  /// first error message.
  ///
  /// libxml2's parser runs with SAX2 callbacks that do nothing: every well-formedness and
  /// namespace check happens, but no tree is built only to be freed (that cost more than
  /// writing the feed; docs/PERFORMANCE.md).
  public static func xmlProblem(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBytes { raw in
      pushParse(sax: nil, user: nil) { push in
        var offset = 0
        repeat {
          let n = min(chunkSize, raw.count - offset)
          offset += n
          let chunk = UnsafeRawBufferPointer(rebasing: raw[(offset - n)..<offset])
          guard push(chunk, offset == raw.count) else { return nil }
        } while offset < raw.count
        return nil
      }
    }
  }

  /// ``xmlProblem(_:)`` for the file open as `file` (read from its start to its end, a chunk
  /// at a time: a staged feed is checked without being held in memory).
  package static func xmlProblem(file: Int32) -> String? {
    pushParse(file: file, sax: nil, user: nil)
  }

  /// Runs libxml2's push parser over the file open as `file`, from its start to its end, a
  /// chunk at a time; nil when it is well-formed, else the first problem.
  package static func pushParse(
    file: Int32, sax: UnsafeMutablePointer<xmlSAXHandler>?, user: UnsafeMutableRawPointer?
  ) -> String? {
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    return pushParse(sax: sax, user: user) { push in
      var offset = 0
      while true {
        let n = buffer.withUnsafeMutableBytes {
          pread(file, $0.baseAddress, chunkSize, off_t(offset))
        }
        if n < 0 {
          if errno == EINTR { continue }
          return "cannot read it back (\(SystemCallError(call: "pread", errno: errno)))"
        }
        offset += n
        let more = buffer.withUnsafeBytes {
          push(UnsafeRawBufferPointer(rebasing: $0[0..<n]), n == 0)
        }
        if !more || n == 0 { return nil }
      }
    }
  }

  /// Runs libxml2's push parser over what `feed` pushes (bytes, and whether they are the
  /// last); `push` returns false once the parser stopped at an error. `feed` returns a problem
  /// of its own (a failed read) or nil.
  ///
  /// - Parameters:
  ///   - sax: the SAX2 callbacks (nil: none, only the checks); `user` is what they are given.
  package static func pushParse(
    sax: UnsafeMutablePointer<xmlSAXHandler>?, user: UnsafeMutableRawPointer?,
    _ feed: ((UnsafeRawBufferPointer, Bool) -> Bool) -> String?
  ) -> String? {
    XMLParsing.initialize()
    var none = xmlSAXHandler()
    none.initialized = UInt32(XML_SAX2_MAGIC)
    // "xmlCreatePushParserCtxt: Create a parser context for using the XML parser in push
    // mode." The handler is copied into the context.
    let created = withUnsafeMutablePointer(to: &none) { xmlCreatePushParserCtxt(sax ?? $0, user, nil, 0, nil) }
    guard let ctxt = created else {
      return "libxml2 xmlCreatePushParserCtxt failed"
    }
    defer { xmlFreeParserCtxt(ctxt) }
    _ = xmlCtxtUseOptions(ctxt, OutputCheck.parseOptions)
    var rc: Int32 = 0
    var terminated = false
    let feedProblem = feed { chunk, last in
      rc = chunk.withMemoryRebound(to: CChar.self) {
        xmlParseChunk(ctxt, $0.baseAddress, Int32($0.count), last ? 1 : 0)
      }
      terminated = last
      return rc == 0 && ctxt.pointee.wellFormed != 0
    }
    if let feedProblem { return feedProblem }
    if terminated && rc == 0 && ctxt.pointee.wellFormed != 0 && ctxt.pointee.nsWellFormed != 0 {
      return nil
    }
    if let err = xmlCtxtGetLastError(ctxt), let msg = err.pointee.message {
      return String(cString: msg).trimmingWhitespaceAndNewlines()
        + " (line \(err.pointee.line))"
    }
    return "not well-formed"
  }

  /// Nil when `bytes` is valid JSON (RFC 8259), else what is wrong and where.
  public static func jsonProblem(_ bytes: [UInt8]) -> String? {
    JSONSyntax.problem(bytes)
  }
}

/// One-time libxml2 set-up.
package enum XMLParsing {
  private static let once: Void = {
    // "xmlInitParser: Initialization function for the XML parser. This is not reentrant.
    // Call once before processing in case of use in multithreaded programs."
    xmlInitParser()
    // RELAX NG's datatype libraries are registered lazily on first use, which is not
    // thread-safe; register them here, once (the publisher calls this before it starts any
    // worker).
    _ = xmlRelaxNGInitTypes()
    cxml_silence_generic_errors()
  }()

  package static func initialize() { _ = once }
}
