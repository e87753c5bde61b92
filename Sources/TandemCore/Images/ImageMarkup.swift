/// The HTML of an image of `content/` in a page (its text, its `image:`):
/// a `<picture>` with an AVIF and a WebP source as the settings publish them
/// (AVIF first: browsers take the first type they read), the original
/// format's `srcset`, `width` and `height` (so the page does not jump as it
/// loads), `decoding="async"`, and `loading="lazy"` unless it is the first
/// image of the page.
enum ImageMarkup {
    static func html(_ image: LinkedImage, alt: String, title: String?, eager: Bool) -> String {
        let escape = MarkupEscaping.escape
        var html = image.markupOpening
        html += " alt=\"\(escape(alt))\""
        if let title, !title.isEmpty { html += " title=\"\(escape(title))\"" }
        if !eager { html += " loading=\"lazy\"" }
        html += " decoding=\"async\"></picture>"
        return html
    }

    /// What every page showing `image` writes alike: the `<picture>`, its
    /// sources, and the `<img>` up to its size (`LinkedImage.markupOpening`,
    /// made once per image and build, not for each page that shows it).
    static func opening(_ image: LinkedImage) -> String {
        let escape = MarkupEscaping.escape
        var html = "<picture>"
        for set in image.sourceSets.dropFirst() {
            html += "<source type=\"\(set.format.mimeType)\" srcset=\"\(escape(set.srcset))\" sizes=\"\(escape(image.sizes))\">"
        }
        html += "<img src=\"\(escape(image.fallback.href))\""
        if let own = image.sourceSets.first, own.variants.count > 1 {
            html += " srcset=\"\(escape(own.srcset))\" sizes=\"\(escape(image.sizes))\""
        }
        html += " width=\"\(image.width)\" height=\"\(image.height)\""
        return html
    }
}
