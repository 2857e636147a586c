import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Tells WebSub hubs which feeds changed, so subscribers (Feedly, Inoreader, Google News) fetch
/// them at once instead of at their next poll.
///
/// After a run, each changed feed's URL (the topic) is POSTed to each hub as
/// `hub.mode=publish&hub.url=<topic>` (form encoded, the de facto publish ping every public hub
/// accepts; W3C WebSub §… leaves the publisher–hub protocol open). A notification that fails
/// (no 2xx within the deadline) is remembered in the state directory and sent again on the next
/// run; it never blocks or fails publishing.
public final class WebSubNotifier: @unchecked Sendable {
  /// One hub and one topic.
  public struct Ping: Codable, Hashable, Sendable {
    public var hub: String
    public var topic: String
    public init(hub: String, topic: String) {
      self.hub = hub
      self.topic = topic
    }
  }

  /// What a round of notifications did.
  public struct Outcome: Sendable {
    public var delivered: [Ping] = []
    /// Left for the next run, with the first failure's reason.
    public var pending: [Ping] = []
    public var firstProblem: String?
  }

  private let session: URLSession
  public let timeoutSeconds: Int
  public let userAgent: String

  public init(timeoutSeconds: Int, userAgent: String = "Loa/\(LoaVersion.current) (feed publisher)") {
    let c = URLSessionConfiguration.ephemeral
    c.urlCache = nil
    c.httpAdditionalHeaders = ["User-Agent": userAgent]
    // An idle timeout in whole seconds (FoundationNetworking truncates fractions).
    c.timeoutIntervalForRequest = TimeInterval(max(1, min(timeoutSeconds, 10)))
    session = URLSession(configuration: c)
    self.timeoutSeconds = timeoutSeconds
    self.userAgent = userAgent
  }

  deinit { session.finishTasksAndInvalidate() }

  /// Sends every ping, four at a time, within `timeoutSeconds` for all of them.
  public func notify(_ pings: [Ping]) -> Outcome {
    guard !pings.isEmpty else { return Outcome() }
    let session = self.session
    let deadline = Double(timeoutSeconds)
    return blocking {
      await withTaskGroup(of: (Ping, String?).self) { group -> Outcome in
        var outcome = Outcome()
        var queue = pings[...]
        var running = 0
        let start = ContinuousClock.now
        func launch() {
          guard let ping = queue.popFirst() else { return }
          running += 1
          let remaining = deadline - Double((ContinuousClock.now - start).components.seconds)
          group.addTask { (ping, await Self.send(ping, session: session, deadline: remaining)) }
        }
        for _ in 0..<4 { launch() }
        while running > 0, let (ping, problem) = await group.next() {
          running -= 1
          if let problem {
            outcome.pending.append(ping)
            if outcome.firstProblem == nil { outcome.firstProblem = problem }
          } else {
            outcome.delivered.append(ping)
          }
          launch()
        }
        // Pings never started (deadline passed before their turn) stay pending.
        outcome.pending.append(contentsOf: queue)
        return outcome
      }
    }
  }

  /// One POST; nil on success, else a one-line reason.
  static func send(_ ping: Ping, session: URLSession, deadline: Double) async -> String? {
    guard deadline > 0.5, let url = URL(string: ping.hub) else {
      return "\(ping.hub): deadline passed"
    }
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(("hub.mode=publish&hub.url=" + formEncoded(ping.topic)).utf8)
    request.timeoutInterval = TimeInterval(max(1, Int(deadline)))
    let finalRequest = request
    return await withTaskGroup(of: String?.self) { group in
      group.addTask {
        do {
          let (_, response) = try await session.data(for: finalRequest)
          guard let http = response as? HTTPURLResponse else { return "\(ping.hub): not HTTP" }
          return (200..<300).contains(http.statusCode)
            ? nil : "\(ping.hub) answered HTTP \(http.statusCode)"
        } catch {
          return "\(ping.hub): \((error as? URLError).map { Self.describe($0) } ?? "\(error)")"
        }
      }
      group.addTask {
        try? await Task.sleep(for: .seconds(deadline))
        return "\(ping.hub): no answer within \(Int(deadline)) s"
      }
      let first = await group.next() ?? "\(ping.hub): cancelled"
      group.cancelAll()
      return first
    }
  }

  static func describe(_ e: URLError) -> String {
    switch e.code {
    case .cannotConnectToHost: return "connection refused"
    case .cannotFindHost, .dnsLookupFailed: return "host not found"
    case .timedOut: return "timed out"
    case .notConnectedToInternet, .networkConnectionLost: return "network unreachable"
    default: return "network error \(e.code.rawValue)"
    }
  }

  /// `application/x-www-form-urlencoded` value encoding.
  static func formEncoded(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
  }
}

/// Runs async work to completion from synchronous code (the command line is synchronous).
func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
  let box = BlockingBox<T>()
  let done = DispatchSemaphore(value: 0)
  Task.detached {
    box.value = await body()
    done.signal()
  }
  done.wait()
  return box.value!
}

/// Carries a result from a detached task back to the thread waiting for it; the semaphore
/// orders the write before the read.
private final class BlockingBox<T>: @unchecked Sendable {
  var value: T?
}
