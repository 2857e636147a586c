import LoaCore
import LoaXML

/// Turns database rows into ``FeedItem``s: checks every rule an item must meet, cleans every
/// field, repairs what can be repaired and reports it, and leaves out what cannot (with the
/// reason). docs/validation.md lists the rules.
///
/// - Plain-text fields go through ``TextCleaner`` (forbidden characters, tags, entities,
///   invisible characters, NFC, white space) and capped in length (``Limits``).
/// - `content_html` goes through ``HTMLSanitizer`` (allowlist, absolute URLs, size cap), with
///   the result kept in a ``CleaningCache``.
/// - `published_at` must parse; a future one is a scheduled post and is left out silently.
/// - `updated_at` that does not parse, is earlier than `published_at`, or is later than now
///   plus ``updatedAtSkewSeconds`` (a far-future date became the feed's `<updated>`), is
///   `published_at`; the future one is a warning.
/// - The link is `url` resolved against the site (or the permalink template when `url` is
///   empty or not http(s)) and must be absolute http(s).
/// - A missing summary is cut from the content's text at a word boundary; missing content is
///   the summary as a paragraph.
/// - Text that looks like legacy TCVN3/VNI encoding is reported.
public struct ItemBuilder: Sendable {
  public let site: WebAddress
  public let idPrefix: String
  public let parser: DateParser
  public let now: Int64
  public let permalink: String
  /// Whether the permalink template has no `{id}` (WordPress `/%postname%/`): the slug is then
  /// the key the CMS finds the page by. Decided once (a substring search per row cost 25,000
  /// instructions).
  let keyedBySlug: Bool
  public let tree: CategoryTree
  public let limits: Limits
  public let cache: CleaningCache
  public let readMoreText: String
  /// Everything besides the row that shapes an item, for the cache key: the build of loa, the
  /// sanitizer, and the configuration the builder reads.
  let settingsFingerprint: String

  /// Size limits for one item.
  public struct Limits: Sendable {
    public var titleCharacters = 300
    public var summaryCharacters = 1000
    public var derivedSummaryCharacters = 300
    public var bylineCharacters = 300
    public var tagsCharacters = 1000
    public var captionCharacters = 1000
    /// Largest sanitized `content_html`, in bytes (Google News: 1 MB per article).
    public var contentBytes = 1_000_000
    public init() {}
  }

  public init(
    configuration c: Configuration, tree: CategoryTree, now: Int64,
    cache: CleaningCache = CleaningCache()
  ) {
    site = c.site.url
    idPrefix = c.site.idPrefix
    parser = DateParser(zone: c.site.timeZone, extraPatterns: c.database.dateFormats)
    self.now = now
    permalink = c.links.article
    keyedBySlug = !c.links.article.contains("{id}")
    self.tree = tree
    var limits = Limits()
    limits.contentBytes = c.feeds.maxContentBytes
    self.limits = limits
    self.cache = cache
    readMoreText = c.site.language.hasPrefix("vi") ? "Đọc tiếp" : "Read more"
    settingsFingerprint = [
      LoaVersion.current, Publisher.executableStamp, String(HTMLSanitizer.version),
      c.site.url.description, c.site.idPrefix, c.site.timeZone.identifier,
      c.database.dateFormats.map(\.description).joined(separator: "|"), c.links.article,
      String(limits.titleCharacters), String(limits.summaryCharacters),
      String(limits.derivedSummaryCharacters), String(limits.bylineCharacters),
      String(limits.tagsCharacters), String(limits.captionCharacters),
      String(limits.contentBytes), readMoreText,
    ].joined(separator: "\u{1F}")
  }

  /// Result of building one row.
  public enum Outcome: Sendable {
    case item(FeedItem)
    /// Not published yet (due at this Unix time); not an error.
    case scheduled(at: Int64)
    /// Left out; the reason was reported.
    case leftOut
  }

