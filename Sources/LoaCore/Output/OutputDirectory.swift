import CSystem
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure writing an output file. The published file is untouched when this is thrown.
package struct WriteError: Error, Sendable, CustomStringConvertible {
  package enum Code: Sendable, Equatable {
    /// The file or a folder cannot be created: permissions, read-only file system, a file
    /// where a folder should be (exit 73).
    case cannotCreate
    /// Writing failed part-way: disk full, I/O error (exit 74).
    case io
    /// The path would leave the output directory (exit 70: a bug, never data).
    case unsafePath
  }

  package let code: Code
  /// The path that failed.
  package let path: String
  package let reason: String
  package let underlying: SystemCallError?

  package init(_ code: Code, path: String, _ reason: String, underlying: SystemCallError? = nil) {
    self.code = code
    self.path = path
    self.reason = reason
    self.underlying = underlying
  }

  init(path: String, _ e: SystemCallError) {
    switch e.errno {
    case EIO, ENOSPC, EDQUOT, EFBIG:
      code = .io
    default:
      code = .cannotCreate
    }
    self.path = path
    reason = e.description
    underlying = e
  }

  package var description: String { "cannot write \(path): \(reason)" }
}

/// What writing one file did.
package enum WriteOutcome: Sendable, Equatable {
  /// New bytes were written and renamed into place.
  case written
  /// The published file already had exactly these bytes; it was not touched, so its inode and
  /// modification time (and the ETag and Last-Modified a web server derives) stay the same.
  case unchanged
}

