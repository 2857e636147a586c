import FoundationEssentials

/// Everything one run changes in the output directory, committed together or not at all.
///
/// Feeds, their `.gz` copies, the OPML, the index page, the head links, the weather box and a
/// report inside the output directory are all staged here (written to temporary siblings,
/// made durable together by one `syncfs` at commit); stale `.gz` copies are noted for removal. ``commit()`` then makes every change
/// in a fixed order, each through the output directory's descriptors (``OutputDirectory``):
///
/// 1. the staged files, in the order they were staged (a `.gz` copy just before the file it
///    copies, so it is never newer than that file);
/// 2. the removals;
/// 3. one `fsync` of each folder touched.
///
/// ``discard()`` removes the temporary files instead, leaving the published files exactly as
/// they were. Staging may happen on several threads at once.
package final class OutputTransaction: @unchecked Sendable {
  package let directory: OutputDirectory
  /// Rewrite files even when their bytes are unchanged (`--force`).
  package let force: Bool
  /// Keep a `.gz` copy of every file at this zlib level (nginx `gzip_static`); nil removes
  /// such copies, which would otherwise go stale.
  package let gzipLevel: Int32?
  private let lock = Mutex()
  private var staged: [OutputDirectory.StagedFile] = []
  private var removals: [String] = []
  private var finished = false

  package init(_ directory: OutputDirectory, force: Bool = false, gzipLevel: Int32? = nil) {
    self.directory = directory
    self.force = force
    self.gzipLevel = gzipLevel
  }

  deinit { if !finished { directory.discard(staged) } }

  /// Stages `bytes` for `relativePath` with its `.gz` copy (or the removal of a stale one),
  /// unless the published file already holds them.
  ///
  /// - Returns: ``WriteOutcome/written`` when the file will change on commit.
  /// - Throws: ``WriteError``; nothing published has changed.
  @discardableResult
  package func stage(_ bytes: [UInt8], to relativePath: String) throws -> WriteOutcome {
    let prepared = try prepare(bytes, to: relativePath)
    add(prepared.files, removing: prepared.removals)
    return prepared.outcome
  }

  /// What staging one file produced, before it joins the transaction.
  package struct Prepared {
    package var outcome: WriteOutcome
    /// The `.gz` copy first, then the file.
    package var files: [OutputDirectory.StagedFile]
    package var removals: [String]
  }

  /// Stages the temporary files for `relativePath` without adding them to the transaction, so
  /// a caller working on several threads can add them in a fixed order (``add(_:removing:)``).
  package func prepare(_ bytes: [UInt8], to relativePath: String) throws -> Prepared {
    let main = try directory.stage(bytes, to: relativePath, force: force)
    var files: [OutputDirectory.StagedFile] = []
    var remove: [String] = []
    if let level = gzipLevel {
      if main != nil || force || !directory.exists(relativePath + ".gz") {
        do {
          if let gz = try directory.stage(
            Gzip.compress(bytes, level: level), to: relativePath + ".gz", force: true)
          {
            files.append(gz)
          }
        } catch {
          if let main { directory.discard([main]) }
          throw error
        }
      }
    } else {
      remove.append(relativePath + ".gz")
    }
    if let main { files.append(main) }
    return Prepared(outcome: main == nil ? .unchanged : .written, files: files, removals: remove)
  }

  /// ``prepare(_:to:)`` for a rendered document: bytes in memory are staged as above; a
  /// document already written to its temporary file (``DocumentSink``) is compared with the
  /// published file a chunk at a time and its temporary file removed when they are the same.
  package func prepare(_ document: RenderedDocument, to relativePath: String) throws -> Prepared {
    guard let staged = document.staged else {
      return try prepare(document.bytes ?? [], to: relativePath)
    }
    let unchanged = !force && directory.publishedMatches(staged, count: document.count)
    var files: [OutputDirectory.StagedFile] = []
    var remove: [String] = []
    if let level = gzipLevel {
      // Compressed from the staged file a chunk at a time, before it may be removed below.
      if !unchanged || force || !directory.exists(relativePath + ".gz") {
        do {
          let gz = try directory.stageCompressed(staged, level: level, to: relativePath + ".gz")
          files.append(gz)
        } catch {
          directory.discard([staged])
          throw error
        }
      }
    } else {
      remove.append(relativePath + ".gz")
    }
    var main: OutputDirectory.StagedFile? = staged
    if unchanged {
      directory.discard([staged])
      main = nil
    }
    if let main { files.append(main) }
    return Prepared(outcome: main == nil ? .unchanged : .written, files: files, removals: remove)
  }

  /// Adds files staged elsewhere (by a feed renderer on a worker thread) and removals.
  package func add(_ files: [OutputDirectory.StagedFile], removing paths: [String] = []) {
    lock.withLock {
      staged += files
      removals += paths
    }
  }

  /// Makes every staged change; see the type's description for the order.
  ///
  /// - Throws: ``WriteError`` for the first change that fails; files not yet renamed keep
  ///   their previous version.
  package func commit() throws {
    let (files, remove) = lock.withLock { () -> ([OutputDirectory.StagedFile], [String]) in
      finished = true
      return (staged, removals)
    }
    try directory.commit(files, removing: remove)
  }

  /// Removes every staged temporary file; the published files stay as they were.
  package func discard() {
    let files = lock.withLock { () -> [OutputDirectory.StagedFile] in
      finished = true
      defer { staged = [] }
      return staged
    }
    directory.discard(files)
  }
}
