import LoaCore

/// One option of the `loa` command line: the single table that parses options, and generates
/// each command's `--help`, the man page (`docs/loa.1`) and the bash and zsh completions.
///
/// A new command declares its options by adding its name to ``commands`` of the options it
/// shares and appending its own entries to ``LoaOption/all``, then adding a ``LoaCommandInfo``
/// to ``LoaCommandInfo/all``; the parser refuses (with a suggestion) any option whose entry
/// does not list the command.
package struct LoaOption: Sendable {
  /// Long name first (`--config`), then short aliases (`-c`).
  package let names: [String]
  /// The value's placeholder (`FILE`), nil for a flag.
  package let value: String?
  /// What the completion offers for the value: `file`, `directory` or nil (nothing).
  package let completes: String?
  /// The help text, one sentence or two; wrapped when printed.
  package let help: String
  /// The commands that accept the option.
  package let commands: Set<String>

  package init(
    _ names: [String], value: String? = nil, completes: String? = nil, _ help: String,
    for commands: Set<String>
  ) {
    self.names = names
    self.value = value
    self.completes = completes
    self.help = help
    self.commands = commands
  }

  /// `--config` for `-c`.
  package var name: String { names[0] }

  private static let feedCommands: Set<String> = ["publish", "check", "weather"]

  /// Every option, in the order help shows them.
  package static let all: [LoaOption] = [
    LoaOption(
      ["--config", "-c"], value: "FILE", completes: "file",
      "the JSON configuration (docs/configuration.md); required",
      for: feedCommands.union(["config"])),
    LoaOption(
      ["--database"], value: "URL", completes: "file",
      "override database.url (for init: the database to look at): sqlite:PATH, a path, "
        + "postgresql://user@host:port/dbname (password from PGPASSWORD or ~/.pgpass, or "
        + "LOA_DATABASE_URL), or mysql://user:password@host:port/dbname (also mariadb://)",
      for: ["publish", "check", "init"]),
    LoaOption(
      ["--output", "-o"], value: "DIR", completes: "directory", "override output.directory",
      for: feedCommands),
    LoaOption(
      ["--output", "-o"], value: "FILE", completes: "file",
      "write the configuration to FILE (never replaces a file) instead of printing it",
      for: ["init"]),
    LoaOption(
      ["--table-prefix"], value: "PREFIX",
      "the WordPress table prefix to map when the database holds several sites", for: ["init"]),
    LoaOption(
      ["--now"], value: "TIME",
      "publish as if it were TIME (ISO 8601 or Unix seconds), for tests and backfills; "
        + "articles dated later are treated as scheduled", for: feedCommands),
    LoaOption(
      ["--strict"],
      "treat warnings (for weather: a failed source) as failures: exit 1 and "
        + "replace no published file", for: feedCommands),
    LoaOption(
      ["--report"], value: "FILE", completes: "file", "also write every issue as JSON to FILE",
      for: ["publish", "check"]),
    LoaOption(["--force"], "rewrite every file, even unchanged ones", for: ["publish"]),
    LoaOption(
      ["--allow-empty"],
      "publish even when nothing is publishable where the last run published items "
        + "(otherwise: exit 1, published feeds kept)", for: ["publish", "check"]),
    LoaOption(
      ["--dry-run", "-n"], "print the files that would change, write nothing", for: ["publish"]),
    LoaOption(
      ["--shard"], value: "I/N",
      "platform: publish only the sites of shard I of N (a stable hash of each slug), so N "
        + "processes or machines share the work; shard 1 also writes the roll-up", for: ["publish"]),
    LoaOption(["--site"], value: "SLUG", "platform: publish this site alone", for: ["publish"]),
    LoaOption(
      ["--every"], value: "DURATION",
      "keep running: publish, wait DURATION (300, 90s, 5m, 1h), repeat; SIGTERM or SIGINT "
        + "ends the loop after the current run", for: ["publish"]),
    LoaOption(
      ["--verbose", "-v"], "say what was done (-vv: every file)",
      for: feedCommands.union(["init"])),
    LoaOption(["--quiet", "-q"], "errors only", for: feedCommands.union(["init"])),
    LoaOption(
      ["--help", "-h"], "this text", for: feedCommands.union(["completions", "config", "init"])),
  ]

  /// The options `command` accepts, in help order.
  package static func options(of command: String) -> [LoaOption] {
    all.filter { $0.commands.contains(command) }
  }
}

