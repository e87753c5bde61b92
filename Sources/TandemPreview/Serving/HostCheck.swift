import Hummingbird

/// Which `Host` a request to the preview may name: `localhost`, `127.0.0.1`,
/// `[::1]` or the `--host` given, each alone or with the port the server
/// listens on. Anything else is refused (403), a missing Host too.
///
/// Why: the preview serves drafts and embargoed pages. With DNS rebinding, a
/// web page the reviewer visits (`attacker.example`) re-points its own name at
/// 127.0.0.1 and reads the preview as if it were the same site; the Host it
/// sends then still names the attacker, which is what this rule catches.
struct HostCheck: Sendable {
    /// The names allowed, lower case, IPv6 addresses in brackets as a Host header writes them.
    let names: Set<String>

    init(host: String) {
        let given = host.lowercased()
        names = ["localhost", "127.0.0.1", "[::1]", given.contains(":") && !given.hasPrefix("[") ? "[\(given)]" : given]
    }

    static let refusal = """
        This preview only answers requests for localhost, 127.0.0.1, [::1] or the --host it was given, \
        on its own port. Other Host names are refused so that no other web site can read unpublished pages \
        (DNS rebinding).

        """

    /// Whether `request` names one of the allowed hosts, on `port` (the port the connection arrived on) or none.
    func allows(_ request: Request, port: Int?) -> Bool {
        // The first Host header becomes the authority; a second one stays among the fields and is refused.
        guard let host = request.head.authority, !request.headers.contains(where: { $0.name.canonicalName == "host" }) else { return false }
        return allows(host, port: port)
    }

    /// Whether a Host header's value names an allowed host, on `port` or none.
    func allows(_ host: String, port: Int?) -> Bool {
        let value = host.lowercased()
        var name = Substring(value)
        var portText: Substring?
        if value.hasPrefix("[") {
            guard let end = value.firstIndex(of: "]") else { return false }
            name = value[...end]
            let rest = value[value.index(after: end)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return false }
                portText = rest.dropFirst()
            }
        } else if let colon = value.lastIndex(of: ":") {
            name = value[..<colon]
            portText = value[value.index(after: colon)...]
        }
        guard names.contains(String(name)) else { return false }
        guard let portText else { return true }
        return port.map { String($0) == portText } ?? false
    }
}
