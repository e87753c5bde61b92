import Foundation
import Hummingbird
import TandemCore

/// Answers every request of the preview: the site from memory (with the
/// live-reload script and, while the build is broken, the error overlay
/// injected into its HTML; other files as kept, gzip-compressed to clients
/// that take gzip), the event stream, the script, and `/_review`;
/// only to requests naming this machine (``HostCheck``), and never to pages
/// of other sites (`Cross-Origin-Resource-Policy: same-origin`, no CORS).
struct PreviewResponder: HTTPResponder {
    typealias Context = PreviewRequestContext

    let store: SiteStore
    let hub: LiveReloadHub
    let hosts: HostCheck

    static let scriptPath = "/_tandem/live-reload.js"

    func respond(to request: Request, context: Context) async throws -> Response {
        var response = answer(request, port: context.localPort)
        response.headers[.crossOriginResourcePolicy] = "same-origin"
        return response
    }

    private func answer(_ request: Request, port: Int?) -> Response {
        guard hosts.allows(request, port: port) else {
            return text(.forbidden, HostCheck.refusal)
        }
        guard request.method == .get || request.method == .head else {
            return text(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        var response = route(request)
        if request.method == .head {
            // No body, but the headers of the GET, its length too (setting the body resets it).
            let length = response.headers[.contentLength]
            response.body = ResponseBody()
            response.headers[.contentLength] = length
        }
        return response
    }

    private func route(_ request: Request) -> Response {
        let path = request.uri.path
        switch path {
        case EventStream.path:
            let query = request.uri.queryParameters
            return EventStream.response(hub: hub, session: query["session"].map(String.init),
                                        since: query["since"].flatMap { Int($0) })
        case Self.scriptPath:
            return bytes(.ok, Data(PackageResources.live_reload_js), type: "text/javascript; charset=utf-8")
        case ReviewPage.path, ReviewPage.path + "/":
            let state = store.state
            let page = Data(ReviewPage.html(state).utf8)
            return bytes(.ok, decorate(page, served: "*", wanted: "*", state: state), type: "text/html; charset=utf-8")
        default:
            return site(path, query: request.uri.query,
                        takesGzip: AcceptEncoding.takesGzip(request.headers[.acceptEncoding]))
        }
    }

    /// A file of the site, a redirect to a folder's slash form, or the site's 404 page.
    /// A site whose `base_url` has a path (`/joint/`) is served under that path, as it will be published.
    private func site(_ requestPath: String, query: String?, takesGzip: Bool) -> Response {
        let base = store.state.graph?.config.basePath ?? "/"
        var path = requestPath
        if base != "/" {
            guard requestPath.hasPrefix(base) else {
                if requestPath == "/" || requestPath + "/" == base {
                    return text(.found, "Moved to \(base)\n", extra: [.location: base])
                }
                return notFound(wanted: String(requestPath.dropFirst()), takesGzip: takesGzip)
            }
            path = "/" + requestPath.dropFirst(base.count)
        }
        switch SitePath.resolve(path, exists: { store.file($0) != nil }) {
        case .badRequest:
            return text(.badRequest, "This path is not allowed.\n")
        case .redirect(var location):
            location = String(base.dropLast()) + location
            if let query, !query.isEmpty, !query.contains(where: { $0 == "\r" || $0 == "\n" }) { location += "?" + query }
            return text(.movedPermanently, "Moved to \(location)\n", extra: [.location: location])
        case .file(let file):
            let (kept, state) = store.read(file)
            guard let kept else { return notFound(wanted: file, takesGzip: takesGzip) }
            return serve(kept, path: file, wanted: file, status: .ok, state: state, takesGzip: takesGzip)
        case .notFound(let wanted):
            return notFound(wanted: wanted, takesGzip: takesGzip)
        }
    }

    /// The 404 page of the language whose folder the missing path is in (`fr/404.html`), else the site's.
    private func notFound(wanted: String, takesGzip: Bool) -> Response {
        if let folder = wanted.split(separator: "/").first, wanted.contains("/") {
            let path = String(folder) + "/404.html"
            let (page, state) = store.read(path)
            if let page {
                return serve(page, path: path, wanted: wanted, status: .notFound, state: state, takesGzip: takesGzip)
            }
        }
        let (page, state) = store.read("404.html")
        guard let page else { return text(.notFound, "Not found.\n") }
        return serve(page, path: "404.html", wanted: wanted, status: .notFound, state: state, takesGzip: takesGzip)
    }

    /// A kept file as the client takes it. Pages are decompressed for the
    /// markup injected into them and go out uncompressed: compressing them
    /// again for every request would cost time and, on this machine's
    /// loopback, save none. Other files compressed in memory go out as they
    /// are kept when the client takes gzip, decompressed otherwise.
    private func serve(_ file: MemoryFile, path: String, wanted: String, status: HTTPResponse.Status,
                       state: SiteStore.State, takesGzip: Bool) -> Response {
        let type = ContentType.of(path)
        if path.hasSuffix(".html") {
            return bytes(status, decorate(file.bytes, served: path, wanted: wanted, state: state), type: type)
        }
        guard file.isGzip else { return bytes(status, file.stored, type: type) }
        var response = bytes(status, takesGzip ? file.stored : file.bytes, type: type)
        if takesGzip { response.headers[.contentEncoding] = "gzip" }
        response.headers[.vary] = "Accept-Encoding"
        return response
    }

    /// A page with the live-reload script and the current error overlay.
    private func decorate(_ page: Data, served: String, wanted: String, state: SiteStore.State) -> Data {
        let markup = ErrorOverlay.html(state.diagnostics)
            + HTMLInjection.scriptTag(served: served, wanted: wanted, version: state.version, session: hub.session,
                                      base: state.graph?.config.basePath ?? "/")
        return HTMLInjection.inject(markup, into: page)
    }

    private func bytes(_ status: HTTPResponse.Status, _ data: Data, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var response = bytes(status, Data(message.utf8), type: "text/plain; charset=utf-8")
        response.headers.append(contentsOf: extra)
        return response
    }
}