/// One `loa` command, for the global help, the man page and the completions.
package struct LoaCommandInfo: Sendable {
  package let name: String
  /// What follows `loa NAME` in the usage line.
  package let arguments: String
  /// One line for the command list.
  package let summary: String
  /// A paragraph for the command's own help and the man page.
  package let details: String

  /// Every command, in help order. `help` and `version` take no options.
  package static let all: [LoaCommandInfo] = [
    LoaCommandInfo(
      name: "publish", arguments: "--config FILE [options]", summary: "build and write every feed",
      details:
        "Reads the newest published articles, cleans and validates every item, and writes the "
        + "site-wide and per-category feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) and index.opml into "
        + "the output directory. Files whose bytes did not change are not rewritten. Prints nothing "
        + "when all is well; each repaired or left-out item is one warning line."),
    LoaCommandInfo(
      name: "check", arguments: "--config FILE [options]",
      summary: "validate everything, write no feed",
      details:
        "Does the same reading, cleaning, rendering and checking as publish, and writes no feed."),
    LoaCommandInfo(
      name: "weather", arguments: "--config FILE [options]",
      summary: "only fetch and write the weather box",
      details:
        "Fetches the weather source when it is due and writes weather.html and weather.json; reads "
        + "no article database. Exit 75 when the source failed in a way worth retrying soon."),
    LoaCommandInfo(
      name: "init", arguments: "--database URL [--output FILE] [--table-prefix PREFIX]",
      summary: "print a starting configuration for a database",
      details:
        "Opens the database read-only, recognizes loa's own tables (articles, categories) or a "
        + "WordPress site (its tables, with any table prefix), and prints a starting "
        + "configuration: the queries for WordPress, the site's title, description, address, "
        + "time zone and permalinks from its options, placeholders for what the database does "
        + "not hold. A password in the URL is not written into it. Then publish with the "
        + "configuration written (docs/init.md)."),
    LoaCommandInfo(
      name: "config", arguments: "dump --config FILE",
      summary: "print the effective configuration",
      details:
        "Prints the configuration as JSON with every default filled in and relative paths made "
        + "absolute, as loa will use it (LOA_DATABASE_URL applied, any password shown as ***). "
        + "docs/loa-config.schema.json describes every key."),
    LoaCommandInfo(
      name: "completions", arguments: "bash|zsh", summary: "print a shell completion script",
      details:
        "Prints the completion script for bash or zsh, generated from the same table that parses "
        + "the options: `loa completions bash > /etc/bash_completion.d/loa`."),
    LoaCommandInfo(
      name: "help", arguments: "[COMMAND]", summary: "the global help, or a command's",
      details: "Prints this text, or the help of COMMAND (the same as `loa COMMAND --help`)."),
    LoaCommandInfo(
      name: "version", arguments: "", summary: "the version", details: "Prints the version."),
  ]

  package static func named(_ name: String) -> LoaCommandInfo? { all.first { $0.name == name } }
}

extension LoaCommandLine {
  /// The global help.
  package static var usage: String {
    var s = "loa \(LoaVersion.current): publishes RSS 2.0, Atom 1.0 and JSON Feed 1.1 from a news "
    s += "portal's article database.\n\nUsage:\n"
    let lines = LoaCommandInfo.all.map { ("loa \($0.name) \($0.arguments)", $0.summary) }
    let width = lines.map(\.0.count).max() ?? 0
    for (left, right) in lines {
      s += "  " + left + String(repeating: " ", count: width - left.count + 3) + right + "\n"
    }
    s += "\nRun `loa help COMMAND` or `loa COMMAND --help` for its options. "
    s += "Exit codes: docs/exit-codes.md."
    return s
  }

