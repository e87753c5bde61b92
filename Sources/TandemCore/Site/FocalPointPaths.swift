/// Where the focal-point files are published, next to the directory at
/// `/focal-points/`: `/focal-points/ID.vcf`, `/focal-points/all.vcf`,
/// `/focal-points/topics/TOPIC/`.
enum FocalPointPaths {
    /// `/focal-points/topics/refugees/`.
    static func topicURL(_ topic: PersonsCategory, directoryURL: String) -> String {
        directoryURL + "topics/\(topic.rawValue)/"
    }

    /// `/focal-points/all.vcf`.
    static func allCardsURL(directoryURL: String) -> String {
        directoryURL + "all.vcf"
    }

    /// `/focal-points/jdoe.vcf` for the page `/focal-points/jdoe/`.
    static func cardURL(pageURL: String) -> String {
        String(pageURL.dropLast()) + ".vcf"
    }

    /// The output file of a URL path without its leading slash: `focal-points/jdoe.vcf`.
    static func outputPath(ofFile url: String) -> String {
        String(url.dropFirst())
    }
}
