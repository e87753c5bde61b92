import Hummingbird
import ServiceLifecycle

/// The response to `/_tandem/events`: a Server-Sent Events stream that
/// relays the hub's messages until the page goes away or the server shuts
/// down (the stream is cancelled on graceful shutdown, so Ctrl-C is not held
/// up by open pages).
enum EventStream {
    static let path = "/_tandem/events"

    static func response(hub: LiveReloadHub, session: String?, since: Int?) -> Response {
        let messages = hub.subscribe(session: session, since: since)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await message in messages.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: message))
            }
            try await writer.finish(nil)
        })
    }
}
