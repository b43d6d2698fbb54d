/// An MHD connection pointer that may cross into the responder's task (only to resume it).
struct ConnectionHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
