import FoundationEssentials
import LoaCore
import LoaXML

#if canImport(Glibc)
  import Glibc
#endif

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
/// Loading only indexes the file (id, key and where each entry is); an entry is read (`pread`),
/// checked and decoded when it is looked up, on the threads that build items. The new file is
/// written as the run goes (``beginSaving(to:name:)``), so memory does not grow with the number of
/// articles published.
///
/// File format (little-endian): `LOACACHE` magic, UInt32 version, then per entry: Int64 id,
/// UInt64 key, UInt32 length of the outcome, the outcome (below), and a UInt64 checksum
/// (``FileHash``) of everything before it in the entry. Strings are UInt32 length + UTF-8
/// (length 0xFFFFFFFF for nil).
public final class CleaningCache: @unchecked Sendable {
  /// One report line, without the article id (it is the entry's).
  public struct Issue: Sendable, Equatable {
    public var severity: ValidationIssue.Severity
    public var action: ValidationIssue.Action
    public var field: String
    public var message: String
    public var code: ValidationIssue.Code?

    public init(_ i: ValidationIssue) {
      code = i.code
      severity = i.severity
      action = i.action
      field = i.field
      message = i.message
    }

    public func issue(article: Int64) -> ValidationIssue {
      ValidationIssue(severity, action, code, article: article, field: field, message)
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
  static let formatVersion: UInt32 = 6

  private let lock = Mutex()
  /// The previous file, open for reading (`pread`); -1 when there is none.
  private var readFD: Int32 = -1
  /// Where each entry of the previous file is (``Index``).
  private var loaded = Index()
  /// Entries looked up or stored this run, kept in memory only when not saving as we go
  /// (``beginSaving(to:name:)``): tests, `loa check`, dry runs.
  private var used: [Int64: Entry] = [:]
  /// Where the new file goes, once ``beginSaving(to:)`` was called.
  private var savePath: (store: StateStore, name: String)?
  /// The new file, written as the run goes, so that memory does not grow with the number of
  /// articles a run publishes. Started only once something differs from the old file (a
  /// warm run where every entry is still good writes nothing): until then, hits are only
  /// listed, and copied from the old file when writing starts.
  private var writer: Writer?
  /// Ids written to the new file, or to be copied to it.
  private var written = IDSet()
  /// Where the first entries stored this run are in the new file (``freshLimit`` of them,
  /// 24 bytes each), so that a later lookup reads them back instead of building the article
  /// again.
  private var fresh = IDTable<Fresh>(empty: .init(key: 0, offset: 0, size: 0))
  private struct Fresh {
    var key: UInt64
    var offset: Int
    var size: Int
  }
  /// Enough for the newest articles of a site with archives (built newest first, then asked
  /// for again by the feeds); bounded, so memory stays flat in the number of articles.
  package static let freshLimit = 16_384
  private var pendingHits: [Int64] = []
  private(set) public var hits = 0
  private(set) public var misses = 0
  /// Whether anything differs from what was loaded.
  private var dirty = false

  public init() {}

  deinit {
    if readFD >= 0 { close(readFD) }
    writer?.abandon()
  }

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

  /// The entry of article `id` when its key is `key`: from the previous file, or else one
  /// stored earlier in this run (a cold run with monthly archives builds every article for
  /// them first; its feeds then read those entries back instead of building the articles
  /// again).
  public func lookup(_ id: Int64, key: UInt64) -> Entry? {
    let (location, fd): (Index.Location?, Int32) = lock.withLock {
      (loaded[id].flatMap { $0.key == key ? $0 : nil }, readFD)
    }
    if let location, fd >= 0 {
      // Read, checked and decoded outside the lock: pread needs no shared file position.
      // Not zeroed first (`repeating: 0` cost 40 M instructions per warm W2 run): only the
      // bytes `pread` filled are kept, and a short read is a miss.
      var n = 0
      let bytes = [UInt8](unsafeUninitializedCapacity: location.size) { out, count in
        n = pread(fd, out.baseAddress, location.size, off_t(location.offset))
        count = max(0, n)
      }
      let entry = n == location.size ? Self.decodeEntry(bytes, key: key, id: id) : nil
      if let entry {
        lock.withLock {
          hits += 1
          if savePath != nil {
            guard written.insert(id) else { return }
            if let writer { writer.append(bytes) } else { pendingHits.append(id) }
          } else {
            used[id] = entry
          }
        }
        return entry
      }
    }
    return lock.withLock {
      if let e = used[id], e.key == key {
        hits += 1
        return e
      }
      // Stored this run: read back from the new file (or what it still buffers), under the
      // lock, which also orders the read after the append.
      if let f = fresh[id], f.key == key, let writer,
        let bytes = writer.read(f.size, at: f.offset),
        let e = Self.decodeEntry(bytes, key: key, id: id)
      {
        hits += 1
        return e
      }
      misses += 1
      return nil
    }
  }

  /// An entry's bytes (header, outcome, checksum) decoded, when they are the entry of `id`
  /// and `key` and the checksum matches.
  private static func decodeEntry(_ bytes: [UInt8], key: UInt64, id: Int64) -> Entry? {
    guard bytes.count >= 28 else { return nil }
    return bytes.withUnsafeBufferPointer { b in
      guard Int64(bitPattern: Reader.littleEndian(b, 0)) == id, Reader.littleEndian(b, 8) == key
      else { return nil }
      let stored = Reader.littleEndian(b, b.count - 8)
      let covered = UnsafeBufferPointer(rebasing: b[0..<(b.count - 8)])
      guard FileHash.value(UnsafeRawBufferPointer(covered)) == stored else { return nil }
      var r = Reader(b: b, i: 20)
      return r.entry(key: key, id: id)
    }
  }

  public func store(_ id: Int64, _ entry: Entry) {
    let bytes = Self.encodeEntry(id, entry)
    lock.withLock {
      dirty = true
      if savePath != nil {
        guard written.insert(id), let writer = startWriting() else { return }
        if let offset = writer.append(bytes), fresh.count < Self.freshLimit {
          fresh.modify(id) { f, _ in f = .init(key: entry.key, offset: offset, size: bytes.count) }
        }
      } else {
        used[id] = entry
      }
    }
  }

  /// Indexes a cache file; anything unreadable is ignored.
  public func load(from path: String) {
    index(open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW))
  }

