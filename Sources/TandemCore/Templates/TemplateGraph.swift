/// How the templates of a set use one another (partials and parents), and
/// which of them can be rendered safely. swift-mustache follows these
/// references while it renders, so a template that reaches itself recurses
/// until the process crashes, and one that reaches a template with an error
/// renders wrong; both are found here, from the texts alone, before anything
/// is rendered.
struct TemplateGraph {
    typealias Reference = TemplateReferences.Reference

    /// One step of a cycle: the template `from` refers to the next one with `reference`.
    struct Step: Equatable {
        var from: String
        var reference: Reference
    }

    /// Template name to the references its text makes, in the order written.
    let references: [String: [Reference]]

    init(texts: [String: String]) {
        references = texts.mapValues { TemplateReferences.scan($0) }
    }

    /// Every cycle once: from its first name (in sorted order) back to it, by
    /// the shortest way. A template that uses itself is a cycle of one step.
    func cycles() -> [[Step]] {
        components().compactMap { component -> [Step]? in
            let start = component.min()!
            return shortestWay(from: start, to: start, within: component)
        }.sorted { $0[0].from < $1[0].from }
    }

    /// The templates that must not be rendered: those in `broken` (they did
    /// not parse), those in a cycle, those with a reference to a template
    /// that does not exist or that is named at render time, and every
    /// template that reaches one of these.
    func unusable(broken: Set<String>) -> Set<String> {
        var unusable = broken
        for component in components() { unusable.formUnion(component) }
        for (name, refs) in references where refs.contains(where: { $0.isDynamic || references[$0.name] == nil }) {
            unusable.insert(name)
        }
        var users: [String: [String]] = [:]
        for (name, refs) in references {
            for reference in refs { users[reference.name, default: []].append(name) }
        }
        var queue = Array(unusable)
        while let name = queue.popLast() {
            for user in users[name] ?? [] where !unusable.contains(user) {
                unusable.insert(user)
                queue.append(user)
            }
        }
        return unusable
    }

    /// The strongly connected components that hold a cycle (Tarjan's algorithm),
    /// visiting names in sorted order so that results do not depend on hashing.
    private func components() -> [Set<String>] {
        var index: [String: Int] = [:], lowLink: [String: Int] = [:]
        var stack: [String] = [], onStack: Set<String> = []
        var result: [Set<String>] = []
        func visit(_ name: String) {
            index[name] = index.count
            lowLink[name] = index[name]
            stack.append(name)
            onStack.insert(name)
            for next in targets(of: name) {
                if index[next] == nil {
                    visit(next)
                    lowLink[name] = min(lowLink[name]!, lowLink[next]!)
                } else if onStack.contains(next) {
                    lowLink[name] = min(lowLink[name]!, index[next]!)
                }
            }
            guard lowLink[name] == index[name] else { return }
            var component: Set<String> = []
            while let top = stack.popLast() {
                onStack.remove(top)
                component.insert(top)
                if top == name { break }
            }
            if component.count > 1 || targets(of: name).contains(name) { result.append(component) }
        }
        for name in references.keys.sorted() where index[name] == nil { visit(name) }
        return result
    }

    /// The templates `name` refers to by name that are part of the set.
    private func targets(of name: String) -> [String] {
        (references[name] ?? []).filter { !$0.isDynamic && references[$0.name] != nil }.map(\.name)
    }

    /// Breadth-first: the fewest steps from `start` to `end` inside `component`.
    private func shortestWay(from start: String, to end: String, within component: Set<String>) -> [Step]? {
        var cameFrom: [String: Step] = [:]
        var frontier = [start]
        while !frontier.isEmpty {
            var next: [String] = []
            for name in frontier {
                for reference in references[name] ?? [] where !reference.isDynamic && component.contains(reference.name) {
                    let step = Step(from: name, reference: reference)
                    if reference.name == end {
                        var way = [step]
                        var current = name
                        while current != start, let previous = cameFrom[current] {
                            way.insert(previous, at: 0)
                            current = previous.from
                        }
                        return way
                    }
                    if cameFrom[reference.name] == nil && reference.name != start {
                        cameFrom[reference.name] = step
                        next.append(reference.name)
                    }
                }
            }
            frontier = next
        }
        return nil
    }
}
