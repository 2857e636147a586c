import LoaCore
import LoaKit

#if canImport(Glibc)
  import Glibc
#endif

/// The items file shared by `loa-bench serialize` and `Benchmarks/c/rss_writer.c`: one feed
/// (channel fields plus cleaned items), so both serialize exactly the same strings.
///
/// Little-endian. `str` = UInt32 byte length + UTF-8 bytes; `opt` = `str`, or 0xFFFFFFFF for
/// none; `time` = Int64 Unix seconds + Int32 UTC offset in seconds.
///
/// ```
/// "LOAITEMS" UInt32 version=1
/// channel: str title, str link, str description, str language, opt copyright, time updated,
///          str generator, str feedBaseURL, UInt32 n + n × str hub, opt image
/// UInt32 count, then per item:
///   Int64 id, str guid, str title, str link, opt summary, opt content,
///   UInt32 n + n × str author, UInt32 n + n × str category, time published, time updated,
///   UInt8 hasImage [str url, opt mimeType, opt caption]
/// ```
enum ItemsFile {
  static let magic = Array("LOAITEMS".utf8)
  static let version: UInt32 = 1

  static func encode(_ feed: Feed, site: SiteInfo) -> [UInt8] {
    var out = magic
    func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
    func i64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
    func i32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
    func str(_ s: String) {
      u32(UInt32(s.utf8.count))
      out += s.utf8
    }
    func opt(_ s: String?) {
      if let s { str(s) } else { u32(0xFFFF_FFFF) }
    }
    func time(_ t: Timestamp) {
      i64(t.utc)
      i32(t.offset)
    }
    func list(_ a: [String]) {
      u32(UInt32(a.count))
      for s in a { str(s) }
    }
    u32(version)
    str(feed.title)
    str(feed.homePageURL)
    str(feed.description)
    str(site.language)
    opt(site.copyright)
    time(feed.updated)
    str(site.generator)
    str(site.feedBaseURL)
    list(site.hubs)
    opt(site.image)
    u32(UInt32(feed.items.count))
    for item in feed.items {
      i64(item.articleID)
      str(item.guid)
      str(item.title)
      str(item.link)
      opt(item.summary)
      opt(item.contentHTML)
      list(item.authors)
      list(item.categories)
      time(item.published)
      time(item.updated)
      if let image = item.image {
        out.append(1)
        str(image.url)
        opt(image.mimeType)
        opt(image.caption)
      } else {
        out.append(0)
      }
    }
    return out
  }

  /// The feed and site info of an items file, for RSS2Serializer.
  static func decode(_ b: [UInt8]) throws -> (Feed, SiteInfo) {
    var i = 0
    func need(_ n: Int) throws {
      guard i + n <= b.count else { throw BenchError("items file truncated at byte \(i)") }
    }
    func u32() throws -> UInt32 {
      try need(4)
      var v: UInt32 = 0
      for k in 0..<4 { v |= UInt32(b[i + k]) << (8 * k) }
      i += 4
      return v
    }
    func i64() throws -> Int64 {
      try need(8)
      var v: UInt64 = 0
      for k in 0..<8 { v |= UInt64(b[i + k]) << (8 * k) }
      i += 8
      return Int64(bitPattern: v)
    }
    func i32() throws -> Int32 { Int32(bitPattern: try u32()) }
    func bytes(_ n: Int) throws -> String {
      try need(n)
      defer { i += n }
      guard let s = String(validating: b[i..<(i + n)], as: UTF8.self) else {
        throw BenchError("items file: invalid UTF-8 at byte \(i)")
      }
      return s
    }
    func str() throws -> String { try bytes(Int(try u32())) }
    func opt() throws -> String? {
      let n = try u32()
      return n == 0xFFFF_FFFF ? nil : try bytes(Int(n))
    }
    func time() throws -> Timestamp {
      let utc = try i64()
      return Timestamp(utc: utc, offset: Int(try i32()))
    }
    func list() throws -> [String] { try (0..<Int(try u32())).map { _ in try str() } }

    guard b.count >= 12, Array(b[0..<8]) == magic else { throw BenchError("not an items file") }
    i = 8
    guard try u32() == version else { throw BenchError("items file version not supported") }
    let title = try str()
    let link = try str()
    let description = try str()
    let language = try str()
    let copyright = try opt()
    let updated = try time()
    let generator = try str()
    let base = try str()
    let hubs = try list()
    let image = try opt()
    let count = Int(try u32())
    var items: [FeedItem] = []
    items.reserveCapacity(count)
    for _ in 0..<count {
      let id = try i64()
      let guid = try str()
      let itemTitle = try str()
      let itemLink = try str()
      let summary = try opt()
      let content = try opt()
      let authors = try list()
      let categories = try list()
      let published = try time()
      let itemUpdated = try time()
      try need(1)
      let hasImage = b[i] != 0
      i += 1
      var feedImage: FeedImage?
      if hasImage {
        let url = try str()
        let mime = try opt()
        let caption = try opt()
        feedImage = FeedImage(url: url, mimeType: mime, caption: caption)
      }
      items.append(
        FeedItem(
          articleID: id, categoryID: nil, guid: guid, title: itemTitle, link: itemLink,
          summary: summary, contentHTML: content, authors: authors, categories: categories,
          published: published, updated: itemUpdated, image: feedImage))
    }
    let site = SiteInfo(
      title: title, homePageURL: link, description: description, language: language,
      feedBaseURL: base, image: image, authorName: title, copyright: copyright,
      generator: generator, hubs: hubs)
    let feed = Feed(
      id: "bench", title: title, description: description, homePageURL: link, directory: "",
      categoryID: nil, items: items, updated: updated)
    return (feed, site)
  }
}

/// Whole-file I/O for the bench tool.
enum FileBytes {
  static func read(_ path: String) throws -> [UInt8] {
    guard let f = fopen(path, "rb") else { throw BenchError("cannot open \(path): errno \(errno)") }
    defer { fclose(f) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
      if n == 0 { break }
      out += chunk[0..<n]
    }
    if ferror(f) != 0 { throw BenchError("cannot read \(path)") }
    return out
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    guard let f = fopen(path, "wb") else { throw BenchError("cannot create \(path): errno \(errno)") }
    let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    guard fclose(f) == 0, n == bytes.count else { throw BenchError("cannot write \(path)") }
  }
}
