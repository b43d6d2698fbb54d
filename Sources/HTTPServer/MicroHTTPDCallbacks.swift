import CMicroHTTPD
import Glibc

// libmicrohttpd's callbacks. They are global functions, never closures, because they run on
// libmicrohttpd's own threads and must not inherit any actor isolation.

/// Bodies beyond the limit are drained so the client can read the 413, but only this much more.
private let maximumDiscardedBytes = 1 << 20

func mhdAccessHandler(
    cls: UnsafeMutableRawPointer?, connection: OpaquePointer?, url: UnsafePointer<CChar>?,
    method: UnsafePointer<CChar>?, version: UnsafePointer<CChar>?, uploadData: UnsafePointer<CChar>?,
    uploadDataSize: UnsafeMutablePointer<Int>?, conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let conCls, let uploadDataSize else { return MHD_Result.NO }
    let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()

    guard let existing = conCls.pointee else {
        return beginRequest(context, connection, url, method, version, conCls)
    }
    let state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()
    if let response = state.response {
        return queue(response, on: connection, close: state.closeAfterResponse)
    }
    let size = uploadDataSize.pointee
    if size > 0 {
        uploadDataSize.pointee = 0
        return receiveBody(context, state, uploadData, size)
    }
    guard !state.dispatched else { return MHD_Result.YES }
    state.dispatched = true
    if let rejection = state.rejection ?? (state.arrivedDuringShutdown ? .shuttingDown : nil) {
        return queue(context.errorResponse(rejection, state.request), on: connection, close: true)
    }
    let handle = ConnectionHandle(pointer: connection)
    guard context.suspended.add(state, handle) else {
        // Shutdown has already answered everything suspended; this one must not wait.
        return queue(context.errorResponse(.shuttingDown, state.request), on: connection, close: true)
    }
    MHD_suspend_connection(connection)
    let request = state.request
    Task {
        let response = await context.responder.respond(to: request)
        guard state.claimResumption() else { return }  // shutdown answered it already
        context.suspended.remove(state)
        state.response = response
        MHD_resume_connection(handle.pointer)
    }
    return MHD_Result.YES
}

/// Leaves URL escapes as they are: the path is routed encoded and query arguments are
/// decoded by `beginRequest` (libmicrohttpd has already turned `+` into a space there).
func mhdKeepEscaped(cls: UnsafeMutableRawPointer?, connection: OpaquePointer?, text: UnsafeMutablePointer<CChar>?) -> Int {
    text.map { strlen($0) } ?? 0
}

func mhdRequestCompleted(
    cls: UnsafeMutableRawPointer?, connection: OpaquePointer?,
    conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, reason: MHD_RequestTerminationCode
) {
    guard let cls, let conCls, let existing = conCls.pointee else { return }
    let state = Unmanaged<RequestState>.fromOpaque(existing).takeRetainedValue()
    conCls.pointee = nil
    let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    context.bufferedBodyBytes.subtract(state.budgetedBytes, ordering: .relaxed)
    context.inFlight.subtract(1, ordering: .relaxed)
}

private func beginRequest(
    _ context: ServerContext, _ connection: OpaquePointer, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?,
    _ conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>
) -> MHD_Result {
    context.inFlight.add(1, ordering: .relaxed)
    let headers = connectionValues(connection, kind: MHD_ValueKind.HEADER_KIND)
    let request = HTTPRequest(
        method: method.map { String(cString: $0) } ?? "GET",
        path: url.map { String(cString: $0) } ?? "/",
        query: connectionValues(connection, kind: MHD_ValueKind.GET_ARGUMENT_KIND).map { argument in
            (name: PercentDecoding.decode(argument.name) ?? argument.name,
             value: argument.value.map { PercentDecoding.decode($0) ?? $0 })
        },
        headers: HTTPHeaders(headers.map { ($0.name, $0.value ?? "") }),
        remoteAddress: clientAddress(connection))
    let limit = context.configuration.bodyLimit(request.method, request.path)
    let state = RequestState(request: request, bodyLimit: limit)
    state.arrivedDuringShutdown = context.shuttingDown.load(ordering: .relaxed)
    conCls.pointee = Unmanaged.passRetained(state).toOpaque()

    let versionText = version.map { String(cString: $0) } ?? "HTTP/1.1"
    if let violation = FramingGuard.check(version: versionText, headers: request.headers.fields) {
        state.dispatched = true
        return queue(context.errorResponse(.badFraming(violation), request), on: connection, close: true)
    }
    let declared = request.headers["Content-Length"].flatMap { Int($0.trimmingWhitespace()) }
    if let declared, declared > limit {
        state.dispatched = true
        return queue(context.errorResponse(.payloadTooLarge(limit: limit), request), on: connection, close: true)
    }
    let hasBody = (declared ?? 0) > 0 || request.headers["Transfer-Encoding"] != nil
    if hasBody, !state.arrivedDuringShutdown, let refusal = context.configuration.admission(request) {
        state.dispatched = true
        return queue(refusal, on: connection, close: true)
    }
    if let declared, declared > 0 {
        // A declared length is counted against the body budget up front, so a body that cannot
        // fit is refused before any of it is read.
        guard context.reserveBodyBytes(declared) else {
            state.dispatched = true
            return queue(context.errorResponse(.overloaded, request), on: connection, close: true)
        }
        state.budgetedBytes = declared
        state.request.body.reserveCapacity(declared)
    }
    return MHD_Result.YES
}

