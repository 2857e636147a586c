import Foundation
import LoaKit
import LoaStore
import LoaTestSupport
import Testing

/// A province platform through the real binary (issue 15, docs/multisite.md): every site of
/// one database into its own folder, the roll-up, shards, and one site's failure kept to
/// that site.
@Suite struct PlatformCLITests {
  let dir = try! TemporaryDirectory("loa-platform")

  static let schema = """
    CREATE TABLE sites (id INTEGER PRIMARY KEY, code TEXT, slug TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL, url TEXT NOT NULL, description TEXT, language TEXT, time_zone TEXT,
      latitude REAL, longitude REAL);
    CREATE TABLE categories (id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL REFERENCES sites(id),
      parent_id INTEGER, slug TEXT NOT NULL, name TEXT NOT NULL, description TEXT,
      UNIQUE (site_id, slug));
    CREATE TABLE articles (id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL REFERENCES sites(id),
      category_id INTEGER, title TEXT NOT NULL, slug TEXT, summary TEXT, content_html TEXT,
      author TEXT, image_url TEXT, image_caption TEXT, url TEXT, tags TEXT,
      status TEXT NOT NULL DEFAULT 'published', published_at TEXT NOT NULL, updated_at TEXT);
    CREATE INDEX articles_site_category_published ON articles(site_id, category_id, published_at);
    CREATE INDEX articles_site_published ON articles(site_id, published_at);

    """

  /// Six wards, each with the same category slugs and a few articles, one of them a draft and
  /// one scheduled.
  static var sql: String {
    var s = schema
    let wards = [
      ("22201", "bai-chay", "Phường Bãi Cháy"), ("22202", "hong-gai", "Phường Hồng Gai"),
      ("22203", "ha-tu", "Phường Hà Tu"), ("22204", "tuan-chau", "Phường Tuần Châu"),
      ("22205", "cao-xanh", "Phường Cao Xanh"), ("22206", "viet-hung", "Phường Việt Hưng"),
    ]
    for (i, (code, slug, name)) in wards.enumerated() {
      let site = i + 1
      s += "INSERT INTO sites VALUES (\(site), '\(code)', '\(slug)', 'Cổng thông tin \(name)', 'https://\(slug).example.org/', NULL, NULL, NULL, 20.9\(site), 107.0\(site));\n"
      s += "INSERT INTO categories VALUES (\(site * 100 + 1), \(site), NULL, 'tin-tuc', 'Tin tức', NULL), (\(site * 100 + 2), \(site), NULL, 'thong-bao', 'Thông báo', NULL);\n"
      for a in 1...4 {
        let id = site * 1000 + a
        s += "INSERT INTO articles (id, site_id, category_id, title, content_html, author, published_at) VALUES (\(id), \(site), \(site * 100 + 1 + a % 2), '\(name): tin số \(a)', '<p>Nội dung \(a) của \(name).</p>', 'Trần Thanh – Lương Huấn', '2026-11-\(10 + a) 0\(site):00:00');\n"
      }
      s += "INSERT INTO articles (id, site_id, category_id, title, status, published_at) VALUES (\(site * 1000 + 8), \(site), \(site * 100 + 1), 'Bản nháp \(name)', 'draft', '2026-11-20 08:00:00');\n"
      s += "INSERT INTO articles (id, site_id, category_id, title, published_at) VALUES (\(site * 1000 + 9), \(site), \(site * 100 + 1), 'Hẹn giờ \(name)', '2030-01-01 08:00:00');\n"
    }
    return s
  }

  func writeConfig(rollUp: Bool = true, platform: String = "", weather: String = "") throws {
    try """
    {"version": 1,
     "site": {"title": "Tin các phường, xã Quảng Ninh", "url": "https://quangninh.example.org/", "description": "Tin mới nhất của mọi phường, xã"},
     "database": {"url": "sqlite:platform.sqlite"},
     "output": {"directory": "out", "baseURL": "https://quangninh.example.org/feeds/"},
     "platform": {"feedsPath": "feeds/", "rollUp": \(rollUp)\(platform)},
     "links": {"article": "/{category}/{slug}-{id}.html"}\(weather)}
    """.write(toFile: dir.path("platform.json"), atomically: true, encoding: .utf8)
  }

