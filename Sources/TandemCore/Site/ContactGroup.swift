/// The focal points a page shows for one partner organisation in its contact
/// block, and how they were chosen.
public struct ContactGroup: Sendable, Hashable {
    /// Why these focal points, from the most to the least specific.
    public enum Reason: String, Sendable, Hashable {
        /// The page names them in `focal_points`.
        case named
        /// They cover one of the page's countries and one of its persons categories.
        case countryAndTopic = "country-and-topic"
        /// They cover one of the page's countries.
        case country
        /// Headquarters focal points whose topics include one of the page's persons categories.
        case headquartersAndTopic = "headquarters-and-topic"
        /// Headquarters focal points, when nothing more specific matches.
        case headquarters
    }

    public var agency: Agency
    /// Ids of focal-point files, in the order the block lists them.
    public var focalPointIDs: [String]
    public var reason: Reason

    public init(agency: Agency, focalPointIDs: [String], reason: Reason) {
        self.agency = agency
        self.focalPointIDs = focalPointIDs
        self.reason = reason
    }
}
