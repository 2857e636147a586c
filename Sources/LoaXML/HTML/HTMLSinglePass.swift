import CLibXML2
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// The sanitizer in one pass over the bytes, for the HTML it can follow completely; nil for
/// anything else, which goes to the tree path (libxml2's HTML parser, the cleaning walk,
/// ``HTMLTreeWriter``). Where it answers, its ``HTMLSanitizer/Result`` is the tree path's,
/// byte for byte, change for change: it is not a second sanitizer with rules of its own but a
/// shortcut through the same rules, for markup where libxml2's parser would build exactly the
/// tree the tags spell (issue 16: the parse and the walk were two thirds of a cold run's
/// cleaning).
///
/// It follows, and answers for:
/// - start and end tags of the allowlisted elements (names in any case), properly nested, each
///   end tag closing the innermost open element, all closed at the end; a void element
///   (`br`, `hr`, `img`, `col`) with `>` or `/>`;
/// - attributes with a quoted value (`"` or `'`), separated by white space;
/// - text, with the character references libxml2 decodes (`&amp;`, `&nbsp;`, `&#7855;`,
///   `&#x1EAF;`: any name `htmlEntityLookup` knows, any number it turns into a character).
///
/// It leaves to the tree path, among others: text before the first element, anything the
/// parser would close or open on its own (`<p><div>`, `<li>` without `</li>`, a stray `</p>`,
/// libxml2's start-tag rules read from `htmlAutoCloseTag`), an element the walk would unwrap,
/// flatten or remove with its content, a link without a usable `href` or inside another, a
/// lazy-loaded image (`data-src`), a duplicate or valueless attribute, comments, `<!`, `<?`,
/// a `<` that starts no tag, an `&` that starts no known reference, CR, NUL, the other C0
/// controls, U+FFFE and U+FFFF, nesting deeper than 24 elements, and output past `maxBytes`.
///
/// `HTMLSinglePassTests` compares both paths on the example portal's articles and 40,000
/// generated and mutated documents, and libxml2's start-tag rules pair by pair; the fuzz
/// target `FuzzHTMLSinglePass` (its seeds the example's and the benchmark corpus's articles)
/// does the same on any bytes.
extension HTMLSanitizer {
  /// A set of element indexes (``SinglePassElement/index``).
  struct ElementSet: Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    @inline(__always)
    func contains(_ i: Int) -> Bool { i < 64 ? (low >> UInt64(i)) & 1 == 1 : (high >> UInt64(i - 64)) & 1 == 1 }

