import FoundationEssentials
import LoaCore

/// The `--report` file: every issue of a run as JSON, in a fixed key order, with no time in it.
enum RunReportJSON {
  static func encode(_ report: RunReport, command: String) -> [UInt8] {
    var j = JSONWriter()
    j.beginObject()
    j.member("version", Int64(1))
    j.member("command", command)
    j.beginObject("summary")
    j.member("articlesRead", Int64(report.articlesRead))
    j.member("itemsPublished", Int64(report.itemsPublished))
    j.member("itemsLeftOut", Int64(report.itemsLeftOut))
    j.member("scheduled", Int64(report.scheduled))
    j.member("filesWritten", Int64(report.filesWritten.count))
    j.member("filesUnchanged", Int64(report.filesUnchanged.count))
    j.member("errors", Int64(report.count(.error)))
    j.member("warnings", Int64(report.count(.warning)))
    j.member("notes", Int64(report.count(.info)))
    j.endObject()
    j.beginArray("issues")
    for issue in report.issues {
      j.beginObject()
      j.member("severity", issue.severity.rawValue)
      j.member("action", issue.action.rawValue)
      if let a = issue.articleID { j.member("article", a) } else { j.memberNull("article") }
      if let c = issue.categoryID { j.member("category", c) } else { j.memberNull("category") }
      // Only for a row whose id is not an integer (`row with id NULL`).
      if let row = issue.row { j.member("row", row) }
      // The warning's code, explained in docs/warnings.md.
      if let code = issue.code { j.member("code", code.rawValue) }
      j.member("field", issue.field)
      j.member("message", issue.message)
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.bytes
  }

  /// Writes the report atomically to `path` (absolute), outside the output directory.
  ///
  /// - Throws: ``WriteError`` naming `path`.
  /// A platform run's report: every site's report (``encode(_:command:)``) with its slug,
  /// exit status and failure, and the roll-up's.
  static func encodePlatform(
    _ sites: [(slug: String, status: Int32, error: String?, report: RunReport)], command: String
  ) -> [UInt8] {
    var j = JSONWriter()
    j.beginObject()
    j.member("version", Int64(1))
    j.member("command", command)
    j.beginArray("sites")
    for site in sites {
      j.beginObject()
      // The roll-up has no slug of its own.
      if site.slug.isEmpty { j.member("rollUp", true) } else { j.member("slug", site.slug) }
      j.member("status", Int64(site.status))
      j.member("error", site.error)
      let own = encode(site.report, command: command)
      j.member("report", json: own)
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.bytes
  }

  static func write(_ report: RunReport, command: String, to path: String) throws {
    try write(bytes: encode(report, command: command), to: path)
  }

  static func write(bytes: [UInt8], to path: String) throws {
    let directory = Paths.directory(of: path)
    let name = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
    do {
      try OutputDirectory(path: directory).write(bytes, to: name)
    } catch let e as WriteError {
      // A report path loa cannot use is a write failure (73/74), never an internal error (70).
      throw WriteError(e.code == .unsafePath ? .cannotCreate : e.code, path: path, e.reason, underlying: e.underlying)
    }
  }
}
