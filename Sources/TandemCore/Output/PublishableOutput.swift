/// An output that a build either publishes or discards as a whole.
protocol PublishableOutput: OutputSink {
    /// Makes the written files the site (for a staging folder: swaps it in).
    func publish() throws
    /// Forgets everything written, after a failed build.
    func discard()
}

extension OutputFolder: PublishableOutput {}