    mutating func insert(_ i: Int) {
      if i < 64 { low |= 1 << UInt64(i) } else { high |= 1 << UInt64(i - 64) }
    }
  }

  /// What the single pass needs to know about an allowlisted element (a class: the pass
  /// keeps one per open element without copying its fields).
  final class SinglePassElement: Sendable {
    let index: Int
    let name: [UInt8]
    let nameString: String
    let kind: Kind
    let isBlock: Bool
    let isOutOfSummary: Bool
    /// `br`, `hr`, `img`, `col`: libxml2's empty elements among the allowlisted ones.
    let isVoid: Bool
    /// Its allowed attributes (``global`` included), as bits of the attribute table.
    let attributes: UInt64
    /// Where it may stand (nil: anywhere; the body is in none).
    let requiredParents: ElementSet?
    /// Children that end it: the sanitizer's ``closedBy`` and libxml2's start-tag rules.
    let endedBy: ElementSet
    let isLink: Bool
    let isImage: Bool
    let isParagraph: Bool
    let isLineBreak: Bool

    init(
      index: Int, name: String, kind: Kind, attributes: UInt64, requiredParents: ElementSet?,
      endedBy: ElementSet
    ) {
      self.index = index
      self.name = Array(name.utf8)
      nameString = name
      self.kind = kind
      isBlock = kind.contains(.block)
      isOutOfSummary = kind.contains(.notInSummary)
      isVoid = kind.contains(.allowedVoid)
      self.attributes = attributes
      self.requiredParents = requiredParents
      self.endedBy = endedBy
      isLink = name == "a"
      isImage = name == "img"
      isParagraph = name == "p"
      isLineBreak = name == "br"
    }
  }

  /// An allowlisted attribute name: its bit and its kind.
  struct SinglePassAttribute: Sendable {
    var bit: UInt64
    var kind: AttributeKind
    var name: String
  }

  /// Elements libxml2 closes when the same element starts inside them (`<li>` in `<li>`);
  /// `htmlAutoCloseTag` answers no for a name and itself. Checked against the parser in
  /// `HTMLSinglePassTests`.
  static let closedBySameName: Set<String> = ["a", "colgroup", "li", "p", "tbody", "td", "th", "tr"]

  /// The deepest nesting followed (well within ``maxNestingDepth``, counted as the walk does).
  static let singlePassDepth = 24

  /// The allowlisted elements, their attributes, and the body's ``SinglePassElement``.
  static let singlePass:
    (
      elements: NameTable<SinglePassElement>, body: SinglePassElement,
      attributes: NameTable<SinglePassAttribute>
    ) = {
      XMLParsing.initialize()
      let names = allowed.keys.sorted()
      precondition(names.count < 127, "ElementSet holds 128 indexes, one for the body")
      var attributeNames = global
      for set in allowed.values { attributeNames.formUnion(set) }
      let sortedAttributes = attributeNames.sorted()
      precondition(sortedAttributes.count <= 64)
      var attributes: [String: SinglePassAttribute] = [:]
      for (i, name) in sortedAttributes.enumerated() {
        attributes[name] = SinglePassAttribute(bit: 1 << UInt64(i), kind: attributeKind(name), name: name)
      }
      let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
      guard let doc = htmlNewDocNoDtD(nil, nil) else { fatalError("htmlNewDocNoDtD") }
      defer { xmlFreeDoc(doc) }
      /// Whether libxml2's parser ends `parent` when `child` starts in it.
      func libxml2Ends(_ parent: String, _ child: String) -> Bool {
        if parent == child { return closedBySameName.contains(parent) }
        guard let node = xmlNewDocNode(doc, nil, child, nil) else { return true }
        defer { xmlFreeNode(node) }
        return htmlAutoCloseTag(doc, parent, node) != 0
      }
      func make(_ name: String, index i: Int) -> SinglePassElement {
        let description = element(name)
        var allowedBits: UInt64 = 0
        for a in global.union(description.attributes ?? []) { allowedBits |= attributes[a]?.bit ?? 0 }
        var parents: ElementSet?
        if let required = description.requiredParents {
          var set = ElementSet()
          for p in required { if let k = index[p] { set.insert(k) } }
          parents = set
        }
        var ended = ElementSet()
        for child in names {
          if description.closedBy?.contains(child) == true || libxml2Ends(name, child) {
            ended.insert(index[child]!)
          }
        }
        return SinglePassElement(
          index: i, name: name, kind: description.kind, attributes: allowedBits,
          requiredParents: parents, endedBy: ended)
      }
      var elements: [String: SinglePassElement] = [:]
      for (i, name) in names.enumerated() { elements[name] = make(name, index: i) }
      return (NameTable(elements), make("body", index: names.count), NameTable(attributes))
    }()

  /// The sanitized content in one pass, or nil when `html` holds something only the tree path
  /// follows (see above).
  package func sanitizeInOnePass(_ html: String) -> Result? {
    var html = html
    return html.withUTF8 { bytes in
      var pass = SinglePass(sanitizer: self, input: bytes)
      return pass.run()
    }
  }
}

extension HTMLSanitizer {
  /// For the differential checks (HTMLSinglePassTests, FuzzHTMLSinglePass): nil when the single
  /// pass leaves `html` to the tree path; "" when both paths give the same result (HTML, text,
  /// changes, NFC flags); else what each gave.
  public func singlePassDifference(_ html: String) -> String? {
    guard let fast = sanitizeInOnePass(html) else { return nil }
    let tree = sanitizeWithTree(html)
    if fast == tree && fast.htmlIsNFC == tree.htmlIsNFC && fast.textIsNFC == tree.textIsNFC {
      return ""
    }
    func line(_ r: Result) -> String {
      "\(r.html.debugDescription) text \(r.text.debugDescription) \(r.changes) NFC \(r.htmlIsNFC) \(r.textIsNFC)"
    }
    return "input \(html.debugDescription)\none pass: \(line(fast))\ntree:     \(line(tree))"
  }
}

