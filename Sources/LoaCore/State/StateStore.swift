import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The state directory: what one run leaves for the next (the run state, undelivered WebSub
/// pings, the weather box's last good data, the cleaning cache). The one way loa reads and
/// writes there.
///
/// - One key scheme: every file is `<kind>-<key>.<ext>`, where the key is ``key(_:_:)`` of
///   what the file belongs to (site URL and output directory, or output directory and
///   snippet), so several portals can share one state directory.
/// - Files are written atomically (a temporary sibling `.<name>.loa-<PID>.tmp`, `fsync`,
///   `renameat`, `fsync` of the folder) with mode 0600: the run state names the database.
///   The folder is created 0700.
/// - Every operation is relative to the folder's descriptor and never follows a symlink: a
///   link planted at a state file's name is neither read nor written through.
/// - ``sweepAbandoned()``, called under the run lock, removes the temporary files of runs
///   that were killed (the cleaning cache's can be tens of megabytes).
///
/// Nothing here is essential: a missing, unreadable or foreign file means "no state", and the
/// run renders everything.
package final class StateStore: @unchecked Sendable {
  package let path: String
  private let fd: Int32

  /// Opens the state directory, creating it (mode 0700) when needed.
  ///
  /// - Throws: ``WriteError``.
  package init(directory: String) throws {
    path = directory
    try OutputDirectory.makeDirectories(directory, mode: 0o700)
    do {
      fd = try retryingSyscall("open") { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    } catch let e as SystemCallError {
      throw WriteError(path: directory, e)
    }
  }

  deinit { close(fd) }

  /// Whether this process may create files in the folder: nil when it may, else the reason
  /// (`EACCES`, `EROFS`: a folder of another user, a read-only mount). Asked once per run, so an
  /// unwritable folder is one warning rather than one per file loa then fails to save. The
  /// corresponding C function is `faccessat` (effective ids).
  package func writeProblem() -> String? {
    do {
      _ = try retryingSyscall("faccessat") { faccessat(fd, ".", W_OK | X_OK, AT_EACCESS) }
      return nil
    } catch let e as SystemCallError {
      return "not writable (\(e.errnoName): \(Errno.message(e.errno)))"
    } catch {
      return "\(error)"
    }
  }

  /// The key of a state file: one 64-bit FNV-1a hash over the loa version and both parts, as
  /// 16 hex digits or fewer.
  package static func key(_ first: String, _ second: String) -> String {
    var h = FNV1a()
    h.add("\(LoaVersion.current)/state/")
    h.add(second)
    h.add(first)
    return String(h.value, radix: 16)
  }

  /// The whole file `name`, or nil when it is missing, not a regular file (a symlink), or
  /// larger than `limit`.
  package func read(_ name: String, limit: Int = 16 << 20) -> [UInt8]? {
    let file = openat(fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard file >= 0 else { return nil }
    defer { close(file) }
    var st = stat()
    guard fstat(file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) <= limit
    else { return nil }
    return OutputDirectory.readAll(file, count: Int(st.st_size))
  }

  /// A descriptor for reading `name` (never through a symlink), or -1. The caller closes it.
  package func openForReading(_ name: String) -> Int32 {
    openat(fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
  }

  /// Replaces `name` with `bytes`, atomically, mode 0600.
  ///
  /// - Throws: ``WriteError``; the previous file is then unchanged.
  package func write(_ bytes: [UInt8], to name: String) throws {
    let file = try Stream(self, name)
    do {
      try file.append(bytes)
      try file.commit()
    } catch {
      file.abandon()
      throw error
    }
  }

  /// Removes temporary files of processes that no longer exist: `.x.loa-PID.tmp`, and the
  /// `x.tmp-PID` files of loa versions before this store.
  package func sweepAbandoned() {
    OutputDirectory.sweepAbandoned(fd, label: path, depth: 0)
    let legacy = OutputDirectory.entries(of: fd).filter { name in
      guard let r = name.lastOccurrence(of: ".tmp-"),
        let pid = Int32(name[r.upperBound...]), pid > 0, pid != getpid()
      else { return false }
      return kill(pid, 0) != 0 && errno == ESRCH
    }
    for name in legacy {
      FileOperation.willChange("unlinkat", path + "/" + name)
      _ = unlinkat(fd, name, 0)
    }
  }

  /// A file being written to its temporary sibling, put in place by ``commit()``.
  package final class Stream: @unchecked Sendable {
    let store: StateStore
    let name: String
    let temporary: String
    private var file: Int32

    package init(_ store: StateStore, _ name: String) throws {
      self.store = store
      self.name = name
      temporary = ".\(name).loa-\(getpid()).tmp"
      let dir = store.fd
      let temp = temporary
      _ = unlinkat(dir, temp, 0)
      FileOperation.willChange("openat", store.path + "/" + name)
      do {
        file = try retryingSyscall("openat") {
          openat(dir, temp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        }
      } catch let e as SystemCallError {
        throw WriteError(path: store.path + "/" + name, e)
      }
    }

    deinit { if file >= 0 { abandon() } }

    package func append(_ bytes: [UInt8]) throws {
      FileOperation.willChange("write", store.path + "/" + name)
      do {
        try OutputDirectory.writeAll(file, bytes)
      } catch let e as SystemCallError {
        throw WriteError(path: store.path + "/" + name, e)
      }
    }

    /// `count` bytes of what was appended, from `offset` (`pread`: the temporary file is open
    /// for reading too); nil when they cannot all be read.
    package func read(_ count: Int, at offset: Int) -> [UInt8]? {
      guard file >= 0 else { return nil }
      var n = 0
      let bytes = [UInt8](unsafeUninitializedCapacity: count) { out, filled in
        repeat { n = pread(file, out.baseAddress, count, off_t(offset)) } while n < 0 && errno == EINTR
        filled = max(0, n)
      }
      return n == count ? bytes : nil
    }

    /// `fsync`, rename over `name`, `fsync` the folder.
    package func commit() throws {
      let f = file
      let dir = store.fd
      let temp = temporary
      let target = name
      do {
        FileOperation.willChange("fsync", store.path + "/" + name)
        try retryingSyscall("fsync") { fsync(f) }
        file = -1
        try retryingSyscall("close") { close(f) }
        FileOperation.willChange("renameat", store.path + "/" + name)
        try retryingSyscall("renameat") { renameat(dir, temp, dir, target) }
        FileOperation.willChange("fsync", store.path)
        _ = try? retryingSyscall("fsync") { fsync(dir) }
      } catch let e as SystemCallError {
        abandon()
        throw WriteError(path: store.path + "/" + name, e)
      }
    }

    /// Closes and removes the temporary file; the previous file stays.
    package func abandon() {
      if file >= 0 {
        close(file)
        file = -1
      }
      FileOperation.willChange("unlinkat", store.path + "/" + name)
      _ = unlinkat(store.fd, temporary, 0)
    }
  }
}
