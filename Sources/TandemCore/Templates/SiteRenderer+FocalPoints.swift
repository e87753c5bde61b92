import Foundation

/// The files of `content/focal-points/` besides each focal point's page: the
/// directory (the folder's listing, grouped rather than paginated), one
/// listing per topic, and the vCards (`ID.vcf` for each, `all.vcf` for all).
extension SiteRenderer {
    private enum FocalPointJob: Sendable {
        case directory(section: Int)
        case topic(section: Int, PersonsCategory)
        case cards(section: Int)
    }

    func renderFocalPointFiles() -> [JobResult] {
        var jobs: [FocalPointJob] = []
        for index in graph.sections.indices where graph.sections[index].isFocalPointDirectory {
            jobs.append(.directory(section: index))
            jobs += FocalPointDirectory.topics(of: records(of: graph.sections[index])).map { .topic(section: index, $0) }
            jobs.append(.cards(section: index))
        }
        return jobs.parallelMap { job -> [JobResult] in
            switch job {
            case .directory(let index): [renderDirectory(graph.sections[index])]
            case .topic(let index, let topic): [renderTopic(topic, of: graph.sections[index])]
            case .cards(let index): writeCards(of: graph.sections[index])
            }
        }.flatMap { $0 }
    }

    private func records(of section: Section) -> [FocalPointRecord] {
        section.members.compactMap { graph.pages[$0].source.focalPoint }
    }

    private func renderDirectory(_ section: Section) -> JobResult {
        let context = PageContext(graph: graph, templates: templates)
        var values = context.common(language: section.language, url: section.url)
        var diagnostics: [Diagnostic] = []
        let indexPage = section.indexPage.map { graph.pages[$0] }
        if let indexPage {
            let markdown = renderMarkdown(indexPage)
            diagnostics = markdown.diagnostics
            values["page"] = context.page(indexPage, content: markdown.html)
        } else {
            values["page"] = ["title": section.title, "url": section.url, "permalink": context.permalink(section.url), "kind": "section"]
        }
        values["items"] = section.members.map { context.item(graph.pages[$0]) }
        values["focal_points"] = context.focalPointListing(section, records: records(of: section), topic: nil)
        let ownLayout = "\(section.folder)/list"
        let layout = indexPage?.frontMatter.layout?.value
            ?? (templates.layouts[ownLayout] == nil ? "focal-point-directory" : ownLayout)
        return finish(values, page: indexPage, layout: layout, outputPath: section.outputPath, extra: diagnostics)
    }

    private func renderTopic(_ topic: PersonsCategory, of section: Section) -> JobResult {
        let context = PageContext(graph: graph, templates: templates)
        let url = FocalPointPaths.topicURL(topic, directoryURL: section.url)
        var values = context.common(language: section.language, url: url)
        values["page"] = ["title": context.topicTitle(topic, language: section.language), "url": url,
                          "permalink": context.permalink(url), "kind": "focal-point-topic"]
        values["focal_points"] = context.focalPointListing(section, records: records(of: section), topic: topic)
        return finish(values, page: nil, layout: "focal-point-topic", outputPath: PageURL.outputPath(for: url), extra: [])
    }

    /// One card per focal point, and all of them (in the directory's order) in `all.vcf`.
    private func writeCards(of section: Section) -> [JobResult] {
        let context = PageContext(graph: graph, templates: templates)
        let language = section.language
        var results: [JobResult] = []
        var cards: [String: VCard] = [:]
        for page in section.members.map({ graph.pages[$0] }) {
            guard let record = page.source.focalPoint else { continue }
            guard record.id != FocalPointPaths.reservedID else {
                results.append(JobResult(diagnostics: [.error(SourceLocation(path: record.path),
                    "a focal point cannot be called '\(record.id)': \(FocalPointPaths.allCardsURL(directoryURL: section.url)) holds the cards of all of them",
                    hint: "rename the file, e.g. after the person")]))
                continue
            }
            let card = VCard(record, organization: record.agency.map { context.agencyName($0, language: language) },
                             countryName: record.country.map { context.countryName($0, language: language) },
                             url: context.permalink(page.url))
            cards[record.id] = card
            results.append(write(VCardEncoder.encode(card), to: FocalPointPaths.cardURL(pageURL: page.url), origin: record.path))
        }
        let directoryOrder = FocalPointDirectory(records(of: section)).agencies
            .flatMap { $0.levels.flatMap { $0.stations.flatMap(\.focalPointIDs) } }
        let all = directoryOrder.compactMap { cards[$0] }
        if !all.isEmpty {
            results.append(write(VCardEncoder.encode(all), to: FocalPointPaths.allCardsURL(directoryURL: section.url),
                                 origin: "content/\(section.folder)/"))
        }
        return results
    }

    private func write(_ text: String, to url: String, origin: String) -> JobResult {
        let path = FocalPointPaths.outputPath(ofFile: url)
        do {
            try output.write(Data(text.utf8), to: path)
            return JobResult(outputPath: path)
        } catch {
            return JobResult(diagnostics: [.error(SourceLocation(path: origin), "cannot write \(path): \(error.localizedDescription)")])
        }
    }
}
