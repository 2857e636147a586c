import LoaCore
import LoaXML

/// The category tree, checked: slugs made safe for paths and URLs, unknown parents and parent
/// loops broken (each reported), children in id order.
///
/// Building it costs time and memory linear in the number of categories whatever the depth,
/// and nothing here recurses: a chain of 20,000 nested categories is as cheap as 20,000
/// top-level ones (a node keeps its depth, not its ancestors' names; see
/// ``path(of:lastLevels:)``).
public struct CategoryTree: Sendable {
  public struct Node: Sendable {
    public var id: Int64
    public var parentID: Int64?
    /// Path-safe slug: `[a-z0-9-]+`, at most ``CategoryTree/maxFolderBytes`` bytes before a
    /// collision suffix, unique in the tree. Its feed folder's name.
    public var slug: String
    /// The slug as the database has it, for URL templates.
    public var sourceSlug: String
    public var name: String {
      didSet { foldedName = name.lowercased() }
    }
    /// ``name`` in lower case, as labels are compared (folded once per run, not per article:
    /// Unicode lower case costs about 9,000 instructions for a Vietnamese label).
    public private(set) var foldedName: String
    public var description: String
    public var children: [Int64]
    /// Levels above this one: 0 for a top-level category.
    public var depth: Int

    public init(
      id: Int64, parentID: Int64?, slug: String, sourceSlug: String, name: String,
      description: String, children: [Int64], depth: Int
    ) {
      self.id = id
      self.parentID = parentID
      self.slug = slug
      self.sourceSlug = sourceSlug
      self.name = name
      self.foldedName = name.lowercased()
      self.description = description
      self.children = children
      self.depth = depth
    }
  }

  /// The longest folder name a slug gives, in bytes, before a collision suffix (`-ID`, at most
  /// 21 bytes, rarely followed by `-N`). Well under the output directory's 200-byte limit per
  /// path component (and NAME_MAX, 255) with room for that suffix.
  public static let maxFolderBytes = 80

  public private(set) var nodes: [Int64: Node] = [:]
  /// Top-level categories, in id order.
  public private(set) var roots: [Int64] = []
  /// Each category's place in ``preorder``: the order an article's categories are listed in.
  public private(set) var rank: [Int64: Int] = [:]

