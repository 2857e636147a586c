import CLibXML2
import LoaCore
import LoaXML

/// One feed as listed on the human-facing index page and in the autodiscovery snippet.
package struct FeedIndexEntry: Sendable {
  /// One format of the feed.
  package struct Link: Sendable {
    package var format: FeedFormat
    /// Absolute URL of the feed file.
    package var url: String

    package init(format: FeedFormat, url: String) {
      self.format = format
      self.url = url
    }
  }

  /// One of the newest items, shown under the feed.
  package struct Headline: Sendable {
    package var title: String
    /// Absolute URL of the article.
    package var link: String
    /// Shown as `dd/MM/yyyy HH:mm` in its own offset.
    package var published: Timestamp

    package init(title: String, link: String, published: Timestamp) {
      self.title = title
      self.link = link
      self.published = published
    }
  }

  /// The feed's own title, as readers show it (`Thời sự – Phường Bãi Cháy`): the `title` of
  /// autodiscovery links.
  package var title: String
  /// A shorter name for the page's heading, where the context is clear (`Thời sự`); nil shows
  /// ``title``.
  package var shortTitle: String?
  /// Plain text; not shown when empty or the same as the title.
  package var description: String
  /// Absolute URL of the HTML page the feed mirrors.
  package var homePageURL: String
  /// Nesting level: 0 for the site, 1 for a top-level category, 2 for a sub-category, and so
  /// on.
  package var depth: Int
  /// In the configured format order.
  package var links: [Link]
  /// Newest first; only the first ``FeedIndexRenderer/headlineLimit`` are shown.
  package var newest: [Headline]

  package init(
    title: String, shortTitle: String? = nil, description: String, homePageURL: String,
    depth: Int, links: [Link], newest: [Headline]
  ) {
    self.title = title
    self.shortTitle = shortTitle
    self.description = description
    self.homePageURL = homePageURL
    self.depth = depth
    self.links = links
    self.newest = newest
  }
}