/// The output directory: the only way loa changes anything below the output root.
///
/// Every creation, rename and removal is made relative to a directory descriptor: the root
/// is opened once, and each folder below it is opened component by component with
/// `openat(O_DIRECTORY | O_NOFOLLOW)`, so no path is resolved again after it was checked and
/// a symlink anywhere inside the output tree is never followed (a link where a folder should
/// be is "exists and is not a directory", exit 73). Path components are checked first (no
/// `..`, no `/`, no hidden names, at most 200 bytes).
///
/// Files are replaced atomically: the bytes go to a temporary sibling (`.name.loa-PID.tmp`,
/// `O_EXCL`, ``stage(_:to:force:)``); ``commit(_:removing:)`` makes them all durable with one
/// `syncfs`, `renameat`s each over the published file, `unlinkat`s what the run retired, then
/// `fsync`s each folder once. A file whose published bytes are already the same is not staged at all,
/// so its inode and modification time stay. A run collects everything it stages in one
/// ``OutputTransaction`` and commits only when all of it was rendered and checked.
package final class OutputDirectory: @unchecked Sendable {
  /// Absolute path.
  package let path: String
  private let fd: Int32

  /// Opens the directory, creating it (and missing parents) when needed.
  ///
  /// - Throws: ``WriteError``.
  package init(path: String) throws {
    self.path = path
    try Self.makeDirectories(path)
    do {
      fd = try retryingSyscall("open") { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    } catch let e as SystemCallError {
      throw WriteError(path: path, e)
    }
  }

  deinit { close(fd) }

  /// Creates `path` and its missing parents (the root of an output or state directory: the
  /// operator's own path, so symlinks in it are followed like any path given to a program).
  package static func makeDirectories(_ path: String, mode: mode_t = 0o755) throws {
    var current = ""
    for part in path.split(separator: "/") {
      current += "/" + part
      var st = stat()
      if stat(current, &st) == 0 {
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
          throw WriteError(.cannotCreate, path: current, "exists and is not a directory")
        }
        continue
      }
      FileOperation.willChange("mkdir", current)
      if mkdir(current, mode) != 0 && errno != EEXIST {
        throw WriteError(path: current, SystemCallError(call: "mkdir", errno: errno))
      }
    }
  }

  /// Whether `relativePath` is a plain path inside the directory.
  package static func isSafe(_ relativePath: String) -> Bool {
    guard !relativePath.isEmpty, !relativePath.hasPrefix("/") else { return false }
    for part in relativePath.split(separator: "/", omittingEmptySubsequences: false) {
      if part.isEmpty || part.hasPrefix(".") || part.utf8.contains(0) || part.utf8.count > 200 {
        return false
      }
    }
    return true
  }

  /// A file written to its temporary sibling, waiting for ``commit(_:removing:)``.
  package struct StagedFile: Sendable {
    /// Path relative to the output directory, e.g. `thoi-su/rss.xml`.
    package let path: String
    let folder: [String]
    let name: String
    let temporaryName: String
  }

  /// Splits a checked relative path into its folders and its file name.
  private func split(_ relativePath: String) throws -> (folder: [String], name: String) {
    guard Self.isSafe(relativePath) else {
      throw WriteError(.unsafePath, path: relativePath, "path leaves the output directory")
    }
    var parts = relativePath.split(separator: "/").map(String.init)
    let name = parts.removeLast()
    return (parts, name)
  }

  /// Writes `bytes` to `relativePath` (`thoi-su/rss.xml`) at once unless it already holds
  /// them: a transaction of one file (with its `.gz` copy at `gzipLevel`, or the removal of
  /// a stale one when nil).
  ///
  /// - Throws: ``WriteError``; the published file is then unchanged.
  @discardableResult
  package func write(
    _ bytes: [UInt8], to relativePath: String, force: Bool = false, gzipLevel: Int32? = nil
  ) throws -> WriteOutcome {
    let transaction = OutputTransaction(self, force: force, gzipLevel: gzipLevel)
    let outcome = try transaction.stage(bytes, to: relativePath)
    try transaction.commit()
    return outcome
  }

  /// Opens (creating as needed) the folders of `parts` below the directory, never following a
  /// symlink. The caller closes every descriptor in `opened`.
  private func openFolder(_ parts: [String], create: Bool, opened: inout [Int32]) throws -> Int32 {
    var dir = fd
    var soFar = path
    for part in parts {
      soFar += "/" + part
      if create {
        var st = stat()
        if fstatat(dir, part, &st, AT_SYMLINK_NOFOLLOW) != 0 {
          FileOperation.willChange("mkdirat", soFar)
          if mkdirat(dir, part, 0o755) != 0 && errno != EEXIST {
            throw WriteError(path: soFar, SystemCallError(call: "mkdirat", errno: errno))
          }
        }
      }
      let parent = dir
      let next: Int32
      do {
        next = try retryingSyscall("openat") {
          openat(parent, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
      } catch let e as SystemCallError {
        if e.errno == ENOTDIR || e.errno == ELOOP {
          throw WriteError(
            .cannotCreate, path: soFar, "exists and is not a directory", underlying: e)
        }
        throw WriteError(path: soFar, e)
      }
      opened.append(next)
      dir = next
    }
    return dir
  }

  /// Runs `body` with the descriptor of the folder holding `relativePath`.
  private func inFolder<R>(
    of relativePath: String, create: Bool, _ body: (Int32, String, [String]) throws -> R
  ) throws -> R {
    let (folder, name) = try split(relativePath)
    var opened: [Int32] = []
    defer { for d in opened { close(d) } }
    let dir = try openFolder(folder, create: create, opened: &opened)
    return try body(dir, name, folder)
  }

  /// Writes `bytes` to a temporary sibling of `relativePath` (`.rss.xml.loa-PID.tmp`,
  /// `O_EXCL`) and `fsync`s it, unless the published file already holds exactly these bytes.
  ///
  /// - Returns: the staged file, or nil when the published file is unchanged.
  /// - Throws: ``WriteError``; nothing published has changed.
  package func stage(_ bytes: [UInt8], to relativePath: String, force: Bool = false) throws
    -> StagedFile?
  {
    try inFolder(of: relativePath, create: true) { dir, name, folder in
      if !force, try Self.hasSameBytes(dir, name, bytes) { return nil }
      let temp = Self.temporaryName(name)
      let full = path + "/" + relativePath
      do {
        let file = try Self.createTemporary(dir, temp, full)
        do {
          FileOperation.willChange("write", full)
          try Self.writeAll(file, bytes)
          // Made durable by ``commit(_:removing:)``'s one `syncfs` before any rename, not one
          // `fsync` each: a platform run stages tens of thousands of files.
          let fileToClose = file
          try retryingSyscall("close") { close(fileToClose) }
        } catch {
          close(file)
          throw error
        }
      } catch let e as SystemCallError {
        _ = unlinkat(dir, temp, 0)
        throw WriteError(path: full, e)
      }
      return StagedFile(path: relativePath, folder: folder, name: name, temporaryName: temp)
    }
  }

  /// The temporary sibling's name for the file `name`: `.rss.xml.loa-PID.tmp`.
  private static func temporaryName(_ name: String) -> String { ".\(name).loa-\(getpid()).tmp" }

  /// Creates the temporary `temp` in the folder `dir` (`O_EXCL`, not following a link), after
  /// removing one a killed run of this process id left; `full` names the file for messages.
  private static func createTemporary(_ dir: Int32, _ temp: String, _ full: String) throws -> Int32 {
    _ = unlinkat(dir, temp, 0)
    FileOperation.willChange("openat", full)
    return try retryingSyscall("openat") {
      openat(dir, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    }
  }

  /// Creates the temporary sibling of `relativePath` (`.rss.xml.loa-PID.tmp`, `O_EXCL`) for a
  /// document written as it is produced (``DocumentSink``).
  ///
  /// - Returns: the descriptor, open for writing (the caller closes it), and the staged file.
  /// - Throws: ``WriteError``; nothing published has changed.
  package func openStaging(_ relativePath: String) throws -> (Int32, StagedFile) {
    try inFolder(of: relativePath, create: true) { dir, name, folder in
      let temp = Self.temporaryName(name)
      let full = path + "/" + relativePath
      do {
        let file = try Self.createTemporary(dir, temp, full)
        let staged = StagedFile(path: relativePath, folder: folder, name: name, temporaryName: temp)
        return (file, staged)
      } catch let e as SystemCallError {
        throw WriteError(path: full, e)
      }
    }
  }

  /// Opens a staged file's temporary file for reading (its self-check).
  ///
  /// - Returns: the descriptor; the caller closes it.
  /// - Throws: ``WriteError``.
  package func openForReading(_ file: StagedFile) throws -> Int32 {
    try inFolder(of: file.path, create: false) { dir, _, _ in
      do {
        return try retryingSyscall("openat") {
          openat(dir, file.temporaryName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        }
      } catch let e as SystemCallError {
        throw WriteError(path: path + "/" + file.path, e)
      }
    }
  }

  /// Whether the published file of `staged` is a regular file holding exactly the bytes of its
  /// temporary file (`count` of them), compared a chunk at a time.
  package func publishedMatches(_ staged: StagedFile, count: Int) -> Bool {
    (try? inFolder(of: staged.path, create: false) { dir, name, _ -> Bool in
      let published = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard published >= 0 else { return false }
      defer { close(published) }
      var st = stat()
      guard fstat(published, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == count
      else { return false }
      let temp = openat(dir, staged.temporaryName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard temp >= 0 else { return false }
      defer { close(temp) }
      let chunk = 1 << 18
      var left = [UInt8](repeating: 0, count: chunk)
      var right = [UInt8](repeating: 0, count: chunk)
      var offset = 0
      while offset < count {
        let n = min(chunk, count - offset)
        guard Self.readFully(published, into: &left, count: n, at: offset),
          Self.readFully(temp, into: &right, count: n, at: offset),
          memcmp(left, right, n) == 0
        else { return false }
        offset += n
      }
      return true
    }) ?? false
  }

  /// Stages the gzip copy of a staged file (``Gzip/compress(file:to:level:)``, a chunk at a
  /// time) at `relativePath`.
  ///
  /// - Throws: ``WriteError`` or ``GzipError``; nothing is left staged.
  package func stageCompressed(_ source: StagedFile, level: Int32, to relativePath: String) throws
    -> StagedFile
  {
    let input = try openForReading(source)
    defer { close(input) }
    let (output, staged) = try openStaging(relativePath)
    let full = path + "/" + relativePath
    do {
      FileOperation.willChange("write", full)
      try Gzip.compress(file: input, to: output, level: level)
      try retryingSyscall("close") { close(output) }
    } catch {
      close(output)
      discard([staged])
      if let e = error as? SystemCallError { throw WriteError(path: full, e) }
      throw error
    }
    return staged
  }

  /// The `count` bytes of a staged file's temporary file, or nil when they cannot be read.
  package func readStaged(_ file: StagedFile, count: Int) -> [UInt8]? {
    guard let fd = try? openForReading(file) else { return nil }
    defer { close(fd) }
    return Self.readAll(fd, count: count)
  }

  /// Reads `count` bytes at `offset` of `file` into the start of `buffer`.
  static func readFully(_ file: Int32, into buffer: inout [UInt8], count: Int, at offset: Int)
    -> Bool
  {
    var done = 0
    while done < count {
      let n = buffer.withUnsafeMutableBytes {
        pread(file, $0.baseAddress! + done, count - done, off_t(offset + done))
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }
      done += n
    }
    return true
  }

  /// Renames every staged file over its published one (`renameat`, in the order given), then
  /// removes `removals` (`unlinkat`; a file already gone is fine), then `fsync`s each folder
  /// once so the changes are durable. Each file is replaced atomically.
  ///
  /// - Throws: ``WriteError`` for the first change that fails; the files not yet renamed keep
  ///   their previous version and their temporary files are removed.
  package func commit(_ files: [StagedFile], removing removals: [String] = []) throws {
    // Two files staged for one path share a temporary name: the second replaced the first,
    // and renaming the first would fail half-way through the commit. Refuse before renaming
    // anything (a bug, never data: output paths are claimed once per run).
    var paths = Set<String>()
    for file in files where !paths.insert(file.path).inserted {
      discard(files)
      throw WriteError(.unsafePath, path: path + "/" + file.path, "staged twice in one run")
    }
    // Every staged file's bytes on disk before any of them replaces a published one: one
    // `syncfs` of the file system holding the directory (which reports a failed writeback
    // since the directory was opened) instead of one `fsync` per staged file, which cost a
    // third of a platform run (docs/PERFORMANCE.md).
    if !files.isEmpty {
      FileOperation.willChange("syncfs", path)
      do {
        try retryingSyscall("syncfs") { csystem_syncfs(fd) }
      } catch let e as SystemCallError {
        discard(files)
        throw WriteError(path: path, e)
      }
    }
    var folders: [[String]: Int32] = [:]
    var opened: [Int32] = []
    defer { for d in opened { close(d) } }
    /// `fsync`s the open folders and closes them.
    func syncFolders() {
      for (parts, dir) in folders {
        FileOperation.willChange("fsync", path + "/" + parts.joined(separator: "/"))
        _ = try? retryingSyscall("fsync") { fsync(dir) }
      }
      for d in opened { close(d) }
      folders = [:]
      opened = []
    }
    func folder(_ parts: [String]) throws -> Int32 {
      if let d = folders[parts] { return d }
      // A site of 20,000 categories would run out of descriptors: sync and close early.
      if folders.count >= 512 { syncFolders() }
      let d = try openFolder(parts, create: false, opened: &opened)
      folders[parts] = d
      return d
    }
    for (index, file) in files.enumerated() {
      do {
        let dir = try folder(file.folder)
        FileOperation.willChange("renameat", path + "/" + file.path)
        do {
          try retryingSyscall("renameat") { renameat(dir, file.temporaryName, dir, file.name) }
        } catch let e as SystemCallError {
          throw WriteError(path: path + "/" + file.path, e)
        }
      } catch {
        discard(Array(files[index...]))
        throw error
      }
    }
    for relativePath in removals {
      let (parts, name) = try split(relativePath)
      let dir: Int32
      do {
        dir = try folder(parts)
      } catch let e as WriteError where e.underlying?.errno == ENOENT {
        continue
      }
      var st = stat()
      guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
      FileOperation.willChange("unlinkat", path + "/" + relativePath)
      if unlinkat(dir, name, 0) != 0 && errno != ENOENT {
        throw WriteError(path: path + "/" + relativePath, SystemCallError(call: "unlinkat", errno: errno))
      }
    }
    syncFolders()
  }

  /// Whether the published file at `relativePath` holds exactly `bytes`.
  package func holds(_ bytes: [UInt8], at relativePath: String) -> Bool {
    (try? inFolder(of: relativePath, create: false) { dir, name, _ in
      try Self.hasSameBytes(dir, name, bytes)
    }) ?? false
  }

  /// Whether a regular file (not a symlink) exists at `relativePath`.
  package func exists(_ relativePath: String) -> Bool {
    (try? inFolder(of: relativePath, create: false) { dir, name, _ in
      var st = stat()
      return fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }) ?? false
  }

  /// Up to `limit` bytes of the published regular file at `relativePath` (never through a
  /// symlink), or nil when there is none.
  package func read(_ relativePath: String, limit: Int) -> [UInt8]? {
    try? inFolder(of: relativePath, create: false) { dir, name, _ in
      let file = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard file >= 0 else { return nil }
      defer { close(file) }
      var st = stat()
      guard fstat(file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
      return Self.readAll(file, count: min(limit, Int(st.st_size)))
    }
  }

  /// Removes the temporary files of staged files that will not be committed.
  package func discard(_ files: [StagedFile]) {
    for file in files {
      var opened: [Int32] = []
      if let dir = try? openFolder(file.folder, create: false, opened: &opened) {
        FileOperation.willChange("unlinkat", path + "/" + file.path)
        _ = unlinkat(dir, file.temporaryName, 0)
      }
      for d in opened { close(d) }
    }
  }

  /// Removes temporary files left by runs that were killed (`.name.loa-PID.tmp` whose process
  /// no longer exists), in the directory and its folders one level down, and in the month
  /// folders of every `archive` folder among them (RFC 5005 archives: `archive/2026-11/`,
  /// `thoi-su/archive/2026-11/`), through directory descriptors: a symlinked folder is never
  /// entered.
  package func removeAbandonedTemporaryFiles() {
    Self.sweepAbandoned(fd, label: path, depth: 1)
  }

  /// ``removeAbandonedTemporaryFiles()`` in this folder alone, never its sub-folders: the top
  /// of a platform's output, whose sub-folders are sites that other processes (shards on
  /// other machines, whose process ids mean nothing here) publish under their own locks.
  package func removeAbandonedTemporaryFilesHere() {
    Self.sweepAbandoned(fd, label: path, depth: 0)
  }

  /// Whether `name` is a temporary file (`.x.loa-PID.tmp`) of a process that no longer exists.
  static func isAbandonedTemporaryFile(_ name: String) -> Bool {
    guard name.hasPrefix("."), name.hasSuffix(".tmp"), let r = name.lastOccurrence(of: ".loa-")
    else { return false }
    guard let pid = Int32(name[r.upperBound...].dropLast(4)), pid > 0, pid != getpid() else {
      return false
    }
    return kill(pid, 0) != 0 && errno == ESRCH
  }

  /// The folder of a feed's monthly archives (LoaKit's `MonthlyArchives.folderName`).
  static let archiveFolder = "archive"

  /// Removes abandoned temporary files in the folder open as `dir` (not closed here) and, to
  /// `depth` levels, in its real sub-folders; an `archive` folder's month folders always.
  ///
  /// Every run sweeps, the run where nothing changed too: a folder's entries say whether they
  /// are folders (`d_type`), so only a file system that does not say (`DT_UNKNOWN`) costs an
  /// `fstatat` per entry. One per entry was 205 of the no-op's 960 system calls in W3.
  static func sweepAbandoned(_ dir: Int32, label: String, depth: Int) {
    var folders: [String] = []
    for (name, type) in typedEntries(of: dir) {
      if isAbandonedTemporaryFile(name) {
        FileOperation.willChange("unlinkat", label + "/" + name)
        _ = unlinkat(dir, name, 0)
      } else if depth > 0 || name == archiveFolder, !name.hasPrefix(".") {
        if type == UInt8(DT_DIR) {
          folders.append(name)
        } else if type == UInt8(DT_UNKNOWN) {
          var st = stat()
          if fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            folders.append(name)
          }
        }
      }
    }
    for name in folders {
      let sub = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard sub >= 0 else { continue }
      sweepAbandoned(sub, label: label + "/" + name, depth: name == archiveFolder ? 1 : depth - 1)
      close(sub)
    }
  }

  /// The names in the folder open as `dir` (not closed here), without `.` and `..`.
  static func entries(of dir: Int32) -> [String] {
    typedEntries(of: dir).map(\.name)
  }

  /// ``entries(of:)`` with each entry's `d_type` (`DT_DIR`, `DT_REG`…, or `DT_UNKNOWN` where the
  /// file system does not say; a symbolic link is `DT_LNK`, never followed).
  package static func typedEntries(of dir: Int32) -> [(name: String, type: UInt8)] {
    // getdents64 on `dir` itself from its start (the position is the descriptor's own), not
    // opendir on a duplicate: the folders are listed on every run, the no-op's included.
    guard lseek(dir, 0, SEEK_SET) == 0 else { return [] }
    var names: [(name: String, type: UInt8)] = []
    // Not zeroed: getdents64 fills what it returns (a zeroed 32 KB array for each of a no-op's
    // 51 folders was 1.6 MB of memset).
    let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: 8_192, alignment: 8)
    defer { raw.deallocate() }
    while true {
      let result = csystem_getdents64(dir, raw.baseAddress, UInt(raw.count))
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else { break }
      let n = Int(result)
      var offset = 0
      while offset + 19 < n {
        let length = Int(raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt16.self))
        guard length > 19, offset + length <= n else { break }
        let type = raw[offset + 18]
        let name = String(
          decoding: raw[(offset + 19)..<(offset + length)].prefix(while: { $0 != 0 }), as: UTF8.self)
        if name != "." && name != ".." { names.append((name, type)) }
        offset += length
      }
    }
    return names
  }


  /// Whether `name` in `dir` is a regular file holding exactly `bytes`.
  static func hasSameBytes(_ dir: Int32, _ name: String, _ bytes: [UInt8]) throws -> Bool {
    let file = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard file >= 0 else { return false }
    defer { close(file) }
    var st = stat()
    guard fstat(file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count
    else { return false }
    return readAll(file, count: bytes.count) == bytes
  }

  /// Reads `count` bytes from the start of `file`, or nil when it ends sooner or fails.
  static func readAll(_ file: Int32, count: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = bytes.withUnsafeMutableBytes { pread(file, $0.baseAddress! + done, count - done, off_t(done)) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return nil }
      done += n
    }
    return bytes
  }

  #if DEBUG
    /// Test builds only: `LOA_TEST_FAIL_WRITE=ERRNO:N` makes the N-th file write of the process
    /// (and every one after it) fail with that errno, to test full disks and I/O errors where a
    /// small tmpfs cannot be mounted. Release builds have no such hook.
    /// Writes so far, counted under a lock: render workers write at once (ThreadSanitizer
    /// found the bare counter, and a TSan build exits 66 on its report).
    private static let writes = WriteCounter()

    private final class WriteCounter: @unchecked Sendable {
      private let lock = Mutex()
      private var count = 0
      func next() -> Int { lock.withLock { count += 1; return count } }
    }
    static let injectedFailure: (errno: Int32, from: Int)? = {
      guard let spec = ProcessInfo.processInfo.environment["LOA_TEST_FAIL_WRITE"] else { return nil }
      let parts = spec.split(separator: ":")
      guard parts.count == 2, let e = Int32(parts[0]), let n = Int(parts[1]) else { return nil }
      return (e, n)
    }()
  #endif

  static func writeAll(_ file: Int32, _ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try writeAll(file, $0) }
  }

  /// Writes all of `buffer` to `file` (`write`, retried on `EINTR` and short writes).
  ///
  /// - Throws: ``SystemCallError``.
  package static func writeAll(_ file: Int32, _ buffer: UnsafeRawBufferPointer) throws {
    #if DEBUG
      if let f = injectedFailure, writes.next() >= f.from {
        throw SystemCallError(call: "write", errno: f.errno)
      }
    #endif
    guard let base = buffer.baseAddress else { return }
    var done = 0
    while done < buffer.count {
      let n = Glibc.write(file, base + done, buffer.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        throw SystemCallError(call: "write", errno: errno)
      }
      if n == 0 { throw SystemCallError(call: "write", errno: EIO) }
      done += n
    }
  }
}
