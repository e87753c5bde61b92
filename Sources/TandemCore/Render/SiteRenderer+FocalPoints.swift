import Foundation

/// The files of `content/focal-points/` besides each focal point's page: the
/// directory (the folder's listing, grouped rather than paginated), one
/// listing per topic, and the vCards (`ID.vcf` for each, `all.vcf` for all).
extension SiteRenderer {
    func renderFocalPointFile(_ file: FocalPointFile, outputPath: String) -> Made {
        switch file {
        case .directory(let section): renderDirectory(site.section(section), outputPath: outputPath)
        case .topic(let section, let topic): renderTopic(topic, of: site.section(section), outputPath: outputPath)
        case .card(let page): writeCard(of: site.page(page), outputPath: outputPath)
        case .allCards(let section): writeAllCards(of: site.section(section), outputPath: outputPath)
        }
    }

    private func renderDirectory(_ section: Section, outputPath: String) -> Made {
        var values = context.common(language: section.language, url: section.url)
        var diagnostics: [Diagnostic] = []
        let indexPage = section.indexPage.map(site.page)
        if let indexPage {
            let markdown = renderMarkdown(indexPage)
            diagnostics = markdown.diagnostics
            values["page"] = context.page(indexPage, content: markdown.utf8)
        } else {
            values["page"] = context.generatedPage(title: context.sectionTitle(section), url: section.url, kind: "section")
        }
        values["items"] = section.members.map { context.item(page: $0) }
        values["focal_points"] = context.focalPointListing(section, records: site.focalPointRecords(of: section), topic: nil)
        values["json_ld"] = context.collectionData(name: context.sectionTitle(section), url: section.url, language: section.language)
        let chosen = indexPage?.frontMatter.layout?.value
        let layoutName = chosen.map { site.layout($0, else: $0) } ?? site.layout("\(section.folder)/list", else: "focal-point-directory")
        return finish(values, page: indexPage, layout: layoutName, outputPath: outputPath, extra: diagnostics)
    }

    private func renderTopic(_ topic: PersonsCategory, of section: Section, outputPath: String) -> Made {
        let url = FocalPointPaths.topicURL(topic, directoryURL: section.url)
        let title = context.topicTitle(topic, language: section.language)
        var values = context.common(language: section.language, url: url)
        values["page"] = context.generatedPage(title: title, url: url, kind: "focal-point-topic")
        values["focal_points"] = context.focalPointListing(section, records: site.focalPointRecords(of: section), topic: topic)
        values["json_ld"] = context.collectionData(name: title, url: url, language: section.language)
        return finish(values, page: nil, layout: "focal-point-topic", outputPath: outputPath, extra: [])
    }

    private func card(of page: Page) -> VCard? {
        guard let record = page.source.focalPoint else { return nil }
        let language = page.source.language
        return VCard(record, organization: record.agency.map { context.agencyName($0, language: language) },
                     countryName: record.country.map { context.countryName($0, language: language) },
                     url: context.permalink(page.url))
    }

    private func writeCard(of page: Page, outputPath: String) -> Made {
        write(card(of: page).map(VCardEncoder.encode) ?? "", to: outputPath, origin: page.source.path)
    }

    /// Every card of the folder, in the directory's order.
    private func writeAllCards(of section: Section, outputPath: String) -> Made {
        var pages: [String: Page] = [:]
        for index in section.members {
            let page = site.page(index)
            if let id = page.source.focalPoint?.id { pages[id] = page }
        }
        let order = FocalPointDirectory(site.focalPointRecords(of: section)).agencies.flatMap { $0.levels.flatMap { $0.stations.flatMap(\.focalPointIDs) } }
        let cards = order.compactMap { pages[$0].flatMap(card(of:)) }
        return write(VCardEncoder.encode(cards), to: outputPath, origin: "content/\(section.folder)/")
    }
}
