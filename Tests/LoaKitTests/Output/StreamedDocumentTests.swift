import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import LoaXML
import Testing

/// A big feed is written to its staged file as it is produced and checked by reading that file
/// back (issue 16): the same bytes as a document built in memory, and every check as strict.
@Suite struct StreamedDocumentTests {
  let dir = try! TemporaryDirectory("loa-stream")

  /// `SampleFeed` with its items repeated `times` times (different ids), about 1.2 KB each.
  func bigFeed(_ times: Int) -> Feed {
    var feed = SampleFeed.feed
    var items: [FeedItem] = []
    for k in 0..<times {
      for var item in SampleFeed.items {
        item.guid += "-\(k)"
        items.append(item)
      }
    }
    feed.items = items
    return feed
  }

  /// What a sink that spills after `threshold` bytes wrote, read back from its staged file.
  func streamed(
    _ format: FeedFormat, _ feed: Feed, threshold: Int
  ) throws -> (RenderedDocument, [UInt8]) {
    let out = try OutputDirectory(path: dir.path("out"))
    let sink = DocumentSink(spillThreshold: threshold, to: .init(out, path: feed.path(format)))
    switch format {
    case .rss: try RSS2Serializer().serialize(feed, site: SampleFeed.site, into: sink)
    case .atom: try AtomSerializer().serialize(feed, site: SampleFeed.site, into: sink)
    case .json: try sink.append(JSONFeedSerializer().serialize(feed, site: SampleFeed.site))
    }
    let document = try sink.finish()
    let staged = try #require(document.staged as OutputDirectory.StagedFile?)
    let bytes = try #require(out.readStaged(staged, count: document.count))
    out.discard([staged])
    return (document, bytes)
  }

  @Test(arguments: [FeedFormat.rss, .atom], [100, 1 << 20])
  func aStreamedFeedHasTheBytesOfTheFeedBuiltInMemory(format: FeedFormat, threshold: Int) throws {
    // 2,000 items: about 1.4 MB, past the sink's 256 KB file buffer several times over.
    let feed = bigFeed(1000)
    let inMemory = try format.serializer.serialize(feed, site: SampleFeed.site)
    #expect(inMemory.count > 1 << 20)
    let (document, bytes) = try streamed(format, feed, threshold: threshold)
    #expect(bytes == inMemory)
    #expect(document.count == inMemory.count)
    #expect(document.hash == ContentHash.of(inMemory))
  }

  /// Past ``XMLStreamWriter/parallelThreshold`` items, chunks of items are written on every
  /// core and joined: byte for byte what one thread writes, in memory and streamed, whatever
  /// the channel holds before its items (an image with children, a self-closed link).
  @Test(arguments: [FeedFormat.rss, .atom], [false, true])
  func itemsWrittenOnEveryCoreJoinIntoTheBytesOfOneThread(format: FeedFormat, bare: Bool)
    throws
  {
    let feed = bigFeed(1000)  // 2,000 items: 8 chunks, the last one short
    var site = SampleFeed.site
    if bare {
      (site.image, site.icon, site.favicon, site.copyright) = (nil, nil, nil, nil)
    } else {
      site.code = "22843"
      site.hubs = ["https://hub.example.org/"]
    }
    func serializer(_ threshold: Int) -> any FeedSerializer {
      format == .rss
        ? RSS2Serializer(parallelThreshold: threshold) : AtomSerializer(parallelThreshold: threshold)
    }
    let oneThread = try serializer(.max).serialize(feed, site: site)
    #expect(feed.items.count > XMLStreamWriter.parallelThreshold)
    #expect(try format.serializer.serialize(feed, site: site) == oneThread)
    #expect(try serializer(10).serialize(feed, site: site) == oneThread)
    var small = feed
    small.items = Array(feed.items.prefix(300))
    #expect(try serializer(0).serialize(small, site: site) == serializer(.max).serialize(small, site: site))
    let out = try OutputDirectory(path: dir.path("cores-\(format)-\(bare)"))
    let sink = DocumentSink(spillThreshold: 100, to: .init(out, path: feed.path(format)))
    try (format == .rss ? RSS2Serializer().serialize(feed, site: site, into: sink)
      : AtomSerializer().serialize(feed, site: site, into: sink))
    let document = try sink.finish()
    let staged = try #require(document.staged as OutputDirectory.StagedFile?)
    #expect(out.readStaged(staged, count: document.count) == oneThread)
    #expect(document.hash == ContentHash.of(oneThread))
    out.discard([staged])
  }

