import Foundation
import Hummingbird

/// Answers every request of the preview: the site from memory (with the
/// live-reload script and, while the build is broken, the error overlay
/// injected into its HTML), the event stream, the script, and `/_review`;
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
        if request.method == .head { response.body = ResponseBody() }
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
            return site(path, query: request.uri.query)
        }
    }

    /// A file of the site, a redirect to a folder's slash form, or the site's 404 page.
    /// A site whose `base_url` has a path (`/joint/`) is served under that path, as it will be published.
    private func site(_ requestPath: String, query: String?) -> Response {
        let base = store.state.graph?.config.basePath ?? "/"
        var path = requestPath
        if base != "/" {
            guard requestPath.hasPrefix(base) else {
                if requestPath == "/" || requestPath + "/" == base {
                    return text(.found, "Moved to \(base)\n", extra: [.location: base])
                }
                return notFound(wanted: String(requestPath.dropFirst()))
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
            let (data, state) = store.read(file)
            guard let data else { return notFound(wanted: file) }
            return serve(data, path: file, wanted: file, status: .ok, state: state)
        case .notFound(let wanted):
            return notFound(wanted: wanted)
        }
    }

    /// The 404 page of the language whose folder the missing path is in (`fr/404.html`), else the site's.
    private func notFound(wanted: String) -> Response {
        if let folder = wanted.split(separator: "/").first, wanted.contains("/") {
            let path = String(folder) + "/404.html"
            let (page, state) = store.read(path)
            if let page { return serve(page, path: path, wanted: wanted, status: .notFound, state: state) }
        }
        let (page, state) = store.read("404.html")
        guard let page else { return text(.notFound, "Not found.\n") }
        return serve(page, path: "404.html", wanted: wanted, status: .notFound, state: state)
    }

    private func serve(_ data: Data, path: String, wanted: String, status: HTTPResponse.Status, state: SiteStore.State) -> Response {
        let type = ContentType.of(path)
        guard path.hasSuffix(".html") else { return bytes(status, data, type: type) }
        return bytes(status, decorate(data, served: path, wanted: wanted, state: state), type: type)
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
