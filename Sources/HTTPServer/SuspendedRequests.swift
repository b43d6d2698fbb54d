import CMicroHTTPD
import Synchronization

/// The connections suspended while their responders run. libmicrohttpd aborts the process if it
/// is stopped with a suspended connection, so a shutdown that runs out of grace answers these
/// itself (503) and resumes them first; once it has, nothing new may be suspended.
final class SuspendedRequests: Sendable {
    private struct State {
        var requests: [ObjectIdentifier: (RequestState, ConnectionHandle)] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// Registers a request about to be suspended; `false` once `abandonAll` has run.
    func add(_ request: RequestState, _ connection: ConnectionHandle) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.requests[ObjectIdentifier(request)] = (request, connection)
            return true
        }
    }

    func remove(_ request: RequestState) {
        _ = state.withLock { $0.requests.removeValue(forKey: ObjectIdentifier(request)) }
    }

    /// Answers every request still suspended with `response` (unless its responder finished
    /// first) and resumes it; refuses further suspensions. Returns how many it answered.
    func abandonAll(with response: (HTTPRequest) -> HTTPResponse) -> Int {
        let pending = state.withLock { state -> [(RequestState, ConnectionHandle)] in
            state.closed = true
            defer { state.requests.removeAll() }
            return Array(state.requests.values)
        }
        var answered = 0
        for (request, connection) in pending where request.claimResumption() {
            request.response = response(request.request)
            request.closeAfterResponse = true
            MHD_resume_connection(connection.pointer)
            answered += 1
        }
        return answered
    }
}