/// Renders the two human-facing files written next to the feeds.
///
/// - `index.html`: a standalone Vietnamese page (no script, no external resource) explaining
///   feeds and how to subscribe, then one section per feed with its subscribe links and its
///   newest items; sub-categories are nested inside their parent's section.
/// - `head-links.html`: the autodiscovery `<link rel="alternate">` lines (RSS Autodiscovery,
///   RFC 4287 §7.1's media type, JSON Feed 1.1 "Discovery") a portal pastes into its `<head>`.
///
/// Both are built as a libxml2 HTML tree and serialized by `htmlDocContentDumpFormatOutput`,
/// so every text and attribute value is escaped by libxml2. Output depends only on the
/// arguments: the date shown is `updated`, never the time of the run.
package enum FeedIndexRenderer {
  /// How many of a feed's newest items the page lists.
  package static let headlineLimit = 3

  /// The `index.html` page.
  ///
  /// - Parameters:
  ///   - site: title, home page and generator shown in the header and footer.
  ///   - entries: site feed first (depth 0), then categories in tree order (preorder).
  ///   - updated: shown as "Cập nhật lúc …"; pass the site feed's `updated`.
  /// - Returns: UTF-8 bytes ending with a newline.
  /// - Throws: ``XMLWriterError`` naming the libxml2 call that failed.
  package static func indexPage(site: SiteInfo, entries: [FeedIndexEntry], updated: Timestamp)
    throws -> [UInt8]
  {
    let tree = try HTMLTree()
    let html = try tree.root(.html, [.lang: "vi"])
    let siteTitle = clean(site.title)

    let head = try tree.element(.head, in: html)
    try tree.element(.meta, in: head, [.charset: "utf-8"])
    try tree.element(
      .meta, in: head, [.name: "viewport", .content: "width=device-width, initial-scale=1"])
    try tree.element(.title, in: head, text: "Kênh tin RSS – " + siteTitle)
    try tree.element(
      .meta, in: head,
      [.name: "description", .content: "Đăng ký nhận tin mới của " + siteTitle + " qua RSS."])
    try tree.element(.meta, in: head, [.name: "generator", .content: clean(site.generator)])
    for entry in entries where entry.depth == 0 {
      try autodiscoveryLinks(entry, in: head, tree)
    }
    try tree.element(.style, in: head, text: stylesheet)

    let body = try tree.element(.body, in: html)
    let header = try tree.element(.header, in: body, [.class: "page-header"])
    let kicker = try tree.element(.p, in: header, [.class: "kicker"])
    try tree.element(.a, in: kicker, [.href: site.homePageURL], text: siteTitle)
    try tree.element(.h1, in: header, text: "Kênh tin RSS")
    try tree.element(
      .p, in: header, [.class: "lead"],
      text: site.isRollUp
        ? "Nhận bài viết mới ngay khi được đăng, không cần thường xuyên vào trang: đăng ký"
          + " kênh tin chung của các phường, xã hoặc của từng phường, xã bằng một ứng dụng đọc tin."
        : "Nhận bài viết mới ngay khi được đăng, không cần thường xuyên vào trang: đăng ký"
          + " kênh tin của cả trang hoặc của từng chuyên mục bằng một ứng dụng đọc tin.")

    let main = try tree.element(.main, in: body)
    try guide(formats: formatsInUse(entries), rollUp: site.isRollUp, in: main, tree)
    try feedSections(entries, rollUp: site.isRollUp, in: main, tree)

    let footer = try tree.element(.footer, in: body, [.class: "page-footer"])
    let stamp = try tree.element(.p, in: footer)
    try tree.text("Cập nhật lúc ", in: stamp)
    try time(updated, in: stamp, tree)
    let owner = try tree.element(.p, in: footer)
    try tree.element(.a, in: owner, [.href: site.homePageURL], text: siteTitle)
    if let copyright = site.copyright.map(clean), !copyright.isEmpty {
      try tree.text(" · " + copyright, in: owner)
    }
    try tree.text(" · Tạo bởi " + clean(site.generator), in: owner)

    tree.indent(html, level: 0)
    return try tree.documentBytes()
  }

  /// The `head-links.html` snippet: one `<link rel="alternate">` per feed and format, in the
  /// order given (site first), one per line, ending with a newline.
  ///
  /// Each `title` is the feed's title with its format, `Phường Bãi Cháy (Atom 1.0)`, so the
  /// three formats of one feed stay apart in a browser extension's or reader's list.
  ///
  /// - Throws: ``XMLWriterError`` naming the libxml2 call that failed.
  package static func headLinks(entries: [FeedIndexEntry]) throws -> [UInt8] {
    let tree = try HTMLTree()
    let head = try tree.root(.head)
    for entry in entries {
      try autodiscoveryLinks(entry, in: head, tree)
    }
    var node = head.pointee.children
    while let link = node {
      node = link.pointee.next
      // A text node (not string concatenation) ends each line, so libxml2 writes it all.
      try tree.insert(try tree.makeText("\n"), after: link)
    }
    return try tree.childrenBytes(of: head)
  }

  /// `dd/MM/yyyy HH:mm` in the timestamp's own offset, as Vietnamese pages write dates
  /// (`20/11/2026 08:00`).
  package static func displayDate(_ t: Timestamp) -> String {
    let f = DateFormats.fields(t)
    func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let year = String(max(0, min(9999, f.y)))
    return two(f.d) + "/" + two(f.mo) + "/" + String(repeating: "0", count: 4 - year.count)
      + year + " " + two(f.h) + ":" + two(f.mi)
  }

  // MARK: - Page parts

  /// The `<link rel="alternate">` lines of one feed.
  private static func autodiscoveryLinks(
    _ entry: FeedIndexEntry, in parent: xmlNodePtr, _ tree: HTMLTree
  ) throws {
    let title = clean(entry.title)
    for link in entry.links {
      try tree.element(
        .link, in: parent,
        [
          .rel: "alternate", .type: link.format.mediaType,
          .title: title + " (" + link.format.displayName + ")", .href: link.url,
        ])
    }
  }

  /// The formats any feed offers, in the order they first appear.
  private static func formatsInUse(_ entries: [FeedIndexEntry]) -> [FeedFormat] {
    var formats: [FeedFormat] = []
    for entry in entries {
      for link in entry.links where !formats.contains(link.format) {
        formats.append(link.format)
      }
    }
    return formats
  }

  /// What feeds are and how to subscribe.
  private static func guide(formats: [FeedFormat], rollUp: Bool = false, in main: xmlNodePtr, _ tree: HTMLTree)
    throws
  {
    let section = try tree.element(.section, in: main, [.class: "guide"])
    try tree.element(.h2, in: section, text: "RSS là gì?")
    try tree.element(
      .p, in: section,
      text: "RSS, Atom và JSON Feed là các định dạng kênh tin: một tệp luôn liệt kê những bài"
        + " viết mới nhất của trang. Ứng dụng đọc tin tự kiểm tra tệp này và báo cho bạn khi có"
        + " bài mới, nên bạn theo dõi được nhiều trang ở cùng một nơi, không bỏ lỡ tin nào.")
    try tree.element(.h2, in: section, text: "Cách đăng ký")
    let steps = try tree.element(.ol, in: section, [.class: "steps"])
    try tree.element(
      .li, in: steps,
      text: rollUp
        ? "Chọn kênh tin: tin mới của tất cả các phường, xã, hoặc chỉ phường, xã bạn quan tâm."
        : "Chọn kênh tin: toàn bộ tin bài của trang, hoặc chỉ chuyên mục bạn quan tâm.")
    try tree.element(
      .li, in: steps, text: "Sao chép địa chỉ kênh tin, ghi ngay bên cạnh tên định dạng.")
    let paste = try tree.element(.li, in: steps)
    try tree.text("Dán địa chỉ vào ứng dụng đọc tin như ", in: paste)
    try tree.element(.strong, in: paste, text: "Feedly")
    try tree.text(" hoặc ", in: paste)
    try tree.element(.strong, in: paste, text: "Inoreader")
    try tree.text(" (mục “Thêm nguồn tin”, “Follow” hay “Add feed”).", in: paste)

    guard !formats.isEmpty else { return }
    try tree.element(
      .p, in: section,
      text: formats.count == 1
        ? "Kênh tin có định dạng:"
        : "Các định dạng có cùng nội dung, chọn định dạng nào cũng được:")
    let list = try tree.element(.dl, in: section, [.class: "formats-guide"])
    for format in formats {
      try tree.element(.dt, in: list, text: format.displayName)
      try tree.element(.dd, in: list, text: explanation(format))
    }
  }

  private static func explanation(_ format: FeedFormat) -> String {
    switch format {
    case .rss:
      return "Phổ biến nhất, mọi ứng dụng đọc tin đều hỗ trợ. Nếu chưa biết chọn gì, hãy dùng"
        + " định dạng này."
    case .atom: return "Định dạng theo tiêu chuẩn quốc tế RFC 4287 của IETF."
    case .json: return "Dạng JSON, tiện cho lập trình viên và các ứng dụng mới."
    }
  }

  /// One section per feed: the site's at the top, then the categories under their own
  /// heading, each sub-category nested inside its parent's section.
  private static func feedSections(
    _ entries: [FeedIndexEntry], rollUp: Bool = false, in main: xmlNodePtr, _ tree: HTMLTree
  ) throws {
    var categories: xmlNodePtr?
    // Open category sections, outermost first, with the depth they were given.
    var open: [(depth: Int, node: xmlNodePtr)] = []
    for entry in entries {
      if entry.depth <= 0 {
        open = []
        try feedSection(entry, level: 0, in: main, tree)
        continue
      }
      let container: xmlNodePtr
      if let categories {
        container = categories
      } else {
        let c = try tree.element(.section, in: main, [.class: "categories"])
        // A platform's page lists its sites (wards, communes) where a site's lists categories.
        try tree.element(.h2, in: c, text: rollUp ? "Theo phường, xã" : "Theo chuyên mục")
        categories = c
        container = c
      }
      while let last = open.last, last.depth >= entry.depth { open.removeLast() }
      // A depth that skips a level still nests only one step deeper than its parent.
      let section = try feedSection(
        entry, level: open.count + 1, in: open.last?.node ?? container, tree)
      open.append((entry.depth, section))
    }
  }

  /// One feed's section.
  ///
  /// `level` 0 is the site, 1 a top-level category, and so on.
  @discardableResult
  private static func feedSection(
    _ entry: FeedIndexEntry, level: Int, in parent: xmlNodePtr, _ tree: HTMLTree
  ) throws -> xmlNodePtr {
    let section = try tree.element(
      .section, in: parent,
      [.class: level == 0 ? "feed feed-site" : level == 1 ? "feed" : "feed feed-sub"])
    let title = clean(entry.shortTitle ?? entry.title)
    let heading = try tree.element(.heading(min(6, level + 2)), in: section)
    try tree.element(.a, in: heading, [.href: entry.homePageURL], text: title)
    let description = clean(entry.description)
    if !description.isEmpty && description != title && description != clean(entry.title) {
      try tree.element(.p, in: section, [.class: "description"], text: description)
    }

    if !entry.links.isEmpty {
      let list = try tree.element(
        .ul, in: section, [.class: "subscribe", .ariaLabel: "Địa chỉ đăng ký"])
      for link in entry.links {
        let item = try tree.element(.li, in: list)
        try tree.element(
          .a, in: item,
          [
            .class: "format format-" + link.format.rawValue, .href: link.url,
            .type: link.format.mediaType,
          ], text: link.format.displayName)
        try tree.text(" ", in: item)
        try tree.element(.code, in: item, [.translate: "no"], text: link.url)
      }
    }

    let headlines = entry.newest.prefix(headlineLimit)
    if headlines.isEmpty {
      try tree.element(.p, in: section, [.class: "empty"], text: "Chưa có bài viết.")
    } else {
      try tree.element(.p, in: section, [.class: "latest-label"], text: "Bài mới nhất")
      let list = try tree.element(.ul, in: section, [.class: "latest"])
      for headline in headlines {
        let item = try tree.element(.li, in: list)
        try tree.element(.a, in: item, [.href: headline.link], text: clean(headline.title))
        try tree.text(" ", in: item)
        try time(headline.published, in: item, tree)
      }
    }
    return section
  }

  /// `<time datetime="2026-11-20T08:00:00+07:00">20/11/2026 08:00</time>`.
  private static func time(_ t: Timestamp, in parent: xmlNodePtr, _ tree: HTMLTree) throws {
    try tree.element(.time, in: parent, [.datetime: DateFormats.rfc3339(t)], text: displayDate(t))
  }

  /// Text for the page: without characters XML forbids (validation removed them already;
  /// this keeps the page sound even if a caller skipped it), on one line.
  private static func clean(_ s: String) -> String {
    Whitespace.collapsed(XMLText.sanitized(s).text)
  }

  // MARK: - Style

  /// The page's only style sheet, on lines of its own inside `<style>`.
  ///
  /// libxml2 writes the content of `<style>` as raw text, unescaped, so it must never contain
  /// `</style`: it is a constant.
  static let stylesheet = "\n" + css + "\n  "

  private static let css = """
        :root {
          color-scheme: light dark;
          --bg: #f4f5f7; --card: #fff; --text: #1c2430; --muted: #5b6675; --line: #e1e5ea;
          --accent: #b3261e; --link: #0b57a4; --code-bg: #f1f3f6;
          --guide-bg: #eef3f9; --guide-line: #d5e1ee;
          --rss: #c45500; --atom: #2e7d32; --json: #5e35b1;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #14171c; --card: #1d2128; --text: #e6e9ee; --muted: #a3acb9; --line: #323844;
            --accent: #ff8a80; --link: #8ab4f8; --code-bg: #262b33;
            --guide-bg: #1a2230; --guide-line: #2c3a4f;
            --rss: #ffab70; --atom: #81c995; --json: #c5a3ff;
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--bg); color: var(--text);
          font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
            "Helvetica Neue", Arial, sans-serif;
        }
        a { color: var(--link); text-underline-offset: 0.15em; }
        a:hover { text-decoration-thickness: 2px; }
        .page-header, main, .page-footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
        .page-header { padding-top: 2.5rem; padding-bottom: 1.5rem; }
        .kicker { margin: 0; font-size: 0.95rem; font-weight: 600; }
        .kicker a { color: var(--accent); text-decoration: none; }
        h1 { margin: 0.2rem 0 0.6rem; font-size: 2.1rem; line-height: 1.25; }
        .lead { margin: 0; color: var(--muted); font-size: 1.06rem; }
        h2, h3, h4, h5, h6 { line-height: 1.35; margin: 0 0 0.35rem; }
        section { margin: 0 0 1.25rem; }
        .guide, .feed-site, .categories > .feed {
          background: var(--card); border: 1px solid var(--line); border-radius: 12px;
          padding: 1.25rem 1.5rem;
        }
        .guide {
          background: var(--guide-bg); border-color: var(--guide-line); font-size: 0.95rem;
        }
        .guide h2 { font-size: 1.05rem; }
        .guide p { margin: 0 0 0.9rem; }
        .steps { margin: 0 0 0.9rem; padding-left: 1.4rem; }
        .steps li { margin: 0.15rem 0; }
        .formats-guide {
          display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0;
        }
        .formats-guide dt { font-weight: 600; }
        .formats-guide dd { margin: 0; color: var(--muted); }
        .feed-site { border-top: 4px solid var(--accent); }
        .categories > h2 { font-size: 1.35rem; margin: 2rem 0 0.9rem; }
        .feed h2, .feed h3 { font-size: 1.3rem; }
        .feed h4, .feed h5, .feed h6 { font-size: 1.1rem; }
        .feed :is(h2, h3, h4, h5, h6) a { color: inherit; text-decoration: none; }
        .feed :is(h2, h3, h4, h5, h6) a:hover { color: var(--link); text-decoration: underline; }
        .feed .feed {
          margin: 1.25rem 0 0; padding: 1rem 0 0 1.1rem; border-left: 3px solid var(--line);
        }
        .description { margin: 0; color: var(--muted); }
        .subscribe { list-style: none; margin: 0.7rem 0 0.9rem; padding: 0; }
        .subscribe li {
          display: flex; align-items: baseline; gap: 0.6rem; margin: 0.3rem 0; min-width: 0;
        }
        .format {
          flex: none; width: 8.4rem; padding: 0.05rem 0.5rem; border-radius: 6px;
          border: 1px solid currentColor; font-size: 0.85rem; font-weight: 600;
          text-align: center; text-decoration: none;
        }
        .format:hover { text-decoration: underline; }
        .format-rss { color: var(--rss); }
        .format-atom { color: var(--atom); }
        .format-json { color: var(--json); }
        code {
          min-width: 0; padding: 0.1rem 0.4rem; border-radius: 5px; background: var(--code-bg);
          font: 0.85rem/1.5 ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
          word-break: break-all; user-select: all; -webkit-user-select: all;
        }
        .latest-label {
          margin: 0 0 0.2rem; color: var(--muted); font-size: 0.8rem; font-weight: 600;
          letter-spacing: 0.04em; text-transform: uppercase;
        }
        .latest { list-style: none; margin: 0; padding: 0; }
        .latest li { padding: 0.4rem 0; border-top: 1px solid var(--line); }
        .latest li:first-child { border-top: 0; }
        .latest a { color: var(--text); text-decoration: none; font-weight: 500; }
        .latest a:hover { color: var(--link); text-decoration: underline; }
        .latest time { display: block; color: var(--muted); font-size: 0.85rem; }
        .empty { margin: 0; color: var(--muted); font-style: italic; }
        .page-footer {
          padding-top: 1rem; padding-bottom: 2.5rem; color: var(--muted); font-size: 0.9rem;
        }
        .page-footer p { margin: 0.2rem 0; }
        .page-footer a { color: inherit; }
        @media (max-width: 600px) {
          body { font-size: 16px; }
          .page-header { padding-top: 1.5rem; }
          h1 { font-size: 1.7rem; }
          .guide, .feed-site, .categories > .feed { padding: 1rem; border-radius: 10px; }
          .subscribe li { flex-direction: column; gap: 0.15rem; margin: 0.55rem 0; }
          .format { width: auto; }
          code { display: block; padding: 0.25rem 0.5rem; font-size: 0.8rem; }
          .feed .feed { padding-left: 0.8rem; }
          .formats-guide { grid-template-columns: 1fr; gap: 0; }
          .formats-guide dd { margin-bottom: 0.4rem; }
        }
    """
}

