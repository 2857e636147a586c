import CLibXML2
import Dispatch
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
  /// The buffer a document of ``withDocument(indent:capacity:_:)`` is written into.
  private let buffer: xmlBufferPtr?
  /// Whether nested elements are indented (``document(indent:_:)``).
  private var indents = true

  // Indentation. libxml2's own (`xmlTextWriterSetIndent`) writes each level of it with a call
  // of its own (`xmlTextWriterWriteIndent`: one `xmlOutputBufferWriteString` per level, then
  // one for the line break): half of the million output calls of a warm W3 run (issue 16).
  // loa keeps the writer's indentation off and writes the same white space itself, one
  // `xmlTextWriterWriteRawLen` per gap, from the same state libxml2 keeps (libxml2 2.9.14,
  // xmlwriter.c: xmlTextWriterStartElement, xmlTextWriterEndElement, xmlTextWriterEndDocument):
  // the open elements, whether the innermost start tag is still open, whether an end tag is
  // indented (`doindent`), and the line break libxml2 writes after every end tag, held back so
  // it goes out with the next gap. `XMLStreamWriterIndentTests` writes random documents both
  // ways and compares the bytes.

  /// Elements open.
  private var depth = 0
  /// Whether the innermost element's start tag is still open (libxml2's `NAME` state).
  private var openTag = false
  /// Whether the next end tag of an element with content is indented (libxml2's `doindent`):
  /// after an end tag, not after text.
  private var indentBeforeEnd = true
  /// Whether the line break after the last end tag is still to be written.
  private var newlinePending = false

  private init(_ writer: xmlTextWriterPtr, sink: DocumentSink? = nil, buffer: xmlBufferPtr? = nil)
  {
    self.writer = writer
    self.sink = sink
    self.buffer = buffer
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
    try XMLStreamWriter(raw, buffer: buffer).document(indent: indent, body)
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
    indents = indent
    try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    try body(self)
    if indent {
      // What xmlTextWriterEndDocument would close, closed the same way; then it ends the file
      // with the line break an indenting writer writes after the root's end tag.
      while depth > 0 { try end() }
      newlinePending = false
    }
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
    let raw = try newWriter(Unmanaged.passUnretained(sink).toOpaque()) { context, buffer, length in
      guard let context, let buffer, length >= 0 else { return -1 }
      let sink = Unmanaged<DocumentSink>.fromOpaque(context).takeUnretainedValue()
      // A failed write (disk full) is kept by the sink and thrown by the writer's next
      // call (``check(_:_:)``); returning -1 would make libxml2 print "I/O error" on
      // stderr from a worker thread.
      try? sink.append(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
      return length
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

  /// Values of ``elements(_:inside:threshold:_:)`` written on one thread before the rest are split into
  /// chunks written on every core.
  package static let parallelThreshold = 1024
  /// Values per chunk: about 1 MB of a feed with full articles, so the chunks in flight stay
  /// small next to the document.
  package static let chunkSize = 256

  /// Writes one run of sibling elements, `body(value, writer)` for each of `values` in order,
  /// where the writer stands: inside the elements `nesting` names (outermost first), after
  /// at least one child of the innermost.
  ///
  /// Up to `threshold` values (``parallelThreshold``) are written here. Past it (a feed of 10,000 items,
  /// one thread serializing 44 MB: issue 16), the values are cut into chunks of
  /// ``chunkSize``, and each chunk is written by its own writer, on every core, into memory:
  /// a writer that opened the same `nesting` and one child stands in the same state as this
  /// one (libxml2's writer keeps only the open elements and whether the next tag is
  /// indented), so the bytes it writes for the chunk are the bytes this writer would have
  /// written. They are added to this writer's output in order, after what it holds is
  /// flushed. The document is byte for byte the one written on one thread
  /// (`XMLStreamWriterTests`, and every big feed's golden bytes).
  package func elements<Value: Sendable>(
    _ values: [Value], inside nesting: [StaticString], threshold: Int = parallelThreshold,
    _ body: @Sendable (Value, XMLStreamWriter) throws -> Void
  ) throws {
    guard values.count > threshold else {
      for value in values { try body(value, self) }
      return
    }
    let chunks = stride(from: 0, to: values.count, by: Self.chunkSize).map {
      $0..<min($0 + Self.chunkSize, values.count)
    }
    let indent = indents
    // On one core too (the threads then take turns): the same path everywhere.
    let threads = max(2, ProcessInfoCores.active)
    let pipeline = ChunkPipeline(count: chunks.count, window: threads + 1)
    let output = RawOutput(sink: sink, buffer: buffer)
    try writePendingNewline()
    try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while let i = pipeline.claim() {
        let bytes = Result {
          try Self.fragment(indent: indent, nesting: nesting) { w in
            for value in values[chunks[i]] { try body(value, w) }
          }
        }
        pipeline.finish(i, bytes) { try output.add($0) }
      }
    }
    try pipeline.result()
    // Where the last chunk left off: after an end tag and the line break that follows it.
    if indents {
      openTag = false
      indentBeforeEnd = true
      newlinePending = false
    }
  }

  /// The bytes `body` writes in a writer standing inside `nesting`, after one child of the
  /// innermost (see ``elements(_:inside:threshold:_:)``): the writer's output is kept only
  /// from the end of that child to the end of `body`'s elements.
  private static func fragment(
    indent: Bool, nesting: [StaticString], _ body: (XMLStreamWriter) throws -> Void
  ) throws -> [UInt8] {
    let recorder = FragmentRecorder(capacity: Self.chunkSize * 4096)
    let raw = try newWriter(Unmanaged.passUnretained(recorder).toOpaque()) {
      context, buffer, length in
      guard let context, let buffer, length >= 0 else { return -1 }
      let recorder = Unmanaged<FragmentRecorder>.fromOpaque(context).takeUnretainedValue()
      if recorder.recording {
        recorder.bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: Int(length)))
      }
      return length
    }
    try withExtendedLifetime(recorder) {
      try XMLStreamWriter(raw).document(indent: indent) { w in
        for name in nesting { try w.start(name) }
        try w.element("x", "")
        try w.writePendingNewline()
        try w.check(xmlTextWriterFlush(w.writer), "xmlTextWriterFlush")
        recorder.recording = true
        try body(w)
        try w.writePendingNewline()
        try w.check(xmlTextWriterFlush(w.writer), "xmlTextWriterFlush")
        recorder.recording = false
      }
    }
    return recorder.bytes
  }

  /// A writer whose output goes to `write(context, bytes, count)` as libxml2 flushes it
  /// (about 4 KB at a time); `context` must outlive the writer.
  private static func newWriter(
    _ context: UnsafeMutableRawPointer, _ write: xmlOutputWriteCallback
  ) throws -> xmlTextWriterPtr {
    // "xmlOutputBufferCreateIO: Create a buffered output for the progressive saving to an
    // I/O handler." The write callback returns the bytes taken, or -1 on error.
    guard let out = xmlOutputBufferCreateIO(write, nil, context, nil) else {
      throw XMLWriterError(function: "xmlOutputBufferCreateIO")
    }
    guard let raw = xmlNewTextWriter(out) else {
      _ = xmlOutputBufferClose(out)
      throw XMLWriterError(function: "xmlNewTextWriter")
    }
    return raw
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
    if indents {
      // A line break after an open start tag (the raw write closes it with `>`) or after the
      // last end tag, then one level per open element.
      let newline = openTag || newlinePending
      if newline || depth > 0 { try whitespace(newline: newline, levels: depth) }
      newlinePending = false
    }
    try check(xmlTextWriterStartElement(writer, Self.xml(name)), "xmlTextWriterStartElement")
    if indents {
      depth += 1
      openTag = true
    }
  }

  /// Closes the innermost open element (as `<x/>` when it has no content).
  package func end() throws {
    if indents && !openTag {
      let levels = indentBeforeEnd ? depth - 1 : 0
      if newlinePending || levels > 0 { try whitespace(newline: newlinePending, levels: levels) }
    }
    try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
    if indents {
      depth -= 1
      openTag = false
      indentBeforeEnd = true
      newlinePending = true
    }
  }

  /// Before text or CDATA: the line break held back after an end tag, and the state text
  /// leaves (the start tag closed, the end tag not indented).
  @inline(__always)
  private func beforeText() throws {
    guard indents else { return }
    if newlinePending {
      try whitespace(newline: true, levels: 0)
      newlinePending = false
    }
    openTag = false
    indentBeforeEnd = false
  }

  /// A line break and `levels` indentation levels of two spaces, as one raw write.
  private func whitespace(newline: Bool, levels: Int) throws {
    var levels = levels
    var newline = newline
    repeat {
      let now = min(levels, Self.maximumLevels)
      let count = (newline ? 1 : 0) + 2 * now
      let r = Self.breakAndSpaces.withUnsafeBufferPointer { b in
        xmlTextWriterWriteRawLen(writer, b.baseAddress! + (newline ? 0 : 1), Int32(count))
      }
      try check(r, "xmlTextWriterWriteRawLen")
      levels -= now
      newline = false
    } while levels > 0
  }

  /// Indentation levels one raw write covers (deeper ones take several).
  private static let maximumLevels = 64
  /// A line feed, then two spaces per level.
  private static let breakAndSpaces: [UInt8] =
    [0x0A] + [UInt8](repeating: 0x20, count: 2 * maximumLevels)

  /// The held-back line break, written before this writer's output is flushed for bytes that
  /// follow it (``elements(_:inside:threshold:_:)``).
  private func writePendingNewline() throws {
    guard indents && newlinePending else { return }
    try whitespace(newline: true, levels: 0)
    newlinePending = false
  }

  /// Adds an attribute to the element just opened.
  ///
  /// `xmlTextWriterWriteAttribute` is start, `xmlTextWriterWriteString` (which escapes the
  /// value) and end. A value its escaping leaves as it is (``XMLText/changesAsAttribute(_:count:)``:
  /// printable ASCII without `<>&"`, as most addresses and types are) is written with
  /// `xmlTextWriterWriteRawLen` between the same start and end: the same bytes (libxml2
  /// 2.9.14, xmlwriter.c).
  package func attribute(_ name: StaticString, _ value: String) throws {
    let n = value.utf8.count
    let r = Self.withXMLString(value) { p -> Int32 in
      guard n <= Int(Int32.max), !XMLText.changesAsAttribute(p, count: n) else {
        return xmlTextWriterWriteAttribute(writer, Self.xml(name), p)
      }
      guard xmlTextWriterStartAttribute(writer, Self.xml(name)) >= 0,
        xmlTextWriterWriteRawLen(writer, p, Int32(n)) >= 0
      else { return -1 }
      return xmlTextWriterEndAttribute(writer)
    }
    try check(r, "xmlTextWriterWriteAttribute")
  }

  /// Writes escaped character data.
  ///
  /// `xmlTextWriterWriteString` in element content is `xmlTextWriterWriteRaw` of
  /// `xmlEncodeSpecialChars(content)` (libxml2 2.9.14, xmlwriter.c). Text in which that
  /// escaping changes nothing (``XMLText/changesAsElementText(_:count:)``: most titles, names,
  /// dates and addresses) goes to `xmlTextWriterWriteRawLen` directly: the same bytes and
  /// the same writer state, without the escaped copy. A test writes every kind of text both
  /// ways and compares the documents.
  package func text(_ value: String) throws {
    try beforeText()
    let n = value.utf8.count
    let r = Self.withXMLString(value) { p in
      n > Int(Int32.max) || XMLText.changesAsElementText(p, count: n)
        ? xmlTextWriterWriteString(writer, p) : xmlTextWriterWriteRawLen(writer, p, Int32(n))
    }
    try check(r, "xmlTextWriterWriteString")
  }

  /// Writes `<name>value</name>`: `xmlTextWriterWriteElement`'s three steps (start, string,
  /// end), with the text written as ``text(_:)`` writes it.
  package func element(_ name: StaticString, _ value: String) throws {
    try start(name)
    try text(value)
    try end()
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
    try beforeText()
    let n = value.utf8.count
    let whole = Self.withXMLString(value) { p -> Int32? in
      // The common case, no `]]>`: one section straight from the string's storage.
      if let r = cdataSection(p, count: n) { return r }
      return strstr(Self.cString(p), Self.cString(Self.cdataEnd.utf8Start)) == nil
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
    try beforeText()
    let n = value.count
    let whole = value.withCString { p -> Int32? in
      if let r = cdataSection(p, count: n) { return r }
      return strstr(Self.cString(p), Self.cString(Self.cdataEnd.utf8Start)) == nil
        ? xmlTextWriterWriteCDATA(writer, p) : nil
    }
    if let whole { return try check(whole, "xmlTextWriterWriteCDATA") }
    try cdata(String(decoding: value.utf8, as: UTF8.self))
  }

  /// One CDATA section of `count` bytes without a `]` or a NUL
  /// (``XMLText/mayEndCDATA(_:count:)``), nil for any other text. `xmlTextWriterWriteCDATA` is
  /// start, `xmlTextWriterWriteString` (which in a CDATA section is `xmlTextWriterWriteRaw`:
  /// `strlen`, then the bytes as they are) and end (libxml2 2.9.14, xmlwriter.c); with the
  /// length known, the same bytes go out without the `strlen` and the `strstr` for `]]>`.
  private func cdataSection(_ p: UnsafePointer<UInt8>, count n: Int) -> Int32? {
    guard n <= Int(Int32.max), !XMLText.mayEndCDATA(p, count: n) else { return nil }
    guard xmlTextWriterStartCDATA(writer) >= 0, xmlTextWriterWriteRawLen(writer, p, Int32(n)) >= 0
    else { return -1 }
    return xmlTextWriterEndCDATA(writer)
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

/// A writer's output, for bytes added as they are after what the writer has flushed (the
/// chunks of ``XMLStreamWriter/elements(_:inside:threshold:_:)``, added by one thread at a
/// time).
private struct RawOutput: @unchecked Sendable {
  let sink: DocumentSink?
  let buffer: xmlBufferPtr?

  func add(_ bytes: [UInt8]) throws {
    if let sink {
      try bytes.withUnsafeBytes { try sink.append($0) }
    } else if let buffer {
      let r = bytes.withUnsafeBufferPointer { xmlBufferAdd(buffer, $0.baseAddress, Int32($0.count)) }
      if r != 0 { throw XMLWriterError(function: "xmlBufferAdd") }
    }
  }
}

/// Where ``XMLStreamWriter/elements(_:inside:threshold:_:)``'s chunk writer keeps its bytes.
private final class FragmentRecorder {
  var recording = false
  var bytes: [UInt8] = []

  init(capacity: Int) { bytes.reserveCapacity(capacity) }
}

/// The chunks of ``XMLStreamWriter/elements(_:inside:threshold:_:)``, shared by the threads of
/// one `concurrentPerform`: each thread claims the next chunk, writes it, and hands it over;
/// whichever thread hands over the oldest chunk not yet added to the output adds it and every
/// later one already there, in order, one thread at a time. A thread waits before claiming a
/// chunk `window` or more past that oldest one, so at most `window` chunks are held; the
/// thread holding the oldest never waits, so the chunks always move on. After a failure no
/// chunk is claimed or added, and ``result()`` throws it.
private final class ChunkPipeline: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let moved = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var slots: [[UInt8]?]
  private var nextClaim = 0
  private var nextAdded = 0
  private var failure: Error?
  private let window: Int

  init(count: Int, window: Int) {
    slots = Array(repeating: nil, count: count)
    self.window = window
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(moved, nil)
  }

  deinit {
    pthread_cond_destroy(moved)
    pthread_mutex_destroy(mutex)
    moved.deallocate()
    mutex.deallocate()
  }

  /// The next chunk to write, or nil when every chunk is claimed or something failed.
  func claim() -> Int? {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    while failure == nil && nextClaim < slots.count && nextClaim - nextAdded >= window {
      pthread_cond_wait(moved, mutex)
    }
    guard failure == nil, nextClaim < slots.count else { return nil }
    nextClaim += 1
    return nextClaim - 1
  }

  /// Hands over chunk `i` (its bytes or its failure), then adds with `add` every chunk ready
  /// in order.
  func finish(_ i: Int, _ bytes: Result<[UInt8], Error>, add: ([UInt8]) throws -> Void) {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    switch bytes {
    case .success(let b): slots[i] = b
    case .failure(let e): if failure == nil { failure = e }
    }
    while failure == nil, nextAdded < slots.count, let b = slots[nextAdded] {
      slots[nextAdded] = nil
      do { try add(b) } catch { failure = error }
      nextAdded += 1
    }
    pthread_cond_broadcast(moved)
  }

  /// Throws the first failure.
  func result() throws {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    if let failure { throw failure }
  }
}

/// The processors this process may run on.
enum ProcessInfoCores {
  static let active: Int = {
    #if canImport(Glibc)
      let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
      return n > 0 ? n : 1
    #else
      return 1
    #endif
  }()
}