  /// Indexes the cache file `name` of the state directory (never through a symlink).
  package func load(from store: StateStore, name: String) {
    index(store.openForReading(name))
  }

  private func index(_ fd: Int32) {
    guard fd >= 0 else { return }
    var header = [UInt8](repeating: 0, count: 20)
    func read(_ count: Int, at offset: Int) -> Bool {
      header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) } == count
    }
    guard read(12, at: 0), Array(header[0..<8]) == Self.magic,
      header.withUnsafeBufferPointer({ Reader.littleEndian($0, 8, as: UInt32.self) }) == Self.formatVersion
    else {
      close(fd)
      return
    }
    var locations: [Index.Location] = []
    var offset = 12
    var st = stat()
    let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    while offset < size {
      guard offset + 20 <= size, read(20, at: offset) else { break }
      let (id, key, length) = header.withUnsafeBufferPointer { b in
        (
          Int64(bitPattern: Reader.littleEndian(b, 0)), Reader.littleEndian(b, 8),
          Int(Reader.littleEndian(b, 16, as: UInt32.self))
        )
      }
      let entrySize = 20 + length + 8
      guard offset + entrySize <= size else { break }
      locations.append(.init(id: id, key: key, offset: offset, size: entrySize))
      offset += entrySize
    }
    let index = Index(consume locations)
    lock.withLock {
      if readFD >= 0 { close(readFD) }
      readFD = fd
      loaded = index
    }
  }

  /// Saves the new cache file as the run goes, to a temporary sibling of `path`: every entry
  /// looked up or stored is appended (from the first change on), and ``finishSaving(keep:)``
  /// puts it in place. Memory then stays flat however many articles the run publishes.
  package func beginSaving(to store: StateStore, name: String) {
    lock.withLock { savePath = (store, name) }
  }

  /// The writer, created on first need with the header and every entry hit so far (copied
  /// from the old file). Called under the lock; nil when the file cannot be created (the old
  /// cache then stays).
  @discardableResult
  private func startWriting() -> Writer? {
    if let writer { return writer }
    guard let savePath, let w = try? Writer(savePath.store, savePath.name) else {
      self.savePath = nil
      return nil
    }
    w.append(Self.magic)
    var version: [UInt8] = []
    Self.append(Self.formatVersion, &version)
    w.append(version)
    for id in pendingHits {
      guard let l = loaded[id] else { continue }
      var bytes = [UInt8](repeating: 0, count: l.size)
      let n = bytes.withUnsafeMutableBytes { pread(readFD, $0.baseAddress, l.size, off_t(l.offset)) }
      if n == l.size { w.append(bytes) }
    }
    pendingHits = []
    writer = w
    return w
  }

  /// Puts the new file in place, or removes it when `keep` is false (a failed run). When
  /// nothing changed, the old file stays as it is, unless many of its entries went unused
  /// (then it is rewritten without them, so it does not grow forever).
  ///
  /// - Throws: ``SystemCallError`` when it cannot be written (the old file stays).
  public func finishSaving(keep: Bool) throws {
    let w: Writer? = lock.withLock {
      defer {
        writer = nil
        savePath = nil
        fresh = IDTable(empty: .init(key: 0, offset: 0, size: 0))
      }
      guard keep, savePath != nil else { return writer }
      let unused = loaded.count - written.count
      if writer == nil && (dirty || unused > max(100, loaded.count / 10)) { startWriting() }
      return writer
    }
    guard let w else { return }
    guard keep else { return w.abandon() }
    try w.commit()
  }

  /// The bytes of a cache file holding the entries used by this run, in id order; nil when
  /// nothing changed since loading. Only when not saving as the run goes (tests).
  public func encodedIfChanged() -> [UInt8]? {
    lock.withLock {
      if !dirty && used.count == loaded.count { return nil }
      var out = Self.magic
      Self.append(Self.formatVersion, &out)
      for (id, e) in used.sorted(by: { $0.key < $1.key }) { out += Self.encodeEntry(id, e) }
      return out
    }
  }

  /// One entry: id, key, length, outcome, checksum.
  static func encodeEntry(_ id: Int64, _ e: Entry) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    append(UInt64(bitPattern: id), &out)
    append(e.key, &out)
    append(UInt32(0), &out)
    encode(e, &out)
    let length = UInt32(out.count - 20)
    withUnsafeBytes(of: length.littleEndian) { out.replaceSubrange(16..<20, with: $0) }
    let sum = out.withUnsafeBytes { FileHash.value($0) }
    append(sum, &out)
    return out
  }

  /// Where each entry of the previous file is, by article id: its key, and the offset and
  /// size of the whole entry (header, outcome, checksum). A sorted array, 32 bytes an entry:
  /// the dictionary it replaces took 4 MB of a warm run over 50,000 articles (W4, issue 16),
  /// most of it empty buckets. When the file holds an id twice, the later entry counts, as
  /// it did.
  struct Index {
    struct Location {
      let id: Int64
      let key: UInt64
      let offset: Int
      let size: Int
    }

    private var locations: [Location] = []

    init() {}

    /// - Parameter locations: in file order (sorted and thinned in place, not copied).
    init(_ locations: consuming [Location]) {
      var all = locations
      all.sort { ($0.id, $0.offset) < ($1.id, $1.offset) }
      var n = 0
      for i in all.indices {
        if n > 0 && all[n - 1].id == all[i].id { n -= 1 }
        all[n] = all[i]
        n += 1
      }
      all.removeLast(all.count - n)
      self.locations = all
    }

    var count: Int { locations.count }

    subscript(id: Int64) -> Location? {
      var lo = 0
      var hi = locations.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if locations[mid].id < id { lo = mid + 1 } else { hi = mid }
      }
      return lo < locations.count && locations[lo].id == id ? locations[lo] : nil
    }
  }

  /// A set of article ids in 64 ``IDTable``s by a hash of the id, so that growing never
  /// holds two copies of the whole (``ArticleLedger``'s tables, for the same reasons).
  struct IDSet {
    private var shards = [IDTable<Void>](repeating: IDTable(empty: ()), count: IDShards.count)
    private(set) var count = 0

    /// Adds `id`; true when it was not in the set.
    mutating func insert(_ id: Int64) -> Bool {
      let inserted = shards[IDShards.index(id)].insert(id)
      if inserted { count += 1 }
      return inserted
    }
  }

  /// Appends to a temporary sibling of the cache file (``StateStore/Stream``), in 256 KB
  /// writes; a failure to write only loses the new cache (the old one stays).
  final class Writer: @unchecked Sendable {
    private let stream: StateStore.Stream
    private var buffer: [UInt8] = []
    private var failure: Error?

    init(_ store: StateStore, _ name: String) throws {
      stream = try StateStore.Stream(store, name)
      buffer.reserveCapacity(1 << 18)
    }

    /// Bytes handed to the stream so far; `buffer` holds what follows them.
    private var flushed = 0

    /// Appends `bytes`; returns where they start in the file, nil once writing failed.
    /// Called under the cache's lock.
    @discardableResult
    func append(_ bytes: [UInt8]) -> Int? {
      guard failure == nil else { return nil }
      let offset = flushed + buffer.count
      buffer += bytes
      if buffer.count >= 1 << 18 { flush() }
      return offset
    }

    /// `count` bytes appended at `offset`, from the buffer or the file; nil once writing
    /// failed. Called under the cache's lock.
    func read(_ count: Int, at offset: Int) -> [UInt8]? {
      guard failure == nil, offset >= 0, count >= 0 else { return nil }
      if offset >= flushed {
        let start = offset - flushed
        guard start + count <= buffer.count else { return nil }
        return Array(buffer[start..<(start + count)])
      }
      guard offset + count <= flushed else { return nil }
      return stream.read(count, at: offset)
    }

    private func flush() {
      guard failure == nil, !buffer.isEmpty else { return }
      do {
        try stream.append(buffer)
        flushed += buffer.count
      } catch {
        failure = error
      }
      buffer.removeAll(keepingCapacity: true)
    }

    func commit() throws {
      flush()
      if let failure {
        abandon()
        throw failure
      }
      try stream.commit()
    }

    func abandon() { stream.abandon() }
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
      append(i.code?.rawValue ?? "", &out)
    }
    guard let item = e.item else { return out.append(0) }
    out.append(1)
    append(item.categoryID ?? Int64.min, &out)
    for s in [item.guid, item.title, item.link, item.summary] { append(s, &out) }
    if let content = item.content {
      append(UInt32(content.count), &out)
      out.append(contentsOf: content.utf8)
    } else {
      append(UInt32.max, &out)
    }
    for list in [item.authors, item.categories] {
      append(UInt32(list.count), &out)
      for s in list { append(s, &out) }
    }
    append(item.byline, &out)
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

  /// Reads the file's values; nil for anything truncated or out of range.
  struct Reader {
    let b: UnsafeBufferPointer<UInt8>
    var i: Int

    static func littleEndian<T: FixedWidthInteger>(
      _ b: UnsafeBufferPointer<UInt8>, _ at: Int, as: T.Type = UInt64.self
    ) -> T {
      var v: T = 0
      for k in 0..<MemoryLayout<T>.size { v |= T(b[at + k]) << (8 * k) }
      return v
    }

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
      guard i + Int(n) <= b.count,
        let s = String(validatingUTF8Bytes: UnsafeBufferPointer(rebasing: b[i..<(i + Int(n))]))
      else { return nil }
      i += Int(n)
      return .some(s)
    }

    /// Bytes the cache wrote from a valid `String` (the entry's checksum vouches for them), so
    /// they are not validated again.
    mutating func optionalHTML() -> HTMLBytes?? {
      guard let n = read(UInt32.self) else { return nil }
      if n == UInt32.max { return .some(nil) }
      guard i + Int(n) <= b.count else { return nil }
      defer { i += Int(n) }
      return .some(HTMLBytes(validUTF8: UnsafeBufferPointer(rebasing: b[i..<(i + Int(n))])))
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
          let message = string(), let code = string()
        else { return nil }
        let severity: ValidationIssue.Severity = s == 0 ? .info : s == 1 ? .warning : .error
        let action: ValidationIssue.Action = a == 0 ? .repaired : a == 1 ? .leftOut : .noted
        issues.append(Issue(ValidationIssue(severity, action, .init(rawValue: code), field: field, message)))
      }
      guard let hasItem = byte() else { return nil }
      guard hasItem == 1 else { return hasItem == 0 ? Entry(key: key, item: nil, issues: issues) : nil }
      guard let category = read(Int64.self), let guid = string(), let title = string(),
        let link = string(), let summary = optionalString(), let content = optionalHTML(),
        let authors = strings(), let categories = strings(), let byline = string(),
        let published = timestamp(),
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
      var item = FeedItem(
        articleID: id, categoryID: category == Int64.min ? nil : category, guid: guid,
        title: title, link: link, summary: summary, contentHTML: nil, authors: authors,
        categories: categories, published: published, updated: updated, image: image,
        byline: byline)
      item.content = content
      return Entry(key: key, item: item, issues: issues)
    }
  }
}