// MARK: - libxml2 HTML tree

/// Element names the renderer writes.
private enum HTMLElement: String {
  case html, head, meta, title, link, style, body, header, main, section, footer
  case h1, h2, h3, h4, h5, h6, p, a, ul, ol, li, dl, dt, dd, strong, code, time

  /// `h1` … `h6`.
  static func heading(_ level: Int) -> HTMLElement {
    [.h1, .h2, .h3, .h4, .h5, .h6][max(1, min(6, level)) - 1]
  }

  /// Containers of elements only, whose children go on lines of their own.
  ///
  /// ``HTMLTree/indent(_:level:)`` adds that white space, which browsers do not render here.
  static let blocks: Set<String> = [
    "html", "head", "body", "header", "main", "section", "footer", "ul", "ol", "dl",
  ]
}

/// Attribute names the renderer writes.
private enum HTMLAttribute: String {
  case lang, charset, name, content, rel, type, title, href, `class`, datetime, translate
  case ariaLabel = "aria-label"
}

/// Builds one page as a libxml2 HTML tree with the page's element and attribute names.
///
/// The tree lives in an ``HTMLDocument`` (created empty, freed with this object); nodes created
/// here belong to the document once added to it.
private final class HTMLTree {
  private let document: HTMLDocument
  var doc: htmlDocPtr { document.pointer }

