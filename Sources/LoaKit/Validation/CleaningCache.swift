import Foundation

/// Keeps sanitized article HTML between runs, so an unchanged article is not parsed and
/// sanitized again (about 100 µs per article with libxml2; notes/performance.md §3.3).
///
/// Keyed by article id; an entry is used only when the hash of everything the result depends
/// on (loa and sanitizer versions, the content size cap and "read more" text, the article's
/// URL, `content_html`) matches. The file is a cache: a missing, truncated or corrupt one is
/// ignored and rebuilt, costing only time. Every entry carries a checksum, so a damaged entry
/// (a bad disk block, a hand edit) is re-sanitized instead of published. Only entries used by
/// the current run are saved, so it never grows beyond the published articles.
///
/// File format (little-endian): `LOACACHE` magic, UInt32 version, then per entry: Int64 id,
/// UInt64 key, four length-prefixed (UInt32) UTF-8 strings (html, text, warnings, notes), and
/// a UInt64 checksum (FNV-1a) of everything before it in the entry.
public final class CleaningCache: @unchecked Sendable {
  public struct Entry: Sendable, Equatable {
    public var key: UInt64
    public var html: String
    /// Visible text, for a derived summary.
    public var text: String
    /// Report lines (warning level) produced when the entry was made.
    public var warnings: String
    /// Report lines (info level).
    public var notes: String

    public init(key: UInt64, html: String, text: String, warnings: String, notes: String) {
      self.key = key
      self.html = html
      self.text = text
      self.warnings = warnings
      self.notes = notes
    }
  }

  static let magic = Array("LOACACHE".utf8)
  static let formatVersion: UInt32 = 2

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
        for s in [e.html, e.text, e.warnings, e.notes] {
          Self.append(UInt32(s.utf8.count), &out)
          out.append(contentsOf: s.utf8)
        }
        var sum = FNV1a()
        sum.add(out[start...])
        Self.append(sum.value, &out)
      }
      return out
    }
  }

  static func append<T: FixedWidthInteger>(_ v: T, _ out: inout [UInt8]) {
    withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
  }

  static func decode(_ b: [UInt8]) -> [Int64: Entry]? {
    guard b.count >= 12, Array(b[0..<8]) == magic else { return nil }
    var i = 8
    func read<T: FixedWidthInteger>(_: T.Type) -> T? {
      let n = MemoryLayout<T>.size
      guard i + n <= b.count else { return nil }
      var v: T = 0
      for k in 0..<n { v |= T(b[i + k]) << (8 * k) }
      i += n
      return v
    }
    func readString() -> String? {
      guard let n = read(UInt32.self), i + Int(n) <= b.count else { return nil }
      let s = String(validating: b[i..<(i + Int(n))], as: UTF8.self)
      i += Int(n)
      return s
    }
    guard read(UInt32.self) == formatVersion else { return nil }
    var entries: [Int64: Entry] = [:]
    while i < b.count {
      let start = i
      guard let id = read(UInt64.self), let key = read(UInt64.self), let html = readString(),
        let text = readString(), let warnings = readString(), let notes = readString()
      else { return nil }
      var sum = FNV1a()
      sum.add(b[start..<i])
      guard let stored = read(UInt64.self) else { return nil }
      // A damaged entry is dropped (and sanitized again); the others are still good.
      guard stored == sum.value else { continue }
      entries[Int64(bitPattern: id)] = Entry(
        key: key, html: html, text: text, warnings: warnings, notes: notes)
    }
    return entries
  }
}
