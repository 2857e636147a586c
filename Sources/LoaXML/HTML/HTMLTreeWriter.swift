import CLibXML2

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a sanitized tree as HTML: exactly the bytes libxml2 2.9.14's
/// `htmlNodeDumpFormatOutput` (HTMLtree.c; no encoder, format 0) writes for the same node of
/// an HTML document, appended to one byte array instead of going through `xmlOutputBuffer`,
/// `xmlEncodeEntitiesReentrant`, `xmlEncodeAttributeEntities`, `xmlURIEscapeStr` and
/// `xmlBufWriteQuotedString`, which allocate and copy for every text and attribute (12% of a
/// cleaning's instructions; issue 16).
///
/// What it reproduces, from HTMLtree.c, entities.c, uri.c and buf.c of libxml2 2.9.14:
/// - An element: `<name`, its attributes, then `>` alone for an element the HTML 4 table says
///   is empty (`br`, `hr`, `img`, `col`; its children, if any, are not written), `>` alone
///   for a childless element whose end tag the table says may be left out (`li`, `td`, `p`…;
///   not `html`, `body`), `></name>` for any other childless one, else `>`, the children and
///   `</name>`. Format 0: no white space is added.
/// - Text: `<`, `>`, `&` as `&lt;`, `&gt;`, `&amp;`; tab, LF, CR, the printable ASCII (`"`
///   and `'` included) and every byte from 0x80 (UTF-8, unchecked) as they are; the other C0
///   controls are left out. Under `script` or `style` (any case): the bytes as they are.
/// - An attribute: ` name`; a boolean one of HTML 4 (`checked`, `nowrap`…, any case) or one
///   without children stops there. Its value is its text encoded as in text, except that
///   `<!--…-->` (a server-side include) and `&{…}` (HTML 4's script macro) are kept as they
///   are and the C0 rule is the same. `href`, `action`, `src` and, on `a`, `name` (any case):
///   leading blanks (space, tab, LF, CR) dropped, then every byte that is not an ASCII letter
///   or digit, nor one of ``-_.!~*'()@/:=?;#%&,+<>``, written `%XX` (upper-case hex). Quoted
///   with `"`, or with `'` when the value holds `"` and no `'`, or with `"` and every `"`
///   written `&quot;` when it holds both.
///
/// Anything else (comments, processing instructions, CDATA, entity references, namespaces,
/// a `textnoenc` text node, an attribute whose value is not plain text, a document that is
/// not HTML) is left to libxml2: ``append(_:_:to:)`` then writes nothing and returns false.
/// The sanitized tree holds none of those. `HTMLSanitizer.writerDifferences` compares both
/// writers (HTMLTreeWriterTests, FuzzHTMLSanitizer).
enum HTMLTreeWriter {
  /// What the HTML 4 element table (`htmlTagLookup`) says about an element, for its dump.
  struct Tag: Sendable {
    /// `empty`: written `<name …>` with no end tag and no children.
    var empty = false
    /// `saveEndTag`, for names other than `html` and `body`: written `<name …>` when it has
    /// no children.
    var childlessWithoutEndTag = false

    init() {}

    init(_ info: UnsafePointer<htmlElemDesc>?) {
      guard let info else { return }
      empty = info.pointee.empty != 0
      let name = info.pointee.name.map { String(cString: $0) } ?? ""
      childlessWithoutEndTag = info.pointee.saveEndTag != 0 && name != "html" && name != "body"
    }
  }

  /// ``Tag`` of every element name the sanitizer knows, looked up once in libxml2's table.
  static let tags: NameTable<Tag> = {
    XMLParsing.initialize()
    var names = Set(HTMLSanitizer.allowed.keys)
    names.formUnion(HTMLSanitizer.kinds.keys)
    names.formUnion(["html", "body", "iframe", "frame", "video", "audio", "font", "center"])
    var map: [String: Tag] = [:]
    for name in names { map[name] = Tag(htmlTagLookup(name)) }
    return NameTable(map)
  }()

  /// ``Tag`` of the NUL-terminated `name`: from ``tags``, or from libxml2 for another name.
  static func tag(_ name: UnsafePointer<xmlChar>, count: Int) -> Tag {
    if let known = tags[utf8: UnsafeBufferPointer(start: name, count: count)] { return known }
    return Tag(htmlTagLookup(name))
  }

