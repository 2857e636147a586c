import Foundation

/// Keeps what building each article gave between runs, so an unchanged article is neither
/// cleaned nor sanitized again: its title, links, bylines and dates cost as much to clean as a
/// whole feed costs to write, and its HTML about 100 µs with libxml2 (docs/PERFORMANCE.md).
///
/// Keyed by article id; an entry is used only when the hash of everything the result depends
/// on matches: every column of the row, the category it links to, the configuration that
/// shapes an item (site, zone, date formats, permalink, size caps, wording) and the build of
/// loa itself. The entry holds the finished ``FeedItem`` (or nothing, for a row left out) and
/// the report lines building it produced, which are reported again on every run. The file is a
/// cache: a missing, truncated or corrupt one is ignored and rebuilt, costing only time. Every
/// entry carries a checksum, so a damaged entry (a bad disk block, a hand edit) is built
/// again instead of published. Only entries used by the current run are saved, so it never
/// grows beyond the articles read.
///
/// File format (little-endian): `LOACACHE` magic, UInt32 version, then per entry: Int64 id,
/// UInt64 key, the outcome (below), and a UInt64 checksum (FNV-1a) of everything before it in
/// the entry. Strings are UInt32 length + UTF-8 (length 0xFFFFFFFF for nil).
public final class CleaningCache: @unchecked Sendable {
  /// One report line, without the article id (it is the entry's).
  public struct Issue: Sendable, Equatable {
    public var severity: ValidationIssue.Severity
    public var action: ValidationIssue.Action
    public var field: String
    public var message: String

    public init(_ i: ValidationIssue) {
      severity = i.severity
      action = i.action
      field = i.field
      message = i.message
    }

    public func issue(article: Int64) -> ValidationIssue {
      ValidationIssue(severity, action, article: article, field: field, message)
    }
  }

  public struct Entry: Sendable, Equatable {
    public var key: UInt64
    /// Nil when the row was left out.
    public var item: FeedItem?
    public var issues: [Issue]

    public init(key: UInt64, item: FeedItem?, issues: [Issue]) {
      self.key = key
      self.item = item
      self.issues = issues
    }
  }

  static let magic = Array("LOACACHE".utf8)
  static let formatVersion: UInt32 = 3

  private let lock = Mutex()
  private var loaded: [Int64: Entry] = [:]
  private var used: [Int64: Entry] = [:]
  private(set) public var hits = 0
  private(set) public var misses = 0
  /// Whether anything differs from what was loaded.
  private var dirty = false

  public init() {}

  /// The cache key of one article's content (64-bit FNV-1a).
  ///
  /// - Parameters:
  ///   - settings: everything else the result depends on (size caps, wording).
  public static func key(content: String, base: String, settings: String = "") -> UInt64 {
    var h = FNV1a()
    h.add("\(LoaVersion.current)/\(HTMLSanitizer.version)/\(settings)")
    h.add(base)
    h.add(content)
    return h.value
  }