/// One run of ``HTMLSanitizer/sanitizeInOnePass(_:)``.
private struct SinglePass {
  typealias Element = HTMLSanitizer.SinglePassElement

  struct Open {
    var element: Element
    /// Where its start tag begins in `out`, and its text in `text` (a blank paragraph is cut
    /// back to there).
    var outStart: Int
    var textStart: Int
    /// A paragraph with nothing but white space and line breaks so far.
    var blank: Bool
    /// Whether it (or an ancestor) keeps its text out of the summary.
    var outOfSummary: Bool
  }

  let sanitizer: HTMLSanitizer
  let input: UnsafeBufferPointer<UInt8>
  let tables = HTMLSanitizer.singlePass
  var i = 0
  var out: [UInt8] = []
  var text: [UInt8] = []
  var stack: [Open] = []
  var links = 0
  var changes = HTMLSanitizer.Changes()
  /// Whether an element at the top level was kept (text before one is left out when blank).
  var keptAtTop = false
  /// Where the blank text at the top level since the last node kept there begins: cut at the
  /// end, as `normalizeTopLevel` removes it.
  var trailingBlank: (out: Int, text: Int)?
  /// Decoded text when it holds references.
  var scratch: [UInt8] = []
  /// The attributes of the current start tag that are not allowlisted: where their names
  /// start in `input`, and their length (a second one of a name is left to the tree path).
  var unknownNames: [(Int, Int)] = []

  init(sanitizer: HTMLSanitizer, input: UnsafeBufferPointer<UInt8>) {
    self.sanitizer = sanitizer
    self.input = input
  }

  mutating func run() -> HTMLSanitizer.Result? {
    guard input.count > 0, Self.hasOnlyFollowedBytes(input) else { return nil }
    out.reserveCapacity(input.count + 64)
    text.reserveCapacity(input.count)
    // Leading white space: the parser skips it.
    while i < input.count, Self.isBlank(input[i]) { i += 1 }
    while i < input.count {
      if input[i] == 0x3C {
        guard markup() else { return nil }
      } else {
        guard characters() else { return nil }
      }
    }
    guard stack.isEmpty, keptAtTop else { return nil }
    if let blank = trailingBlank {
      out.removeSubrange(blank.out...)
      text.removeSubrange(blank.text...)
    }
    guard out.count <= sanitizer.maxBytes else { return nil }
    let (html, htmlIsNFC) = out.withUnsafeBufferPointer { Unicode.stringCheckingNFC($0) }
    let collapsed = text.withUnsafeBufferPointer { Whitespace.collapsed(utf8: $0) } ?? text
    let (textString, textIsNFC) = collapsed.withUnsafeBufferPointer { Unicode.stringCheckingNFC($0) }
    var result = HTMLSanitizer.Result(html: html, text: textString, changes: changes)
    result.htmlIsNFC = htmlIsNFC
    result.textIsNFC = textIsNFC
    return result
  }

  /// libxml2's `IS_BLANK_CH`.
  @inline(__always)
  static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

  /// Whether no byte is NUL, CR, another C0 control than tab and LF, or begins U+FFFE or
  /// U+FFFF: what the parser drops or reads differently. Eight bytes at a time.
  static func hasOnlyFollowedBytes(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = b.baseAddress else { return true }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func followed(_ k: Int) -> Bool {
      let c = b[k]
      if c < 0x20 && c != 0x09 && c != 0x0A { return false }
      if c == 0xEF, k + 2 < b.count, b[k + 1] == 0xBF, b[k + 2] == 0xBE || b[k + 2] == 0xBF {
        return false
      }
      return true
    }
    var k = 0
    while k + 8 <= b.count {
      let w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
      let below20 = (w &- ones &* 0x20) & ~w & highs
      let v = w ^ (ones &* 0xEF)
      let isEF = (v &- ones) & ~v & highs
      if below20 | isEF != 0 {
        // A tab, a line feed or an EF among these eight: byte by byte.
        for j in k..<k + 8 where !followed(j) { return false }
      }
      k += 8
    }
    while k < b.count {
      if !followed(k) { return false }
      k += 1
    }
    return true
  }

