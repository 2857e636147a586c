import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

@Suite struct OutputDirectoryTests {
  func inode(_ path: String) throws -> (UInt64, Date) {
    let a = try FileManager.default.attributesOfItem(atPath: path)
    return ((a[.systemFileNumber] as! NSNumber).uint64Value, a[.modificationDate] as! Date)
  }

  /// The folder listing read with getdents64 (several calls for a big folder) names what
  /// FileManager names, with each entry's type, a symbolic link as a link (never followed).
  @Test func listsAFolderWithEachEntrysType() throws {
    let dir = try TemporaryDirectory()
    let names = (0..<1_500).map { "tệp-\($0)-" + String(repeating: "đ", count: 100) + ".xml" }
    for name in names { #expect(FileManager.default.createFile(atPath: dir.path(name), contents: nil)) }
    try FileManager.default.createDirectory(atPath: dir.path("thời-sự"), withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(atPath: dir.path("link"), withDestinationPath: "thời-sự")
    let fd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    #expect(fd >= 0)
    defer { close(fd) }
    for _ in 0..<2 {  // from the start each time, whatever the descriptor's position
      let entries = OutputDirectory.typedEntries(of: fd)
      #expect(entries.count == names.count + 2)
      #expect(Set(entries.map(\.name)) == Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)))
      let types = Dictionary(entries.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
      let known = types["thời-sự"] != UInt8(DT_UNKNOWN)
      if known {
        #expect(types["thời-sự"] == UInt8(DT_DIR))
        #expect(types["link"] == UInt8(DT_LNK))
        #expect(types[names[0]] == UInt8(DT_REG))
      }
    }
  }

  @Test func writesCreatesFoldersAndLeavesNoTemporaryFiles() throws {
    let dir = try TemporaryDirectory()
    let out = try OutputDirectory(path: dir.path("a/b/feeds"))
    #expect(try out.write(Array("one".utf8), to: "thoi-su/rss.xml") == .written)
    #expect(try String(contentsOfFile: dir.path("a/b/feeds/thoi-su/rss.xml"), encoding: .utf8) == "one")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("a/b/feeds/thoi-su")) == ["rss.xml"])
  }

  @Test func leavesAnUnchangedFileAlone() throws {
    let dir = try TemporaryDirectory()
    let out = try OutputDirectory(path: dir.path)
    try out.write(Array("same".utf8), to: "rss.xml")
    let before = try inode(dir.path("rss.xml"))
    Thread.sleep(forTimeInterval: 0.02)
    #expect(try out.write(Array("same".utf8), to: "rss.xml") == .unchanged)
    let after = try inode(dir.path("rss.xml"))
    #expect(before.0 == after.0)
    #expect(before.1 == after.1)
    #expect(try out.write(Array("new".utf8), to: "rss.xml") == .written)
    #expect(try inode(dir.path("rss.xml")).0 != before.0)
  }

  @Test(arguments: ["../x.xml", "/etc/x.xml", "a/../../x.xml", ".hidden", "a//b.xml", "", "a/.x/b"])
  func refusesPathsOutsideTheDirectory(path: String) throws {
    let dir = try TemporaryDirectory()
    let out = try OutputDirectory(path: dir.path("feeds"))
    let e = try #require(throws: WriteError.self) { try out.write([1], to: path) }
    #expect(e.code == .unsafePath)
  }

  @Test func doesNotFollowASymlinkOutOfTheDirectory() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir.path("elsewhere"), withIntermediateDirectories: true)
    let out = try OutputDirectory(path: dir.path("feeds"))
    try FileManager.default.createSymbolicLink(atPath: dir.path("feeds/thoi-su"), withDestinationPath: dir.path("elsewhere"))
    let e = try #require(throws: WriteError.self) { try out.write([1], to: "thoi-su/rss.xml") }
    #expect(e.code == .cannotCreate)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("elsewhere")).isEmpty)
  }

  @Test func reportsAFileWhereAFolderShouldBe() throws {
    let dir = try TemporaryDirectory()
    let out = try OutputDirectory(path: dir.path)
    try out.write([1], to: "du-lich")
    let e = try #require(throws: WriteError.self) { try out.write([1], to: "du-lich/rss.xml") }
    #expect(e.code == .cannotCreate)
    #expect(e.description.contains("du-lich"))
  }

  @Test func keepsTheOldFileWhenTheFolderIsReadOnly() throws {
    guard getuid() != 0 else { return }  // root ignores permissions
    let dir = try TemporaryDirectory()
    let out = try OutputDirectory(path: dir.path)
    try out.write(Array("old".utf8), to: "rss.xml")
    chmod(dir.path, 0o555)
    defer { chmod(dir.path, 0o755) }
    #expect(throws: WriteError.self) { try out.write(Array("new".utf8), to: "rss.xml") }
    #expect(try String(contentsOfFile: dir.path("rss.xml"), encoding: .utf8) == "old")
  }
}
