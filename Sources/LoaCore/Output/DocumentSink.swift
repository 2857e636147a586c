#if canImport(Glibc)
  import Glibc
#endif

/// A rendered file: its bytes in memory, or already written to its staged temporary file
/// (a document too big to hold, ``DocumentSink``), with its size and ``ContentHash``.
package struct RenderedDocument: Sendable {
  package enum Storage: Sendable {
    case bytes([UInt8])
    /// Written to this temporary file of the output directory, not yet checked or committed.
    case staged(OutputDirectory.StagedFile)
  }

  package let storage: Storage
  package let count: Int
  /// ``ContentHash`` of the bytes, as hex.
  package let hash: String

  package init(_ bytes: [UInt8]) {
    storage = .bytes(bytes)
    count = bytes.count
    hash = ContentHash.of(bytes)
  }

  init(storage: Storage, count: Int, hash: String) {
    self.storage = storage
    self.count = count
    self.hash = hash
  }

  /// The bytes, when they are in memory.
  package var bytes: [UInt8]? {
    if case .bytes(let b) = storage { return b }
    return nil
  }

  /// The staged file, when the document was written to one.
  package var staged: OutputDirectory.StagedFile? {
    if case .staged(let f) = storage { return f }
    return nil
  }
}

/// Receives a document's bytes as a serializer produces them, keeping memory bounded.
///
/// Up to `spillThreshold` bytes are kept in memory (every feed of 50 items); past that, when
/// a spill target is given, what was kept and everything after it go to the file's staged
/// temporary sibling through a buffer of ``fileBufferSize`` bytes, so a feed of 10,000 items
/// (44 MB) is never held whole (issue 16). The byte count and ``ContentHash`` are computed on
/// the way. A sink without a target keeps everything; ``counting()`` keeps nothing (the
/// size-budget search only needs sizes).
package final class DocumentSink {
  /// Where a document too big for memory goes: the staged temporary file of `path`.
  package struct SpillTarget {
    package let directory: OutputDirectory
    package let path: String

    package init(_ directory: OutputDirectory, path: String) {
      self.directory = directory
      self.path = path
    }
  }

  /// The default size past which a document goes to its staged file.
  package static let defaultSpillThreshold = 1 << 20
  /// Bytes collected before each `write` once spilled.
  package static let fileBufferSize = 1 << 18

  private let keepsBytes: Bool
  private let spillThreshold: Int
  private let spillTarget: SpillTarget?
  private var memory: [UInt8] = []
  private var file: Int32 = -1
  private var staged: OutputDirectory.StagedFile?
  package private(set) var count = 0
  private var hash = ContentHash()
  /// The last byte written (0 before any).
  package private(set) var lastByte: UInt8 = 0
  /// The first failure of a write into the sink, for callers that go through C callbacks
  /// (``append(_:)`` throws it too).
  ///
  /// ``XMLStreamWriter`` reads it after every libxml2 call, so it is kept behind a pointer: a
  /// stored property of a class is read through a dynamic exclusivity check
  /// (`swift_beginAccess`), 10 M instructions of a warm W3, and `@exclusivity(unchecked)` does
  /// not reach readers in other modules.
  package var failure: Error? {
    get { failureStorage.pointee }
    set { failureStorage.pointee = newValue }
  }
  private let failureStorage: UnsafeMutablePointer<Error?> = {
    let p = UnsafeMutablePointer<Error?>.allocate(capacity: 1)
    p.initialize(to: nil)
    return p
  }()

  /// - Parameters:
  ///   - capacity: bytes to reserve in memory (capped at the spill threshold when spilling).
  ///   - spillThreshold: bytes kept in memory before spilling to `target`.
  ///   - target: where the staged file goes; nil keeps every byte in memory.
  package init(
    capacity: Int = 0, spillThreshold: Int = defaultSpillThreshold, to target: SpillTarget? = nil
  ) {
    keepsBytes = true
    self.spillThreshold = target == nil ? .max : spillThreshold
    spillTarget = target
    memory.reserveCapacity(target == nil ? capacity : min(capacity, spillThreshold))
  }

  private init(countingOnly: Void) {
    keepsBytes = false
    spillThreshold = .max
    spillTarget = nil
  }

  /// A sink that only counts (and hashes) what it is given.
  package static func counting() -> DocumentSink { DocumentSink(countingOnly: ()) }

  deinit {
    abandon()
    failureStorage.deinitialize(count: 1)
    failureStorage.deallocate()
  }

  /// Adds the next bytes of the document.
  ///
  /// - Throws: ``WriteError`` when the staged file cannot be created or written.
  package func append(_ raw: UnsafeRawBufferPointer) throws {
    if let failure { throw failure }
    guard raw.count > 0 else { return }
    count += raw.count
    hash.add(raw)
    lastByte = raw[raw.count - 1]
    guard keepsBytes else { return }
    do {
      if file < 0 && memory.count + raw.count > spillThreshold, let spillTarget {
        let (fd, staged) = try spillTarget.directory.openStaging(spillTarget.path)
        file = fd
        self.staged = staged
        try flush()
        memory.reserveCapacity(Self.fileBufferSize)
      }
      if file >= 0 && memory.count + raw.count > Self.fileBufferSize {
        try flush()
        if raw.count >= Self.fileBufferSize { return try write(raw) }
      }
      memory.append(contentsOf: raw)
    } catch {
      failure = error
      throw error
    }
  }

  /// Adds `bytes`. The first bytes of a sink that keeps them in memory are taken as they are,
  /// not copied (a JSON Feed arrives whole from its writer: 10 MB a warm W3).
  package func append(_ bytes: [UInt8]) throws {
    if keepsBytes, failure == nil, file < 0, memory.isEmpty, let last = bytes.last,
      bytes.count <= spillThreshold
    {
      count += bytes.count
      bytes.withUnsafeBytes { hash.add($0) }
      lastByte = last
      memory = bytes
      return
    }
    try bytes.withUnsafeBytes { try append($0) }
  }

  private func flush() throws {
    guard !memory.isEmpty else { return }
    try memory.withUnsafeBytes { try write($0) }
    memory.removeAll(keepingCapacity: true)
  }

  private func write(_ raw: UnsafeRawBufferPointer) throws {
    let full = (spillTarget?.directory.path ?? "") + "/" + (staged?.path ?? "")
    do {
      FileOperation.willChange("write", full)
      try OutputDirectory.writeAll(file, raw)
    } catch let e as SystemCallError {
      throw WriteError(path: full, e)
    }
  }

  /// Ends the document: flushes and closes the staged file, if any.
  ///
  /// - Returns: the document; its staged file (when it spilled) is the caller's to commit or
  ///   discard.
  /// - Throws: ``WriteError``; the staged file is then removed.
  package func finish() throws -> RenderedDocument {
    if let failure { throw failure }
    guard file >= 0, let staged else {
      return RenderedDocument(storage: .bytes(memory), count: count, hash: hash.hex)
    }
    do {
      try flush()
      let fd = file
      file = -1
      do {
        try retryingSyscall("close") { close(fd) }
      } catch let e as SystemCallError {
        throw WriteError(path: (spillTarget?.directory.path ?? "") + "/" + staged.path, e)
      }
    } catch {
      failure = error
      abandon()
      throw error
    }
    self.staged = nil
    memory = []
    return RenderedDocument(storage: .staged(staged), count: count, hash: hash.hex)
  }

  /// Closes and removes a staged file not handed out by ``finish()``.
  package func abandon() {
    if file >= 0 {
      close(file)
      file = -1
    }
    if let staged, let spillTarget {
      spillTarget.directory.discard([staged])
    }
    staged = nil
  }
}
