import Foundation
import LoaTestSupport
import LoaXML
import Testing

/// The check every Atom file passes before it is published: well-formed (namespaces
/// included) and valid against RFC 4287's RELAX NG schema, whatever the parser that builds the
/// tree it validates.
@Suite struct AtomCheckTests {
  static func published() throws -> String {
    let out = try TemporaryDirectory()
    _ = try ExamplePortalTests.publishExample(into: out.path)
    return try String(contentsOfFile: out.path("atom.xml"), encoding: .utf8)
  }

  static func replacing(_ from: String, with to: String, in text: String) throws -> [UInt8] {
    let range = try #require(text.range(of: from), "\(from)")
    var changed = text
    changed.replaceSubrange(range, with: to)
    return Array(changed.utf8)
  }

  @Test func whatLoaWritesPasses() throws {
    let atom = try Self.published()
    #expect(atom.contains("<![CDATA["))
    #expect(try RelaxNGValidator.atom().problem(Array(atom.utf8)) == nil)
  }

  @Test(arguments: [
    // Not valid: a text construct of an unknown type, a date that is not RFC 3339, an
    // unknown element.
    ("<title>", "<title type=\"markdown\">", "not valid"),
    ("</updated>", "Z+1</updated>", "not valid"),
    ("<entry>", "<entry><foo/>", "not valid"),
    // Not well-formed: a CDATA section left open, an unclosed element, an undeclared prefix.
    ("</feed>", "<![CDATA[</feed>", ""),
    ("</feed>", "</entry>", ""),
    ("<entry>", "<entry><x:y/>", ""),
  ])
  func whatIsBrokenIsRefused(from: String, to: String, kind: String) throws {
    let validator = try RelaxNGValidator.atom()
    let bytes = try Self.replacing(from, with: to, in: Self.published())
    let problem = try #require(validator.problem(bytes))
    if !kind.isEmpty { #expect(problem.hasPrefix(kind), "\(problem)") }
    // The validator is used again after a failure (a pool reuses it) and still passes good files.
    #expect(validator.problem(Array(try Self.published().utf8)) == nil)
  }

  @Test func aFeedOfManyChunksIsCheckedWhole() throws {
    // Past several 64 KB chunks of the push parser: the first entry again and again (each
    // with its own id), then broken only at the very end.
    let atom = try Self.published()
    let start = try #require(atom.range(of: "<entry>")).lowerBound
    let end = try #require(atom.range(of: "</entry>")).upperBound
    let entry = String(atom[start..<end])
    var body = ""
    var k = 0
    while body.utf8.count < 300_000 {
      body += entry.replacingOccurrences(of: "<id>tag:", with: "<id>tag:copy\(k).")
      k += 1
    }
    var big = atom
    big.insert(contentsOf: body, at: try #require(big.range(of: "</feed>")).lowerBound)
    let validator = try RelaxNGValidator.atom()
    #expect(validator.problem(Array(big.utf8)) == nil)
    #expect(validator.problem(try Self.replacing("</feed>", with: "</fed>", in: big)) != nil)
    #expect(validator.problem(try Self.replacing("</entry></feed>", with: "</entry><entry></feed>", in: big)) != nil)
  }

  /// The schema loa validates with is RFC 4287's, word for word, but for `atom:link`'s `rel`,
  /// written as the text that `atomNCName | atomUri` accepts (AtomSchema says why).
  @Test func theBuiltInSchemaIsRFC4287sWithLinkRelationsAsText() throws {
    let file = try String(contentsOfFile: PackagePaths.path("Tests/Checkers/atom.rng"), encoding: .utf8)
    #expect(AtomSchema.rfc4287.trimmingCharacters(in: .whitespacesAndNewlines)
      == file.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(AtomSchema.rfc4287.components(separatedBy: AtomSchema.linkRelation).count == 2)
    #expect(AtomSchema.rng == AtomSchema.rfc4287.replacingOccurrences(
      of: AtomSchema.linkRelation, with: AtomSchema.linkRelationAsText))
  }

  /// Both schemas judge a link whatever its `rel`: NCNames, URIs, the empty string, a colon
  /// alone, Vietnamese; and both refuse the same link once its `type` is not a media type.
  @Test(arguments: [
    "alternate", "self", "related", "enclosure", "hub", "", ":", "x:y", "a b", "1", "ệ",
    "https://example.org/rels/thing", "urn:ietf:params:x",
  ])
  func everyLinkRelationIsJudgedAsRFC4287JudgesIt(relation: String) throws {
    let rfc = try RelaxNGValidator(schemaText: AtomSchema.rfc4287)
    let builtIn = try RelaxNGValidator.atom()
    let atom = try Self.published()
    let value = relation.replacingOccurrences(of: "&", with: "&amp;")
    let link = try #require(atom.range(of: "<link rel=\"alternate\" type=\"text/html\""))
    var withRelation = atom
    withRelation.replaceSubrange(link, with: "<link rel=\"\(value)\" type=\"text/html\"")
    let good = Array(withRelation.utf8)
    #expect(rfc.problem(good) == nil, "\(relation)")
    #expect(builtIn.problem(good) == nil, "\(relation)")
    let bad = try Self.replacing(
      "<link rel=\"\(value)\" type=\"text/html\"", with: "<link rel=\"\(value)\" type=\"texthtml\"",
      in: withRelation)
    #expect(rfc.problem(bad) != nil, "\(relation)")
    #expect(builtIn.problem(bad) != nil, "\(relation)")
  }
}
