import Foundation
import LoaCore
import LoaTestSupport
import Testing

@testable import LoaKit

/// Every warning has a code, and every code an entry in docs/warnings.md.
@Suite struct WarningCodeTests {
  @Test func everyWarningCodeHasAnEntryInTheDocs() throws {
    let docs = try String(contentsOfFile: PackagePaths.path("docs/warnings.md"), encoding: .utf8)
    let headings = Set(
      docs.split(separator: "\n").filter { $0.hasPrefix("### `") }
        .map { $0.dropFirst(5).prefix { $0 != "`" } }.map(String.init))
    for code in ValidationIssue.Code.allCases {
      #expect(headings.contains(code.rawValue), "docs/warnings.md has no entry for \(code.rawValue)")
    }
    // And no entry for a code that does not exist.
    #expect(headings.subtracting(ValidationIssue.Code.allCases.map(\.rawValue)).isEmpty)
  }

  @Test func aRowVersionIsRememberedAndAnEditMakesItsWarningNew() {
    var issue = ValidationIssue(.warning, .repaired, .imageDropped, article: 7, field: "image_url", "x")
    issue.rowHash = 1
    let memory = WarningMemory(of: [issue])
    #expect(memory.contains(issue))
    var edited = issue
    edited.rowHash = 2
    #expect(!memory.contains(edited))
    var other = issue
    other.articleID = 8
    #expect(!memory.contains(other))
    // Notes are never held back.
    let note = ValidationIssue(.info, .repaired, article: 7, field: "content_html", "x")
    #expect(WarningMemory(of: [note]).fingerprints.isEmpty)
  }
}
