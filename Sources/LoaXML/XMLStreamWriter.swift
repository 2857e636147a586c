import CLibXML2
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// A failed libxml2 call while writing XML.
package struct XMLWriterError: Error, Sendable, CustomStringConvertible {
  /// The libxml2 function that returned an error, e.g. `xmlTextWriterStartElement`.
  package let function: String
  package var description: String { "libxml2 \(function) failed" }

  package init(function: String) { self.function = function }
}

/// Streams one XML document into memory through libxml2's `xmlTextWriter`.
///
/// Use ``withDocument(indent:_:)``: it creates the buffer and writer, runs the body, ends the
/// document and frees both on every path. Text and attribute values must already be free of
/// characters XML forbids (``XMLText/sanitized(_:)``): libxml2 writes them through unchanged.
/// libxml2 escapes `& < >` (and `"` plus `\r` in text) itself.
package final class XMLStreamWriter {
  private let writer: xmlTextWriterPtr
  /// Where ``write(into:indent:_:)`` sends the document; its first failure ends the document.
  private let sink: DocumentSink?

  private init(_ writer: xmlTextWriterPtr, sink: DocumentSink? = nil) {
    self.writer = writer
    self.sink = sink
  }

  /// Writes a whole document: the XML declaration (`version="1.0" encoding="UTF-8"`), then
  /// whatever `body` writes, then closes every open element.
  ///
  /// - Parameters:
  ///   - indent: indent nested elements by two spaces per level.
  ///   - capacity: the bytes to reserve for the document up front (an estimate; the buffer
  ///     doubles when it is short). Pages of it that are never written cost no memory.
  ///   - body: writes the root element.
  /// - Returns: the document's bytes.
  /// - Throws: ``XMLWriterError`` naming the libxml2 call that failed, or what `body` throws.
  package static func withDocument(
    indent: Bool = true, capacity: Int = 0, _ body: (XMLStreamWriter) throws -> Void
  ) throws -> [UInt8] {
    // libxml2's default scheme (XML_BUFFER_ALLOC_EXACT) grows the buffer by exactly what each
    // flush of about 4 KB needs: one `realloc` per flush, which glibc does in place only while
    // nothing lies after the buffer on the heap. In a process that has freed large arrays
    // (glibc then raises its mmap threshold, up to 32 MB) each growth past a neighbour copied
    // the whole document so far: in loa-bench, 134 M instructions of memcpy for a 44 MB feed,
    // 15% of its serialization (issue 16, Benchmarks/analysis.md). Reserved up front and
    // doubling, the buffer moves a few times at most, whatever the process freed before.
    guard let buffer = xmlBufferCreateSize(max(capacity, 4096)) else {
      throw XMLWriterError(function: "xmlBufferCreateSize")
    }
    defer { xmlBufferFree(buffer) }
    xmlBufferSetAllocationScheme(buffer, XML_BUFFER_ALLOC_DOUBLEIT)
    // "xmlNewTextWriterMemory: Create a new xmlNewTextWriter structure with @buf as output."
    guard let raw = xmlNewTextWriterMemory(buffer, 0) else {
      throw XMLWriterError(function: "xmlNewTextWriterMemory")
    }
    // Freeing the writer flushes its output into the buffer.
    try XMLStreamWriter(raw).document(indent: indent, body)
    let length = Int(xmlBufferLength(buffer))
    guard let content = xmlBufferContent(buffer) else { return [] }
    // One copy, with room for the final newline (text files end with one): appending it to an
    // exactly-sized array would copy the whole document a second time, into twice the memory.
    let endsWithNewline = length > 0 && content[length - 1] == 0x0A
    return [UInt8](unsafeUninitializedCapacity: length + 1) { out, count in
      if length > 0 { out.baseAddress!.update(from: content, count: length) }
      count = length
      if !endsWithNewline {
        out[length] = 0x0A
        count = length + 1
      }
    }
  }

  /// The XML declaration, `body`'s root element and the document's end, indented when
  /// `indent`; the writer is freed at the end, which flushes what it holds to its output.
  private func document(indent: Bool, _ body: (XMLStreamWriter) throws -> Void) throws {
    defer { xmlFreeTextWriter(writer) }
    if indent {
      try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
      try check(xmlTextWriterSetIndentString(writer, Self.xml("  ")), "xmlTextWriterSetIndentString")
    }
    try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    try body(self)
    try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
  }

  /// Writes a whole document like ``withDocument(indent:capacity:_:)``, but into `sink` as it
  /// is produced (libxml2 hands over about 4 KB at a time), so a big feed goes to its staged
  /// file instead of being held in memory (issue 16).
  ///
  /// - Throws: the sink's ``WriteError`` when writing the file failed, else
  ///   ``XMLWriterError`` naming the libxml2 call, or what `body` throws.
  package static func write(
    into sink: DocumentSink, indent: Bool = true, _ body: (XMLStreamWriter) throws -> Void
  ) throws {
    // "xmlOutputBufferCreateIO: Create a buffered output for the progressive saving to an
    // I/O handler." The write callback returns the bytes taken, or -1 on error.
    let context = Unmanaged.passUnretained(sink).toOpaque()
    guard
      let out = xmlOutputBufferCreateIO(
        { context, buffer, length in
          guard let context, let buffer, length >= 0 else { return -1 }
          let sink = Unmanaged<DocumentSink>.fromOpaque(context).takeUnretainedValue()
          // A failed write (disk full) is kept by the sink and thrown by the writer's next
          // call (``check(_:_:)``); returning -1 would make libxml2 print "I/O error" on
          // stderr from a worker thread.
          try? sink.append(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
          return length
        }, nil, context, nil)
    else { throw XMLWriterError(function: "xmlOutputBufferCreateIO") }
    guard let raw = xmlNewTextWriter(out) else {
      _ = xmlOutputBufferClose(out)
      throw XMLWriterError(function: "xmlNewTextWriter")
    }
    do {
      // Freeing the writer flushes the rest into the sink and closes the output buffer.
      try XMLStreamWriter(raw, sink: sink).document(indent: indent, body)
      if let failure = sink.failure { throw failure }
      // Text files end with a newline, as ``withDocument(indent:capacity:_:)``'s do.
      if sink.count == 0 || sink.lastByte != 0x0A {
        var newline: UInt8 = 0x0A
        try withUnsafeBytes(of: &newline) { try sink.append($0) }
      }
    } catch {
      throw sink.failure ?? error
    }
  }

  @inline(__always)
  private func check(_ result: Int32, _ function: StaticString) throws {
    if result < 0 { throw sink?.failure ?? XMLWriterError(function: "\(function)") }
    if let failure = sink?.failure { throw failure }
  }

  // Names are `StaticString`s (NUL-terminated literals, passed as they are) and values go
  // through `withCString`, which hands libxml2 a native string's own storage. Passing a
  // `String` straight to an `UnsafePointer<UInt8>` parameter would copy it into a fresh array
  // on every call: that doubled the cost of a feed (Benchmarks, docs/PERFORMANCE.md).

  @inline(__always)
  private static func xml(_ s: StaticString) -> UnsafePointer<UInt8> { s.utf8Start }

  @inline(__always)
  private static func cString(_ p: UnsafePointer<UInt8>) -> UnsafePointer<CChar> {
    UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self)
  }

  private static let cdataEnd: StaticString = "]]>"

  @inline(__always)
  private static func withXMLString<R>(_ s: String, _ body: (UnsafePointer<UInt8>) throws -> R)
    rethrows -> R
  {
    try s.withCString { try body(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) }
  }

  /// Opens `<name>`.
  package func start(_ name: StaticString) throws {
    try check(xmlTextWriterStartElement(writer, Self.xml(name)), "xmlTextWriterStartElement")
  }

  /// Closes the innermost open element (as `<x/>` when it has no content).
  package func end() throws {
    try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
  }

  /// Adds an attribute to the element just opened.
  package func attribute(_ name: StaticString, _ value: String) throws {
    let r = Self.withXMLString(value) { xmlTextWriterWriteAttribute(writer, Self.xml(name), $0) }
    try check(r, "xmlTextWriterWriteAttribute")
  }

  /// Writes escaped character data.
  package func text(_ value: String) throws {
    let r = Self.withXMLString(value) { xmlTextWriterWriteString(writer, $0) }
    try check(r, "xmlTextWriterWriteString")
  }

  /// Writes `<name>value</name>`.
  package func element(_ name: StaticString, _ value: String) throws {
    let r = Self.withXMLString(value) { xmlTextWriterWriteElement(writer, Self.xml(name), $0) }
    try check(r, "xmlTextWriterWriteElement")
  }

  /// Writes `<name a="v" …/>` or `<name a="v">text</name>`.
  package func element(
    _ name: StaticString, attributes: KeyValuePairs<StaticString, String>, text: String? = nil
  ) throws {
    try start(name)
    for (k, v) in attributes { try attribute(k, v) }
    if let text { try self.text(text) }
    try end()
  }

  /// Writes `value` as CDATA, split into several sections wherever it contains `]]>`
  /// (`xmlTextWriterWriteCDATA` does not split it and would end the section early).
  package func cdata(_ value: String) throws {
    let whole = Self.withXMLString(value) { p -> Int32? in
      // The common case, no `]]>`: one section straight from the string's storage.
      strstr(Self.cString(p), Self.cString(Self.cdataEnd.utf8Start)) == nil
        ? xmlTextWriterWriteCDATA(writer, p) : nil
    }
    if let whole { return try check(whole, "xmlTextWriterWriteCDATA") }
    for piece in XMLText.cdataPieces(value) {
      let r = Self.withXMLString(String(piece)) { xmlTextWriterWriteCDATA(writer, $0) }
      try check(r, "xmlTextWriterWriteCDATA")
    }
  }

  /// Writes `value` (NUL-terminated bytes) as CDATA, split like ``cdata(_:)``.
  package func cdata(_ value: HTMLBytes) throws {
    let whole = value.withCString { p -> Int32? in
      strstr(Self.cString(p), Self.cString(Self.cdataEnd.utf8Start)) == nil
        ? xmlTextWriterWriteCDATA(writer, p) : nil
    }
    if let whole { return try check(whole, "xmlTextWriterWriteCDATA") }
    try cdata(String(decoding: value.utf8, as: UTF8.self))
  }

  /// Writes `<name><![CDATA[value]]></name>`.
  package func cdataElement(_ name: StaticString, _ value: HTMLBytes) throws {
    try start(name)
    try cdata(value)
    try end()
  }

  /// Writes `<name><![CDATA[value]]></name>`.
  package func cdataElement(_ name: StaticString, _ value: String) throws {
    try start(name)
    try cdata(value)
    try end()
  }
}