private func receiveBody(_ context: ServerContext, _ state: RequestState, _ data: UnsafePointer<CChar>?, _ size: Int) -> MHD_Result {
    if state.rejection == nil, state.request.body.count + size > state.bodyLimit {
        state.rejection = .payloadTooLarge(limit: state.bodyLimit)
    } else if state.rejection == nil, state.request.body.count + size > state.budgetedBytes {
        // Chunked (no declared length): count as it arrives.
        let more = state.request.body.count + size - state.budgetedBytes
        if context.reserveBodyBytes(more) { state.budgetedBytes += more } else { state.rejection = .overloaded }
    }
    if state.rejection != nil, state.budgetedBytes > 0 {
        state.request.body = []
        context.bufferedBodyBytes.subtract(state.budgetedBytes, ordering: .relaxed)
        state.budgetedBytes = 0
    }
    if state.rejection != nil {
        state.discardedBytes += size
        return state.discardedBytes > maximumDiscardedBytes ? MHD_Result.NO : MHD_Result.YES
    }
    if let data {
        data.withMemoryRebound(to: UInt8.self, capacity: size) {
            state.request.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: size))
        }
    }
    return MHD_Result.YES
}

private func queue(_ response: HTTPResponse, on connection: OpaquePointer, close: Bool) -> MHD_Result {
    let mhdResponse = response.body.withUnsafeBytes { bytes in
        MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                        MHD_ResponseMemoryMode.RESPMEM_MUST_COPY)
    }
    guard let mhdResponse else { return MHD_Result.NO }
    defer { MHD_destroy_response(mhdResponse) }
    for (name, value) in response.headers where !name.caseInsensitiveEquals("Content-Length") {
        MHD_add_response_header(mhdResponse, name, value)
    }
    if close { MHD_add_response_header(mhdResponse, "Connection", "close") }
    return MHD_queue_response(connection, UInt32(response.status), mhdResponse)
}

/// Every value of one kind (headers or query arguments), duplicates included, in order.
private func connectionValues(_ connection: OpaquePointer, kind: MHD_ValueKind) -> [(name: String, value: String?)] {
    let collector = ValueCollector()
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    MHD_get_connection_values_n(connection, kind, mhdCollectValue, unmanaged.toOpaque())
    return collector.values
}

private final class ValueCollector {
    var values: [(name: String, value: String?)] = []
}

private func mhdCollectValue(
    cls: UnsafeMutableRawPointer?, kind: MHD_ValueKind, key: UnsafePointer<CChar>?, keySize: Int,
    value: UnsafePointer<CChar>?, valueSize: Int
) -> MHD_Result {
    guard let cls, let key else { return MHD_Result.YES }
    let collector = Unmanaged<ValueCollector>.fromOpaque(cls).takeUnretainedValue()
    let name = decode(key, keySize)
    collector.values.append((name: name, value: value.map { decode($0, valueSize) }))
    return MHD_Result.YES
}

private func decode(_ pointer: UnsafePointer<CChar>, _ size: Int) -> String {
    pointer.withMemoryRebound(to: UInt8.self, capacity: size) {
        String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self)
    }
}

private func clientAddress(_ connection: OpaquePointer) -> String {
    guard let address = jt_mhd_client_address(connection) else { return "unknown" }
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    switch Int32(address.pointee.sa_family) {
    case AF_INET:
        return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
            var raw = ipv4.pointee.sin_addr
            return inet_ntop(AF_INET, &raw, &buffer, socklen_t(buffer.count)).map { String(cString: $0) } ?? "unknown"
        }
    case AF_INET6:
        return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
            var raw = ipv6.pointee.sin6_addr
            return inet_ntop(AF_INET6, &raw, &buffer, socklen_t(buffer.count)).map { String(cString: $0) } ?? "unknown"
        }
    default:
        return "unknown"
    }
}