  func loa(_ arguments: [String], state: String = "state") throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path(state)
    env.removeValue(forKey: "LOA_DATABASE_URL")
    return try Subprocess.run(
      try #require(LoaBinary.path),
      arguments + ["--config", dir.path("platform.json"), "--now", "2026-12-01T00:00:00Z"],
      environment: env)
  }

  static func json(_ path: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    return try #require(object as? [String: Any])
  }

  /// Every file under `root`, relative path → bytes.
  static func tree(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = URL(fileURLWithPath: root)
    guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
    for case let path as String in walker {
      var isDirectory: ObjCBool = false
      let full = base.appendingPathComponent(path).path
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
      else { continue }
      files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
    }
    return files
  }

  @Test func everySiteGetsItsOwnFolderAndTheRollUpNamesEachItemsSite() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig()
    let r = try loa(["publish"])
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    for slug in ["bai-chay", "hong-gai", "ha-tu", "tuan-chau", "cao-xanh", "viet-hung"] {
      let rss = try String(contentsOfFile: dir.path("out/\(slug)/rss.xml"), encoding: .utf8)
      // Its own four articles, not the draft, not the scheduled post, no other site's.
      #expect(rss.components(separatedBy: "<item>").count - 1 == 4, "\(slug)")
      #expect(rss.contains("<link>https://\(slug).example.org/</link>"))
      #expect(rss.contains("<atom:link href=\"https://\(slug).example.org/feeds/rss.xml\" rel=\"self\""))
      #expect(!rss.contains("Bản nháp") && !rss.contains("Hẹn giờ"))
      #expect(rss.contains("tag:\(slug).example.org,2026:article:"))
      #expect(FileManager.default.fileExists(atPath: dir.path("out/\(slug)/tin-tuc/atom.xml")))
      #expect(FileManager.default.fileExists(atPath: dir.path("out/\(slug)/thong-bao/feed.json")))
    }
    let ward = try String(contentsOfFile: dir.path("out/hong-gai/atom.xml"), encoding: .utf8)
    #expect(ward.contains("<dc:coverage>22202</dc:coverage>"))
    let wardJSON = try Self.json(dir.path("out/hong-gai/feed.json"))
    #expect(((wardJSON["_loa"] as? [String: Any])?["site"] as? [String: String]) == ["code": "22202"])

    // The roll-up: the 24 newest publishable items of all six, newest first, each naming its
    // site the way each format can.
    let rss = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    #expect(rss.components(separatedBy: "<item>").count - 1 == 24)
    #expect(rss.contains("<source url=\"https://viet-hung.example.org/feeds/rss.xml\">Cổng thông tin Phường Việt Hưng</source>"))
    #expect(rss.contains("</source>\n      <dc:coverage>22206</dc:coverage>"))
    let first = try #require(rss.range(of: "<item>"))
    #expect(rss[first.upperBound...].hasPrefix("\n      <title>Phường Việt Hưng: tin số 4</title>"))
    let atom = try String(contentsOfFile: dir.path("out/atom.xml"), encoding: .utf8)
    #expect(atom.contains("<source>\n      <id>tag:bai-chay.example.org,2026:feed</id>"))
    let items = try #require(Self.json(dir.path("out/feed.json"))["items"] as? [[String: Any]])
    let sources = items.compactMap { ($0["_loa"] as? [String: Any])?["site"] as? [String: String] }
    #expect(sources.count == 24)
    #expect(
      sources.contains([
        "slug": "ha-tu", "code": "22203", "name": "Cổng thông tin Phường Hà Tu",
        "url": "https://ha-tu.example.org/", "feed_url": "https://ha-tu.example.org/feeds/feed.json",
      ]))
    let opml = try String(contentsOfFile: dir.path("out/index.opml"), encoding: .utf8)
    #expect(opml.contains("xmlUrl=\"https://tuan-chau.example.org/feeds/rss.xml\""))
    #expect(opml.contains("xmlUrl=\"https://quangninh.example.org/feeds/rss.xml\""))
    if Checkers.enabled { try Checkers.checkFeeds(in: dir.path("out"), extraArguments: ["--platform"]) }

    // Nothing changed: every site and the roll-up say so, and no file is touched.
    let before = try Self.tree(dir.path("out"))
    let again = try loa(["publish", "-v"])
    #expect(again.status == 0)
    #expect(again.stderr.contains("6 sites: 0 published, 6 unchanged, 0 failed; roll-up unchanged"), "\(again.stderr)")
    #expect(try Self.tree(dir.path("out")) == before)
  }

  @Test func shardsRunTogetherPublishExactlyWhatOneRunPublishes() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig()
    let single = try loa(["publish", "--output", dir.path("single")], state: "state-single")
    #expect(single.status == 0, "\(single.stderr)")
    let shards = 3
    let results = Mutex<[Int: ProcessResult]>([:])
    DispatchQueue.concurrentPerform(iterations: shards) { i in
      let r = try? loa(
        ["publish", "--shard", "\(i + 1)/\(shards)", "--output", dir.path("sharded")], state: "state-\(i)")
      results.withLock { $0[i] = r }
    }
    for i in 0..<shards {
      let r = try #require(results.withLock { $0[i] })
      #expect(r.status == 0, "shard \(i + 1): \(r.stderr)")
    }
    let one = try Self.tree(dir.path("single"))
    let union = try Self.tree(dir.path("sharded"))
    #expect(one.count > 100)
    #expect(Set(union.keys) == Set(one.keys))
    for (path, bytes) in one where union[path] != bytes { Issue.record("\(path) differs") }
    // Each site was published by exactly one shard.
    var owners: [String: Int] = [:]
    for slug in ["bai-chay", "hong-gai", "ha-tu", "tuan-chau", "cao-xanh", "viet-hung"] {
      owners[slug] = PlatformRun.Shard.index(of: slug, count: shards)
    }
    #expect(Set(owners.values).count > 1, "the six slugs should not all hash to one shard")
  }

  /// A shard on another machine writes its sites' temporary files under its own locks; its
  /// process ids mean nothing here, so shard 1 (the roll-up) never sweeps a site's folder.
  @Test func theRollUpNeverSweepsTheFoldersOfSitesAnotherShardPublishes() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig()
    #expect(try loa(["publish"]).status == 0)
    let slugs = ["bai-chay", "hong-gai", "ha-tu", "tuan-chau", "cao-xanh", "viet-hung"]
    let other = try #require(slugs.first { PlatformRun.Shard.index(of: $0, count: 3) != 1 })
    // A temporary file of a process that does not exist on this machine.
    let temporary = dir.path("out/\(other)/.rss.xml.loa-2147483000.tmp")
    try "being written elsewhere".write(toFile: temporary, atomically: false, encoding: .utf8)
    let first = try loa(["publish", "--shard", "1/3", "--force"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(FileManager.default.fileExists(atPath: temporary), "shard 1 swept \(other)'s folder")
    // The site's own run, holding its folder's lock, removes it.
    let own = PlatformRun.Shard.index(of: other, count: 3)
    #expect(try loa(["publish", "--shard", "\(own)/3"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: temporary))
  }

  @Test func aBrokenSiteFailsAloneAndTheOthersAndTheRollUpPublish() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig()
    #expect(try loa(["publish"]).status == 0)
    let hongGai = try Self.tree(dir.path("out/hong-gai"))
    try SQLiteFixture.execute(
      """
      UPDATE sites SET url = 'hong gai portal' WHERE slug = 'hong-gai';
      UPDATE sites SET slug = 'Tuần Châu' WHERE id = 4;
      INSERT INTO articles (id, site_id, category_id, title, published_at) VALUES
        (1101, 1, 101, 'Bãi Cháy: tin mới', '2026-11-30 08:00:00'),
        (2101, 2, 201, 'Hồng Gai: tin mới', '2026-11-30 09:00:00');
      """, in: dir.path("platform.sqlite"))
    let r = try loa(["publish"])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("loa: hong-gai: error: site 2 (hong-gai): url \"hong gai portal\" is not an absolute http(s) URL"), "\(r.stderr)")
    #expect(r.stderr.contains("site 4: slug \"Tuần Châu\" cannot name a folder"), "\(r.stderr)")
    #expect(r.stderr.contains("6 sites: 1 published, 3 unchanged, 2 failed; roll-up written"), "\(r.stderr)")
    // The broken site's published files are exactly as they were; the others go on.
    #expect(try Self.tree(dir.path("out/hong-gai")) == hongGai)
    let baiChay = try String(contentsOfFile: dir.path("out/bai-chay/rss.xml"), encoding: .utf8)
    #expect(baiChay.contains("Bãi Cháy: tin mới"))
    let rollUp = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    #expect(rollUp.contains("Bãi Cháy: tin mới"))
  }

  /// The fixture for MariaDB: text in keys needs a length there.
  static var mariaDBSQL: String {
    sql.replacingOccurrences(of: "slug TEXT", with: "slug VARCHAR(200)")
      .replacingOccurrences(of: "published_at TEXT", with: "published_at VARCHAR(40)")
  }

  @Test func postgresAndMariaDBPublishTheSameBytesAsSQLite() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig()
    let lite = try loa(["publish", "--output", dir.path("sqlite")], state: "state-sqlite")
    #expect(lite.status == 0, "\(lite.stderr)")
    let expected = try Self.tree(dir.path("sqlite"))
    var servers: [(String, () throws -> (url: String, drop: @Sendable () -> Void), String)] = []
    if PostgresFixture.enabled { servers.append(("postgres", PostgresFixture.makeDatabase, Self.sql)) }
    if MariaDBFixture.enabled { servers.append(("mariadb", { try MariaDBFixture.makeDatabase() }, Self.mariaDBSQL)) }
    for (name, make, sql) in servers {
      let (url, drop) = try make()
      defer { drop() }
      if name == "postgres" { try PostgresFixture.run(sql, in: url) } else { try MariaDBFixture.run(sql, in: url) }
      let r = try loa(["publish", "--database", url, "--output", dir.path(name)], state: "state-" + name)
      #expect(r.status == 0, "\(name): \(r.stderr)")
      let got = try Self.tree(dir.path(name))
      #expect(Set(got.keys) == Set(expected.keys), "\(name)")
      for (path, bytes) in expected where got[path] != bytes { Issue.record("\(name): \(path) differs") }
      // A second run is a no-op on the server too.
      let again = try loa(["publish", "-v", "--database", url, "--output", dir.path(name)], state: "state-" + name)
      #expect(again.stderr.contains("6 sites: 0 published, 6 unchanged, 0 failed; roll-up unchanged"), "\(name): \(again.stderr)")
    }
  }

  @Test func aSiteWhoseFolderCannotBeWrittenFailsAlone() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig()
    try FileManager.default.createDirectory(atPath: dir.path("out"), withIntermediateDirectories: true)
    // A file where the site's folder belongs: no write there can succeed, even as root.
    try "not a folder".write(toFile: dir.path("out/ha-tu"), atomically: true, encoding: .utf8)
    let r = try loa(["publish"])
    #expect(r.status == 73, "\(r.stderr)")
    #expect(r.stderr.contains("loa: ha-tu: error:"), "\(r.stderr)")
    #expect(r.stderr.contains("6 sites: 5 published, 0 unchanged, 1 failed; roll-up written"), "\(r.stderr)")
    #expect(try String(contentsOfFile: dir.path("out/ha-tu"), encoding: .utf8) == "not a folder")
    for slug in ["bai-chay", "hong-gai", "tuan-chau", "cao-xanh", "viet-hung"] {
      #expect(FileManager.default.fileExists(atPath: dir.path("out/\(slug)/rss.xml")), "\(slug)")
    }
  }

  @Test func aSiteGoneFromTheTableKeepsItsFilesAndIsWarnedAboutOnce() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig()
    #expect(try loa(["publish"]).status == 0)
    let kept = try Self.tree(dir.path("out/viet-hung"))
    try SQLiteFixture.execute("DELETE FROM sites WHERE slug = 'viet-hung';", in: dir.path("platform.sqlite"))
    let r = try loa(["publish", "--report", dir.path("report.json")])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("[site-removed]") || r.stderr.contains("holds the feeds of a site \"viet-hung\""), "\(r.stderr)")
    #expect(try Self.tree(dir.path("out/viet-hung")) == kept)
    // Its articles left the roll-up with it.
    let rollUp = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    #expect(!rollUp.contains("Việt Hưng") && rollUp.contains("Cao Xanh"))
    // The report: one entry per site, then the roll-up.
    let report = try Self.json(dir.path("report.json"))
    let sites = try #require(report["sites"] as? [[String: Any]])
    #expect(sites.compactMap { $0["slug"] as? String } == ["bai-chay", "hong-gai", "ha-tu", "tuan-chau", "cao-xanh"])
    #expect(sites.last?["rollUp"] as? Bool == true)
    #expect(sites.allSatisfy { $0["status"] as? Int == 0 })
    // Told once: the next run says nothing.
    let again = try loa(["publish"])
    #expect(again.status == 0 && again.stderr == "", "\(again.stderr)")
  }

  @Test func eachSiteMayHaveAnOutputRootOfItsOwn() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig(platform: #", "siteDirectory": "\#(dir.path("www"))/{slug}/feeds""#)
    let r = try loa(["publish"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.path("www/ha-tu/feeds/rss.xml")))
    #expect(FileManager.default.fileExists(atPath: dir.path("www/ha-tu/feeds/tin-tuc/atom.xml")))
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/ha-tu")))
    #expect(FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
    for bad in ["feeds", "/srv/{slug}/{slug}", "../{slug}", "{slug}/{site}"] {
      try writeConfig(platform: #", "siteDirectory": "\#(bad)""#)
      let refused = try loa(["publish"])
      #expect(refused.status == 78, "\(bad)")
      #expect(refused.stderr.contains("platform.siteDirectory"), "\(refused.stderr)")
    }
  }

  @Test func eachSiteHasTheWeatherOfItsOwnPlaceAndABrokenSourceStaysWithItsSite() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try SQLiteFixture.execute(
      "UPDATE sites SET latitude = NULL WHERE slug = 'cao-xanh';", in: dir.path("platform.sqlite"))
    try FileManager.default.createDirectory(atPath: dir.path("weather"), withIntermediateDirectories: true)
    let sample = try String(contentsOfFile: PackagePaths.path("Examples/weather/open-meteo-halong.json"), encoding: .utf8)
    for slug in ["bai-chay", "hong-gai", "ha-tu", "tuan-chau"] {
      try sample.write(toFile: dir.path("weather/\(slug).json"), atomically: true, encoding: .utf8)
    }
    // viet-hung's file is missing: its source is broken.
    try writeConfig(weather: #"""
      , "weather": {"source": {"kind": "file", "format": "open-meteo", "path": "weather/{site}.json"},
        "location": {"name": "Quảng Ninh", "latitude": 21.0, "longitude": 107.3},
        "userAgent": "test (+https://quangninh.example.org/)"}
      """#)
    let r = try loa(["publish"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("loa: viet-hung: warning: [weather]"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("loa: viet-hung: ") }, "\(r.stderr)")
    let box = try String(contentsOfFile: dir.path("out/ha-tu/weather.html"), encoding: .utf8)
    #expect(box.contains("Phường Hà Tu"), "the box names the site's own place")
    // No coordinates: no box rather than another place's weather.
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/cao-xanh/weather.html")))
    #expect(FileManager.default.fileExists(atPath: dir.path("out/cao-xanh/rss.xml")))
    #expect(FileManager.default.fileExists(atPath: dir.path("out/viet-hung/rss.xml")))
  }

  @Test func checkWritesNothingAndADryRunListsWhatWouldChange() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig()
    let check = try loa(["check", "-v"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stderr.contains("6 sites: 6 checked, 0 unchanged, 0 failed"), "\(check.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    #expect(try loa(["publish"]).status == 0)
    let before = try Self.tree(dir.path("out"))
    let quiet = try loa(["publish", "--dry-run"])
    #expect(quiet.status == 0 && quiet.stdout == "", "\(quiet.stdout)")
    try SQLiteFixture.execute(
      "UPDATE articles SET title = 'Hà Tu: tin số 4 (đã sửa)' WHERE id = 3004;", in: dir.path("platform.sqlite"))
    let dry = try loa(["publish", "--dry-run"])
    #expect(dry.status == 0, "\(dry.stderr)")
    let listed = Set(dry.stdout.split(separator: "\n").map(String.init))
    #expect(listed.isSuperset(of: ["ha-tu/rss.xml", "ha-tu/tin-tuc/atom.xml", "rss.xml", "feed.json"]), "\(dry.stdout)")
    #expect(!listed.contains { $0.hasPrefix("bai-chay/") }, "\(dry.stdout)")
    #expect(try Self.tree(dir.path("out")) == before)
  }

  @Test func siteAndShardArgumentsAreChecked() throws {
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: Self.sql)
    try writeConfig()
    let one = try loa(["publish", "--site", "ha-tu"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.path("out/ha-tu/rss.xml")))
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/bai-chay")))
    // --site writes no roll-up: it would hold one site's view of the province.
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
    let unknown = try loa(["publish", "--site", "ha-long"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("--site: no site has the slug \"ha-long\""), "\(unknown.stderr)")
    for bad in ["0/3", "4/3", "1", "a/b", "1/0"] {
      let r = try loa(["publish", "--shard", bad])
      #expect(r.status == 64, "\(bad)")
      #expect(r.stderr.contains("--shard: \"\(bad)\" is not I/N"), "\(r.stderr)")
    }
  }

  @Test func aSingleSiteConfigurationRefusesPlatformArguments() throws {
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: SQLiteFixture.schema)
    try """
    {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
     "database": {"url": "sqlite:db.sqlite"}, "output": {"directory": "out", "baseURL": "/f/"}}
    """.write(toFile: dir.path("platform.json"), atomically: true, encoding: .utf8)
    let r = try loa(["publish", "--shard", "1/2"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--shard is for a platform configuration"), "\(r.stderr)")
  }

  @Test func aSiteTakesItsRowsValuesAndSitesOnOneHostNeverShareAFeedID() throws {
    let configuration = try Configuration.parse(
      Data(
        #"""
        {"version": 1,
         "site": {"title": "Tỉnh", "url": "https://quangninh.example.org/", "language": "vi",
                  "icon": "/static/logo-512.png", "favicon": "https://cdn.example.net/f.png",
                  "copyright": "© UBND tỉnh"},
         "database": {"url": "sqlite:p.sqlite"},
         "output": {"directory": "/srv/feeds", "baseURL": "https://quangninh.example.org/feeds/"},
         "platform": {}}
        """#.utf8), path: dir.path("p.json"))
    let a = try configuration.forSite(
      SiteRow(
        id: 1, code: " 22201 ", slug: "bai-chay", name: "Phường <b>Bãi Cháy</b>",
        url: "https://quangninh.example.org/bai-chay/", language: "vi-VN", timeZone: "+07:00"))
    let b = try configuration.forSite(
      SiteRow(id: 2, slug: "hong-gai", name: "Phường Hồng Gai", url: "https://quangninh.example.org/hong-gai/"))
    #expect(a.site.idPrefix == "tag:quangninh.example.org,2026:bai-chay:")
    #expect(b.site.idPrefix == "tag:quangninh.example.org,2026:hong-gai:")
    #expect(a.site.title == "Phường Bãi Cháy")
    #expect(a.site.code == "22201")
    #expect(a.site.language == "vi-VN")
    #expect(a.output.directory == "/srv/feeds/bai-chay")
    #expect(a.output.baseURL.description == "https://quangninh.example.org/bai-chay/feeds/")
    // A path on the platform's host is a path on the site's; another host is kept.
    #expect(a.site.icon == "https://quangninh.example.org/static/logo-512.png")
    #expect(a.site.favicon == "https://cdn.example.net/f.png")
    // The province's copyright is not the ward's.
    #expect(a.site.copyright == nil)
    #expect(a.platform == nil && a.state.directory?.hasSuffix("/sites/bai-chay") != false)
    let own = try configuration.forSite(
      SiteRow(id: 3, slug: "tuan-chau", name: "Tuần Châu", url: "https://tuanchau.example.org/"))
    #expect(own.site.idPrefix == "tag:tuanchau.example.org,2026:")
    #expect(own.site.icon == "https://tuanchau.example.org/static/logo-512.png")
    for (row, message) in [
      (SiteRow(id: 4, slug: "x", name: "X", url: "ftp://x.example.org/"), "is not an absolute http(s) URL"),
      (SiteRow(id: 5, slug: "x", name: "X", url: "https://x.example.org/", language: "tiếng Việt"), "is not a language tag"),
      (SiteRow(id: 6, slug: "x", name: "X", url: "https://x.example.org/", timeZone: "Asia/Hanoi"), "is not a time zone"),
      (SiteRow(id: 7, slug: "x", name: " ", url: "https://x.example.org/"), "name is empty"),
    ] {
      #expect(throws: Configuration.SiteError.self) { try configuration.forSite(row) }
      do { _ = try configuration.forSite(row) } catch { #expect("\(error)".contains(message), "\(error)") }
    }
  }

  @Test func theShardOfASlugIsStable() {
    // FNV-1a 64 of the slug's bytes: the same on every machine, in every run, forever.
    #expect(PlatformRun.Shard.index(of: "bai-chay", count: 1) == 1)
    let counts = (1...8).map { n in PlatformRun.Shard.index(of: "bai-chay", count: n) }
    #expect(counts.allSatisfy { $0 >= 1 })
    #expect(counts == (1...8).map { n in PlatformRun.Shard.index(of: "bai-chay", count: n) })
    #expect(PlatformRun.Shard("2/3") == PlatformRun.Shard(index: 2, count: 3))
  }
}

/// A value several threads of one test write.
final class Mutex<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value
  init(_ value: Value) { self.value = value }
  func withLock<T>(_ body: (inout Value) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body(&value)
  }
}
