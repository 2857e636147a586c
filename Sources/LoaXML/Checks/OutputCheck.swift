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
  ///
  /// A document with CDATA sections is parsed first with their content left out
  /// (``elidingCDATA(_:)``): libxml2 reads CDATA a character at a time, which was most of
  /// the parse of a feed whose items carry their HTML in CDATA. Only when that parse finds the
  /// reduced document well-formed and reports every section left out is the answer taken;
  /// anything else is decided, and worded, by the parse of the whole document.
  public static func xmlProblem(_ bytes: [UInt8]) -> String? {
    let elided = bytes.withUnsafeBytes { elidingCDATA($0) }
    if let elided {
      var reported = 0
      let problem = withUnsafeMutablePointer(to: &reported) { counter in
        parse(elided.reduced, sax: countingCDATA, user: UnsafeMutableRawPointer(counter))
      }
      if problem == nil && reported == elided.sections.count { return nil }
    }
    return parse(bytes, sax: nil, user: nil)
  }

  /// `bytes` through ``pushParse(sax:user:_:)``, a chunk at a time.
  static func parse(
    _ bytes: [UInt8], sax: UnsafeMutablePointer<xmlSAXHandler>?, user: UnsafeMutableRawPointer?
  ) -> String? {
    bytes.withUnsafeBytes { raw in
      pushParse(sax: sax, user: user) { push in
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

  /// A document with the content of each CDATA section left out (`<![CDATA[]]>`), and where
  /// each content was in the original; nil when there is no section, or when a content is
  /// not made of XML characters in valid UTF-8 (the parse of the whole document decides).
  ///
  /// A section is taken from each `<![CDATA[` to the next `]]>`, as the parser reads one in
  /// content. Should such a string stand where the parser reads no section (in a comment, a
  /// processing instruction, a document type declaration), the parse of the reduced document
  /// reports fewer sections than were left out, and its answer is not taken. When it does
  /// report every one, each content was a section's `CData` (XML 1.0 §2.7: characters, none
  /// of them ending it), checked here, and the rest of the document is what the parser read:
  /// the whole document is well-formed exactly when the reduced one is.
  package struct ElidedCDATA {
    package var reduced: [UInt8]
    /// The contents left out, as offsets in the original.
    package var sections: [Range<Int>]
  }

  package static func elidingCDATA(_ raw: UnsafeRawBufferPointer) -> ElidedCDATA? {
    guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
    let n = raw.count
    let open: StaticString = "<![CDATA["
    let close: StaticString = "]]>"
    var sections: [Range<Int>] = []
    var from = 0
    while from < n, let found = find(open, in: base, from: from, count: n) {
      let start = found + 9
      guard let stop = find(close, in: base, from: start, count: n) else { return nil }
      guard isCharData(UnsafeBufferPointer(start: base + start, count: stop - start)) else { return nil }
      sections.append(start..<stop)
      from = stop + 3
    }
    guard !sections.isEmpty else { return nil }
    var reduced: [UInt8] = []
    reduced.reserveCapacity(n - sections.reduce(0) { $0 + $1.count })
    var copied = 0
    for section in sections {
      reduced.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: section.lowerBound - copied))
      copied = section.upperBound
    }
    reduced.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: n - copied))
    return ElidedCDATA(reduced: reduced, sections: sections)
  }

  /// The offset of the first `needle` in `base[from..<count]` (memchr for its first byte).
  static func find(
    _ needle: StaticString, in base: UnsafePointer<UInt8>, from: Int, count: Int
  ) -> Int? {
    let m = needle.utf8CodeUnitCount
    let first = Int32(needle.utf8Start.pointee)
    var at = from
    while count - at >= m, let hit = memchr(base + at, first, count - at - m + 1) {
      let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + i, needle.utf8Start, m) == 0 { return i }
      at = i + 1
    }
    return nil
  }

  /// Whether `b` is valid UTF-8 (RFC 3629) made of XML 1.0 characters only (`Char`: tab, LF,
  /// CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF). Stricter than the parser's own
  /// check of CDATA (which lets overlong forms by): a content it refuses goes to the parse of
  /// the whole document.
  package static func isCharData(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    UTF8Automaton.xmlCharacters.accepts(b)
  }

  /// A handler that counts the CDATA sections reported empty (the user data is an `Int`), and
  /// poisons the count with any other.
  nonisolated(unsafe) static let countingCDATA: UnsafeMutablePointer<xmlSAXHandler> = {
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.cdataBlock = { user, _, count in
      guard let user else { return }
      user.assumingMemoryBound(to: Int.self).pointee += count == 0 ? 1 : 1 << 40
    }
    let p = UnsafeMutablePointer<xmlSAXHandler>.allocate(capacity: 1)
    p.initialize(to: sax)
    return p
  }()

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
