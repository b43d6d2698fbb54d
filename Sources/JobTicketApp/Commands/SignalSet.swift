import Glibc

/// A set of POSIX signals handled synchronously with `sigwait`, never with C signal handlers.
struct SignalSet {
    private var set = sigset_t()

    init(_ signals: [Int32]) {
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
    }

    /// Blocks the signals for the calling thread and every thread it creates afterwards.
    func block() {
        var mask = set
        pthread_sigmask(SIG_BLOCK, &mask, nil)
    }

    /// Waits until one of the signals arrives and returns it.
    func wait() -> Int32 {
        var mask = set
        var received: Int32 = 0
        while sigwait(&mask, &received) != 0 {}
        return received
    }
}