  /// Appends `node` (and what it holds) to `out` as `htmlNodeDumpFormatOutput(buf, doc, node,
  /// nil, 0)` writes it; false, with `out` as it was, when the node holds something this
  /// writer leaves to libxml2 (see above).
  static func append(_ node: xmlNodePtr, _ doc: htmlDocPtr, to out: inout [UInt8]) -> Bool {
    guard doc.pointee.type == XML_HTML_DOCUMENT_NODE else { return false }
    let start = out.count
    if write(node, &out) { return true }
    out.removeSubrange(start...)
    return false
  }

  private static func write(_ node: xmlNodePtr, _ out: inout [UInt8]) -> Bool {
    switch node.pointee.type {
    case XML_TEXT_NODE:
      guard let content = node.pointee.content else { return true }
      if let name = node.pointee.name, isTextNoenc(name) { return false }
      let count = Int(xmlStrlen(content))
      if let parent = node.pointee.parent, let name = parent.pointee.name,
        xmlStrcasecmp(name, "script") == 0 || xmlStrcasecmp(name, "style") == 0
      {
        out.append(contentsOf: UnsafeBufferPointer(start: content, count: count))
      } else {
        appendEncoded(UnsafeBufferPointer(start: content, count: count), attribute: false, to: &out)
      }
      return true
    case XML_ELEMENT_NODE:
      guard node.pointee.ns == nil, node.pointee.nsDef == nil, let name = node.pointee.name else {
        return false
      }
      let nameBytes = UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
      out.append(0x3C)  // <
      out.append(contentsOf: nameBytes)
      var attribute = node.pointee.properties
      while let a = attribute {
        guard write(attribute: a, of: name, &out) else { return false }
        attribute = a.pointee.next
      }
      let tag = tag(name, count: nameBytes.count)
      if tag.empty {
        out.append(0x3E)
        return true
      }
      guard var child = node.pointee.children else {
        if tag.childlessWithoutEndTag {
          out.append(0x3E)
        } else {
          out.append(0x3E)  // ></
          out.append(0x3C)
          out.append(0x2F)
          out.append(contentsOf: nameBytes)
          out.append(0x3E)
        }
        return true
      }
      out.append(0x3E)
      while true {
        guard write(child, &out) else { return false }
        guard let next = child.pointee.next else { break }
        child = next
      }
      out.append(0x3C)  // </
      out.append(0x2F)
      out.append(contentsOf: nameBytes)
      out.append(0x3E)
      return true
    default:
      return false
    }
  }

  /// Whether a text node's name is libxml2's `xmlStringTextNoenc` ("textnoenc"): such text
  /// is written unescaped. Never in a parsed or sanitized tree.
  private static func isTextNoenc(_ name: UnsafePointer<xmlChar>) -> Bool {
    name.pointee == 0x74 && xmlStrEqual(name, "textnoenc") != 0
  }

  /// HTML 4's boolean attributes (`htmlBooleanAttrs`), written without a value. Static
  /// strings: a `String` element passed to C is copied into a temporary first.
  private static let booleanAttributes: [StaticString] = [
    "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref",
    "noresize", "noshade", "nowrap", "readonly", "selected",
  ]