  /// Builds one row, adding what it repaired or why it left the row out to `report`. An
  /// unchanged row comes from the ``CleaningCache``, with the same report lines.
  public func build(_ row: ArticleRow, report: RunReport) -> Outcome {
    let (outcome, issues) = build(row)
    for issue in issues { report.add(issue) }
    return outcome
  }

  /// Builds one row; returns the outcome and the report lines, in order.
  public func build(_ row: ArticleRow) -> (Outcome, [ValidationIssue]) {
    build(RawArticleRow(row))
  }

  /// When a row is scheduled (its `published_at` after now), its due time; a cheap check
  /// made before anything else.
  public func scheduledTime(_ row: RawArticleRow) -> Int64? {
    guard let text = row.publishedAt, let published = parser.parse(text), published.utc > now
    else { return nil }
    return published.utc
  }

  /// How far `updated_at` may lie after now (a CMS server whose clock runs a little ahead)
  /// before it is not believed.
  public static let updatedAtSkewSeconds: Int64 = 600

  /// Whether the row's `updated_at` is later than now plus ``updatedAtSkewSeconds``.
  func updatedIsInTheFuture(_ row: RawArticleRow) -> Bool {
    guard let text = row.updatedAt, let updated = parser.parse(text) else { return false }
    return updated.utc - Self.updatedAtSkewSeconds > now
  }

  /// Builds one row as the database gave it; returns the outcome and the report lines, in
  /// order. Touches nothing shared but the (thread-safe) cache, so rows can be built on
  /// several threads at once. A row whose cached item is still good is never made into
  /// Strings.
  public func build(_ raw: RawArticleRow) -> (Outcome, [ValidationIssue]) {
    // Scheduling depends on the clock, so it is decided before the cache is asked.
    if let due = scheduledTime(raw) { return (.scheduled(at: due), []) }
    // Each issue carries the row's hash, so a warning is repeated only for a new row version
    // (``WarningMemory``).
    func stamped(_ issues: [ValidationIssue], _ key: UInt64) -> [ValidationIssue] {
      issues.map {
        var issue = $0
        issue.rowHash = key
        return issue
      }
    }
    // Not cached: the cache knows articles by id, and this row has none.
    if raw.idIsMissing { return (.leftOut, stamped([Self.missingID(raw)], itemKey(raw))) }
    let key = itemKey(raw)
    if let hit = cache.lookup(raw.id, key: key) {
      return (
        hit.item.map { .item($0) } ?? .leftOut, stamped(hit.issues.map { $0.issue(article: raw.id) }, key)
      )
    }
    let row = raw.materialized()
    let local = RunReport()
    let outcome = buildUncached(row, report: local)
    let issues = local.issues
    switch outcome {
    case .item(let item):
      cache.store(row.id, .init(key: key, item: item, issues: issues.map(CleaningCache.Issue.init)))
    case .leftOut:
      cache.store(row.id, .init(key: key, item: nil, issues: issues.map(CleaningCache.Issue.init)))
    case .scheduled:
      break
    }
    return (outcome, stamped(issues, key))
  }

  /// Why a row without an integer id is left out, naming the row as it is.
  static func missingID(_ raw: RawArticleRow) -> ValidationIssue {
    let what = (raw.idLiteral ?? "NULL") == "NULL" ? "is NULL" : "is not an integer"
    return .init(.warning, .leftOut, .idInvalid, row: raw.rowName, field: "id", "\(what); left out")
  }

  /// The cache key of one row: its bytes, the category it links to, and
  /// ``settingsFingerprint``.
  func itemKey(_ raw: RawArticleRow) -> UInt64 {
    var h = WordHash()
    h.add(settingsFingerprint)
    // Whether updated_at is believed depends on the clock, like scheduling.
    // Added only then, so every other row keeps its key.
    if updatedIsInTheFuture(raw) { h.add("future updated_at") }
    if let node = raw.categoryID.flatMap({ tree[$0] }) {
      h.add(node.slug)
      h.add(node.name)
    } else {
      h.add(nil as String?)
    }
    // Only for a row with links, so every other row keeps its key.
    if !raw.linkedCategoryIDs.isEmpty {
      for node in tree.memberships(primary: raw.categoryID, linked: raw.linkedCategoryIDs) {
        h.add(node.slug)
        h.add(node.name)
      }
    }
    raw.hash(into: &h)
    return h.value
  }