  /// Builds the tree, reporting what it repairs to `report`.
  ///
  /// When several categories want one folder, it goes to the category that had it before:
  /// the one `previousFolders` gives that folder, else the one `folderOwner` says published
  /// it (asked only about such a folder), else the lowest id. The others get `-ID` suffixes,
  /// each reported as a warning naming both categories and both folders.
  ///
  /// - Parameters:
  ///   - previousFolders: category id → folder, as the last published run left them.
  ///   - folderOwner: the id of the category whose feed a published folder holds, if known.
  public init(
    _ rows: [CategoryRow], report: RunReport, previousFolders: [Int64: String] = [:],
    folderOwner: (String) -> Int64? = { _ in nil }
  ) {
    var seenIDs = Set<Int64>()
    var unique: [CategoryRow] = []
    // Rows sharing an id are ordered by their content, not by the order the database
    // returned them (which may change between runs and would move the category's folder).
    let ordered = rows.sorted { a, b in
      if a.id != b.id { return a.id < b.id }
      if a.slug != b.slug { return Array(a.slug.utf8).lexicographicallyPrecedes(b.slug.utf8) }
      if a.name != b.name { return Array(a.name.utf8).lexicographicallyPrecedes(b.name.utf8) }
      return (a.parentID ?? .min) < (b.parentID ?? .min)
    }
    for row in ordered {
      if seenIDs.insert(row.id).inserted {
        unique.append(row)
      } else {
        report.add(.init(.warning, .noted, .categoryIDDuplicate, category: row.id, field: "id", "duplicate category id; the row with slug \(ItemBuilder.quoted(unique.last?.slug ?? "")) is used"))
      }
    }
    // Each category's own slug first, so a folder renamed to avoid a clash never takes the
    // slug another category has (`thoi-su` twice beside a real `thoi-su-4`).
    var wanted: [(row: CategoryRow, slug: String)] = []
    var claimants: [String: [Int64]] = [:]
    for row in unique {
      let slug = Self.folderName(row, report: report)
      wanted.append((row, slug))
      claimants[slug, default: []].append(row.id)
    }
    var owners: [String: (id: Int64, why: String)] = [:]
    for (slug, ids) in claimants where ids.count > 1 {
      owners[slug] = Self.owner(
        of: slug, among: ids, previousFolders: previousFolders, folderOwner: folderOwner)
    }
    var usedSlugs = Set<String>()
    for (row, wantedSlug) in wanted {
      var slug = wantedSlug
      if let owner = owners[slug], owner.id != row.id {
        var fixed = "\(slug)-\(row.id)"
        var n = 2
        while usedSlugs.contains(fixed) || claimants[fixed] != nil {
          fixed = "\(slug)-\(row.id)-\(n)"
          n += 1
        }
        report.add(.init(.warning, .repaired, .categorySlugTaken, category: row.id, field: "slug", "\"\(slug)\" is also the slug of category \(owner.id), which keeps the folder \"\(slug)\" (\(owner.why)); this category is published in \"\(fixed)\""))
        slug = fixed
      }
      usedSlugs.insert(slug)
      func cleaned(_ field: String, _ value: String?) -> String {
        let (text, repairs) = TextCleaner.clean(value)
        if !repairs.isEmpty {
          let serious: TextCleaner.Repairs = [.forbiddenCharacters, .tags, .c1Controls]
          report.add(.init(repairs.isDisjoint(with: serious) ? .info : .warning, .repaired, repairs.isDisjoint(with: serious) ? nil : .categoryTextRepaired, category: row.id, field: field, repairs.summary))
        }
        return text ?? ""
      }
      let name = cleaned("name", row.name)
      nodes[row.id] = Node(
        id: row.id, parentID: row.parentID, slug: slug, sourceSlug: row.slug,
        name: name.isEmpty ? slug : name, description: cleaned("description", row.description),
        children: [], depth: 0)
    }
    breakBadParents(report: report)
    for id in nodes.keys.sorted() {
      if let p = nodes[id]?.parentID {
        nodes[p]?.children.append(id)
      } else {
        roots.append(id)
      }
    }
    for (i, node) in preorder.enumerated() {
      if let p = node.parentID, let parentDepth = nodes[p]?.depth {
        nodes[node.id]?.depth = parentDepth + 1
      }
      rank[node.id] = i
    }
  }

  /// The known categories of an article, each once: `primary` first, then the `linked` ones
  /// in tree order (``rank``). Unknown ids are left out.
  public func memberships(primary: Int64?, linked: [Int64]) -> [Node] {
    var out: [Node] = []
    if let p = primary, let node = nodes[p] { out.append(node) }
    let others = linked.filter { $0 != primary && nodes[$0] != nil }
      .sorted { (rank[$0] ?? .max, $0) < (rank[$1] ?? .max, $1) }
    for id in others where !out.contains(where: { $0.id == id }) {
      if let node = nodes[id] { out.append(node) }
    }
    return out
  }

  /// The folder name `row` wants: its slug made path-safe (else its name's, else
  /// `category-ID`), capped to ``maxFolderBytes``. A capped one is a warning naming the
  /// category, what the folder name came from (shortened) and the folder used.
  private static func folderName(_ row: CategoryRow, report: RunReport) -> String {
    var slug = Slug.make(row.slug)
    var source = "slug " + ItemBuilder.quoted(row.slug)
    if slug.isEmpty {
      let name = TextCleaner.clean(row.name).text ?? ""
      slug = Slug.make(name)
      source = "name " + ItemBuilder.quoted(name) + " (the slug has no letter or digit)"
    }
    if slug.isEmpty { slug = "category-\(row.id)" }
    let capped = Slug.capped(slug, maxBytes: maxFolderBytes)
    if capped != slug {
      report.add(.init(.warning, .repaired, .categorySlugLong, category: row.id, field: "slug", "\(source) makes a folder name of \(slug.utf8.count) bytes, over the limit of \(maxFolderBytes); published in \"\(capped)\""))
    } else if slug != row.slug {
      report.add(.init(.info, .repaired, category: row.id, field: "slug", "\(ItemBuilder.quoted(row.slug)) is published as \"\(slug)\""))
    }
    return capped
  }

