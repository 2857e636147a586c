import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Issue 17, "Messages and help": each command's help, the man page and the completions come
/// from the option table that parses the command line, and typos get a suggestion.
@Suite struct HelpAndSuggestionTests {
  let dir = try! TemporaryDirectory("loa-help")

  func loa(_ args: [String], environment extra: [String: String] = [:]) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env.removeValue(forKey: "LOA_DATABASE_URL")
    for (k, v) in extra { env[k] = v }
    return try Subprocess.run(try #require(LoaBinary.path), args, environment: env)
  }

  // MARK: Help

  @Test func weatherHelpListsOnlyTheOptionsWeatherTakes() throws {
    let r = try loa(["weather", "--help"])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("Usage: loa weather --config FILE"))
    for taken in ["--config FILE", "--output DIR", "--now TIME", "--quiet"] {
      #expect(r.stdout.contains(taken), "\(taken)")
    }
    for refused in ["--database", "--force", "--every", "--report", "--allow-empty", "--dry-run"] {
      #expect(!r.stdout.contains(refused), "\(refused)")
    }
  }

  @Test func helpCommandAndShortOptionPrintTheCommandsOwnHelp() throws {
    let viaHelp = try loa(["help", "publish"])
    let viaShort = try loa(["publish", "-h"])
    #expect(viaHelp.status == 0)
    #expect(viaHelp.stdout == viaShort.stdout)
    #expect(viaHelp.stdout.hasPrefix("Usage: loa publish"))
    #expect(viaHelp.stdout.contains("--every DURATION"))
    #expect(viaHelp.stdout != (try loa(["help"])).stdout)
    let unknown = try loa(["help", "pubish"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("did you mean publish?"), "\(unknown.stderr)")
  }

  /// A value each option with a value accepts (others take "1h").
  static let sampleValues = ["--now": "1700000000", "--shard": "1/2", "--site": "bai-chay"]

  /// The help, the man page and the completions cannot promise an option the parser
  /// refuses, nor hide one it takes: each (command, option) pair is tried on the binary.
  @Test(arguments: ["publish", "check", "weather", "init"])
  func everyCommandAcceptsExactlyTheOptionsItsHelpLists(command: String) throws {
    let help = try loa([command, "--help"]).stdout
    for option in LoaOption.all where option.name != "--help" {
      let args =
        [command, option.name]
        + (option.value.map { _ in [Self.sampleValues[option.name] ?? "1h"] } ?? []) + [
          "--help"
        ]
      let r = try loa(args)
      let listed = help.contains(option.name + " ") || help.contains(option.name + "\n")
      // Two entries may share a name for different commands (`--output DIR`, `init --output FILE`).
      let takes = LoaOption.options(of: command).contains { $0.name == option.name }
      #expect(takes == listed, "\(command) \(option.name)")
      #expect((r.status == 0) == listed, "\(command) \(option.name): \(r.stderr)")
    }
  }

  // MARK: Man page and completions

  @Test func theCommittedManPageIsWhatTheOptionTableGenerates() throws {
    let generated = try loa(["--generate-man"])
    #expect(generated.status == 0)
    let committed = try String(contentsOfFile: PackagePaths.path("docs/loa.1"), encoding: .utf8)
    #expect(
      committed == generated.stdout, "regenerate: .build/debug/loa --generate-man > docs/loa.1")
    for option in LoaOption.all {
      #expect(
        committed.contains(option.name.replacingOccurrences(of: "-", with: "\\-")), "\(option.name)"
      )
    }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
    let rendered = try Subprocess.run(
      "/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", PackagePaths.path("docs/loa.1")])
    #expect(rendered.status == 0)
    #expect(rendered.stderr == "", "groff warnings: \(rendered.stderr)")
  }

  func bashCompletes(_ words: [String]) throws -> [String] {
    let script = dir.path("loa.bash")
    try (try loa(["completions", "bash"])).stdout.write(
      toFile: script, atomically: true, encoding: .utf8)
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let r = try Subprocess.run(
      "/bin/bash",
      [
        "-c",
        "source '\(script)'; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _loa; printf '%s\\n' \"${COMPREPLY[@]}\"",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr == "")
    return r.stdout.split(separator: "\n").map(String.init)
  }

  @Test func bashCompletesCommandsAndEachCommandsOptions() throws {
    #expect(try bashCompletes(["loa", "pu"]) == ["publish"])
    #expect(try bashCompletes(["loa", "publish", "--co"]) == ["--config"])
    #expect(try bashCompletes(["loa", "weather", "--d"]) == [], "weather takes no --database")
    #expect(try bashCompletes(["loa", "publish", "--d"]).sorted() == ["--database", "--dry-run"])
    #expect(try bashCompletes(["loa", "completions", "z"]) == ["zsh"])
  }

  @Test func theCommittedCompletionsAreWhatTheTableGeneratesAndZshParsesThem() throws {
    let r = try loa(["completions", "zsh"])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("#compdef loa\n"))
    #expect(
      r.stdout.contains("'--config[the JSON configuration (docs/configuration.md)]:file:_files'"))
    #expect(r.stdout.contains("'--output[override output.directory]:dir:_files -/'"))
    let weather = r.stdout.components(separatedBy: "    weather)\n").last ?? ""
    let weatherSection = weather.components(separatedBy: " ;;").first ?? ""
    #expect(weatherSection.contains("'--now["))
    #expect(!weatherSection.contains("--database"))
    let committed = try String(
      contentsOfFile: PackagePaths.path("Examples/completions/_loa"), encoding: .utf8)
    #expect(
      committed == r.stdout,
      "regenerate: .build/debug/loa completions zsh > Examples/completions/_loa")
    let bash = try String(
      contentsOfFile: PackagePaths.path("Examples/completions/loa.bash"), encoding: .utf8)
    #expect(bash == (try loa(["completions", "bash"])).stdout)
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") else { return }
    let parsed = try Subprocess.run(
      "/usr/bin/zsh", ["-n", PackagePaths.path("Examples/completions/_loa")])
    #expect(parsed.status == 0, "\(parsed.stderr)")
  }

  @Test func completionsNeedsAShell() throws {
    let r = try loa(["completions", "fish"])
    #expect(r.status == 64)
    #expect(r.stderr == "loa: error: completions needs one shell: bash or zsh\n")
  }

  // MARK: Typos

  @Test(arguments: [
    (["pubish"], "unknown command \"pubish\"; did you mean publish?; try `loa --help`"),
    (
      ["publish", "--confg", "x.json"],
      "unknown option \"--confg\" for publish; did you mean --config?; try `loa publish --help`"
    ),
    (
      ["check", "--stirct"],
      "unknown option \"--stirct\" for check; did you mean --strict?; try `loa check --help`"
    ),
    (
      ["weather", "--every", "5m"],
      "--every is not an option of loa weather (it is for loa publish); try `loa weather --help`"
    ),
    (["publish", "--force=yes"], "--force takes no value"),
  ])
  func misspeltCommandsAndOptionsGetASuggestion(args: [String], message: String) throws {
    let r = try loa(args)
    #expect(r.status == 64)
    #expect(r.stderr == "loa: error: " + message + "\n")
  }

  func writeConfig(_ site: String, database: String = "\"url\": \"sqlite:db.sqlite\"") throws
    -> String
  {
    let path = dir.path("c.json")
    try """
    {"version": 1, "site": {\(site)}, "database": {\(database)},
     "output": {"directory": "out", "baseURL": "/f/"}}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aMisspeltRequiredKeyIsNamedWithTheKeyItMeant() throws {
    let config = try writeConfig("\"titel\": \"T\", \"url\": \"https://x.example.org/\"")
    let r = try loa(["check", "--config", config])
    #expect(r.status == 78)
    #expect(
      r.stderr == "loa: error: config \(config): site.titel: unknown key; did you mean `title`?\n")
  }

  @Test func aMisspeltOptionalKeyIsNamedWithTheKeyItMeant() throws {
    let config = try writeConfig(
      "\"title\": \"T\", \"url\": \"https://x.example.org/\", \"langauge\": \"vi\"")
    let r = try loa(["check", "--config", config])
    #expect(r.status == 78)
    #expect(
      r.stderr
        == "loa: error: config \(config): site.langauge: unknown key; did you mean `language`?\n")
  }

  // MARK: Sources

  @Test func aDatabaseURLFromTheEnvironmentIsNamedAsSuch() throws {
    let config = try writeConfig("\"title\": \"T\", \"url\": \"https://x.example.org/\"")
    let r = try loa(
      ["check", "--config", config], environment: ["LOA_DATABASE_URL": "oracle://u@db/portal"])
    #expect(r.status == 78)
    #expect(
      r.stderr
        == "loa: error: LOA_DATABASE_URL: unknown database scheme \"oracle\"; use sqlite:PATH, postgresql://… or mysql://…\n"
    )
    let option = try loa(["check", "--config", config, "--database", "oracle://u@db/portal"])
    #expect(option.status == 78)
    #expect(
      option.stderr
        == "loa: error: --database: unknown database scheme \"oracle\"; use sqlite:PATH, postgresql://… or mysql://…\n"
    )
    let file = try writeConfig(
      "\"title\": \"T\", \"url\": \"https://x.example.org/\"",
      database: "\"url\": \"oracle://u@db/portal\"")
    let fromFile = try loa(["check", "--config", file])
    #expect(
      fromFile.stderr.hasPrefix("loa: error: config \(file): database.url: unknown database scheme")
    )
  }
}

/// `loa config dump` (issue 17): the effective configuration, every default filled in.
@Suite struct ConfigDumpTests {
  let dir = try! TemporaryDirectory("loa-config-dump")

  func dump(_ config: String, environment extra: [String: String] = [:]) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env.removeValue(forKey: "LOA_DATABASE_URL")
    for (k, v) in extra { env[k] = v }
    return try Subprocess.run(
      try #require(LoaBinary.path), ["config", "dump", "--config", config], environment: env)
  }

  @Test func dumpsEveryDefaultAndReadsBackTheSame() throws {
    let first = try dump(ExamplePortal.configPath)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr == "")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
    let database = try #require(json["database"] as? [String: Any])
    #expect(database["busyTimeoutSeconds"] as? Int == 5)
    #expect(database["publishedStatuses"] as? [String] == ["published"])
    let feeds = try #require(json["feeds"] as? [String: Any])
    #expect(feeds["maxFeedBytes"] as? Int == 2_000_000)
    let state = try #require(json["state"] as? [String: Any])
    #expect(state["directory"] as? String == dir.path("state"))
    let weather = try #require(json["weather"] as? [String: Any])
    #expect((weather["http"] as? [String: Any])?["retries"] as? Int == 1)
    // Every key the schema gives a default is in the dump (under each object the dump has):
    // a key added to the parser and the schema but not to the dump is caught here.
    let schema = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: PackagePaths.path("docs/loa-config.schema.json"))))
        as? [String: Any])
    func walk(_ node: [String: Any], _ dumped: [String: Any], _ path: String) {
      for (key, value) in node["properties"] as? [String: Any] ?? [:] {
        guard let property = value as? [String: Any] else { continue }
        if property["default"] != nil {
          #expect(dumped[key] != nil, "\(path)\(key) has a default but is not in the dump")
        }
        if let child = dumped[key] as? [String: Any] { walk(property, child, path + key + ".") }
      }
    }
    walk(schema, json, "")
    // What it prints is itself a configuration that loa reads the same way.
    try first.stdout.write(toFile: dir.path("dumped.json"), atomically: true, encoding: .utf8)
    let second = try dump(dir.path("dumped.json"))
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout == first.stdout)
  }

  @Test func hidesThePasswordOfTheDatabaseURL() throws {
    let r = try dump(
      ExamplePortal.configPath,
      environment: ["LOA_DATABASE_URL": "postgresql://loa:s3cret@db.example.org/portal"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.contains("s3cret"))
    #expect(
      r.stdout.contains("\"url\" : \"postgresql://loa:***@db.example.org/portal\""), "\(r.stdout)")
  }

  @Test func needsTheDumpSubcommandAndAConfiguration() throws {
    let binary = try #require(LoaBinary.path)
    let bare = try Subprocess.run(binary, ["config"])
    #expect(bare.status == 64)
    #expect(bare.stderr == "loa: error: config needs a subcommand: dump; try `loa help config`\n")
    let noFile = try Subprocess.run(binary, ["config", "dump"])
    #expect(noFile.status == 64)
    #expect(noFile.stderr == "loa: error: config needs --config FILE\n")
    let help = try Subprocess.run(binary, ["help", "config"])
    #expect(help.stdout.hasPrefix("Usage: loa config dump --config FILE"))
    #expect(!help.stdout.contains("--database"))
  }
}