  /// `loa COMMAND --help`: the command's usage, what it does, and only the options it takes.
  package static func help(for command: String) -> String {
    guard let info = LoaCommandInfo.named(command) else { return usage }
    var s = "Usage: loa \(info.name) \(info.arguments)\n\n"
    s += wrap(info.details, width: 92, indent: "") + "\n"
    let options = LoaOption.options(of: command)
    guard !options.isEmpty else { return s }
    s += "\nOptions:\n"
    let lefts = options.map(optionSynopsis)
    let width = (lefts.map(\.count).max() ?? 0) + 2
    for (left, option) in zip(lefts, options) {
      let text = wrap(
        option.help, width: 92 - width - 2, indent: String(repeating: " ", count: width + 2))
      s += "  " + left + String(repeating: " ", count: width - left.count) + text + "\n"
    }
    return s
  }

  /// `-c, --config FILE`.
  static func optionSynopsis(_ option: LoaOption) -> String {
    let shorts = option.names.dropFirst().map { $0 + ", " }.joined()
    return shorts + option.name + (option.value.map { " " + $0 } ?? "")
  }

  /// `text` in lines of at most `width` characters; every line after the first starts with
  /// `indent`.
  static func wrap(_ text: String, width: Int, indent: String) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    lines.append(line)
    return lines.joined(separator: "\n" + indent)
  }

  /// The man page (`docs/loa.1`), from the same tables as the help.
  package static func manPage() -> String {
    func roff(_ text: String) -> String {
      var t = text.replacingAll("\\", with: "\\e").replacingAll("-", with: "\\-")
      t = t.replacingAll("`", with: "")
      if t.hasPrefix(".") || t.hasPrefix("'") { t = "\\&" + t }
      return t
    }
    var s = ".\\\" Generated by `loa --generate-man` from the option table; do not edit.\n"
    s += ".TH LOA 1 \"\" \"loa \(LoaVersion.current)\" \"User Commands\"\n"
    s +=
      ".SH NAME\nloa \\- publish RSS 2.0, Atom 1.0 and JSON Feed 1.1 from a news portal's article database\n"
    s += ".SH SYNOPSIS\n"
    for info in LoaCommandInfo.all {
      s +=
        ".B loa \(info.name)\n" + (info.arguments.isEmpty ? "" : roff(info.arguments) + "\n")
        + ".br\n"
    }
    s += ".SH DESCRIPTION\n"
    s += "loa reads the newest published articles from a SQLite, PostgreSQL or MariaDB/MySQL database, cleans and "
    s +=
      "validates every item, and writes the feeds. See docs/configuration.md for the configuration "
    s += "and docs/exit\\-codes.md for the exit statuses.\n"
    s += ".SH COMMANDS\n"
    for info in LoaCommandInfo.all {
      s += ".SS \(info.name)\n" + roff(info.details) + "\n"
      let options = LoaOption.options(of: info.name)
      if !options.isEmpty {
        s +=
          ".PP\nOptions: " + options.map { "\\fB" + roff($0.name) + "\\fR" }.joined(separator: ", ")
          + ".\n"
      }
    }
    s += ".SH OPTIONS\n"
    for option in LoaOption.all {
      s += ".TP\n" + option.names.map { "\\fB" + roff($0) + "\\fR" }.joined(separator: ", ")
      if let value = option.value { s += " \\fI" + value + "\\fR" }
      s +=
        "\n" + roff(option.help) + " (" + option.commands.sorted().joined(separator: ", ") + ")\n"
    }
    s += ".SH ENVIRONMENT\n.TP\n.B LOA_DATABASE_URL\nthe database URL, instead of database.url "
    s += "(keeps a password out of the file; systemd reads it from /etc/loa/environment)\n"
    s += ".TP\n.B STATE_DIRECTORY\nwhere the run state is kept (systemd StateDirectory=)\n"
    s += ".SH EXIT STATUS\n0 success, 1 validation failed, 64 usage, 66 no input, 69 unavailable, "
    s +=
      "70 internal error, 73 and 74 cannot write, 75 lock held or transient failure, 78 configuration.\n"
    return s
  }

  /// `loa completions bash`.
  package static func bashCompletion() -> String {
    let commands = LoaCommandInfo.all.map(\.name).joined(separator: " ")
    var s =
      "# bash completion for loa; generated by `loa completions bash` from the option table.\n"
    s += "_loa() {\n"
    s += "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
    s += "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
    s += "    COMPREPLY=($(compgen -W \"\(commands) --help --version\" -- \"$cur\")); return\n"
    s += "  fi\n"
    s += "  case \"$prev\" in\n"
    let files = LoaOption.all.filter { $0.completes == "file" }.flatMap(\.names)
    let dirs = LoaOption.all.filter { $0.completes == "directory" }.flatMap(\.names)
    let others = LoaOption.all.filter { $0.value != nil && $0.completes == nil }.flatMap(\.names)
    if !files.isEmpty {
      s +=
        "    " + files.joined(separator: "|")
        + ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
    }
    if !dirs.isEmpty {
      s +=
        "    " + dirs.joined(separator: "|")
        + ") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
    }
    if !others.isEmpty {
      s += "    " + others.joined(separator: "|") + ") COMPREPLY=(); return ;;\n"
    }
    s += "  esac\n"
    s += "  case \"${COMP_WORDS[1]}\" in\n"
    for info in LoaCommandInfo.all {
      let words: String
      switch info.name {
      case "completions": words = "bash zsh"
      case "config":
        words = "dump " + LoaOption.options(of: "config").flatMap(\.names).joined(separator: " ")
      case "help": words = LoaCommandInfo.all.map(\.name).joined(separator: " ")
      default: words = LoaOption.options(of: info.name).flatMap(\.names).joined(separator: " ")
      }
      s += "    \(info.name)) COMPREPLY=($(compgen -W \"\(words)\" -- \"$cur\")) ;;\n"
    }
    s += "  esac\n}\ncomplete -F _loa loa\n"
    return s
  }

  /// `loa completions zsh`.
  package static func zshCompletion() -> String {
    func quoted(_ t: String) -> String {
      t.replacingAll("'", with: "'\\''").replacingAll("[", with: "\\[")
        .replacingAll("]", with: "\\]").replacingAll(":", with: "\\:")
    }
    var s =
      "#compdef loa\n# zsh completion for loa; generated by `loa completions zsh` from the option table.\n"
    s += "_loa() {\n  local -a commands\n  commands=(\n"
    for info in LoaCommandInfo.all { s += "    '\(info.name):\(quoted(info.summary))'\n" }
    s +=
      "  )\n  if (( CURRENT == 2 )); then\n    _describe -t commands 'loa command' commands\n    return\n  fi\n"
    s += "  case $words[2] in\n"
    for info in LoaCommandInfo.all {
      s += "    \(info.name))\n"
      switch info.name {
      case "completions": s += "      _values 'shell' bash zsh ;;\n"
      case "help": s += "      _describe -t commands 'loa command' commands ;;\n"
      default:
        s += "      _arguments"
        for option in LoaOption.options(of: info.name) {
          let action =
            option.value.map { v in
              ":\(v.lowercased()):"
                + (option.completes == "file"
                  ? "_files" : option.completes == "directory" ? "_files -/" : " ")
            } ?? ""
          let first = String(option.help.split(separator: ";").first ?? "")
          for name in option.names {
            s += " \\\n        '\(name)[\(quoted(first))]\(action)'"
          }
        }
        s += " ;;\n"
      }
    }
    s += "  esac\n}\n_loa \"$@\"\n"
    return s
  }
}
