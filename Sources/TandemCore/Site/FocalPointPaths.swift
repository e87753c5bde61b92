/// Where the focal-point files are published, next to the directory at
/// `/focal-points/`: `/focal-points/ID.vcf`, `/focal-points/all.vcf`,
/// `/focal-points/topics/TOPIC/`.
enum FocalPointPaths {
    /// `/focal-points/topics/refugees/`.
    static func topicURL(_ topic: PersonsCategory, directoryURL: Route) -> Route {
        directoryURL.appending(folders: ["topics", topic.rawValue])
    }

    /// `/focal-points/all.vcf`.
    static func allCardsURL(directoryURL: Route) -> Route {
        directoryURL.appending(file: "all.vcf")
    }

    /// `/focal-points/jdoe.vcf` for the page `/focal-points/jdoe/`.
    static func cardURL(pageURL: Route) -> Route {
        pageURL.sibling(withExtension: "vcf")
    }
}