  init() throws {
    // The HTML5 doctype is added later (``root(_:_:)``) as an internal subset with neither
    // identifier, which htmlDtdDumpOutput writes as `<!DOCTYPE html>`.
    document = try HTMLDocument.empty()
  }

  /// Creates the root element and the `<!DOCTYPE html>` before it.
  func root(_ element: HTMLElement, _ attributes: KeyValuePairs<HTMLAttribute, String> = [:])
    throws -> xmlNodePtr
  {
    if element == .html && xmlCreateIntSubset(doc, "html", nil, nil) == nil {
      throw XMLWriterError(function: "xmlCreateIntSubset")
    }
    let node = try make(element, attributes)
    document.setRoot(node)
    return node
  }

  /// Appends `<element attributes…>text</element>` to `parent`.
  @discardableResult
  func element(
    _ element: HTMLElement, in parent: xmlNodePtr,
    _ attributes: KeyValuePairs<HTMLAttribute, String> = [:], text: String? = nil
  ) throws -> xmlNodePtr {
    let node = try make(element, attributes)
    try append(node, to: parent)
    if let text { try self.text(text, in: node) }
    return node
  }

  /// Appends a text node.
  ///
  /// libxml2 escapes it when serializing (`<style>` and `<script>` content excepted).
  func text(_ value: String, in parent: xmlNodePtr) throws {
    try append(try makeText(value), to: parent)
  }