  // MARK: Text

  /// The text up to the next `<`, as one text node.
  mutating func characters() -> Bool {
    let start = i
    let rest = input.count - i
    let end: Int
    if let found = memchr(input.baseAddress! + i, 0x3C, rest) {
      end = input.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    } else {
      end = input.count
    }
    i = end
    let raw = UnsafeBufferPointer(rebasing: input[start..<end])
    if memchr(raw.baseAddress!, 0x26, raw.count) == nil { return node(raw) }
    scratch.removeAll(keepingCapacity: true)
    guard Self.decode(raw, into: &scratch) else { return false }
    return scratch.withUnsafeBufferPointer { node($0) }
  }

  /// One text node of decoded bytes.
  mutating func node(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let top = stack.indices.last else {
      // In the body: blank text before the first element kept there, or after the last, is
      // removed; any other text before it would get a paragraph.
      let blank = t.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D }
      guard keptAtTop else { return blank }
      if blank {
        if trailingBlank == nil { trailingBlank = (out.count, text.count) }
      } else {
        trailingBlank = nil
      }
      HTMLTreeWriter.appendEncoded(t, attribute: false, to: &out)
      text.append(contentsOf: t)
      return true
    }
    if stack[top].blank, !HTMLSanitizer.isSpaceOnly(t) { stack[top].blank = false }
    HTMLTreeWriter.appendEncoded(t, attribute: false, to: &out)
    if !stack[top].outOfSummary { text.append(contentsOf: t) }
    return true
  }

  /// `raw` with its character references decoded, appended to `into`; false at an `&` that
  /// starts no reference libxml2 decodes.
  static func decode(_ raw: UnsafeBufferPointer<UInt8>, into: inout [UInt8]) -> Bool {
    var k = 0
    while k < raw.count {
      let b = raw[k]
      guard b == 0x26 else {
        into.append(b)
        k += 1
        continue
      }
      guard let (scalar, length) = reference(raw, at: k) else { return false }
      appendUTF8(scalar, to: &into)
      k += length
    }
    return true
  }

  /// The character of the reference at `raw[at]` (an `&`) and its length with the `;`; nil
  /// for anything else.
  static func reference(_ raw: UnsafeBufferPointer<UInt8>, at: Int) -> (UInt32, Int)? {
    var k = at + 1
    guard k < raw.count else { return nil }
    if raw[k] == 0x23 {  // #
      k += 1
      var value: UInt32 = 0
      var digits = 0
      let hex = k < raw.count && (raw[k] | 0x20) == 0x78
      if hex { k += 1 }
      while k < raw.count, digits < 7 {
        let c = raw[k]
        let digit: UInt32
        switch c {
        case 0x30...0x39: digit = UInt32(c - 0x30)
        case 0x61...0x66 where hex: digit = UInt32(c - 0x61 + 10)
        case 0x41...0x46 where hex: digit = UInt32(c - 0x41 + 10)
        default: digit = 99
        }
        guard digit != 99 else { break }
        value = value * (hex ? 16 : 10) + digit
        digits += 1
        k += 1
      }
      guard digits > 0, k < raw.count, raw[k] == 0x3B else { return nil }
      // Characters only: no controls (C0, DEL, C1), surrogates, U+FFFE, U+FFFF.
      switch value {
      case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
        return (value, k + 1 - at)
      default:
        return nil
      }
    }
    let nameStart = k
    while k < raw.count, k - nameStart < 32 {
      let c = raw[k]
      guard (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (k > nameStart && c >= 0x30 && c <= 0x39) else { break }
      k += 1
    }
    guard k > nameStart, k < raw.count, raw[k] == 0x3B else { return nil }
    var name = [UInt8](UnsafeBufferPointer(rebasing: raw[nameStart..<k]))
    name.append(0)
    guard let entity = name.withUnsafeBufferPointer({ htmlEntityLookup($0.baseAddress) }) else { return nil }
    let value = entity.pointee.value
    guard value >= 0x20, value != 0x7F, !(0x80...0x9F).contains(value) else { return nil }
    return (value, k + 1 - at)
  }

  static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    guard let scalar = Unicode.Scalar(v) else { return }
    out.append(contentsOf: UTF8.encode(scalar)!)
  }

  // MARK: Tags

  /// A tag at `input[i]` (a `<`).
  mutating func markup() -> Bool {
    guard i + 1 < input.count else { return false }
    let next = input[i + 1]
    if next == 0x2F { return endTag() }
    guard Self.isLetter(next) else { return false }
    return startTag()
  }

  @inline(__always)
  static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

  @inline(__always)
  static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) }

  /// The end of the element or attribute name at `k` (letters and digits, and `-` when
  /// `dash`) and whether it holds an upper-case letter; nil when it would go on with a byte
  /// libxml2 reads as part of it (`:`, `_`, `.`, or `-` when not `dash`), or is longer than 32.
  @inline(__always)
  static func nameEnd(_ input: UnsafeBufferPointer<UInt8>, at start: Int, dash: Bool) -> (end: Int, upper: Bool)? {
    var k = start
    var upper = false
    while k < input.count {
      let c = input[k]
      if Self.isNameByte(c) || (dash && c == 0x2D) {
        if c <= 0x5A && c >= 0x41 { upper = true }
        k += 1
        continue
      }
      if c == 0x3A || c == 0x5F || c == 0x2E || c == 0x2D { return nil }
      break
    }
    return k == start || k - start > 32 ? nil : (k, upper)
  }

  /// `body` with the name at `input[start..<end]` lowercased (in place when it is already).
  @inline(__always)
  static func withLowercased<R>(
    _ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, upper: Bool,
    _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    let name = UnsafeBufferPointer(rebasing: input[start..<end])
    guard upper else { return body(name) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
      for (j, c) in name.enumerated() { buffer[j] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
      return body(UnsafeBufferPointer(rebasing: buffer[0..<name.count]))
    }
  }

  mutating func endTag() -> Bool {
    guard let (end, _) = Self.nameEnd(input, at: i + 2, dash: false), let open = stack.last else { return false }
    let element = open.element
    guard end - (i + 2) == element.name.count else { return false }
    for (j, c) in element.name.enumerated() where input[i + 2 + j] | 0x20 != c {
      // The names hold letters and digits only: `| 0x20` lowercases a letter, keeps a digit.
      return false
    }
    var k = end
    while k < input.count, Self.isBlank(input[k]) { k += 1 }
    guard k < input.count, input[k] == 0x3E else { return false }
    stack.removeLast()
    i = k + 1
    if element.isLink { links -= 1 }
    out.append(0x3C)
    out.append(0x2F)
    out.append(contentsOf: element.name)
    out.append(0x3E)
    if !open.outOfSummary, element.isBlock { text.append(0x20) }
    if element.isParagraph && open.blank {
      // An empty paragraph carries nothing: the walk removes it.
      out.removeSubrange(open.outStart...)
      text.removeSubrange(open.textStart...)
    } else if stack.isEmpty {
      keptAtTop = true
      trailingBlank = nil
    }
    return true
  }

  mutating func startTag() -> Bool {
    let input = self.input
    let tables = self.tables
    guard let (nameEnd, upper) = Self.nameEnd(input, at: i + 1, dash: false),
      let element = Self.withLowercased(input, i + 1, nameEnd, upper: upper, { tables.elements[utf8: $0] })
    else { return false }
    let parent = stack.last?.element ?? tables.body
    // What libxml2 or the walk would not leave as the tags spell it.
    guard !parent.endedBy.contains(element.index) else { return false }
    if let parents = element.requiredParents, !parents.contains(parent.index) { return false }
    if element.isLink && links > 0 { return false }
    guard stack.count < HTMLSanitizer.singlePassDepth else { return false }

    // The start tag is written as the attributes are read and cleaned (in their order, as
    // `cleanAttributes` keeps them), and taken back should the element go.
    let outStart = out.count
    out.append(0x3C)
    out.append(contentsOf: element.name)
    var k = nameEnd
    var seen: UInt64 = 0
    unknownNames.removeAll(keepingCapacity: true)
    var hasSource = false
    var hasHref = false
    while true {
      var blanks = 0
      while k < input.count, Self.isBlank(input[k]) {
        k += 1
        blanks += 1
      }
      guard k < input.count else { return false }
      let c = input[k]
      if c == 0x3E {
        k += 1
        break
      }
      if c == 0x2F {
        guard element.isVoid, k + 1 < input.count, input[k + 1] == 0x3E else { return false }
        k += 2
        break
      }
      guard blanks > 0, Self.isLetter(c), let (attributeEnd, attributeUpper) = Self.nameEnd(input, at: k, dash: true),
        attributeEnd + 1 < input.count, input[attributeEnd] == 0x3D
      else { return false }
      let quote = input[attributeEnd + 1]
      guard quote == 0x22 || quote == 0x27 else { return false }
      let valueStart = attributeEnd + 2
      guard valueStart <= input.count,
        let found = memchr(input.baseAddress! + valueStart, Int32(quote), input.count - valueStart)
      else { return false }
      let valueEnd = input.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
      let nameStart = k
      k = valueEnd + 1
      let description = Self.withLowercased(input, nameStart, attributeEnd, upper: attributeUpper) {
        tables.attributes[utf8: $0]
      }
      guard let description else {
        // Not allowlisted: dropped (and counted), unless it is a second one of that name
        // (the parser drops that itself) or a lazy-loading address (the tree path moves it).
        let length = attributeEnd - nameStart
        if element.isImage, length > 5, Self.isDataPrefix(input, nameStart) { return false }
        for (s, n) in unknownNames where n == length {
          var same = true
          for j in 0..<n where input[s + j] | 0x20 != input[nameStart + j] | 0x20 { same = false }
          if same { return false }
        }
        unknownNames.append((nameStart, length))
        changes.removedAttributes += 1
        continue
      }
      guard seen & description.bit == 0 else { return false }
      seen |= description.bit
      guard element.attributes & description.bit != 0 else {
        changes.removedAttributes += 1
        continue
      }
      let raw = UnsafeBufferPointer(rebasing: input[valueStart..<valueEnd])
      let value: String
      if memchr(raw.baseAddress!, 0x26, raw.count) == nil {
        value = String(decoding: raw, as: UTF8.self)
      } else {
        scratch.removeAll(keepingCapacity: true)
        guard Self.decode(raw, into: &scratch) else { return false }
        value = String(decoding: scratch, as: UTF8.self)
      }
      guard
        var cleaned = sanitizer.cleanValue(
          description.name, description.kind, value, element: element.nameString,
          changes: &changes)
      else { continue }
      if element.isImage && description.kind.contains(.url) && description.name == "src" { hasSource = true }
      if element.isLink && description.kind.contains(.url) && description.name == "href" { hasHref = true }
      var written = out
      out = []
      cleaned.withUTF8 { v in
        Self.withLowercased(input, nameStart, attributeEnd, upper: attributeUpper) {
          HTMLTreeWriter.appendAttribute(name: $0, value: v, ofLink: element.isLink, to: &written)
        }
      }
      out = written
    }
    i = k
    if element.isImage && !hasSource {
      // Removed: its unusable address was counted when the attribute was dropped.
      out.removeSubrange(outStart...)
      return true
    }
    if element.isLink && !hasHref { return false }
    out.append(0x3E)

    if let top = stack.indices.last, !element.isLineBreak { stack[top].blank = false }
    let textStart = text.count
    let outOfSummary = (stack.last?.outOfSummary ?? false) || element.isOutOfSummary
    if element.isVoid {
      if element.isBlock && !outOfSummary {
        text.append(0x20)
        text.append(0x20)
      }
      if stack.isEmpty {
        keptAtTop = true
        trailingBlank = nil
      }
      return true
    }
    if element.isBlock && !outOfSummary { text.append(0x20) }
    if element.isLink { links += 1 }
    stack.append(
      Open(
        element: element, outStart: outStart, textStart: textStart, blank: true,
        outOfSummary: outOfSummary))
    return true
  }

  /// Whether `input[at...]` starts with `data-` (any case).
  static func isDataPrefix(_ input: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
    input[at] | 0x20 == 0x64 && input[at + 1] | 0x20 == 0x61 && input[at + 2] | 0x20 == 0x74
      && input[at + 3] | 0x20 == 0x61 && input[at + 4] == 0x2D
  }
}