  func buildUncached(_ row: ArticleRow, report: RunReport) -> Outcome {
    let id = row.id
    func warn(
      _ field: String, _ action: ValidationIssue.Action, _ code: ValidationIssue.Code,
      _ message: String
    ) {
      report.add(.init(.warning, action, code, article: id, field: field, message))
    }
    func note(_ field: String, _ message: String) {
      report.add(.init(.info, .repaired, article: id, field: field, message))
    }
    if row.idIsMissing {
      var raw = RawArticleRow(id: row.id, categoryID: row.categoryID)
      raw.idLiteral = row.idLiteral
      report.add(Self.missingID(raw))
      return .leftOut
    }
    for field in row.invalidUTF8Fields {
      warn(field, .repaired, .invalidUTF8, "invalid UTF-8 replaced with U+FFFD")
    }
    /// Cleans a plain-text field and reports what changed: warnings for damage (forbidden
    /// characters, markup in plain text, truncation), notes for routine conversions.
    func text(_ field: String, _ value: String?, max: Int? = nil) -> String? {
      let (cleaned, repairs) = TextCleaner.clean(value, maxCharacters: max)
      if !repairs.isEmpty {
        let serious: TextCleaner.Repairs = [.forbiddenCharacters, .tags, .truncated]
        if !repairs.isDisjoint(with: serious) {
          warn(field, .repaired, .textRepaired, repairs.summary)
        } else {
          note(field, repairs.summary)
        }
      }
      if let cleaned, let legacy = LegacyEncoding.detect(cleaned) {
        warn(field, .noted, .legacyEncoding, "looks like \(legacy.rawValue) (legacy Vietnamese encoding) text shown as Unicode; fix it in the CMS")
      }
      return cleaned
    }

    // Dates first: a scheduled row is left out before anything is reported about it.
    guard let publishedText = row.publishedAt, !Whitespace.trimmed(Substring(publishedText)).isEmpty else {
      warn("published_at", .leftOut, .dateMissing, "is empty; left out")
      return .leftOut
    }
    guard let published = parser.parse(publishedText) else {
      warn("published_at", .leftOut, .dateInvalid, "\(Self.quoted(publishedText)) is not a date; left out")
      return .leftOut
    }
    if published.utc > now { return .scheduled(at: published.utc) }
    if published.utc < Self.implausiblyOld {
      // Published all the same; most likely a format mix-up ("20261127" read as Unix seconds).
      warn("published_at", .noted, .dateImplausible, "\(Self.quoted(publishedText)) is before 1995; is the date right?")
    }
    var updated = published
    if let updatedText = row.updatedAt, !Whitespace.trimmed(Substring(updatedText)).isEmpty {
      if let u = parser.parse(updatedText) {
        if u.utc - Self.updatedAtSkewSeconds > now {
          // The feed's <updated> and <lastBuildDate> are the newest item's: one far-future
          // date would stand there for years. (No "now" in the message: issues are cached.)
          warn("updated_at", .repaired, .updatedInFuture, "\(Self.quoted(updatedText)) is in the future; published_at is used (is the CMS clock right?)")
        } else if u.utc >= published.utc {
          updated = u
        } else {
          // Routine, not damage: a post written the evening before and scheduled for the
          // morning was last saved before it went out.
          note("updated_at", "is earlier than published_at; published_at is used")
        }
      } else {
        warn("updated_at", .repaired, .updatedInvalid, "\(Self.quoted(updatedText)) is not a date; published_at is used")
      }
    }

    guard let title = text("title", row.title, max: limits.titleCharacters) else {
      warn("title", .leftOut, .titleMissing, "is empty; left out")
      return .leftOut
    }

    // The primary category first, then the linked ones in tree order; `{category}` in the
    // permalink is the first of them.
    let memberships = tree.memberships(primary: row.categoryID, linked: row.linkedCategoryIDs)
    let category = memberships.first
    guard let linkAddress = self.link(row, title: title, category: category, report: report)
    else {
      warn("url", .leftOut, .linkMissing, "no absolute http(s) link can be made; left out")
      return .leftOut
    }
    let link = linkAddress.description

    var summary = text("summary", row.summary, max: limits.summaryCharacters)
    var content: String?
    if let raw = row.contentHTML, !Whitespace.trimmed(Substring(raw)).isEmpty {
      let entry = sanitizedContent(raw, id: id, base: linkAddress)
      for line in entry.warnings { warn("content_html", .repaired, .contentRepaired, line) }
      for line in entry.notes { note("content_html", line) }
      if !entry.html.isEmpty { content = entry.html }
      if summary == nil, !entry.text.isEmpty {
        summary = TextCleaner.truncatedIfLonger(entry.text, maxCharacters: limits.derivedSummaryCharacters)
      }
      if let legacy = LegacyEncoding.detect(entry.text) {
        warn("content_html", .noted, .legacyEncoding, "looks like \(legacy.rawValue) (legacy Vietnamese encoding) text shown as Unicode; fix it in the CMS")
      }
    }
    if summary == nil && content == nil {
      // A bare headline: readers and validators expect some text, so the title stands in.
      summary = title
    }
    if content == nil, let summary { content = HTMLText.paragraph(summary) }

    let byline = Byline.parse(text("author", row.author, max: limits.bylineCharacters) ?? "")

    var categories: [String] = []
    // Each label folded once (Unicode lower case costs about 9,000 instructions for a
    // Vietnamese label; a category's name is folded once per run): folded → the first
    // spelling kept.
    var spellings: [String: String] = [:]
    for node in memberships {
      let folded = node.foldedName
      if spellings[folded] == nil {
        spellings[folded] = node.name
        categories.append(node.name)
      }
    }
    if let tags = text("tags", row.tags, max: limits.tagsCharacters) {
      // A reader lists categories and tags together, and shows "Du lịch" and "du lịch" as two
      // labels for one thing: a tag equal to the category name or an earlier tag but for case
      // is left out (the first spelling is kept, the category's own first), and noted.
      var repeated: [String] = []
      // Split at every comma byte (a comma is one byte and never inside another character's
      // bytes); String's Character-wise split cost 27,000 instructions a row.
      for tag in tags.utf8.split(separator: UInt8(ascii: ",")) {
        let t = Whitespace.collapsed(String(Substring(tag)))
        guard !t.isEmpty else { continue }
        let folded = t.lowercased()
        if let same = spellings[folded] {
          if same != t { repeated.append(Self.quoted(t)) }
        } else {
          spellings[folded] = t
          categories.append(t)
        }
      }
      if !repeated.isEmpty {
        note("tags", "left out \(repeated.joined(separator: ", ")): the same as the category or an earlier tag but for case")
      }
    }

    var image: FeedImage?
    if let raw = XMLText.sanitized(row.imageURL ?? "").text.nilIfBlank {
      if let url = WebAddress.resolve(raw, against: linkAddress) {
        image = FeedImage(
          url: url.description, mimeType: FeedImage.mimeType(forURL: url.path),
          caption: text("image_caption", row.imageCaption, max: limits.captionCharacters))
      } else {
        warn("image_url", .repaired, .imageDropped, "\(Self.quoted(raw)) is not an http(s) URL; image left out")
      }
    }

    return .item(
      FeedItem(
        articleID: id, categoryID: row.categoryID, guid: idPrefix + "article:\(id)", title: title,
        link: link, summary: summary, contentHTML: content, authors: byline.names,
        categories: categories, published: published, updated: updated, image: image,
        byline: byline.text))
  }

