/// The synthetic province platform of issue 15 (docs/multisite.md): S ward and commune portals
/// in one database, each with M categories and A articles written by the single-site
/// generator (``Corpus``), then numbered into the platform's global id space.
///
/// - sites 1…S: "Phường …" (about one in five), "Đặc khu …" (13 of 3,321) or "Xã …", names of
///   two place-name syllables, slugs unique (`-2`, `-3` … when a name repeats, as real names
///   do across provinces), codes of five digits rising with the id, url
///   `https://<slug>.example.org/`, a location inside Vietnam (weather), language and time
///   zone NULL (the configuration's);
/// - site s's categories are ids (s-1)·M+1 … s·M: the same tree and slugs on every site (slugs
///   repeat across sites, unique within one), descriptions naming the site;
/// - site s's articles are ids (s-1)·A+1 … s·A: row k is the single-site generator's row k of a
///   corpus of A articles seeded per site, so every site has its own titles and dates over the
///   same three years, and its own hostile, draft, scheduled and uncategorized rows.
///
/// Deterministic: the same S, A, M and seed give the same rows; nothing depends on the rows
/// generated before (a site is generated from its own seed), so it streams in constant memory.
struct PlatformCorpus {
  let sites: Int
  let articlesPerSite: Int
  let categoriesPerSite: Int
  let seed: UInt64

  struct Site {
    var id: Int64
    var code: String
    var slug: String
    var name: String
    var url: String
    var latitude: Double
    var longitude: Double
  }

  /// Syllables of Vietnamese place names (ward and commune names are mostly two of them).
  static let syllables = [
    "An", "Bình", "Phú", "Tân", "Hòa", "Long", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Hưng",
    "Thành", "Lộc", "Phước", "Thuận", "Mỹ", "Hiệp", "Trung", "Vĩnh", "Quang", "Hải", "Sơn",
    "Lâm", "Đức", "Tiến", "Xuân", "Cát", "Hồng", "Minh", "Thái", "Yên", "Khánh", "Nghĩa",
    "Thịnh", "Phong", "Hà", "Giang", "Cẩm", "Đại", "Lạc", "Thủy", "Kim", "Ngọc", "Bảo",
    "Quý", "Định", "Châu", "Hậu", "Tường", "Điền", "Gia", "Trường", "Thọ", "Vân", "Đồng",
    "Lợi", "Hạnh", "Tịnh", "Ninh",
  ]

  /// Rough latitude bands of Vietnam and the longitudes inside the country in each (south to
  /// north), so a random point lands on land, not in Laos, Cambodia or the sea.
  static let bands: [(lat: ClosedRange<Double>, lon: ClosedRange<Double>)] = [
    (8.8...10.5, 104.9...106.6), (10.5...12.0, 106.3...108.6), (12.0...15.0, 107.9...109.1),
    (15.0...17.0, 107.2...108.6), (17.0...19.0, 105.6...106.5), (19.0...21.0, 104.6...106.4),
    (21.0...23.0, 103.3...107.4),
  ]

  /// Every site, id order; cheap (a few hundred KB for 3,321).
  func siteList() -> [Site] {
    var taken: [String: Int] = [:]
    var list: [Site] = []
    list.reserveCapacity(sites)
    // Special zones spread over the list, 13 in 3,321 (none in a small platform); about 672
    // in 3,321 are wards.
    let zones = 13 * sites / 3321
    let zoneEvery = zones > 0 ? sites / zones : Int.max
    for s in 1...max(1, sites) where sites > 0 {
      var rng = SplitMix64(seed: seed, stream: 7, row: Int64(s))
      let kind: String
      if s % zoneEvery == 0 && s / zoneEvery <= zones {
        kind = "Đặc khu"
      } else {
        kind = rng.below(3321) < 672 ? "Phường" : "Xã"
      }
      let first = rng.pick(Self.syllables)
      var second = rng.pick(Self.syllables)
      while second == first { second = rng.pick(Self.syllables) }
      let name = "\(kind) \(first) \(second)"
      let base = Vocabulary.slug(name)
      let n = (taken[base] ?? 0) + 1
      taken[base] = n
      let slug = n == 1 ? base : "\(base)-\(n)"
      let band = Self.bands[rng.below(Self.bands.count)]
      func within(_ r: ClosedRange<Double>) -> Double {
        // Four decimals, as a portal's settings page would store them.
        let x = r.lowerBound + (r.upperBound - r.lowerBound) * Double(rng.below(10_001)) / 10_000
        return (x * 10_000).rounded() / 10_000
      }
      let code = String(10_000 + s * 26 + rng.below(26))
      list.append(
        Site(
          id: Int64(s), code: code.count == 5 ? code : String(code.suffix(5)), slug: slug, name: name,
          url: "https://\(slug).example.org/", latitude: within(band.lat), longitude: within(band.lon)))
    }
    return list
  }

  /// The single-site generator for one site: its own seed, A articles, M categories.
  func corpus(of site: Int64) -> Corpus {
    var rng = SplitMix64(seed: seed, stream: 8, row: site)
    return Corpus(articles: articlesPerSite, categories: categoriesPerSite, seed: rng.next())
  }

  /// The site's categories with global ids and descriptions naming the site.
  func categories(of site: Site, corpus: Corpus) -> [Corpus.Category] {
    let offset = (site.id - 1) * Int64(categoriesPerSite)
    return corpus.categoryList.map { c in
      var c = c
      c.id += offset
      c.parentID = c.parentID.map { $0 + offset }
      if c.parentID == nil {
        c.description = "Tin tức và bài viết chuyên mục \(c.name) của \(site.name.lowercasedFirst)."
      }
      return c
    }
  }

  /// Row k (1…A) of the site, with global ids.
  func article(_ k: Int, of site: Site, corpus: Corpus) -> Corpus.Article {
    var a = corpus.article(Int64(k))
    a.id = (site.id - 1) * Int64(articlesPerSite) + Int64(k)
    a.categoryID = a.categoryID.map { $0 + (site.id - 1) * Int64(categoriesPerSite) }
    return a
  }
}

extension String {
  /// "Phường An Bình" → "phường An Bình" (inside a sentence).
  var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
