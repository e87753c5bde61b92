import Foundation

/// The files of `content/focal-points/` besides each focal point's page: the
/// directory (the folder's listing, grouped rather than paginated), one
/// listing per topic, and the vCards (`ID.vcf` for each, `all.vcf` for all).
extension SiteRenderer {
    func renderFocalPointFile(_ file: FocalPointFile, outputPath: String) -> JobResult {
        switch file {
        case .directory(let section): renderDirectory(graph.sections[section], outputPath: outputPath)
        case .topic(let section, let topic): renderTopic(topic, of: graph.sections[section], outputPath: outputPath)
        case .card(let page): writeCard(of: graph.pages[page], outputPath: outputPath)
        case .allCards(let section): writeAllCards(of: graph.sections[section], outputPath: outputPath)
        }
    }

    private func renderDirectory(_ section: Section, outputPath: String) -> JobResult {
        var values = context.common(language: section.language, url: section.url)
        var diagnostics: [Diagnostic] = []
        let indexPage = section.indexPage.map { graph.pages[$0] }
        if let indexPage {
            let markdown = renderMarkdown(indexPage)
            diagnostics = markdown.diagnostics
            values["page"] = context.page(indexPage, content: markdown.html)
        } else {
            values["page"] = ["title": section.title, "url": section.url, "permalink": context.permalink(section.url), "kind": "section",
                              "summary": "", "translations": [] as [Any]]
        }
        values["items"] = section.members.map { context.item(graph.pages[$0]) }
        values["focal_points"] = context.focalPointListing(section, records: graph.focalPointRecords(of: section), topic: nil)
        values["json_ld"] = StructuredData.json(name: section.title, permalink: context.permalink(section.url),
                                                language: section.language, config: graph.config)
        let layoutName = indexPage?.frontMatter.layout?.value ?? layout("\(section.folder)/list", else: "focal-point-directory")
        return finish(values, page: indexPage, layout: layoutName, outputPath: outputPath, extra: diagnostics)
    }

    private func renderTopic(_ topic: PersonsCategory, of section: Section, outputPath: String) -> JobResult {
        let url = FocalPointPaths.topicURL(topic, directoryURL: section.url)
        let title = context.topicTitle(topic, language: section.language)
        var values = context.common(language: section.language, url: url)
        values["page"] = ["title": title, "url": url, "permalink": context.permalink(url), "kind": "focal-point-topic",
                          "summary": "", "translations": [] as [Any]]
        values["focal_points"] = context.focalPointListing(section, records: graph.focalPointRecords(of: section), topic: topic)
        values["json_ld"] = StructuredData.json(name: title, permalink: context.permalink(url), language: section.language,
                                                config: graph.config)
        return finish(values, page: nil, layout: "focal-point-topic", outputPath: outputPath, extra: [])
    }

    private func card(of page: Page) -> VCard? {
        guard let record = page.source.focalPoint else { return nil }
        let language = page.source.language
        return VCard(record, organization: record.agency.map { context.agencyName($0, language: language) },
                     countryName: record.country.map { context.countryName($0, language: language) },
                     url: context.permalink(page.url))
    }

    private func writeCard(of page: Page, outputPath: String) -> JobResult {
        write(card(of: page).map(VCardEncoder.encode) ?? "", to: outputPath, origin: page.source.path)
    }

    /// Every card of the folder, in the directory's order.
    private func writeAllCards(of section: Section, outputPath: String) -> JobResult {
        var pages: [String: Page] = [:]
        for index in section.members { if let id = graph.pages[index].source.focalPoint?.id { pages[id] = graph.pages[index] } }
        let order = FocalPointDirectory(graph.focalPointRecords(of: section)).agencies.flatMap { $0.levels.flatMap { $0.stations.flatMap(\.focalPointIDs) } }
        let cards = order.compactMap { pages[$0].flatMap(card(of:)) }
        return write(VCardEncoder.encode(cards), to: outputPath, origin: "content/\(section.folder)/")
    }

    private func write(_ text: String, to path: String, origin: String) -> JobResult {
        do {
            try output.write(Data(text.utf8), to: path)
            return JobResult(outputPath: path)
        } catch {
            return JobResult(diagnostics: [.error(SourceLocation(path: origin), "cannot write \(path): \(error.localizedDescription)")])
        }
    }
}
