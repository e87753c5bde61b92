/// One headquarters focal point of each partner organisation: with these, every
/// joint page of a test site has someone to show in its contact block.
let headquartersFocalPoints = [
    "content/focal-points/unhcr-press.md": page("""
    name: Ana Press
    agency: UNHCR
    title: Spokesperson
    location: Geneva
    country: CH
    level: headquarters
    email: press@unhcr.example.org
    phone: +41 22 555 0100
    """, "UNHCR's press office."),
    "content/focal-points/iom-press.md": page("""
    name: Ivo Media
    agency: IOM
    title: Spokesperson
    location: Geneva
    country: CH
    level: headquarters
    email: media@iom.example.org
    mobile: +41 79 555 0200
    """, "IOM's media centre."),
]

extension Dictionary where Key == String, Value == String {
    /// These files and the headquarters focal points of both organisations.
    var withFocalPoints: [String: String] { merging(headquartersFocalPoints) { own, _ in own } }
}
