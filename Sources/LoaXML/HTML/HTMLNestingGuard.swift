/// Rewrites HTML whose tags nest deeper than libxml2's HTML parser accepts, so that no text is
/// lost to the limit.
///
/// libxml2 2.9.14 stops parsing for good when an element would be pushed deeper than
/// `xmlParserMaxDepth` (256): `nodePush` raises "Excessive depth in document" and calls
/// `xmlHaltParser`, and the rest of the input is dropped without a word (with
/// `HTML_PARSE_NOERROR`). `XML_PARSE_HUGE` lifts the limit entirely, but then every stray end
/// tag scans the whole open-element stack (`htmlAutoCloseOnClose`), so 80 000 `<b>` followed by
/// 80 000 `</x>` take 11 s to parse: quadratic. So the parser keeps its limit and the input is
/// rewritten instead, only after a parse was seen to stop (`HTMLSanitizer.parse`): ordinary HTML
/// pays nothing.
///
/// `bounded` scans the tags the way libxml2 reads them and drops the start tags (and their end
/// tags) that would open an element deeper than `limit` (a block's as `<br>`), keeping every
/// character of text. It follows the parser's stack of open elements, those left out
/// included, so an end tag closes in the output what it closes in the parser, and nothing
/// else. Its count of open elements is an upper bound of the parser's: it pushes every start
/// tag the parser may push and pops only where the parser pops too (an end tag closes through
/// elements of lower end priority only, as in `htmlAutoCloseOnClose`; a start tag closes only
/// the pairs measured against libxml2). Should the parser still stop (the scan
/// read a tag differently), `plainText` keeps the text alone: a warning.
package enum HTMLNestingGuard {
  /// libxml2's `xmlParserMaxDepth`.
  static let parserLimit = 256
  /// Nesting the rewritten input keeps to: well under `parserLimit`, whose margin covers the
  /// elements the parser adds (`html`, `body`, an implied `p`).
  ///
  /// Past it every start tag is left out, also of elements removed with their content
  /// (`title`, `noscript`…): their content is then published as text. Keeping them open past the
  /// limit lost text: where such an element ends depends on the end tags of the elements left
  /// out around it (`<title>` without its end tag ends at an enclosing `</div>`), so it
  /// swallowed what followed (found by FuzzHTMLSanitizer).
  ///
  /// Raw text (`script`, `style`) is the exception: its start tag is kept at any depth. Its
  /// content is text to the parser up to the next end tag, whatever the nesting, so it opens
  /// nothing (one level more at most), and both parses end it at the same end tag (one that
  /// closes an element left out is followed by the raw element's own end tag). Left out, its
  /// content was read as markup: `if (a<b) x = "</div>` opened a `b` whose quoted attribute
  /// ran to the end of the input, swallowing all the text after the script (found by
  /// FuzzHTMLSanitizer).
  static let boundedLimit = 160

  /// Elements libxml2's HTML parser never pushes (`empty` in its element table). Measured:
  /// `embed`, `source` and `wbr` are containers there.
  static let void: Set<String> = [
    "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link",
    "meta", "param",
  ]
  /// Start tags the parser never pushes when misplaced, and whose end tags it ignores.
  static let document: Set<String> = ["html", "head", "body"]
  /// Elements the parser puts in an implied head when they come before the body
  /// (`htmlCheckImplied`).
  static let headElements: Set<String> = ["script", "style", "meta", "link", "title", "base"]
  /// Raw text: the parser reads their content as text up to an end tag.
  static let rawText: Set<String> = ["script", "style"]
  /// `"open start"`: a start tag that closes the open element on top, as long as one does
  /// (libxml2 2.9.14's `htmlStartClose`, which `htmlAutoClose` applies). All of them: with
  /// only some (`p p`, `li li`…) an element the parser had closed (a `p` before an `h2`)
  /// stayed open in the guard, and its end tag closed everything opened since, so the guard
  /// counted too few (found by FuzzHTMLSanitizer).
  static let closesTop: Set<String> = [
    "a a", "a fieldset", "a table", "a td", "a th", "address dd", "address dl", "address dt",
    "address form", "address li", "address ul", "b center", "b p", "b td", "b th", "big p",
    "caption col", "caption colgroup", "caption tbody", "caption tfoot", "caption thead",
    "caption tr", "col col", "col colgroup", "col tbody", "col tfoot", "col thead", "col tr",
    "colgroup colgroup", "colgroup tbody", "colgroup tfoot", "colgroup thead", "colgroup tr",
    "dd dt", "dir dd", "dir dl", "dir dt", "dir form", "dir ul", "dl form", "dl li", "dt dd",
    "dt dl", "font center", "font td", "font th", "form form", "h1 fieldset", "h1 form", "h1 li",
    "h1 p", "h1 table", "h2 fieldset", "h2 form", "h2 li", "h2 p", "h2 table", "h3 fieldset",
    "h3 form", "h3 li", "h3 p", "h3 table", "h4 fieldset", "h4 form", "h4 li", "h4 p", "h4 table",
    "h5 fieldset", "h5 form", "h5 li", "h5 p", "h5 table", "h6 fieldset", "h6 form", "h6 li",
    "h6 p", "h6 table", "head a", "head abbr", "head acronym", "head address", "head b", "head bdo",
    "head big", "head blockquote", "head body", "head br", "head center", "head cite", "head code",
    "head dd", "head dfn", "head dir", "head div", "head dl", "head dt", "head em", "head fieldset",
    "head font", "head form", "head frameset", "head h1", "head h2", "head h3", "head h4",
    "head h5", "head h6", "head hr", "head i", "head iframe", "head img", "head kbd", "head li",
    "head listing", "head map", "head menu", "head ol", "head p", "head pre", "head q", "head s",
    "head samp", "head small", "head span", "head strike", "head strong", "head sub", "head sup",
    "head table", "head tt", "head u", "head ul", "head var", "head xmp", "hr form", "i center",
    "i p", "i td", "i th", "legend fieldset", "li li", "link body", "link frameset", "listing dd",
    "listing dl", "listing dt", "listing fieldset", "listing form", "listing li", "listing table",
    "listing ul", "menu dd", "menu dl", "menu dt", "menu form", "menu ul", "ol form", "ol ul",
    "option optgroup", "option option", "p address", "p blockquote", "p body", "p caption",
    "p center", "p col", "p colgroup", "p dd", "p dir", "p div", "p dl", "p dt", "p fieldset",
    "p form", "p frameset", "p h1", "p h2", "p h3", "p h4", "p h5", "p h6", "p head", "p hr",
    "p li", "p listing", "p menu", "p ol", "p p", "p pre", "p table", "p tbody", "p td", "p tfoot",
    "p th", "p title", "p tr", "p ul", "p xmp", "pre dd", "pre dl", "pre dt", "pre fieldset",
    "pre form", "pre li", "pre table", "pre ul", "s p", "script noscript", "small p", "span td",
    "span th", "strike p", "style body", "style frameset", "tbody tbody", "tbody tfoot", "td tbody",
    "td td", "td tfoot", "td th", "td tr", "tfoot tbody", "th tbody", "th td", "th tfoot", "th th",
    "th tr", "thead tbody", "thead tfoot", "title body", "title frameset", "tr tbody", "tr tfoot",
    "tr tr", "tt p", "u p", "u td", "u th", "ul address", "ul form", "ul menu", "ul ol", "ul pre",
    "xmp dd", "xmp dl", "xmp dt", "xmp fieldset", "xmp form", "xmp li", "xmp table", "xmp ul"
  ]

  /// The end priority of every element `endPriority` does not list.
  static let lowestEndPriority = 100

  /// libxml2's `htmlEndPriority`: an end tag closes open elements above its own only when
  /// their priority is not higher than its own.
  static func endPriority(_ name: String) -> Int {
    switch name {
    case "div": return 150
    case "td", "th": return 160
    case "tr": return 170
    case "thead", "tbody", "tfoot": return 180
    case "table": return 190
    case "head", "body": return 200
    case "html": return 220
    default: return lowestEndPriority
    }
  }

  /// One tag or a run of other bytes, as the scan reads the input.
  enum Token {
    case text(Range<Int>)
    /// A comment, doctype or processing instruction: copied as it is.
    case markup(Range<Int>)
    case start(name: String, selfClosing: Bool, Range<Int>)
    case end(name: String, Range<Int>)
  }

  /// `html` with the start tags that would nest deeper than `limit` left out (and the end
  /// tags that close them), and how many were left out. Text is kept byte for byte.
  package static func bounded(_ html: String, limit: Int = boundedLimit) -> (
    html: String, dropped: Int
  ) {
    let bytes = Array(html.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var stack = OpenElements()
    var dropped = 0
    // The document elements the parser has open (`htmlCheckImplied` adds them), whether it
    // ever opened a body (it implies one only once), and how many misplaced `html`, `head`,
    // `body` start tags it ignored: each makes it ignore the next such end tag too
    // (`ctxt->depth`). `stack` holds the elements inside them.
    var htmlOpen = false
    var bodyOpen = false
    var bodySeen = false
    var misplaced = 0
    scan(bytes) { token in
      switch token {
      case .text(let r), .markup(let r):
        output.append(contentsOf: bytes[r])
        if case .text = token, !stack.inRawText, bytes[r].contains(where: { !isSpace($0) }) {
          if !bodyOpen && stack.count == 0 {
            // Text first, or in `html` or the head, opens a paragraph (`htmlCheckParagraph`),
            // in the output's parse too; `</p>` closes it. The parser implies a body first,
            // the first time only.
            if !bodySeen {
              bodyOpen = true
              bodySeen = true
            }
            stack.push("p", kept: true)
          }
          htmlOpen = true
        }
      case .start(let name, let selfClosing, let r):
        if stopsTheParser(name) {
          leaveOut(&output)
          return stack.inRawText
        }
        if document.contains(name) {
          output.append(contentsOf: bytes[r])
          // `htmlAutoClose`, then `htmlParseStartTag`'s checks for misplaced tags.
          let closedBy: Set<String> = name == "body" ? ["p", "title", "link"] : name == "head" ? ["p"] : []
          while let top = stack.top, closedBy.contains(top) { _ = stack.pop(to: stack.count - 1) }
          let isMisplaced: Bool
          switch name {
          case "html": isMisplaced = htmlOpen || stack.count > 0
          case "head": isMisplaced = bodyOpen || stack.count > 0
          default: isMisplaced = bodyOpen
          }
          if isMisplaced {
            misplaced += 1
          } else if name == "body" {
            bodyOpen = true
            bodySeen = true
          }
          htmlOpen = true
          return stack.inRawText
        }
        htmlOpen = true
        // Before the body, these go to the head, which does not begin the body.
        if !bodySeen && !bodyOpen && !(headElements.contains(name) && stack.count == 0) {
          bodyOpen = true
          bodySeen = true
        }
        if selfClosing || void.contains(name) {
          output.append(contentsOf: bytes[r])
          return stack.inRawText
        }
        var closed: [String] = []
        while let top = stack.top, closesTop.contains(top + " " + name) {
          closed += stack.pop(to: stack.count - 1)
        }
        if stack.kept < limit || rawText.contains(name) {
          // The parser closes `closed` itself on reading this tag.
          output.append(contentsOf: bytes[r])
          stack.push(name, kept: true)
        } else {
          leaveOut(&output)
          for name in closed { output += Array("</\(name)>".utf8) }
          stack.push(name, kept: false)
          dropped += 1
          // A paragraph left out still starts a new line (a void element: no deeper).
          if HTMLSanitizer.blockElements.contains(name) {
            output.append(contentsOf: Array("<br>".utf8))
          }
        }
      case .end(let name, let r):
        if stopsTheParser(name) {
          leaveOut(&output)
          return stack.inRawText
        }
        if document.contains(name) {
          output.append(contentsOf: bytes[r])
          if misplaced > 0 {
            misplaced -= 1
          } else if name != "head" {
            // `</body>` and `</html>` close every element (a `script` too: what follows is
            // no longer raw text), in the parser and in the parse of the output alike.
            _ = stack.pop(to: 0)
            bodyOpen = false
            if name == "html" { htmlOpen = false }
          }
          return stack.inRawText
        }
        guard let depth = stack.closingDepth(of: name) else {
          // The parser ignores it; so must the parse of the output, where the elements that
          // kept it from closing (`</b>` in a `td` in a `b`) may be left out. Otherwise it
          // stays: in raw text it still ends a run of text, after which `<noscript>` closes
          // a `script`.
          if stack.isOpen(name) {
            leaveOut(&output)
          } else {
            output.append(contentsOf: bytes[r])
          }
          return stack.inRawText
        }
        if stack.isKept(at: depth) {
          // The output's parser closes the same elements: the kept ones above `depth` (none
          // of a higher end priority).
          output.append(contentsOf: bytes[r])
          _ = stack.pop(to: depth)
        } else {
          // It closes, as in the parser, what was opened inside the element left out (a
          // `title`, whose end tag broken markup lacks, would otherwise swallow the rest; a
          // `script` would read on as raw text).
          leaveOut(&output)
          for name in stack.pop(to: depth) { output += Array("</\(name)>".utf8) }
        }
      }
      return stack.inRawText
    }
    return (String(decoding: output, as: UTF8.self), dropped)
  }

  /// The parser's open elements as `bounded` reads them, each kept in the output or left out.
  /// An end tag finds where it closes in constant time (`htmlAutoCloseOnClose` scans the whole
  /// stack: quadratic for thousands of stray end tags).
  struct OpenElements {
    private var names: [String] = []
    private var keptFlags: [Bool] = []
    /// Where each name stands in the stack, innermost last.
    private var positions: [String: [Int]] = [:]
    /// Where the elements of each end priority above the lowest stand, innermost last.
    private var byPriority: [Int: [Int]] = [:]
    /// How many open elements are kept in the output.
    private(set) var kept = 0

    var count: Int { names.count }
    var top: String? { names.last }
    /// Whether the parser reads the input after the innermost element as raw text.
    var inRawText: Bool { names.last.map { rawText.contains($0) } ?? false }

    func isKept(at depth: Int) -> Bool { keptFlags[depth] }

    func isOpen(_ name: String) -> Bool { !(positions[name]?.isEmpty ?? true) }

    mutating func push(_ name: String, kept isKept: Bool) {
      positions[name, default: []].append(names.count)
      let priority = endPriority(name)
      if priority > lowestEndPriority { byPriority[priority, default: []].append(names.count) }
      names.append(name)
      keptFlags.append(isKept)
      if isKept { kept += 1 }
    }

    /// Pops the elements from `depth` up; returns the names of those kept, innermost first.
    mutating func pop(to depth: Int) -> [String] {
      var closed: [String] = []
      while names.count > depth, let name = names.popLast(), let isKept = keptFlags.popLast() {
        positions[name]?.removeLast()
        let priority = endPriority(name)
        if priority > lowestEndPriority { byPriority[priority]?.removeLast() }
        if isKept {
          kept -= 1
          closed.append(name)
        }
      }
      return closed
    }

    /// Where an end tag `name` closes the open elements (`htmlAutoCloseOnClose`): at the
    /// innermost open `name`, unless an element of higher end priority stands above it.
    func closingDepth(of name: String) -> Int? {
      guard let depth = positions[name]?.last else { return nil }
      let priority = endPriority(name)
      for (other, at) in byPriority where other > priority {
        if let innermost = at.last, innermost > depth { return nil }
      }
      return depth
    }
  }

  /// Whether libxml2 stops the whole parse at a tag of this name: a prefix followed by what
  /// cannot start a name (`o:0`), which `xmlSAX2StartElement` reports as a fatal namespace
  /// error ("is not XML Namespace compliant"), disabling SAX for the rest of the input (the
  /// HTML parser runs without `HTML_PARSE_RECOVER`). Such an element is unwrapped anyway.
  static func stopsTheParser(_ name: String) -> Bool {
    guard let colon = name.utf8.firstIndex(of: 0x3A), colon != name.utf8.startIndex else {
      return false
    }
    let after = name.utf8[name.utf8.index(after: colon)...]
    guard let first = after.first else { return false }
    return !(isLetter(first) || first == 0x5F)
  }

  /// Called where a tag is left out, so that the text on both sides does not join into
  /// markup: a `<`, `<!` or `<?` just before would start a tag with the text after, an `&`
  /// with a name an entity reference; both are escaped. A `</` is removed: the parser reads
  /// `</<i>` as an end tag without a name (nothing), then `<i>`.
  static func leaveOut(_ output: inout [UInt8]) {
    var i = output.count
    // Back over the name an `&` may have begun, no further than the longest entity name
    // libxml2 knows (8, `thetasym`) with room to spare: an unbounded walk made `<b>x` repeated
    // past the depth limit quadratic (every left-out tag walked back over all the x's).
    while i > 0, output.count - i < 64,
      isLetter(output[i - 1]) || (output[i - 1] >= 0x30 && output[i - 1] <= 0x39)
        || output[i - 1] == 0x23
    {
      i -= 1
    }
    if i > 0, output[i - 1] == 0x26 {
      output.replaceSubrange((i - 1)..<i, with: Array("&amp;".utf8))
    } else if i == output.count {
      if output.count >= 2, output[output.count - 2] == 0x3C, output[output.count - 1] == 0x2F {
        // `</` before a tag is an end tag without a name: the parser reads nothing there.
        output.removeLast(2)
        return
      }
      var lt = output.count - 1
      if lt >= 0, output[lt] == 0x21 || output[lt] == 0x3F { lt -= 1 }
      if lt >= 0, output[lt] == 0x3C {
        output.replaceSubrange(lt..<(lt + 1), with: Array("&lt;".utf8))
      }
    }
  }

  /// The text of `html` without any tag, comment or raw-text (`script`, `style`) content:
  /// what is left to publish when even the bounded input stops the parser.
  ///
  /// Read by libxml2's own HTML parser, with SAX callbacks that keep the text and build no
  /// tree: the depth limit and the namespace error that stop a parse are the tree builder's
  /// (`nodePush`, `xmlSAX2StartElement`), so this parse reads to the end, exactly as the parser
  /// reads text (the scan below is an approximation of it, and lost text where they differed:
  /// found by FuzzHTMLSanitizer). Without the depth limit every end tag that closes nothing
  /// scans the whole stack of open elements (`htmlAutoCloseOnClose`), so the work grows as
  /// start tags × end tags; past ``saxWorkLimit`` the scan is used instead.
  package static func plainText(_ html: String) -> String {
    let bytes = Array(html.utf8)
    var starts = 0
    var ends = 0
    for i in 0..<max(0, bytes.count - 1) where bytes[i] == 0x3C {
      if bytes[i + 1] == 0x2F { ends += 1 } else { starts += 1 }
    }
    let (work, overflow) = starts.multipliedReportingOverflow(by: ends)
    if !overflow, work <= saxWorkLimit, let text = HTMLPlainText.read(html) {
      return text
    }
    return scannedPlainText(html)
  }

  /// Start tags × end tags up to which ``plainText(_:)`` lets libxml2 read (about a second of
  /// stack scans at worst; an article with 10,000 of each is within it).
  package static let saxWorkLimit = 1 << 27

  /// ``plainText(_:)`` from ``scan(_:_:)``'s reading of the tags.
  package static func scannedPlainText(_ html: String) -> String {
    let bytes = Array(html.utf8)
    var output: [UInt8] = []
    var raw: String?
    scan(bytes) { token in
      switch token {
      case .text(let r):
        if raw == nil {
          // Text only: a `<` the parser read as text stays text.
          for b in bytes[r] {
            if b == 0x3C { output += Array("&lt;".utf8) } else { output.append(b) }
          }
        }
      case .markup:
        leaveOut(&output)
      case .start(let name, let selfClosing, _):
        leaveOut(&output)
        if raw == nil, !selfClosing, rawText.contains(name) { raw = name }
        // A block boundary stays a word boundary.
        if HTMLSanitizer.blockElements.contains(name) { output.append(0x20) }
      case .end(let name, _):
        leaveOut(&output)
        if name == raw || name == "body" || name == "html" { raw = nil }
        if HTMLSanitizer.blockElements.contains(name) { output.append(0x20) }
      }
      return raw != nil
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Reads `bytes` as libxml2's HTML parser reads tags, calling `visit` for each token; when
  /// `visit` returns true the parser is in raw text (`script`, `style`), where only end tags
  /// are tags.
  static func scan(_ bytes: [UInt8], _ visit: (Token) -> Bool) {
    var rawText = false
    var i = 0
    var textStart = 0
    func flushText(_ end: Int) {
      if textStart < end { rawText = visit(.text(textStart..<end)) }
    }
    while i < bytes.count {
      guard bytes[i] == 0x3C, i + 1 < bytes.count else {
        i += 1
        continue
      }
      let next = bytes[i + 1]
      if next == 0x2F, i + 2 < bytes.count, isLetter(bytes[i + 2]) {
        flushText(i)
        let (name, nameEnd) = readName(bytes, from: i + 2)
        let end = skipTo(0x3E, bytes, from: nameEnd)
        rawText = visit(.end(name: name, i..<end))
        i = end
        textStart = i
        continue
      }
      if rawText {
        i += 1
        continue
      }
      let comment =
        next == 0x21 && i + 3 < bytes.count && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D
      let doctype =
        next == 0x21 && i + 9 <= bytes.count
        && String(decoding: bytes[(i + 2)..<(i + 9)], as: UTF8.self).uppercased() == "DOCTYPE"
      // `htmlParsePI` reads `<?` as a processing instruction only when a name follows;
      // otherwise it consumes the two characters and what follows is text (`<?>` is the
      // text `>`; found by FuzzHTMLSanitizer).
      let pi = next == 0x3F && i + 2 < bytes.count && startsName(bytes, at: i + 2)
      if next == 0x3F && !pi {
        flushText(i)
        i += 2
        textStart = i
        continue
      }
      if comment || doctype || pi {
        // libxml2 reads any other `<!` as text.
        flushText(i)
        var end: Int
        if comment {
          end = i + 4
          while end + 2 < bytes.count
            && !(bytes[end] == 0x2D && bytes[end + 1] == 0x2D && bytes[end + 2] == 0x3E)
          {
            end += 1
          }
          end = min(end + 3, bytes.count)
        } else {
          end = skipTo(0x3E, bytes, from: i + 2)
        }
        rawText = visit(.markup(i..<end))
        i = end
        textStart = i
        continue
      }
      // `htmlParseContentInternal`: a start tag needs a letter after `<`.
      guard isLetter(next) else {
        i += 1
        continue
      }
      flushText(i)
      let (name, nameEnd) = readName(bytes, from: i + 1)
      let (end, selfClosing) = skipAttributes(bytes, from: nameEnd)
      rawText = visit(.start(name: name, selfClosing: selfClosing, i..<end))
      i = end
      textStart = i
    }
    flushText(bytes.count)
  }

  static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

  /// Whether the character at `i` may begin a name for `htmlParseName`: a letter, `_` or
  /// `:` (libxml2's `IS_LETTER`, XML 1.0's base characters and ideographs, approximated
  /// past ASCII by the Unicode alphabetic property).
  static func startsName(_ bytes: [UInt8], at i: Int) -> Bool {
    let b = bytes[i]
    if b < 0x80 { return isLetter(b) || b == 0x5F || b == 0x3A }
    var it = bytes[i...].makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let scalar) = decoder.decode(&it) else { return false }
    return scalar.properties.isAlphabetic
  }

  static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
  }

  /// libxml2's `HTML_PARSER_BUFFER_SIZE`: `htmlParseHTMLName` reads no more of a name.
  static let nameLimit = 100

  /// A tag or attribute name as libxml2's `htmlParseHTMLName` reads it: letters, digits,
  /// `:`, `-`, `_`, `.`, lowercased, at most `nameLimit` of them. The rest is read as what
  /// follows the name (in `a…a-='>b`, 100 `a`s, `-='` is a bogus attribute and the tag ends
  /// at the first `>`; found by FuzzHTMLSanitizer).
  static func readName(_ bytes: [UInt8], from start: Int) -> (String, Int) {
    var i = start
    var name: [UInt8] = []
    while i < bytes.count && name.count < nameLimit {
      let b = bytes[i]
      guard
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x3A || b == 0x2D || b == 0x5F || b == 0x2E
      else { break }
      name.append(isLetter(b) ? b | 0x20 : b)
      i += 1
    }
    return (String(decoding: name, as: UTF8.self), i)
  }

  /// The index just past the next `byte`, or the end of the input.
  static func skipTo(_ byte: UInt8, _ bytes: [UInt8], from start: Int) -> Int {
    var i = start
    while i < bytes.count && bytes[i] != byte { i += 1 }
    return min(i + 1, bytes.count)
  }

  /// The end of a start tag's attributes (just past its `>`), and whether it ends in `/>`, read
  /// as libxml2's `htmlParseStartTag` reads them: a name (`htmlParseHTMLName`), optionally `=`
  /// and a value, quoted (which may hold `>`) or up to a blank or `>` (so `a=b/>` is the value
  /// `b/`); anything else is a bogus attribute, skipped up to a blank, `>` or `/>` (so in
  /// `dat!-x='a>b'` the tag ends at the first `>`).
  static func skipAttributes(_ bytes: [UInt8], from start: Int) -> (Int, Bool) {
    var i = start
    func at(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }
    while i < bytes.count {
      while i < bytes.count && isSpace(bytes[i]) { i += 1 }
      guard i < bytes.count else { break }
      if bytes[i] == 0x3E { return (i + 1, false) }
      if bytes[i] == 0x2F && at(i + 1) == 0x3E { return (i + 2, true) }
      let b = bytes[i]
      guard isLetter(b) || b == 0x5F || b == 0x3A || b == 0x2E else {
        while i < bytes.count && !isSpace(bytes[i]) && bytes[i] != 0x3E
          && !(bytes[i] == 0x2F && at(i + 1) == 0x3E)
        {
          i += 1
        }
        continue
      }
      i = readName(bytes, from: i).1
      while i < bytes.count && isSpace(bytes[i]) { i += 1 }
      guard at(i) == 0x3D else { continue }
      i += 1
      while i < bytes.count && isSpace(bytes[i]) { i += 1 }
      if at(i) == 0x22 || at(i) == 0x27 {
        i = skipTo(bytes[i], bytes, from: i + 1)
      } else {
        while i < bytes.count && !isSpace(bytes[i]) && bytes[i] != 0x3E { i += 1 }
      }
    }
    return (bytes.count, false)
  }
}