  /// What sanitizing one article's content gave, with its report lines.
  package struct SanitizedContent {
    package var html: String
    package var text: String
    package var warnings: [String]
    package var notes: [String]
  }

  /// The sanitized content of one article (also what `loa-bench sanitize` measures).
  package func sanitizedContent(_ raw: String, id: Int64, base: WebAddress) -> SanitizedContent {
    var warnings: [String] = []
    var notes: [String] = []
    var html = raw
    // Most bodies need none of the three steps below: one byte scan tells (the same answers
    // as the three checks; NormalizationFastPathTests).
    if !html.withUTF8({ Unicode.hasCleanStartersOnly($0) }) {
      let (sanitized, removed) = XMLText.sanitized(html)
      if removed > 0 {
        warnings.append("removed \(removed) character\(removed == 1 ? "" : "s") XML does not allow")
        html = sanitized
      }
      if let fixed = TextCleaner.repairedC1Controls(html) {
        warnings.append("replaced C1 control characters (Windows-1252 text read as Latin-1)")
        html = fixed
      }
      if !TextCleaner.isNFC(html) {
        html = Unicode.composed(html)
        notes.append("normalized to Unicode NFC")
      }
    }
    var result = HTMLSanitizer(
      base: base, maxBytes: limits.contentBytes, readMoreText: readMoreText
    ).sanitize(html)
    // Numeric references (`Vie&#x302;&#x323;t`) are decoded by the parser, after the NFC step.
    // Skipped where the sanitizer's own scan of the bytes found them NFC already.
    if !result.htmlIsNFC { result.html = TextCleaner.nfc(result.html) }
    if !result.textIsNFC { result.text = TextCleaner.nfc(result.text) }
    // An embed (a YouTube iframe) turned into a link is ordinary content: a note.
    var damage = result.changes
    damage.replacedElements = []
    if !damage.isEmpty { warnings.append(damage.summary) }
    if !result.changes.replacedElements.isEmpty {
      var embeds = HTMLSanitizer.Changes()
      embeds.replacedElements = result.changes.replacedElements
      notes.append(embeds.summary)
    }
    if result.changes.removedAttributes > 0 {
      notes.append("removed \(result.changes.removedAttributes) attribute\(result.changes.removedAttributes == 1 ? "" : "s") outside the allowlist (style, class, event handlers…)")
    }
    if result.changes.flattenedLevels > 0 {
      // A note: the text is all there, only nesting nobody could see is gone.
      notes.append("flattened \(result.changes.flattenedLevels) level\(result.changes.flattenedLevels == 1 ? "" : "s") of nesting deeper than \(HTMLSanitizer.maxNestingDepth) elements; all text kept")
    }
    return SanitizedContent(html: result.html, text: result.text, warnings: warnings, notes: notes)
  }

