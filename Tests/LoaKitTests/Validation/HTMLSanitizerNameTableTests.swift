@testable import LoaXML
import Testing

/// The sanitizer looks element names up in one `NameTable` instead of four dictionaries
/// (issue 16); it answers what the dictionaries answer, for every name they hold and for names
/// they do not: empty, long, upper-case, non-ASCII, one byte off.
@Suite struct HTMLSanitizerNameTableTests {
  static func fromTheDictionaries(_ name: String) -> HTMLSanitizer.Element {
    HTMLSanitizer.Element(
      kind: HTMLSanitizer.kinds[name] ?? [], attributes: HTMLSanitizer.allowed[name],
      requiredParents: HTMLSanitizer.requiredParents[name], closedBy: HTMLSanitizer.closedBy[name])
  }

  @Test func everyNameTheDictionariesHoldIsFoundWithTheSameAnswers() {
    var names = Set(HTMLSanitizer.kinds.keys)
    names.formUnion(HTMLSanitizer.allowed.keys)
    names.formUnion(HTMLSanitizer.requiredParents.keys)
    names.formUnion(HTMLSanitizer.closedBy.keys)
    #expect(names.count > 80)
    for name in names {
      #expect(HTMLSanitizer.element(name) == Self.fromTheDictionaries(name), "\(name)")
      // One byte more, one less, one changed: other names.
      for other in [name + "x", String(name.dropLast()), "x" + name.dropFirst(), name.uppercased(), name + name] {
        #expect(HTMLSanitizer.element(other) == Self.fromTheDictionaries(other), "\(other)")
      }
    }
  }

  @Test(arguments: [
    "", "o:p", "font", "center", "blockquote", "figcaption", "blockquotes", "a-very-long-element-name",
    "fifteen-bytes-x", "sixteen-bytes-xy", "đ", "tiếng", "P", "IMG", "\u{0}", "h7", "li ", " li",
  ])
  func otherNamesAreAnsweredAsTheDictionariesAnswer(_ name: String) {
    #expect(HTMLSanitizer.element(name) == Self.fromTheDictionaries(name))
  }

  @Test func aTableOfLongAndEmptyNamesFindsThemToo() {
    let map = ["": 1, "p": 2, "fifteen-bytes-x": 3, "sixteen-bytes-xy": 4, "a-very-long-element-name": 5]
    let table = NameTable(map)
    for (name, value) in map { #expect(table[name] == value, "\(name)") }
    for name in ["q", "fifteen-bytes-y", "sixteen-bytes-xz", "a-very-long-element-namE", " "] {
      #expect(table[name] == nil, "\(name)")
    }
  }
}

extension HTMLSanitizerNameTableTests {
  @Test(arguments: [
    "lang", "dir", "title", "href", "src", "cite", "width", "height", "colspan", "rowspan", "span",
    "start", "value", "alt", "srcset", "style", "onclick", "", "HREF", "data-src", "hrefx", "sr",
  ])
  func anAttributeNameIsInTheSetsTheTableSays(_ name: String) {
    let kind = HTMLSanitizer.attributeKind(name)
    #expect(kind.contains(.global) == HTMLSanitizer.global.contains(name))
    #expect(kind.contains(.url) == HTMLSanitizer.urlAttributes.contains(name))
    #expect(kind.contains(.numeric) == HTMLSanitizer.numericAttributes.contains(name))
  }

  @Test func everyAttributeNameOfTheSetsIsFound() {
    for name in HTMLSanitizer.global.union(HTMLSanitizer.urlAttributes).union(HTMLSanitizer.numericAttributes)
      .union(HTMLSanitizer.allowed.values.flatMap { $0 })
    {
      anAttributeNameIsInTheSetsTheTableSays(name)
    }
  }
}
