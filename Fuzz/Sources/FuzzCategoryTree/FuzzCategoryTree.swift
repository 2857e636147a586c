import CFuzzDriver
import FuzzSupport
import LoaCore
import LoaKit

// FuzzCategoryTree: any category table through CategoryTree (issue 12: a 300-byte slug stopped
// every feed; a newcomer with a published slug took over its folder; deep chains and parent
// loops were quadratic or worse). Input: one category per line, fields separated by U+001F:
//   id, parent_id (empty for none), slug, name
// (a line whose id is not an integer is skipped). Invariants (a crash otherwise):
//   - every distinct id is in the tree exactly once, and `preorder` lists each once: no
//     category is lost, whatever the parent loops;
//   - every folder is a slug (ASCII lowercase letters, digits, `-`, never `.`/`..`), at most
//     maxFolderBytes plus a collision suffix, and no two categories share one;
//   - a display path has at most 4 names and a leading "…";
//   - built again with the first build's folders as the saved assignment, and the rows in
//     reverse order, every category keeps its folder (a published folder never moves).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = FuzzInput.string(data, size)
  var rows: [CategoryRow] = []
  for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(2000) {
    let f = line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    guard let id = f.first.flatMap({ Int64($0) }) else { continue }
    let parent = f.count > 1 ? Int64(f[1]) : nil
    rows.append(
      CategoryRow(
        id: id, parentID: parent, slug: f.count > 2 ? f[2] : "", name: f.count > 3 ? f[3] : ""))
  }
  let input = swiftLiteral(text)
  let tree = CategoryTree(rows, report: RunReport())
  let ids = Set(rows.map(\.id))
  if Set(tree.ids) != ids || tree.ids.count != ids.count {
    fuzzFailure("every distinct id is in the tree once", "\(tree.ids.count) of \(ids.count)\ninput: " + input)
  }
  let order = tree.preorder.map(\.id)
  if order.count != ids.count || Set(order) != ids {
    fuzzFailure("preorder lists every category once", "\(order.count) of \(ids.count)\ninput: " + input)
  }
  var folders: [String: Int64] = [:]
  for node in tree.preorder {
    let folder = node.slug
    let bytes = Array(folder.utf8)
    let allowed = bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    if bytes.isEmpty || !allowed || bytes.count > CategoryTree.maxFolderBytes + 24 {
      fuzzFailure("a folder is a bounded slug", swiftLiteral(folder) + "\ninput: " + input)
    }
    if let other = folders.updateValue(node.id, forKey: folder) {
      fuzzFailure("no two categories share a folder", "\(other) and \(node.id) in \(folder)\ninput: " + input)
    }
    let path = tree.path(of: node.id)
    if path.count > 5 || (path.count == 5 && path.first != "…") {
      fuzzFailure("a display path is bounded", "\(path.count) names\ninput: " + input)
    }
  }
  let saved = Dictionary(uniqueKeysWithValues: folders.map { ($0.value, $0.key) })
  let again = CategoryTree(rows.reversed(), report: RunReport(), previousFolders: saved)
  for node in again.preorder where saved[node.id] != node.slug {
    fuzzFailure(
      "a published folder stays with its category",
      "category \(node.id): \(saved[node.id] ?? "-") then \(node.slug)\ninput: " + input)
  }
  return 0
}

@_cdecl("FuzzCategoryTree_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