  /// The article's absolute link: its `url` resolved against the site, or the permalink
  /// template.
  func link(_ row: ArticleRow, title: String, category: CategoryTree.Node?, report: RunReport)
    -> WebAddress?
  {
    if let raw = XMLText.sanitized(row.url ?? "").text.nilIfBlank {
      if let u = WebAddress.resolve(raw, against: site) { return u }
      report.add(.init(.warning, .repaired, .linkReplaced, article: row.id, field: "url", "\(Self.quoted(raw)) is not an http(s) URL; the permalink template is used"))
    }
    let column = TextCleaner.clean(row.slug).text ?? ""
    // Without {id} in the template (WordPress /%postname%/) the slug is the key the CMS finds
    // the page by, so a path-safe one is kept exactly (`bai_viet`, `%e1%bb%8b`).
    let keyedBySlug = self.keyedBySlug
    // Vietnamese-aware, and path-safe whatever the column holds ("../../etc" → "etc").
    var slug = keyedBySlug ? Self.routableSlug(column) ?? Slug.make(column) : Slug.make(column)
    if slug.isEmpty {
      slug = Slug.make(title)
      if slug.isEmpty { slug = "bai-viet" }
      // A slug made from the title could be another article's: the id keeps the URL its own.
      if keyedBySlug { slug += "-\(row.id)" }
    }
    let path = Template.fill(
      permalink, ["id": String(row.id), "slug": slug, "category": category?.slug ?? ""])
    return WebAddress.resolve(Template.collapsingEmptySegments(path), against: site)
  }