  /// A new, unattached text node (``HTMLDocument/newText(_:)``: no entity parsing).
  func makeText(_ value: String) throws -> xmlNodePtr {
    try document.newText(value)
  }

  private func make(_ element: HTMLElement, _ attributes: KeyValuePairs<HTMLAttribute, String>)
    throws -> xmlNodePtr
  {
    let node = try document.newElement(element.rawValue)
    for (name, value) in attributes {
      do {
        try document.setAttribute(name.rawValue, value, on: node)
      } catch {
        xmlFreeNode(node)
        throw error
      }
    }
    return node
  }

  /// Inserts `node` right after `sibling`.
  func insert(_ node: xmlNodePtr, after sibling: xmlNodePtr) throws {
    try document.insert(node, after: sibling)
  }

  private func append(_ node: xmlNodePtr, to parent: xmlNodePtr) throws {
    try document.append(node, to: parent)
  }

  /// Puts the children of block containers on lines of their own.
  ///
  /// Indents two spaces per level (the children of `<html>` stay at its level). Only
  /// containers whose children are all elements are touched, so no rendered text changes.
  /// White space it cannot allocate is left out: the page is then less tidy but the same.
  func indent(_ node: xmlNodePtr, level: Int) {
    let name = node.pointee.name.map { String(cString: $0) } ?? ""
    guard HTMLElement.blocks.contains(name) else { return }
    var children: [xmlNodePtr] = []
    var child = node.pointee.children
    while let c = child {
      guard c.pointee.type == XML_ELEMENT_NODE else { return }
      children.append(c)
      child = c.pointee.next
    }
    guard !children.isEmpty else { return }
    let inner = name == "html" ? level : level + 1
    for c in children {
      if let space = xmlNewDocText(doc, "\n" + String(repeating: "  ", count: inner)) {
        xmlAddPrevSibling(c, space)
      }
      indent(c, level: inner)
    }
    if let space = xmlNewDocText(doc, "\n" + String(repeating: "  ", count: level)) {
      xmlAddChild(node, space)
    }
  }

  /// The whole document: `<!DOCTYPE html>`, the tree, a final newline.
  func documentBytes() throws -> [UInt8] {
    var bytes = try document.documentBytes()
    if bytes.last != 0x0A { bytes.append(0x0A) }
    return bytes
  }

  /// The children of `node`, without `node` itself.
  func childrenBytes(of node: xmlNodePtr) throws -> [UInt8] {
    try document.childrenBytes(of: node)
  }
}
