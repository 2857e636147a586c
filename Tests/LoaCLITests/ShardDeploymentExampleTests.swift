import Foundation
import LoaTestSupport
import Testing

/// The sharded deployments of a province platform in `Examples/deploy/` (docs/multisite.md):
/// the systemd template units `loa-shard@.service`/`.timer` and the Kubernetes CronJob
/// `k8s-cronjob.yaml`. Whether the shards' output equals one run is tested where `--shard` is.
@Suite struct ShardDeploymentExampleTests {
  static let analyze = "/usr/bin/systemd-analyze"
  static let python = "/usr/bin/python3"
  static let shell = "/bin/sh"

  static func example(_ name: String) throws -> String {
    try String(contentsOfFile: PackagePaths.path("Examples/deploy/" + name), encoding: .utf8)
  }

  /// The values of `key=` lines in a unit file, in order.
  static func values(_ key: String, in unit: String) -> [String] {
    unit.split(separator: "\n").compactMap { line in
      line.hasPrefix(key + "=") ? String(line.dropFirst(key.count + 1)) : nil
    }
  }

  @Test func theShardServiceRunsShardIOfNWithItsOwnStateAndTheHardeningOfLoaService() throws {
    let service = try Self.example("loa-shard@.service")
    #expect(
      Self.values("ExecStart", in: service) == [
        "/usr/local/bin/loa publish --config /etc/loa/platform.json --shard %i/${LOA_SHARDS}"
      ])
    #expect(Self.values("StateDirectory", in: service) == ["loa/shard-%i"])
    // N has a default, which the environment file (read after it) may override.
    let environment = Self.values("Environment", in: service)
    #expect(environment.count == 1 && environment[0].hasPrefix("LOA_SHARDS="))
    #expect(Int(environment[0].dropFirst("LOA_SHARDS=".count)).map { $0 >= 1 } == true)
    let environmentAt = try #require(service.range(of: "\nEnvironment=")).lowerBound
    let fileAt = try #require(service.range(of: "\nEnvironmentFile=-/etc/loa/environment\n"))
    #expect(environmentAt < fileAt.lowerBound)
    // Every hardening and run-control line of the single-site unit is in the shard unit.
    let single = try Self.example("loa.service")
    for key in [
      "Type", "User", "Group", "SuccessExitStatus", "TimeoutStartSec", "Nice", "IOSchedulingClass",
      "NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp", "RestrictAddressFamilies",
    ] {
      #expect(
        Self.values(key, in: service) == Self.values(key, in: single), "\(key)= differs from loa.service")
    }
    #expect(Self.values("ReadWritePaths", in: service).count == 1)
    #expect(Self.values("WantedBy", in: try Self.example("loa-shard@.timer")) == ["timers.target"])
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: analyze)))
  func theShardUnitsVerifyAsAnInstance() throws {
    let loa = try #require(LoaBinary.path, "swift build the loa product first")
    let dir = try TemporaryDirectory("loa-units")
    try Self.example("loa-shard@.service")
      .replacingOccurrences(of: "/usr/local/bin/loa ", with: loa + " ")
      .write(toFile: dir.path("loa-shard@.service"), atomically: true, encoding: .utf8)
    try Self.example("loa-shard@.timer")
      .write(toFile: dir.path("loa-shard@.timer"), atomically: true, encoding: .utf8)
    let r = try Subprocess.run(
      Self.analyze,
      ["verify", "--man=no", dir.path("loa-shard@1.service"), dir.path("loa-shard@1.timer")],
      hangGuardSeconds: 600)
    #expect(r.status == 0, "systemd-analyze verify: \(r.stderr)")
    // An unknown or misspelt key is only a warning to systemd-analyze: none is allowed.
    #expect(!r.stderr.contains("loa-shard"), "\(r.stderr)")
  }

  /// The manifest's documents as JSON, converted by PyYAML (Debian's python3-yaml, which
  /// Scripts/install-deps.sh --test installs).
  static func manifest() throws -> [[String: Any]] {
    let r = try Subprocess.run(
      python,
      [
        "-c",
        "import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1], encoding='utf-8')))))",
        PackagePaths.path("Examples/deploy/k8s-cronjob.yaml"),
      ], hangGuardSeconds: 600)
    try #require(
      r.status == 0, "PyYAML could not read the manifest (Scripts/install-deps.sh --test): \(r.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python)))
  func theCronJobRunsNIndexedShardsOneAtATimeWithSecretsFromASecret() throws {
    let documents = try Self.manifest()
    let cronJob = try #require(documents.first { $0["kind"] as? String == "CronJob" })
    let spec = try #require(cronJob["spec"] as? [String: Any])
    #expect(spec["concurrencyPolicy"] as? String == "Forbid")
    #expect((spec["startingDeadlineSeconds"] as? Int).map { $0 > 0 } == true)
    let job = try #require((spec["jobTemplate"] as? [String: Any])?["spec"] as? [String: Any])
    #expect(job["completionMode"] as? String == "Indexed")
    let n = try #require(job["completions"] as? Int)
    #expect(n >= 2)
    #expect(job["parallelism"] as? Int == n)
    #expect((job["backoffLimit"] as? Int).map { $0 >= 1 } == true)
    #expect((job["activeDeadlineSeconds"] as? Int).map { $0 > 0 && $0 < 300 } == true)

    let pod = try #require((job["template"] as? [String: Any])?["spec"] as? [String: Any])
    #expect(pod["restartPolicy"] as? String == "Never")
    let containers = try #require(pod["containers"] as? [[String: Any]])
    #expect(containers.count == 1)
    let container = containers[0]
    let command = (container["command"] as? [String] ?? []) + (container["args"] as? [String] ?? [])
    let script = try #require(command.last)
    #expect(script.contains("--shard \"$shard/\(n)\""), "\(script)")
    #expect(script.contains("$((JOB_COMPLETION_INDEX + 1))"), "\(script)")
    let resources = try #require(container["resources"] as? [String: Any])
    #expect((resources["requests"] as? [String: Any])?["cpu"] != nil)
    #expect((resources["requests"] as? [String: Any])?["memory"] != nil)

    // The database URL comes from a Secret; no environment variable holds a literal value
    // that could be a secret, and no document is a Secret with data.
    let env = try #require(container["env"] as? [[String: Any]])
    let database = try #require(env.first { $0["name"] as? String == "LOA_DATABASE_URL" })
    #expect(database["value"] == nil)
    #expect(((database["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: Any]) != nil)
    for variable in env {
      #expect(variable["value"] == nil, "\(variable["name"] ?? "?") has an inline value")
    }
    #expect(!documents.contains { $0["kind"] as? String == "Secret" })
    let text = try Self.example("k8s-cronjob.yaml")
    for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
      #expect(!line.contains("://"), "a URL outside a comment: \(line)")
    }

    // The shared output and the state are on one ReadWriteMany claim that outlives the pod.
    let volumes = try #require(pod["volumes"] as? [[String: Any]])
    let mounts = try #require(container["volumeMounts"] as? [[String: Any]])
    let dataMount = try #require(mounts.first { $0["mountPath"] as? String == "/srv/loa" })
    let data = try #require(volumes.first { $0["name"] as? String == dataMount["name"] as? String })
    let claimName = try #require(
      (data["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String)
    let claim = try #require(
      documents.first {
        $0["kind"] as? String == "PersistentVolumeClaim"
          && ($0["metadata"] as? [String: Any])?["name"] as? String == claimName
      })
    #expect(((claim["spec"] as? [String: Any])?["accessModes"] as? [String]) == ["ReadWriteMany"])
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python)))
  func podKRunsShardKPlusOneWithItsOwnStateDirectoryOnTheSharedVolume() throws {
    let documents = try Self.manifest()
    let cronJob = try #require(documents.first { $0["kind"] as? String == "CronJob" })
    let job = try #require(
      ((cronJob["spec"] as? [String: Any])?["jobTemplate"] as? [String: Any])?["spec"]
        as? [String: Any])
    let n = try #require(job["completions"] as? Int)
    let pod = try #require((job["template"] as? [String: Any])?["spec"] as? [String: Any])
    let container = try #require((pod["containers"] as? [[String: Any]])?.first)
    let command = (container["command"] as? [String] ?? []) + (container["args"] as? [String] ?? [])
    #expect(command.first == "/bin/sh" && command.count == 3 && command[1] == "-c")

    // The container's script, with loa replaced by a stand-in that prints its arguments and
    // state directory, and the volume by a temporary folder.
    let dir = try TemporaryDirectory("loa-k8s")
    try "#!/bin/sh\necho \"$STATE_DIRECTORY $*\"\n".write(
      toFile: dir.path("loa"), atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path("loa"))
    let script = command[2]
      .replacingOccurrences(of: "/usr/local/bin/loa", with: dir.path("loa"))
      .replacingOccurrences(of: "/srv/loa", with: dir.path("volume"))
    for index in 0..<n {
      let r = try Subprocess.run(
        Self.shell, ["-c", script], environment: [
          "JOB_COMPLETION_INDEX": String(index), "PATH": "/usr/local/bin:/usr/bin:/bin",
        ],
        hangGuardSeconds: 600)
      #expect(r.status == 0, "\(r.stderr)")
      #expect(
        r.stdout
          == "\(dir.path("volume"))/state/shard-\(index + 1) publish --config /etc/loa/platform.json --shard \(index + 1)/\(n)\n"
      )
    }
    let states = try FileManager.default.contentsOfDirectory(atPath: dir.path("volume/state"))
    #expect(states.sorted() == (1...n).map { "shard-\($0)" }.sorted())
  }
}
