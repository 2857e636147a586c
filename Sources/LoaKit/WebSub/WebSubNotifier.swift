import Dispatch
import FoundationEssentials
import LoaCore

/// Tells WebSub hubs which feeds changed, so subscribers (Feedly, Inoreader, Google News) fetch
/// them at once instead of at their next poll.
///
/// After a run, each changed feed's URL (the topic) is POSTed to each hub as
/// `hub.mode=publish&hub.url=<topic>` (form encoded, the de facto publish ping every public hub
/// accepts; W3C WebSub §6 leaves the publisher–hub mechanism to the two of them). A notification that fails
/// (no 2xx within the deadline) is remembered in the state directory and sent again on the next
/// run; it never blocks or fails publishing.
package final class WebSubNotifier: Sendable {
  /// One hub and one topic.
  package struct Ping: Codable, Hashable, Sendable {
    package var hub: String
    package var topic: String
    package init(hub: String, topic: String) {
      self.hub = hub
      self.topic = topic
    }
  }

  /// What a round of notifications did.
  package struct Outcome: Sendable {
    package var delivered: [Ping] = []
    /// Left for the next run, with the first failure's reason.
    package var pending: [Ping] = []
    package var firstProblem: String?
  }

  package let timeoutSeconds: Int
  package let userAgent: String
  /// Sends the pings: ``HTTPClient`` unless a test gives its own.
  package let transport: any HTTPTransport
  /// Notifications in flight at once.
  static let lanes = 4
  /// Hubs answer a publish ping with an empty body or a short message.
  static let maxReplyBytes = 64 * 1024

  package convenience init(
    timeoutSeconds: Int, userAgent: String = "Loa/\(LoaVersion.current) (feed publisher)"
  ) {
    self.init(timeoutSeconds: timeoutSeconds, userAgent: userAgent, transport: HTTPClient.shared)
  }

  /// - Parameter transport: sends the pings (a test's own, or ``HTTPClient``).
  package init(timeoutSeconds: Int, userAgent: String, transport: any HTTPTransport) {
    self.timeoutSeconds = timeoutSeconds
    self.userAgent = userAgent
    self.transport = transport
  }

  /// Sends every ping, ``lanes`` at a time, within `timeoutSeconds` for all of them together.
  package func notify(_ pings: [Ping]) -> Outcome {
    guard !pings.isEmpty else { return Outcome() }
    let deadline = monotonicSeconds() + Double(timeoutSeconds)
    let results = Results(count: pings.count)
    DispatchQueue.concurrentPerform(iterations: min(Self.lanes, pings.count)) { _ in
      while let i = results.next() {
        results.set(i, send(pings[i], deadline: deadline))
      }
    }
    var outcome = Outcome()
    for (ping, problem) in zip(pings, results.problems) {
      if let problem {
        outcome.pending.append(ping)
        if outcome.firstProblem == nil { outcome.firstProblem = problem }
      } else {
        outcome.delivered.append(ping)
      }
    }
    return outcome
  }

  /// Hands out ping indexes to the lanes and collects their results.
  private final class Results: @unchecked Sendable {
    private let lock = Mutex()
    private var nextIndex = 0
    private(set) var problems: [String?]
    private let count: Int

    init(count: Int) {
      self.count = count
      problems = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
      lock.withLock {
        guard nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
      }
    }

    func set(_ i: Int, _ problem: String?) { lock.withLock { problems[i] = problem } }
  }

  /// One POST; nil on success, else a one-line reason.
  func send(_ ping: Ping, deadline: Double) -> String? {
    let remaining = deadline - monotonicSeconds()
    guard remaining > 0.5 else { return "\(ping.hub): no time left within \(timeoutSeconds) s" }
    guard URL(string: ping.hub) != nil else { return "\(ping.hub): not a URL" }
    // An idle timeout in whole seconds; the deadline bounds the whole exchange.
    var request = HTTPRequest(
      url: ping.hub, method: "POST", idleTimeoutSeconds: max(1, min(Int(remaining), 10)))
    request.setHeader("User-Agent", userAgent)
    request.setHeader("Content-Type", "application/x-www-form-urlencoded")
    request.body = Array(("hub.mode=publish&hub.url=" + Self.formEncoded(ping.topic)).utf8)
    switch transport.send(request, maxBytes: Self.maxReplyBytes, deadline: deadline) {
    case .success(let reply):
      return (200..<300).contains(reply.status)
        ? nil : "\(ping.hub) answered HTTP \(reply.status)"
    case .failure(let e):
      return e.code == .timeout
        ? "\(ping.hub): no answer within \(timeoutSeconds) s" : "\(ping.hub): \(e.message)"
    }
  }

  /// `application/x-www-form-urlencoded` value encoding.
  static func formEncoded(_ s: String) -> String {
    PercentEncoding.encode(s, allowing: .unreserved)
  }
}
