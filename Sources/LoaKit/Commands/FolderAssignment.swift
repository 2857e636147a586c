import FoundationEssentials
import LoaCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which folder each category's feeds were published in, kept in the state directory so that a
/// published folder stays with its category: a new category whose slug equals an existing
/// one's gets the suffix, whatever its id
/// (``CategoryTree/init(_:report:previousFolders:folderOwner:)``).
///
/// A small JSON file, `{"folders": {"7": "thong-bao"}, "version": 1}`, saved after each
/// committed run. Only ``load(from:_:)`` and ``save(to:_:)`` touch the file.
struct FolderAssignment: Codable, Equatable {
  var version = 1
  /// Category id (as text: JSON keys are strings) → folder.
  var folders: [String: String]

  /// The folders of `tree`'s categories.
  init(_ tree: CategoryTree) {
    var folders: [String: String] = [:]
    for (id, node) in tree.nodes { folders[String(id)] = node.slug }
    self.folders = folders
  }

  /// Category id → folder.
  var byCategory: [Int64: String] {
    var out: [Int64: String] = [:]
    for (key, folder) in folders {
      if let id = Int64(key) { out[id] = folder }
    }
    return out
  }

  /// The assignment saved as `name`, or nil when there is none or it cannot be read (then
  /// the published feeds decide, ``publishedOwner(of:in:)``).
  static func load(from store: StateStore, _ name: String) -> FolderAssignment? {
    guard let data = store.read(name, limit: 4 << 20) else { return nil }
    return try? JSONDecoder().decode(FolderAssignment.self, from: Data(data))
  }

  /// Replaces the file `name` with this assignment.
  ///
  /// - Throws: ``WriteError``.
  func save(to store: StateStore, _ name: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    try store.write([UInt8]((try? encoder.encode(self)) ?? Data()), to: name)
  }

  /// The category whose Atom feed the published `folder` holds, from the feed's `<id>`
  /// (`…feed:category:ID`) in the first 4 KB of `folder/atom.xml` below `outputDirectory`;
  /// nil when there is no such file or id. Asked only about a folder several categories want
  /// that no saved assignment gives to one of them.
  static func publishedOwner(of folder: String, in outputDirectory: String) -> Int64? {
    guard OutputDirectory.isSafe(folder + "/atom.xml") else { return nil }
    let path = outputDirectory + "/" + folder + "/atom.xml"
    guard
      let file = try? retryingSyscall("open", { open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) })
    else { return nil }
    defer { close(file) }
    var head = [UInt8](repeating: 0, count: 4096)
    var count = 0
    while count < head.count {
      let n = head.withUnsafeMutableBytes { raw -> Int? in
        guard let base = raw.baseAddress else { return nil }
        return try? retryingSyscall("read") { read(file, base + count, raw.count - count) }
      }
      guard let n, n > 0 else { break }
      count += n
    }
    return categoryID(inFeedHead: head[..<count])
  }

  /// The `ID` of the first `feed:category:ID` in `head`.
  static func categoryID(inFeedHead head: ArraySlice<UInt8>) -> Int64? {
    let marker = Array("feed:category:".utf8)
    guard head.count >= marker.count else { return nil }
    for i in head.startIndex...(head.endIndex - marker.count)
    where head[i..<(i + marker.count)].elementsEqual(marker) {
      var j = i + marker.count
      var digits = ""
      if j < head.endIndex && head[j] == UInt8(ascii: "-") {
        digits.append("-")
        j += 1
      }
      while j < head.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(head[j]) {
        digits.append(Character(Unicode.Scalar(head[j])))
        j += 1
      }
      return Int64(digits)
    }
    return nil
  }
}