  /// `slug` as it is when it is one path segment of URL-safe characters (RFC 3986 unreserved,
  /// or `%` escapes as WordPress writes non-ASCII slugs), nil otherwise.
  static func routableSlug(_ slug: String) -> String? {
    let bytes = Array(slug.utf8)
    guard !bytes.isEmpty, bytes.count <= 400, slug != ".", slug != ".." else { return nil }
    func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    func isHex(_ i: Int) -> Bool {
      i < bytes.count && (isDigit(bytes[i]) || "abcdefABCDEF".utf8.contains(bytes[i]))
    }
    for (i, b) in bytes.enumerated() {
      if b == 0x25 {  // "%" starts an escape of two hex digits
        guard isHex(i + 1), isHex(i + 2) else { return nil }
      } else if !(WebAddress.isAlpha(b) || isDigit(b) || "-_.~".utf8.contains(b)) {
        return nil
      }
    }
    return slug
  }

  /// 1995-01-01T00:00:00Z: no news portal article is older (the W3C validator's
  /// `ImplausibleDate` has the same idea).
  static let implausiblyOld: Int64 = 788_918_400

  /// A value quoted for a one-line message, shortened to 60 characters.
  static func quoted(_ s: String) -> String {
    let short = s.count > 60 ? String(s.prefix(57)) + "…" : s
    return "\"" + Logger.oneLine(short) + "\""
  }
}

extension String {
  /// Nil when empty or only white space.
  var nilIfBlank: String? {
    Whitespace.trimmed(Substring(self)).isEmpty ? nil : self
  }
}

/// `{name}` placeholders.
enum Template {
  /// Collapses `//` left by an empty placeholder (`/{category}/x` without a category) in the
  /// path of a filled template, keeping the `//` after a scheme.
  static func collapsingEmptySegments(_ s: String) -> String {
    // ASCII (every template and slug loa makes): the same walk over bytes, where a byte is a
    // character; the walk over characters below cost 50,000 instructions an article.
    if s.utf8.allSatisfy({ $0 < 0x80 }) {
      let b = Array(s.utf8)
      var out: [UInt8] = []
      out.reserveCapacity(b.count)
      var start = 0
      if let scheme = (0..<max(0, b.count - 2)).first(where: {
        b[$0] == UInt8(ascii: ":") && b[$0 + 1] == UInt8(ascii: "/") && b[$0 + 2] == UInt8(ascii: "/")
      }) {
        start = b[(scheme + 3)...].firstIndex(of: UInt8(ascii: "/")) ?? b.count
        out.append(contentsOf: b[..<start])
      }
      var previousSlash = false
      for c in b[start...] {
        if c == UInt8(ascii: "/") && previousSlash { continue }
        previousSlash = c == UInt8(ascii: "/")
        out.append(c)
      }
      return String(decoding: out, as: UTF8.self)
    }
    return collapsingEmptySegmentsByCharacter(s)
  }

  /// ``collapsingEmptySegments(_:)`` over characters, for text that is not ASCII.
  static func collapsingEmptySegmentsByCharacter(_ s: String) -> String {
    var prefix = ""
    var rest = Substring(s)
    if let r = s.firstOccurrence(of: "://") {
      let afterAuthority = s[r.upperBound...].firstIndex(of: "/") ?? s.endIndex
      prefix = String(s[..<afterAuthority])
      rest = s[afterAuthority...]
    }
    var out = ""
    var previousSlash = false
    for c in rest {
      if c == "/" && previousSlash { continue }
      previousSlash = c == "/"
      out.append(c)
    }
    return prefix + out
  }

  static func fill(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else {
        out += rest[open...]
        return out
      }
      let name = String(rest[rest.index(after: open)..<close])
      if let v = values[name] { out += v } else { out += rest[open...close] }
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }
}
