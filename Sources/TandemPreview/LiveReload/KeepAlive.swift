import ServiceLifecycle

/// Sends a comment line down every event stream at an interval (so proxies
/// and browsers keep idle streams open, and streams of closed pages are
/// noticed), and ends every stream when the server shuts down.
struct KeepAlive: Service {
    let hub: LiveReloadHub
    let interval: Duration

    func run() async throws {
        await withGracefulShutdownHandler {
            do {
                try await cancelWhenGracefulShutdown {
                    while true {
                        try await Task.sleep(for: interval)
                        hub.ping()
                    }
                }
            } catch {
                // Cancelled: the server is shutting down.
            }
        } onGracefulShutdown: {
            hub.finish()
        }
    }
}
