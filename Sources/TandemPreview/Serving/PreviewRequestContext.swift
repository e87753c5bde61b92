import Hummingbird
import NIOCore

/// Hummingbird's request context plus the port the connection came in on,
/// which the Host check compares with (`--port 0` makes it known only once
/// the server listens, so it is read from each connection).
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let localPort: Int?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        localPort = source.channel.localAddress?.port
    }
}
