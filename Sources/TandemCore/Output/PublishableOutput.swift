/// An output that a build either publishes or discards as a whole.
protocol PublishableOutput: OutputSink {
    /// Makes the written files the site (for a staging folder: swaps it in),
    /// then runs `meanwhile`, the work that follows publishing, while it
    /// clears away what the site replaced.
    func publish(meanwhile: () -> Void) throws
    /// `publish`, keeping the replaced site as the spare folder if
    /// `keepingReplaced` (`SpareFolder`); `meanwhile` gets its identity (nil: none kept).
    func publish(keepingReplaced: Bool, meanwhile: (_ spareIdentity: String?) -> Void) throws
    /// Forgets everything written, after a failed build.
    func discard()
}

extension OutputFolder: PublishableOutput {}

extension PublishableOutput {
    func publish(keepingReplaced: Bool, meanwhile: (_ spareIdentity: String?) -> Void) throws {
        try publish { meanwhile(nil) }
    }

    /// Makes the written files the site, with nothing to do meanwhile.
    func publish() throws { try publish(meanwhile: {}) }
}
