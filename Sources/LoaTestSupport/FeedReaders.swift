import Foundation
import Testing

/// Feed readers that share no code with loa or with the Python checkers, run on a published
/// file to see what a subscriber would see: `sfeed` (C; Debian package `sfeed`) and Perl's
/// `XML::Feed` (Debian package `libxml-feed-perl`). Scripts/install-deps.sh --test installs
/// both.
///
/// Where ``Checkers/required`` (`LOA_REQUIRE_CHECKERS=1`, CI) a missing reader is a failure;
/// elsewhere the tests that need one are skipped (``available``, with a comment naming it).
public enum FeedReaders {
  /// One reader: its name and how it reports a file's entries.
  public enum Reader: String, Sendable, CaseIterable, CustomStringConvertible {
    case sfeed
    case xmlFeed = "XML::Feed"

    public var description: String { rawValue }

    /// The Debian package that holds it.
    public var package: String { self == .sfeed ? "sfeed" : "libxml-feed-perl" }
  }

  /// Whether `reader` can run here.
  public static func available(_ reader: Reader) -> Bool {
    switch reader {
    case .sfeed: return sfeedPath != nil
    case .xmlFeed:
      return (try? Subprocess.run("/usr/bin/env", ["perl", "-MXML::Feed", "-e", "1"]))?.status == 0
    }
  }

  /// Whether the tests that need `reader` run: it is here, or it must be.
  public static func enabled(_ reader: Reader) -> Bool { Checkers.required || available(reader) }

  static var sfeedPath: String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":").map(String.init) + ["/usr/bin"] {
      let candidate = dir + "/sfeed"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// One entry as a reader reports it.
  public struct Entry: Sendable {
    public var id: String
    public var title: String
    public var author: String
  }

  /// Each entry's id, title and author as the reader reports them, in file order; nil (with a
  /// test issue) when the reader is missing or fails.
  public static func entries(
    of file: String, by reader: Reader, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [Entry]? {
    guard available(reader) else {
      Issue.record(
        "LOA_REQUIRE_CHECKERS=1 but \(reader) is missing: run Scripts/install-deps.sh --test (Debian package \(reader.package))",
        sourceLocation: sourceLocation)
      return nil
    }
    let r: ProcessResult
    switch reader {
    case .sfeed:
      // sfeed reads the feed on stdin and writes TSV: time, title, link, content,
      // content-type, id, author, enclosure, category.
      r = try Subprocess.run("/bin/sh", ["-c", "exec \"$0\" < \"$1\"", sfeedPath ?? "sfeed", file])
    case .xmlFeed:
      let script = """
        use strict; use warnings; use XML::Feed;
        # XML::Atom hands back UTF-8 bytes unless told (its documented switch); XML::RSS decodes.
        $XML::Atom::ForceUnicode = 1;
        binmode STDOUT, ':encoding(UTF-8)';
        my $feed = XML::Feed->parse($ARGV[0]) or die XML::Feed->errstr . "\\n";
        for my $e ($feed->entries) {
          my ($title, $author) = ($e->title // '', $e->author // '');
          s/[\\t\\n]/ /g for $title, $author;
          print $e->id, "\\t", $title, "\\t", $author, "\\n";
        }
        """
      r = try Subprocess.run("/usr/bin/env", ["perl", "-e", script, file])
    }
    guard r.status == 0 else {
      Issue.record(
        "\(reader) failed on \(file) (exit \(r.status)): \(r.stderr)",
        sourceLocation: sourceLocation)
      return nil
    }
    return r.stdout.split(separator: "\n").map { line in
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      func field(_ i: Int) -> String { i < f.count ? f[i] : "" }
      switch reader {
      case .sfeed: return Entry(id: field(5), title: field(1), author: field(6))
      case .xmlFeed: return Entry(id: field(0), title: field(1), author: field(2))
      }
    }
  }
}
