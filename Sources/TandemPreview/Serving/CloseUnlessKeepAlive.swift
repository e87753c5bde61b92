import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Closes a connection after its response unless the request asked to keep
/// it open (HTTP/1.1 without `Connection: close`, or HTTP/1.0 with
/// `Connection: keep-alive`).
///
/// Why: Hummingbird ends a connection only when the request says exactly
/// `Connection: close`, and the HTTP version is gone by the time a request
/// reaches it, so HTTP/1.0 clients (ApacheBench, `curl --http1.0`) waited for
/// an end that never came. This handler sits where NIO has parsed the request
/// but the version is still known: it marks such requests `Connection: close`
/// (Hummingbird then closes after the response), and answers in the request's
/// version with the `Connection` header that tells the client what happens.
final class CloseUnlessKeepAlive: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The requests not answered yet, in order (a client may send several at once).
    private var pending: [(version: HTTPVersion, keepAlive: Bool)] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        pending.append((head.version, head.isKeepAlive))
        if !head.isKeepAlive { head.headers.replaceOrAdd(name: "connection", value: "close") }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data), head.status.code >= 200, !pending.isEmpty else {
            return context.write(data, promise: promise)
        }
        let request = pending.removeFirst()
        head.version = request.version
        if !request.keepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
        } else if request.version == .http1_0 {
            head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}

/// Hummingbird's HTTP/1 channel with ``CloseUnlessKeepAlive`` placed before
/// the conversion to HTTP types (which drops the version).
struct PreviewHTTP1Channel: ServerChildChannel {
    let http1: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(CloseUnlessKeepAlive(), position: .before(pipeline.handler(type: HTTP1ToHTTPServerCodec.self)))
            return value
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 as Hummingbird serves it, closing connections the request did not ask to keep.
    static var preview: HTTPServerBuilder {
        .init { responder in PreviewHTTP1Channel(http1: HTTP1Channel(responder: responder)) }
    }
}
