import Foundation
import Testing

@testable import LoaKit

/// The run state is read with loa's own JSON reader (a platform's no-op reads one per site):
/// it must read back exactly what the state wrote, as Foundation's decoder does.
@Suite struct RunStateDecodingTests {
  static let full = RunState(
    configuration: "0.1.0/123:456/11/98765/sqlite/out/false/1/archives=true",
    source: "sqlite 2049:1234:8192:1764900000.123:1764900000.456 wal -", nextDue: 1_893_456_000,
    outputs: ["rss.xml": "4096:77:1764900000.5", "thời-sự/atom.xml": "12:78:1764900001.0"],
    checked: ["rss.xml": "0123456789abcdef"], itemCounts: ["": 50, "thoi-su": 0],
    feedUpdated: ["": 1_764_900_000, "thoi-su": -1])

  @Test(arguments: [full, RunState(configuration: "c", source: "s", outputs: [:])])
  func readsBackWhatItWrote(state: RunState) throws {
    let bytes = state.encoded()
    #expect(RunState.decode(bytes) == state)
    #expect(try JSONDecoder().decode(RunState.self, from: Data(bytes)) == state)
  }

  @Test(arguments: [
    "", "{}", "[]", #"{"configuration": "c", "source": "s"}"#,
    #"{"configuration": "c", "source": "s", "outputs": {"a": 1}}"#,
    #"{"configuration": "c", "source": "s", "outputs": {}, "nextDue": 1.5}"#,
    #"{"configuration": "c", "source": "s", "outputs": {}, "itemCounts": {"": "50"}}"#,
  ])
  func anythingElseIsNoState(text: String) {
    #expect(RunState.decode(Array(text.utf8)) == nil)
  }
}
