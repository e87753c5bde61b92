/// The ways pages are classified besides their folder: who they concern,
/// what kind of cooperation, where, and who leads. Each has a listing per term
/// (`/persons/refugees/`) and an index of its terms (`/persons/`).
public enum Taxonomy: String, Sendable, CaseIterable, Hashable {
    case persons
    case activities
    case countries
    case lead

    /// The terms a page carries, as they appear in URLs (`refugees`, `co`, `co-led`).
    func terms(of matter: FrontMatter) -> [String] {
        switch self {
        case .persons: matter.persons.map(\.rawValue)
        case .activities: matter.activities.map(\.rawValue)
        case .countries: matter.countries.map { $0.value.lowercased() }
        case .lead: matter.joint ? matter.lead.map { [$0.value.rawValue.lowercased()] } ?? [] : []
        }
    }

    /// The key of a term's human label in the templates' strings (`persons.idps`, `countries.CO`, `leads.co_led`).
    func labelKey(for term: String) -> String {
        switch self {
        case .persons, .activities: "\(rawValue).\(term)"
        case .countries: "countries.\(term.uppercased())"
        case .lead: "leads.\(term == "co-led" ? "co_led" : term)"
        }
    }

    /// The key of the taxonomy's own name in the strings (`taxonomies.persons`).
    var nameKey: String { "taxonomies.\(rawValue)" }
}