  /// `htmlAttrDumpOutput`.
  private static func write(
    attribute a: xmlAttrPtr, of element: UnsafePointer<xmlChar>, _ out: inout [UInt8]
  ) -> Bool {
    guard a.pointee.ns == nil, let name = a.pointee.name else { return false }
    let nameBytes = UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
    out.append(0x20)
    out.append(contentsOf: nameBytes)
    guard let first = a.pointee.children else { return true }
    if isBoolean(nameBytes) { return true }
    // xmlNodeListGetString(doc, children, 0): each text child encoded for an attribute.
    out.append(0x3D)  // =
    let open = out.count
    out.append(0x22)  // "
    let valueStart = out.count
    var child: xmlNodePtr? = first
    while let c = child {
      guard c.pointee.type == XML_TEXT_NODE,
        c.pointee.parent == UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)
      else { return false }
      if let content = c.pointee.content {
        appendEncoded(
          UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))), attribute: true,
          to: &out)
      }
      child = c.pointee.next
    }
    let isLink = xmlStrcasecmp(element, "a") == 0
    finishValue(open: open, valueStart: valueStart, isURL: isURL(nameBytes, ofLink: isLink), &out)
    return true
  }

  /// ``write(attribute:of:_:)`` for an attribute whose one text child holds `value` (what the
  /// HTML parser and `xmlSetProp` give an attribute with a value), of an `a` element when
  /// `ofLink`: the same bytes, for ``HTMLSanitizer``'s single pass, which builds no tree.
  static func appendAttribute(
    name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>, ofLink: Bool,
    to out: inout [UInt8]
  ) {
    out.append(0x20)
    out.append(contentsOf: name)
    if isBoolean(name) { return }
    out.append(0x3D)  // =
    let open = out.count
    out.append(0x22)  // "
    let valueStart = out.count
    appendEncoded(value, attribute: true, to: &out)
    finishValue(open: open, valueStart: valueStart, isURL: isURL(name, ofLink: ofLink), &out)
  }

  /// Whether `name` is one of ``booleanAttributes`` (any case).
  private static func isBoolean(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = name.first else { return false }
    switch first | 0x20 {
    case 0x63, 0x64, 0x69, 0x6D, 0x6E, 0x72, 0x73:  // c d i m n r s
      return booleanAttributes.contains { equalsIgnoringCase(name, $0) }
    default:
      return false
    }
  }

  /// `href`, `action`, `src` and, on `a`, `name` (any case): the attributes `htmlAttrDumpOutput`
  /// escapes as URIs.
  private static func isURL(_ name: UnsafeBufferPointer<UInt8>, ofLink: Bool) -> Bool {
    equalsIgnoringCase(name, "href") || equalsIgnoringCase(name, "src")
      || equalsIgnoringCase(name, "action") || (ofLink && equalsIgnoringCase(name, "name"))
  }

  /// `xmlStrcasecmp(name, ascii) == 0` over bytes.
  private static func equalsIgnoringCase(_ name: UnsafeBufferPointer<UInt8>, _ ascii: StaticString) -> Bool {
    guard name.count == ascii.utf8CodeUnitCount else { return false }
    let a = ascii.utf8Start
    for i in 0..<name.count {
      var b = name[i]
      if b >= 0x41 && b <= 0x5A { b |= 0x20 }
      if b != a[i] { return false }
    }
    return true
  }

  /// The end of an attribute: its encoded value (`out[valueStart...]`, after the `"` at
  /// `open`) escaped when it is a URL, then quoted as `xmlBufWriteQuotedString` does.
  private static func finishValue(open: Int, valueStart: Int, isURL: Bool, _ out: inout [UInt8]) {
    if isURL { uriEscapeValue(from: valueStart, in: &out) }
    var hasDouble = false
    var hasSingle = false
    for i in valueStart..<out.count {
      if out[i] == 0x22 { hasDouble = true } else if out[i] == 0x27 { hasSingle = true }
    }
    if !hasDouble {
      out.append(0x22)
    } else if !hasSingle {
      out[open] = 0x27
      out.append(0x27)
    } else {
      let value = Array(out[valueStart...])
      out.removeSubrange(valueStart...)
      for b in value {
        if b == 0x22 { append("&quot;", to: &out) } else { out.append(b) }
      }
      out.append(0x22)
    }
  }

  /// What `htmlAttrDumpOutput` does to a URL attribute's encoded value (`out[start...]`):
  /// leading `IS_BLANK_CH` dropped, then `xmlURIEscapeStr(value, "@/:=?;#%&,+<>")`.
  private static func uriEscapeValue(from start: Int, in out: inout [UInt8]) {
    var blanks = start
    while blanks < out.count,
      out[blanks] == 0x20 || out[blanks] == 0x09 || out[blanks] == 0x0A || out[blanks] == 0x0D
    {
      blanks += 1
    }
    if blanks > start { out.removeSubrange(start..<blanks) }
    guard let first = (start..<out.count).first(where: { !keptInURI(out[$0]) }) else { return }
    let rest = Array(out[first...])
    out.removeSubrange(first...)
    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    for b in rest {
      if keptInURI(b) {
        out.append(b)
      } else {
        out.append(0x25)
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0xF)])
      }
    }
  }

  /// uri.c's `IS_UNRESERVED` (letters, digits, ``-_.!~*'()``), `@`, or a byte of the list
  /// HTMLtree.c passes: ``@/:=?;#%&,+<>``.
  @inline(__always)
  private static func keptInURI(_ b: UInt8) -> Bool {
    switch b {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    case 0x2D, 0x5F, 0x2E, 0x21, 0x7E, 0x2A, 0x27, 0x28, 0x29: return true
    case 0x40, 0x2F, 0x3A, 0x3D, 0x3F, 0x3B, 0x23, 0x25, 0x26, 0x2C, 0x2B, 0x3C, 0x3E: return true
    default: return false
    }
  }

  /// Whether `b` is written as it is by `xmlEncodeEntitiesInternal` for an HTML document:
  /// anything but `<`, `>`, `&` and the C0 controls other than tab, LF and CR.
  @inline(__always)
  private static func isPlain(_ b: UInt8) -> Bool {
    b >= 0x20 ? (b != 0x3C && b != 0x3E && b != 0x26) : (b == 0x09 || b == 0x0A || b == 0x0D)
  }

  /// Whether none of the eight bytes of `w` is `<`, `>`, `&` or below 0x20 (tab, LF and CR
  /// included: those words go byte by byte). Exact: a byte below 0x20 is found with the
  /// "has less than" test, the others with the "has zero" test of their XOR.
  @inline(__always)
  static func isPlain(word w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
    let below20 = (w &- ones &* 0x20) & ~w & highs
    return
      (below20 | hasZero(w ^ (ones &* 0x3C)) | hasZero(w ^ (ones &* 0x3E))
      | hasZero(w ^ (ones &* 0x26))) == 0
  }

  /// Appends the ASCII of an entity reference.
  @inline(__always)
  private static func append(_ entity: StaticString, to out: inout [UInt8]) {
    out.append(
      contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
  }

  /// `xmlEncodeEntitiesInternal(doc, text, attribute)` for an HTML document, appended: runs
  /// of plain bytes copied at once.
  static func appendEncoded(
    _ text: UnsafeBufferPointer<UInt8>, attribute: Bool, to out: inout [UInt8]
  ) {
    let n = text.count
    var i = 0
    var run = 0
    guard let base = text.baseAddress else { return }
    while i < n {
      // Eight bytes at a time while none needs a look.
      if i + 8 <= n, isPlain(word: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
        i += 8
        continue
      }
      let b = text[i]
      if isPlain(b) {
        i += 1
        continue
      }
      if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<i])) }
      switch b {
      case 0x3C:  // <
        if attribute, i + 3 < n, text[i + 1] == 0x21, text[i + 2] == 0x2D, text[i + 3] == 0x2D,
          let end = find([0x2D, 0x2D, 0x3E], in: text, from: i)
        {
          // A server-side include, `<!--…-->`, as it is.
          out.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<end + 3]))
          i = end + 3
          run = i
          continue
        }
        append("&lt;", to: &out)
      case 0x3E:  // >
        append("&gt;", to: &out)
      case 0x26:  // &
        if attribute, i + 1 < n, text[i + 1] == 0x7B,
          let close = (i..<n).first(where: { text[$0] == 0x7D })
        {
          // HTML 4's `&{script}` macro, as it is.
          out.append(contentsOf: UnsafeBufferPointer(rebasing: text[i...close]))
          i = close + 1
          run = i
          continue
        }
        append("&amp;", to: &out)
      default:
        break  // a C0 control: left out
      }
      i += 1
      run = i
    }
    if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<n])) }
  }

  /// The index of the first occurrence of `needle` in `text` at or after `from`.
  private static func find(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, from: Int)
    -> Int?
  {
    var i = from
    while i + needle.count <= text.count {
      if text[i] == needle[0] && text[i + 1] == needle[1] && text[i + 2] == needle[2] { return i }
      i += 1
    }
    return nil
  }
}
