import LoaCore

/// Turns a ``Feed`` into the bytes of one file format.
public protocol FeedSerializer: Sendable {
  var format: FeedFormat { get }
  /// - Throws: ``XMLWriterError`` when libxml2 fails.
  func serialize(_ feed: Feed, site: SiteInfo) throws -> [UInt8]
}

extension FeedFormat {
  /// The serializer for this format.
  public var serializer: any FeedSerializer {
    switch self {
    case .rss: return RSS2Serializer()
    case .atom: return AtomSerializer()
    case .json: return JSONFeedSerializer()
    }
  }
}
