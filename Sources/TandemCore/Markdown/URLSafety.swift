/// URL schemes that run code or reach the reader's disk, dropped from links
/// the way cmark does in its safe mode (images may still use `data:` pictures).
enum URLSafety {
    static func isDangerous(_ url: String, isImage: Bool) -> Bool {
        let lowered = String(url.drop { $0 == " " || $0 == "\t" }.prefix(16)).lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:") {
            return true
        }
        if lowered.hasPrefix("data:") {
            let pictures = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !(isImage && pictures.contains { lowered.hasPrefix($0) })
        }
        return false
    }
}

