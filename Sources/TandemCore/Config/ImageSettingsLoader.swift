extension ImageSettings {
    /// Reads `images:` of `tandem.yaml`; each wrong value is an error at its line, its default kept.
    static func parse(_ fields: inout YAMLFields) -> ImageSettings {
        var settings = ImageSettings()
        if fields.has("widths") {
            var widths: [Int] = []
            for item in fields.stringList("widths", example: "480") {
                guard let width = Int(item.value), (16...8192).contains(width) else {
                    fields.report(.error(item.location, "each width must be a number of pixels from 16 to 8192, not '\(item.value)'",
                                         hint: "write for example `widths: [480, 960, 1600]`"))
                    continue
                }
                widths.append(width)
            }
            settings.widths = Array(Set(widths)).sorted()
        }
        if let webp = fields.bool("webp") { settings.webp = webp }
        if let avif = fields.bool("avif") { settings.avif = avif }
        if let quality = fields.int("quality", example: "80") {
            if (1...100).contains(quality) {
                settings.quality = quality
            } else {
                fields.report(.error(fields.location(ofKey: "quality"), "'quality' must be from 1 to 100",
                                     hint: "write for example `quality: 80`"))
            }
        }
        if let sizes = fields.string("sizes", example: "(max-width: 46rem) 100vw, 44rem") { settings.sizes = sizes.value }
        for item in fields.stringList("keep_metadata_of", example: "press-kit/") {
            var path = item.value
            if path.hasPrefix("/") { path.removeFirst() }
            if path.hasPrefix("content/") { path.removeFirst("content/".count) }
            guard !path.isEmpty, !path.split(separator: "/").contains("..") else {
                fields.report(.error(item.location, "'keep_metadata_of' lists paths inside content/, not '\(item.value)'",
                                     hint: "write a file (`press-kit/logo.jpg`) or a folder ending in `/` (`press-kit/`)"))
                continue
            }
            settings.keepMetadataOf.append(path)
        }
        return settings
    }
}