  /// 64-bit FNV-1a over strings, each followed by a 0 byte so boundaries count.
  struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ s: String) {
      var s = s
      s.withUTF8 { add($0) }
      add(CollectionOfOne(UInt8(0)))
    }

    /// A missing value hashes differently from an empty one.
    mutating func add(_ s: String?) {
      if let s { add(s) } else { add(CollectionOfOne(UInt8(1))) }
    }

    mutating func add(_ v: Int64) {
      withUnsafeBytes(of: v.littleEndian) { add($0) }
    }

    mutating func add<C: Collection>(_ bytes: C) where C.Element == UInt8 {
      var h = value
      for b in bytes {
        h ^= UInt64(b)
        h &*= 0x100_0000_01b3
      }
      value = h
    }
  }

  public func lookup(_ id: Int64, key: UInt64) -> Entry? {
    lock.withLock {
      if let e = used[id], e.key == key {
        hits += 1
        return e
      }
      if let e = loaded[id], e.key == key {
        used[id] = e
        hits += 1
        return e
      }
      misses += 1
      return nil
    }
  }

  public func store(_ id: Int64, _ entry: Entry) {
    lock.withLock {
      used[id] = entry
      dirty = true
    }
  }

  /// Reads a cache file; anything unreadable is ignored.
  public func load(from path: String) {
    guard let data = FileManager.default.contents(atPath: path) else { return }
    let entries = Self.decode([UInt8](data))
    lock.withLock { loaded = entries ?? [:] }
  }

  /// The bytes to save: the entries used by this run, in id order. Nil when nothing changed
  /// since loading.
  public func encodedIfChanged() -> [UInt8]? {
    lock.withLock {
      if !dirty && used.count == loaded.count { return nil }
      var out = Self.magic
      Self.append(Self.formatVersion, &out)
      for (id, e) in used.sorted(by: { $0.key < $1.key }) {
        let start = out.count
        Self.append(UInt64(bitPattern: id), &out)
        Self.append(e.key, &out)
        Self.encode(e, &out)
        var sum = FNV1a()
        sum.add(out[start...])
        Self.append(sum.value, &out)
      }
      return out
    }
  }

  static func append(_ s: String?, _ out: inout [UInt8]) {
    guard let s else { return append(UInt32.max, &out) }
    append(UInt32(s.utf8.count), &out)
    out.append(contentsOf: s.utf8)
  }

  static func append(_ t: Timestamp, _ out: inout [UInt8]) {
    append(t.utc, &out)
    append(t.offset, &out)
  }

  static func encode(_ e: Entry, _ out: inout [UInt8]) {
    append(UInt32(e.issues.count), &out)
    for i in e.issues {
      out.append(i.severity == .info ? 0 : i.severity == .warning ? 1 : 2)
      out.append(i.action == .repaired ? 0 : i.action == .leftOut ? 1 : 2)
      append(i.field, &out)
      append(i.message, &out)
    }
    guard let item = e.item else { return out.append(0) }
    out.append(1)
    append(item.categoryID ?? Int64.min, &out)
    for s in [item.guid, item.title, item.link, item.summary, item.contentHTML] { append(s, &out) }
    for list in [item.authors, item.categories] {
      append(UInt32(list.count), &out)
      for s in list { append(s, &out) }
    }
    append(item.published, &out)
    append(item.updated, &out)
    if let image = item.image {
      out.append(1)
      for s in [image.url, image.mimeType, image.caption] { append(s, &out) }
    } else {
      out.append(0)
    }
  }

  static func append<T: FixedWidthInteger>(_ v: T, _ out: inout [UInt8]) {
    withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
  }

  static func decode(_ b: [UInt8]) -> [Int64: Entry]? {
    guard b.count >= 12, Array(b[0..<8]) == magic else { return nil }
    var r = Reader(b: b, i: 8)
    guard r.read(UInt32.self) == formatVersion else { return nil }
    var entries: [Int64: Entry] = [:]
    while r.i < b.count {
      let start = r.i
      guard let id = r.read(UInt64.self), let key = r.read(UInt64.self),
        let entry = r.entry(key: key, id: Int64(bitPattern: id))
      else { return nil }
      var sum = FNV1a()
      sum.add(b[start..<r.i])
      guard let stored = r.read(UInt64.self) else { return nil }
      // A damaged entry is dropped (and built again); the others are still good.
      guard stored == sum.value else { continue }
      entries[Int64(bitPattern: id)] = entry
    }
    return entries
  }

  /// Reads the file's values; nil for anything truncated or out of range.
  struct Reader {
    let b: [UInt8]
    var i: Int

    mutating func read<T: FixedWidthInteger>(_: T.Type) -> T? {
      let n = MemoryLayout<T>.size
      guard i + n <= b.count else { return nil }
      var v: T = 0
      for k in 0..<n { v |= T(b[i + k]) << (8 * k) }
      i += n
      return v
    }

    mutating func byte() -> UInt8? {
      guard i < b.count else { return nil }
      defer { i += 1 }
      return b[i]
    }

    /// `.some(nil)` for a stored nil; nil when unreadable.
    mutating func optionalString() -> String?? {
      guard let n = read(UInt32.self) else { return nil }
      if n == UInt32.max { return .some(nil) }
      guard i + Int(n) <= b.count, let s = String(validating: b[i..<(i + Int(n))], as: UTF8.self)
      else { return nil }
      i += Int(n)
      return .some(s)
    }

    mutating func string() -> String? {
      guard let s = optionalString(), let s else { return nil }
      return s
    }

    mutating func strings() -> [String]? {
      guard let n = read(UInt32.self), n < 100_000 else { return nil }
      var list: [String] = []
      for _ in 0..<n {
        guard let s = string() else { return nil }
        list.append(s)
      }
      return list
    }

    mutating func timestamp() -> Timestamp? {
      guard let utc = read(Int64.self), let offset = read(Int32.self) else { return nil }
      return Timestamp(utc: utc, offset: Int(offset))
    }

    mutating func entry(key: UInt64, id: Int64) -> Entry? {
      guard let count = read(UInt32.self), count < 10_000 else { return nil }
      var issues: [Issue] = []
      for _ in 0..<count {
        guard let s = byte(), s <= 2, let a = byte(), a <= 2, let field = string(),
          let message = string()
        else { return nil }
        let severity: ValidationIssue.Severity = s == 0 ? .info : s == 1 ? .warning : .error
        let action: ValidationIssue.Action = a == 0 ? .repaired : a == 1 ? .leftOut : .noted
        issues.append(Issue(ValidationIssue(severity, action, field: field, message)))
      }
      guard let hasItem = byte() else { return nil }
      guard hasItem == 1 else { return hasItem == 0 ? Entry(key: key, item: nil, issues: issues) : nil }
      guard let category = read(Int64.self), let guid = string(), let title = string(),
        let link = string(), let summary = optionalString(), let content = optionalString(),
        let authors = strings(), let categories = strings(), let published = timestamp(),
        let updated = timestamp(), let hasImage = byte()
      else { return nil }
      var image: FeedImage?
      if hasImage == 1 {
        guard let url = string(), let mime = optionalString(), let caption = optionalString()
        else { return nil }
        image = FeedImage(url: url, mimeType: mime, caption: caption)
      } else if hasImage != 0 {
        return nil
      }
      let item = FeedItem(
        articleID: id, categoryID: category == Int64.min ? nil : category, guid: guid,
        title: title, link: link, summary: summary, contentHTML: content, authors: authors,
        categories: categories, published: published, updated: updated, image: image)
      return Entry(key: key, item: item, issues: issues)
    }
  }
}