  /// A chunk that fails, early or late, fails the document with its error; no thread is
  /// left waiting for it.
  @Test(arguments: [0, 700, 2_999])
  func aFailingChunkFailsTheDocument(failingAt: Int) throws {
    struct Refused: Error, Equatable { let value: Int }
    #expect(throws: Refused(value: failingAt)) {
      _ = try XMLStreamWriter.withDocument { w in
        try w.start("root")
        try w.element("head", "")
        try w.elements(Array(0..<3_000), inside: ["root"]) { value, w in
          if value == failingAt { throw Refused(value: value) }
          try w.element("v", String(value))
        }
      }
    }
  }

  @Test func aSmallFeedStaysInMemoryWithTheSameBytes() throws {
    let out = try OutputDirectory(path: dir.path("small"))
    let sink = DocumentSink(to: .init(out, path: "rss.xml"))
    try RSS2Serializer().serialize(SampleFeed.feed, site: SampleFeed.site, into: sink)
    let document = try sink.finish()
    #expect(document.staged == nil)
    let inMemory = try RSS2Serializer().serialize(SampleFeed.feed, site: SampleFeed.site)
    #expect(document.bytes == inMemory)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("small")).isEmpty)
  }

  @Test func theContentHashDoesNotDependOnHowTheBytesAreSplit() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
    let whole = ContentHash.of(bytes)
    for split in [1, 3, 7, 8, 9, 31, 32, 33, 64, 999] {
      var h = ContentHash()
      var i = 0
      while i < bytes.count {
        let end = min(i + split, bytes.count)
        bytes[i..<end].withUnsafeBytes { h.add($0) }
        i = end
      }
      #expect(h.hex == whole, "pieces of \(split)")
    }
    #expect(ContentHash.of(bytes + [0]) != whole, "a trailing zero byte changes the hash")
    #expect(ContentHash.of([]) != ContentHash.of([0]))
    // Every length around the 32-byte blocks, split at every point: the same hash; and no two
    // of the lengths, nor any one-byte change, give the same hash.
    var seen: Set<String> = []
    for length in 0...100 {
      let prefix = Array(bytes[0..<length])
      let hash = ContentHash.of(prefix)
      #expect(seen.insert(hash).inserted, "length \(length)")
      for cut in 0...length {
        var h = ContentHash()
        prefix[0..<cut].withUnsafeBytes { h.add($0) }
        prefix[cut...].withUnsafeBytes { h.add($0) }
        #expect(h.hex == hash, "length \(length) cut at \(cut)")
      }
      for k in 0..<length {
        var changed = prefix
        changed[k] ^= 1
        #expect(seen.insert(ContentHash.of(changed)).inserted, "length \(length) byte \(k)")
      }
    }
  }

  @Test func aFailedWriteRemovesTheStagedFile() throws {
    let out = try OutputDirectory(path: dir.path("fail"))
    let sink = DocumentSink(spillThreshold: 10, to: .init(out, path: "rss.xml"))
    try sink.append(Array(repeating: 0x41, count: 100))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("fail")).count == 1)
    sink.abandon()
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("fail")).isEmpty)
  }

  /// Writes `text` to a file and opens it for reading.
  func open(_ text: String) throws -> Int32 {
    let path = dir.path("check-\(UUID().uuidString).xml")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let fd = Glibc.open(path, O_RDONLY)
    try #require(fd >= 0)
    return fd
  }

  @Test(arguments: [
    "", "<a>", "<a></b>", "<a x=1/>", "<a>&nbsp;</a>", "<a>\u{1}</a>", "<x:a/>", "<a/><b/>",
    "<a><![CDATA[x]]></a><!--", "<a>]]></a>", "text",
  ])
  func aStagedFileThatIsNotWellFormedIsRefused(text: String) throws {
    let fd = try open(text)
    defer { close(fd) }
    #expect(OutputCheck.xmlProblem(file: fd) != nil, "\(text)")
    #expect(OutputCheck.xmlProblem(file: fd) == OutputCheck.xmlProblem(Array(text.utf8)))
  }

  @Test func aWellFormedStagedFileLargerThanOneReadPasses() throws {
    let bytes = try RSS2Serializer().serialize(bigFeed(300), site: SampleFeed.site)
    #expect(bytes.count > 4 * (1 << 16))
    let fd = try open(String(decoding: bytes, as: UTF8.self))
    defer { close(fd) }
    #expect(OutputCheck.xmlProblem(file: fd) == nil)
    // Broken near the end, past the first chunks read: still caught.
    let broken = String(decoding: bytes.dropLast(20), as: UTF8.self) + "</rss>\n"
    let brokenFD = try open(broken)
    defer { close(brokenFD) }
    #expect(OutputCheck.xmlProblem(file: brokenFD) != nil)
  }

  @Test func aStagedAtomFeedIsValidatedAgainstRFC4287() throws {
    let validator = try RelaxNGValidator.atom()
    let good = String(
      decoding: try AtomSerializer().serialize(bigFeed(50), site: SampleFeed.site), as: UTF8.self)
    let goodFD = try open(good)
    defer { close(goodFD) }
    #expect(validator.problem(file: goodFD) == nil)
    // Valid XML, not valid Atom: an entry without its id, deep in the file.
    var invalid = good
    invalid.replaceSubrange(
      try #require(invalid.range(of: "</id>", options: .backwards)), with: "</idx>")
    invalid.replaceSubrange(
      try #require(invalid.range(of: "<id>", options: .backwards)), with: "<idx>")
    let invalidFD = try open(invalid)
    defer { close(invalidFD) }
    let problem = try #require(validator.problem(file: invalidFD))
    #expect(problem.hasPrefix("not valid against the RFC 4287 schema: line "), "\(problem)")
    #expect(validator.problem(Array(invalid.utf8)) != nil, "the in-memory check agrees")
    // Not even well-formed.
    let brokenFD = try open(String(good.dropLast(10)))
    defer { close(brokenFD) }
    let broken = try #require(validator.problem(file: brokenFD))
    #expect(!broken.hasPrefix("not valid against"), "\(broken)")
  }

  @Test(arguments: [Int32(1), 9])
  func aStagedFileIsCompressedAsTheWholeFileWouldBe(level: Int32) throws {
    let bytes = try RSS2Serializer().serialize(bigFeed(600), site: SampleFeed.site)
    #expect(bytes.count > 3 * Gzip.chunkSize)
    let input = try open(String(decoding: bytes, as: UTF8.self))
    defer { close(input) }
    let path = dir.path("out-\(level).gz")
    let output = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(output >= 0)
    try Gzip.compress(file: input, to: output, level: level)
    close(output)
    let written = [UInt8](try #require(FileManager.default.contents(atPath: path)))
    #expect(written == (try Gzip.compress(bytes, level: level)))
  }
}