  /// Which of `ids` (in id order) keeps the folder `slug` they all want, and why.
  private static func owner(
    of slug: String, among ids: [Int64], previousFolders: [Int64: String],
    folderOwner: (String) -> Int64?
  ) -> (id: Int64, why: String) {
    if let id = ids.first(where: { previousFolders[$0] == slug }) {
      return (id, "published there before")
    }
    if let id = folderOwner(slug), ids.contains(id) {
      return (id, "its feed is published there")
    }
    return (ids[0], "the lowest id")
  }

  /// Makes top-level every category whose parent is unknown or itself, and one category of
  /// each parent loop (each reported). Each category is walked through once: linear time.
  private mutating func breakBadParents(report: RunReport) {
    for id in nodes.keys.sorted() {
      guard let p = nodes[id]?.parentID else { continue }
      if p == id || nodes[p] == nil {
        report.add(.init(.warning, .repaired, .categoryParentInvalid, category: id, field: "parent_id", p == id ? "category is its own parent; treated as top-level" : "parent \(p) does not exist; treated as top-level"))
        nodes[id]?.parentID = nil
      }
    }
    // Walk up from each category no earlier walk went through. Meeting a category of this
    // same walk means a loop; meeting one of an earlier walk, that the top is reached.
    var walkOf: [Int64: Int] = [:]
    for (walk, id) in nodes.keys.sorted().enumerated() where walkOf[id] == nil {
      var seen: [Int64] = []
      var cursor: Int64? = id
      while let c = cursor {
        if let w = walkOf[c] {
          if w == walk, let at = seen.lastIndex(of: c) {
            let loop = seen[at...]
            let cut = loop.min() ?? c
            let members = loop.sorted().prefix(10).map(String.init).joined(separator: ", ")
            let more = loop.count > 10 ? ", … (\(loop.count) in all)" : ""
            report.add(.init(.warning, .repaired, .categoryCycle, category: cut, field: "parent_id", "categories \(members)\(more) are each other's parents; \(cut) is treated as top-level"))
            nodes[cut]?.parentID = nil
          }
          break
        }
        walkOf[c] = walk
        seen.append(c)
        cursor = nodes[c]?.parentID
      }
    }
  }

  /// Every category in tree order: each parent before its children, siblings by id.
  public var preorder: [Node] {
    var out: [Node] = []
    out.reserveCapacity(nodes.count)
    var stack: [Int64] = roots.reversed()
    while let id = stack.popLast() {
      guard let n = nodes[id] else { continue }
      out.append(n)
      stack.append(contentsOf: n.children.reversed())
    }
    return out
  }

  /// Names from the top down to `id`, at most `lastLevels` of them: a deeper category's path
  /// starts with "…" in place of the levels left out (`["…", "Lễ hội", "Pháo hoa"]`).
  public func path(of id: Int64, lastLevels: Int = 4) -> [String] {
    var names: [String] = []
    var cursor: Int64? = id
    while let c = cursor, let n = nodes[c] {
      if names.count == max(1, lastLevels) {
        names.append("…")
        break
      }
      names.append(n.name)
      cursor = n.parentID
    }
    return names.reversed()
  }

  public subscript(id: Int64) -> Node? { nodes[id] }

  /// All category ids.
  public var ids: [Int64] { nodes.keys.sorted() }
}
