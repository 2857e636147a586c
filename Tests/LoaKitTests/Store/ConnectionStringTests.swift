import LoaKit
import LoaStore
import Testing

/// Connection strings are shown and stored only rebuilt from what libpq parses, with every
/// password replaced; a string libpq refuses is never shown at all.
@Suite struct ConnectionStringTests {
  /// Every spelling of a password found by attacking loa, and more: the connection string
  /// and the password libpq would send (or, for a string libpq refuses, the text after the key).
  static let spellings: [(conninfo: String, secret: String)] = [
    ("postgresql://loa:S3cr3tUI@db.example.org:5432/portal?sslmode=require", "S3cr3tUI"),
    ("host=db user=loa password='S3 cr3tPW'", "S3 cr3tPW"),
    ("host=db user=loa password='it\\'s S3cr3tQu'", "it's S3cr3tQu"),
    ("host=db user=loa password=S3cr3tBS\\ x", "S3cr3tBS x"),
    ("  password = 'S3cr3tSp'  host = db ", "S3cr3tSp"),
    ("postgresql://db/portal?password=S3cr3tQP", "S3cr3tQP"),
    ("postgresql://db/portal?user=loa&pass%77ord=S3cr3t%20Enc", "S3cr3t Enc"),
    ("postgresql://:S3cr3tNoUser@db/portal", "S3cr3tNoUser"),
    ("postgresql://loa@db/portal?sslpassword=S3cr3tSSL&sslmode=require", "S3cr3tSSL"),
    ("dbname='host=x password=S3cr3tDB' host=db", "S3cr3tDB"),
    // libpq refuses these; what follows the key is the secret.
    ("postgresql://loa:S3cr3t%ZZPW@db/portal", "S3cr3t%ZZPW"),
    ("PASSWORD=S3cr3tUP host=db", "S3cr3tUP"),
    ("host=db Password =S3cr3tMix", "S3cr3tMix"),
    ("host=db password=S3 cr3tSplit", "S3 cr3tSplit"),
    ("host=db password='S3cr3tOpen", "S3cr3tOpen"),
    ("postgresql://loa:S3cr3tSp ace@db/portal", "S3cr3tSp ace"),
  ]

  /// The secret and each of its words of three characters or more, as written and
  /// percent-encoded.
  static func forbidden(_ secret: String) -> [String] {
    var all = [secret] + secret.split(separator: " ").map(String.init).filter { $0.count >= 3 }
    all += all.map { $0.replacingOccurrences(of: " ", with: "%20") }
    return all.map { $0.lowercased() }
  }

  @Test(arguments: spellings)
  func noSpellingOfAPasswordIsDisplayed(conninfo: String, secret: String) {
    let shown = ConnectionString.displayed(conninfo).lowercased()
    for word in Self.forbidden(secret) {
      #expect(!shown.contains(word), "\(shown) shows \(word)")
    }
    if let problem = ConnectionString.parseProblem(in: conninfo)?.lowercased() {
      for word in Self.forbidden(secret) {
        #expect(!problem.contains(word), "\(problem) shows \(word)")
      }
      // Nothing of a string libpq refuses is shown.
      #expect(shown.hasSuffix("connection string that does not parse"), "\(shown)")
    } else {
      // The rebuilt form is itself a connection string libpq reads, with a masked password.
      #expect(ConnectionString.parseProblem(in: shown) == nil, "\(shown)")
      #expect(ConnectionString.passwords(in: shown).allSatisfy { $0 == "***" }, "\(shown)")
    }
  }

  @Test func theDisplayedFormIsRebuiltFromWhatLibpqParses() {
    #expect(
      ConnectionString.displayed(
        "postgresql://loa:S3cr3t@db.example.org:5432/portal?sslmode=require")
        == "postgresql://loa:***@db.example.org:5432/portal?sslmode=require")
    #expect(
      ConnectionString.displayed("postgresql:///portal?host=/run/postgresql&user=loa&password=x")
        == "postgresql://loa:***@/portal?host=%2Frun%2Fpostgresql")
    #expect(
      ConnectionString.displayed("host=db  dbname='my portal' user=loa password='a b'")
        == "user=loa password=*** dbname='my portal' host=db")
    #expect(ConnectionString.displayed("postgres://[::1]:5433/p") == "postgres://[::1]:5433/p")
  }

  @Test func aMisspeltKeywordIsNamedAndNothingElseIsQuoted() {
    #expect(
      ConnectionString.parseProblem(in: "host=db PASSWORD=S3cr3t")
        == "invalid connection option \"PASSWORD\"")
    #expect(
      ConnectionString.parseProblem(in: "postgresql://loa:S3cr3t%ZZ@db/p")
        == "invalid percent-encoded token: \"…\"")
    #expect(ConnectionString.parseProblem(in: "host=db port=5432") == nil)
  }

  /// A password that is also a word of libpq's message: the message is not echoed (masking
  /// the word would still tell the password).
  @Test func aMessageContainingThePasswordIsWithheld() {
    let url = "postgresql://loa_pw:authentication@db/p"
    let message = "password authentication failed for user \"loa_pw\""
    let shown = ConnectionString.withholdingSecrets(message, from: url)
    #expect(!shown.contains("authentication"), "\(shown)")
    #expect(shown.contains("not shown"))
    #expect(
      ConnectionString.withholdingSecrets(message, from: "postgresql://loa_pw:other@db/p")
        == message)
  }

  /// FuzzConnectionString's first crash: a URI with NUL bytes after its password trapped in
  /// `displayed` (Foundation's `contains` reads strings as C strings on Linux).
  @Test func aConnectionStringWithNULBytesIsShownWithoutItsPassword() {
    let conninfo =
      "postgresql://loa:S3cr3tPW9@p\u{FFFD}ssword=S3cr3tPW9tg\\\0\0\0c6%%6fa:%?3%3@password=S3cr3tPW9tg\\\0"
    let shown = ConnectionString.displayed(conninfo)
    #expect(!shown.lowercased().contains("s3cr3tpw9"), "\(shown)")
    #expect(ConnectionString.contains("x", ignoringCase: "x\0") == false)
    #expect(ConnectionString.contains("a\0S3CR3T", ignoringCase: "s3cr3t"))
  }
}
