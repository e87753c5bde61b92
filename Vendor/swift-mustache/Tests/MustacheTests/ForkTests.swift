// Tests of what Tandem's fork changes (FORK.md).

import XCTest

@testable import Mustache

final class ForkTests: XCTestCase {
    func testEscapesTheFiveCharactersByBytes() {
        XCTAssertEqual("a<b>&\"c'd".htmlEscape(), "a&lt;b&gt;&amp;&quot;c&#39;d")
        XCTAssertEqual("réfugiés – لاجئون".htmlEscape(), "réfugiés – لاجئون")
        XCTAssertEqual("".htmlEscape(), "")
        XCTAssertEqual("<".htmlEscape(), "&lt;")
    }

    /// Upstream compared whole Characters, so a `<` carrying a combining mark slipped through.
    func testEscapesAMarkCarryingACombiningCharacter() {
        XCTAssertEqual("<\u{301}script>".htmlEscape(), "&lt;\u{301}script&gt;")
    }

    /// A value is first scanned in place for the five characters; wherever the first one is,
    /// the rest escapes as before, and a value without any is appended whole.
    func testEscapingStartsAtTheFirstCharacterThatNeedsIt() {
        for prefix in ["", "a", "réfugiés "] {
            XCTAssertEqual((prefix + "x'y<z").htmlEscape(), prefix + "x&#39;y&lt;z")
            XCTAssertEqual((prefix + "&").htmlEscape(), prefix + "&amp;")
        }
        var output = Array("start ".utf8)
        "plain".appendHTMLEscaped(to: &output)
        "a<b".appendHTMLEscaped(to: &output)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "start plaina&lt;b")
    }

    /// A rendering appends UTF-8 bytes (`renderUTF8`); `render` gives the same text as a String,
    /// and an indented partial is indented after a line break of "\n" alone, as upstream did
    /// (it compared the last Character, and "\r\n" is another one).
    func testRendersUTF8BytesAsTheStringRenderingWrites() throws {
        let library = try MustacheLibrary(templates: [
            "page": MustacheTemplate(string: "{{title}} – {{{html}}}\n  {{>item}}\n"),
            "item": MustacheTemplate(string: "réfugiés\n{{n}}\r\n{{n}}\n"),
        ])
        let object: [String: Any] = ["title": "A & B", "html": "<b>لاجئون</b>", "n": 7]
        let bytes = try XCTUnwrap(library.renderUTF8(object, withTemplate: "page"))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), library.render(object, withTemplate: "page"))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "A &amp; B – <b>لاجئون</b>\n  réfugiés\n  7\r\n7\n")
    }

    /// UTF-8 text renders in every tag as the same text held as a String does.
    func testUTF8TextRendersAsTheStringItStandsFor() throws {
        let template = try MustacheTemplate(string: """
            {{html}}|{{{html}}}|{{#html}}[{{.}}]{{/html}}{{^html}}none{{/html}}|{{uppercased(html)}}|{{html.count}}|{{#empty}}e{{/empty}}{{^empty}}no{{/empty}}|{{{page.html}}}
            """)
        let text = "<b>réfugiés & لاجئون</b>"
        let asString: [String: Any] = ["html": text, "empty": "", "page": ["html": text] as [String: Any]]
        let asBytes: [String: Any] = ["html": MustacheUTF8Text(Array(text.utf8)), "empty": MustacheUTF8Text([]),
                                      "page": ["html": MustacheUTF8Text(Array(text.utf8))] as [String: Any]]
        XCTAssertEqual(template.render(asBytes), template.render(asString))
        XCTAssertEqual(template.render(asBytes), "&lt;b&gt;réfugiés &amp; لاجئون&lt;/b&gt;|\(text)|[&lt;b&gt;réfugiés &amp; لاجئون&lt;/b&gt;]|&lt;B&gt;RÉFUGIÉS &amp; لاجئون&lt;/B&gt;||e|\(text)")
        let library = MustacheLibrary(templates: ["t": template])
        XCTAssertEqual(library.renderUTF8(asBytes, withTemplate: "t"), library.renderUTF8(asString, withTemplate: "t"))
    }

    /// A value found is given back as it is when there are no transforms; a custom
    /// representation (`NSNull`: none) and transforms apply as before.
    func testValuesFoundAreGivenBackWithOrWithoutTransforms() throws {
        let template = try MustacheTemplate(string: "{{name}}|{{uppercased(name)}}|{{#null}}x{{/null}}{{^null}}empty{{/null}}|{{count(list)}}|{{a.b}}")
        let object: [String: Any] = ["name": "ab", "null": NSNull(), "list": [1, 2, 3], "a": ["b": "c"] as [String: Any]]
        XCTAssertEqual(template.render(object), "ab|AB|empty|3|c")
    }

    func testDictionariesAndPlainNamesRenderAsBefore() throws {
        let template = try MustacheTemplate(string: "{{#page}}{{title}} {{site.name}}{{/page}}{{^page}}none{{/page}}|{{#flag}}yes{{/flag}}{{^missing}}no{{/missing}}")
        let object: [String: Any] = ["page": ["title": "A & B"] as [String: Any], "site": ["name": "<T>"], "flag": true]
        XCTAssertEqual(template.render(object), "A &amp; B &lt;T&gt;|yesno")
        XCTAssertEqual(template.render(["flag": false] as [String: Any]), "none|no")
    }

    func testSequencesAppendInOrder() throws {
        let template = try MustacheTemplate(string: "{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}")
        let items: [[String: Any]] = [["name": "a"], ["name": "b"], ["name": "c"]]
        XCTAssertEqual(template.render(["items": items]), "a, b, c")
    }

    /// Inside a section over a string or a number, names climb to the objects around it.
    func testStringsAndNumbersInSectionsLookUpTheStack() throws {
        let template = try MustacheTemplate(string: "{{#summary}}{{title}}: {{.}}{{/summary}}{{#count}} ({{count}} {{unit}}){{/count}}{{^none}}!{{/none}}")
        let object: [String: Any] = ["summary": "a <b>", "title": "T", "count": 3, "unit": "pages", "none": [[String: Any]]()]
        XCTAssertEqual(template.render(object), "T: a &lt;b&gt; (3 pages)!")
        XCTAssertEqual(template.render(["none": [["x": 1]] as [[String: Any]]] as [String: Any]), "")
    }

    /// Names are split when the template is parsed (`MustacheName`); each kind looks up as in 2.1.1.
    /// Values of the very types a context usually holds are read without the runtime's
    /// casts (`exactly(_:as:)`); other types still go through them and render as before.
    func testValuesReadWithoutCastsRenderAsWithThem() throws {
        let template = try MustacheTemplate(string: "{{#s}}{{d.a}}{{e.b}}{{/s}}|{{#list}}{{.}}{{/list}}|{{#rows}}{{n}}{{/rows}}|{{#yes}}y{{/yes}}{{^yes}}n{{/yes}}|{{{raw}}}|{{sub}}|{{i}}")
        let object: [String: Any] = [
            "s": "x", "d": ["a": "<1>"] as [String: String], "e": ["b": 2] as [String: Int],
            "list": ["p", "q"] as [Any], "rows": [["n": 1], ["n": 2]] as [[String: Any]], "yes": true,
            "raw": "<b>", "sub": "a" as Substring, "i": 7,
        ]
        XCTAssertEqual(template.render(object), "&lt;1&gt;2|pq|12|y|<b>|a|7")
        XCTAssertEqual(exactly(["k": "v"] as [String: String], as: [String: Any].self) == nil, true)
        XCTAssertEqual(exactly("v" as Any, as: String.self), "v")
    }

    /// A number is written as `String(describing:)` writes it and a null as nothing, by
    /// their type's identity, before the casts that other types still go through.
    func testNumbersAndNullsRenderAsThroughTheCasts() throws {
        let template = try MustacheTemplate(string: "{{n}}|{{m}}|{{z}}[{{null}}]{{#null}}x{{/null}}{{^null}}y{{/null}}|{{null.a}}|{{big}}")
        let object: [String: Any] = ["n": 42, "m": -3, "z": 0, "null": NSNull(), "big": Int.max]
        XCTAssertEqual(template.render(object), "42|-3|0[]y||9223372036854775807")
    }

    func testEachKindOfNameLooksUpAsBefore() throws {
        let object: [String: Any] = [
            "outer": ["name": "O"] as [String: Any],
            "inner": ["name": "I", "list": ["x", "y"]] as [String: Any],
            "name": "top",
        ]
        let plain = try MustacheTemplate(string: "{{name}}/{{outer.name}}/{{.name}}/{{missing.name}}/{{outer.missing}}")
        XCTAssertEqual(plain.render(object), "top/O/top//")
        // Inside `inner`: a plain name climbs, a dotted one finds its first part anywhere on the stack,
        // an anchored one (`.outer.name`) reads only the top, `.` is the element, `index()` the place in a list.
        let names = try MustacheTemplate(string: "{{#inner}}{{name}} {{outer.name}} [{{.outer.name}}] {{#list}}{{.}}{{index()}}{{/list}}{{/inner}}")
        XCTAssertEqual(names.render(object), "I O [] x0y1")
        // A name is parsed the same whatever tag holds it, and compares by its text.
        XCTAssertEqual(MustacheName("a.b"), "a.b")
        guard case .dotted(let parts) = MustacheName("a.b").lookup, case .anchored(let anchored) = MustacheName(".a.b").lookup,
              case .plain("a") = MustacheName("a").lookup, case .current = MustacheName(".").lookup, case .empty = MustacheName("").lookup
        else { return XCTFail("names classified wrongly") }
        XCTAssertEqual(parts, ["a", "b"])
        XCTAssertEqual(anchored, ["a", "b"])
    }

    /// The stack is a chain of contexts (`MustacheContext.below`): names are found from the top
    /// down through every level, a partial or a block that changes nothing renders in the
    /// context it is in (a partial within a list sees the element but not its place, as in
    /// 2.1.1), and after a section the levels it pushed are gone.
    func testNamesAreFoundDownTheChainOfContextsThroughPartialsAndBlocks() throws {
        var library = MustacheLibrary()
        try library.register("{{name}}@{{level}}{{#first()}}^{{/first()}}{{#last()}}${{/last()}}", named: "item")
        try library.register("<{{$tail}}{{name}}{{/tail}}>", named: "frame")
        try library.register("{{#a}}{{#b}}{{#list}}{{> item}},{{/list}}{{/b}}{{name}}{{/a}}|{{name}}|{{<frame}}{{/frame}}|"
                             + "{{#a}}{{<frame}}{{$tail}}{{level}}{{/tail}}{{/frame}}{{/a}}", named: "page")
        let object: [String: Any] = [
            "name": "top", "level": "0",
            "a": ["name": "A", "level": "1",
                  "b": ["level": "2", "list": [["name": "x"], ["level": "3"]] as [[String: Any]]] as [String: Any]] as [String: Any],
        ]
        XCTAssertEqual(library.render(object, withTemplate: "page"), "x@2,A@3,A|top|<top>|<1>")
    }

    /// `a.b` is read in one step when `a` is a `[String: Any]`; the other kinds of `a`
    /// (strings by name, structs, a missing or nil `a`, longer names) give what they gave before.
    func testTwoPartNamesReadAsTheGeneralPathDoes() throws {
        struct Card { let title = "card" }
        let object: [String: Any] = [
            "page": ["title": "T", "tags": ["x"], "flag": false] as [String: Any],
            "strings": ["title": "S"] as [String: String],
            "card": Card(),
            "word": "text",
            "nothing": Optional<String>.none as Any,
            "deep": ["page": ["title": "D"] as [String: Any]] as [String: Any],
        ]
        let template = try MustacheTemplate(string: "{{page.title}}|{{page.missing}}|{{strings.title}}|{{card.title}}|{{word.count}}|{{nothing.title}}|{{absent.title}}|{{deep.page.title}}|{{#page.tags}}{{.}}{{/page.tags}}|{{^page.flag}}no{{/page.flag}}|{{page.title}}")
        XCTAssertEqual(template.render(object), "T||S|card||||D|x|no|T")
        // The first part is found wherever it is on the stack, the nearest first.
        let nested = try MustacheTemplate(string: "{{#deep}}{{page.title}}{{/deep}}/{{page.title}}")
        XCTAssertEqual(nested.render(object), "D/T")
    }

    /// A template ending inside a tag is still an error after the bounded read.
    func testUnterminatedTagIsStillAnError() {
        XCTAssertThrowsError(try MustacheTemplate(string: "{{=<% %>=}}<% title"))
    }

    // MARK: MustacheMemo

    /// An element whose values count how often they are read: a lambda.
    private final class Reads: @unchecked Sendable {
        var count = 0
    }

    private func element(_ name: String, reads: Reads) -> [String: Any] {
        let lambda = MustacheLambda { _ in reads.count += 1; return name }
        return ["name": lambda, "plain": name, MustacheMemo.key.text: MustacheMemo()]
    }

    /// A body that reads only its element is rendered once per element; every
    /// later list showing the element appends the kept text, whatever is around it.
    func testABodyReadingOnlyItsElementRendersOnce() throws {
        let template = try MustacheTemplate(string: "<{{title}}>{{#items}}[{{name}}{{#deep}}{{x}}{{/deep}}]{{/items}}")
        let reads = Reads()
        var first = element("a", reads: reads)
        first["deep"] = ["x": "!"] as [String: Any]
        let second = element("b", reads: Reads())
        XCTAssertEqual(template.render(["title": "one", "items": [first, second]] as [String: Any]), "<one>[a!][b]")
        XCTAssertEqual(template.render(["title": "two", "items": [second, first]] as [String: Any]), "<two>[b][a!]")
        XCTAssertEqual(reads.count, 1)
    }

    /// A body that reads a name around the list, misses a name, or reads its
    /// place in the list is rendered every time, so each list shows its own.
    func testABodyReadingOutsideItsElementIsRenderedEveryTime() throws {
        let reads = Reads()
        let item = element("a", reads: reads)
        let outside = try MustacheTemplate(string: "{{#items}}{{name}} of {{title}};{{/items}}")
        XCTAssertEqual(outside.render(["title": "one", "items": [item]] as [String: Any]), "a of one;")
        XCTAssertEqual(outside.render(["title": "two", "items": [item]] as [String: Any]), "a of two;")
        let dotted = try MustacheTemplate(string: "{{#items}}{{name}} of {{site.title}};{{/items}}")
        XCTAssertEqual(dotted.render(["site": ["title": "one"], "items": [item]] as [String: Any]), "a of one;")
        XCTAssertEqual(dotted.render(["site": ["title": "two"], "items": [item]] as [String: Any]), "a of two;")
        let missing = try MustacheTemplate(string: "{{#items}}{{name}}{{#extra}}+{{extra}}{{/extra}};{{/items}}")
        XCTAssertEqual(missing.render(["items": [item]] as [String: Any]), "a;")
        XCTAssertEqual(missing.render(["extra": "x", "items": [item]] as [String: Any]), "a+x;")
        let position = try MustacheTemplate(string: "{{#items}}{{plain}}{{^last()}},{{/last()}}{{/items}}")
        let other = element("b", reads: Reads())
        XCTAssertEqual(position.render(["items": [item, other]] as [String: Any]), "a,b")
        XCTAssertEqual(position.render(["items": [other, item]] as [String: Any]), "b,a")
        XCTAssertEqual(reads.count, 6)
    }

    /// A name inside a nested section that is found only around the outer
    /// list spoils the outer element's rendering, not only the inner one's.
    func testANestedListSpoilsEveryRenderingItReadsOutsideOf() throws {
        let template = try MustacheTemplate(string: "{{#items}}{{plain}}({{#parts}}{{plain}}{{title}}{{/parts}}){{/items}}")
        var outer = element("a", reads: Reads())
        outer["parts"] = [element("p", reads: Reads())]
        XCTAssertEqual(template.render(["title": "1", "items": [outer]] as [String: Any]), "a(p1)")
        XCTAssertEqual(template.render(["title": "2", "items": [outer]] as [String: Any]), "a(p2)")
        // Read only inside the outer element: both are kept, and the inner one
        // is kept even though the outer one read around it.
        let inside = try MustacheTemplate(string: "{{#items}}{{plain}}({{#parts}}{{plain}}{{label}}{{/parts}}){{/items}}")
        outer["label"] = "!"
        XCTAssertEqual(inside.render(["items": [outer]] as [String: Any]), "a(p!)")
        XCTAssertEqual(inside.render(["items": [outer], "label": "?"] as [String: Any]), "a(p!)")
    }

    /// A block of an enclosing parent may differ between renderings: no memo.
    func testABodyInsideAnInheritedBlockIsRenderedEveryTime() throws {
        let library = try MustacheLibrary(templates: [
            "list": MustacheTemplate(string: "{{#items}}{{$entry}}{{plain}}{{/entry}};{{/items}}"),
            "one": MustacheTemplate(string: "{{<list}}{{$entry}}1{{plain}}{{/entry}}{{/list}}"),
            "two": MustacheTemplate(string: "{{<list}}{{$entry}}2{{plain}}{{/entry}}{{/list}}"),
        ])
        let item = element("a", reads: Reads())
        XCTAssertEqual(library.render(["items": [item]] as [String: Any], withTemplate: "one"), "1a;")
        XCTAssertEqual(library.render(["items": [item]] as [String: Any], withTemplate: "two"), "2a;")
        XCTAssertEqual(library.render(["items": [item]] as [String: Any], withTemplate: "list"), "a;")
    }

    /// A list inside a parent's block (every layout's `{{$main}}`) is remembered
    /// when its body holds no block of its own.
    func testAListInsideABlockOverrideIsRemembered() throws {
        let library = try MustacheLibrary(templates: [
            "base": MustacheTemplate(string: "<main>{{$main}}{{/main}}</main>"),
            "page": MustacheTemplate(string: "{{<base}}{{$main}}{{#items}}[{{name}}]{{/items}}{{/main}}{{/base}}"),
        ])
        let reads = Reads()
        let item = element("a", reads: reads)
        XCTAssertEqual(library.render(["items": [item]] as [String: Any], withTemplate: "page"), "<main>[a]</main>")
        XCTAssertEqual(library.render(["items": [item, item]] as [String: Any], withTemplate: "page"), "<main>[a][a]</main>")
        XCTAssertEqual(reads.count, 1)
    }

    // MARK: MustacheLazyElement

    /// An element whose values are made only when a body must render them,
    /// sharing one memo across the lists that show it, as an app makes a
    /// new element for each list.
    private func lazyElement(_ name: String, memo: MustacheMemo, makes: Reads) -> MustacheLazyElement {
        MustacheLazyElement(memo: memo) {
            makes.count += 1
            return ["name": name, "deep": ["x": "!"] as [String: Any]]
        }
    }

    /// A body kept in the memo is appended without making the element's
    /// values: each list makes its own element, and only the first list made
    /// the values of it.
    func testALazyElementIsMadeOnlyWhenItsBodyIsNotKept() throws {
        let template = try MustacheTemplate(string: "<{{title}}>{{#items}}[{{name}}{{#deep}}{{x}}{{/deep}}]{{/items}}")
        let memo = MustacheMemo()
        let makes = Reads()
        XCTAssertEqual(template.render(["title": "one", "items": [lazyElement("a", memo: memo, makes: makes)] as [Any]] as [String: Any]), "<one>[a!]")
        XCTAssertEqual(template.render(["title": "two", "items": [lazyElement("a", memo: memo, makes: makes)] as [Any]] as [String: Any]), "<two>[a!]")
        XCTAssertEqual(makes.count, 1)
        XCTAssertEqual(memo.count, 1)
    }

    /// A body reading around the list makes the element's values every
    /// time (once per element), and each list shows its own.
    func testALazyElementReadAroundItsListIsMadeEachTime() throws {
        let template = try MustacheTemplate(string: "{{#items}}{{name}} of {{title}};{{/items}}")
        let memo = MustacheMemo()
        let makes = Reads()
        let element = lazyElement("a", memo: memo, makes: makes)
        XCTAssertEqual(template.render(["title": "one", "items": [element, element] as [Any]] as [String: Any]), "a of one;a of one;")
        XCTAssertEqual(template.render(["title": "two", "items": [lazyElement("a", memo: memo, makes: makes)] as [Any]] as [String: Any]), "a of two;")
        XCTAssertEqual(makes.count, 2)
        XCTAssertEqual(memo.count, 0)
    }

    /// Outside a list's body a lazy element stands for its values: a section
    /// over it, a dotted name into it.
    func testALazyElementOutsideAListIsItsValues() throws {
        let makes = Reads()
        let element = lazyElement("a", memo: MustacheMemo(), makes: makes)
        let template = try MustacheTemplate(string: "{{#entry}}{{name}}{{/entry}}/{{entry.name}}/{{entry.deep.x}}")
        XCTAssertEqual(template.render(["entry": element] as [String: Any]), "a/a/!")
        XCTAssertEqual(makes.count, 1)
    }

    // MARK: Copies made apart

    /// A library copied apart renders every template as the original does:
    /// sections, inverted sections, transforms, partials, a parent with
    /// blocks, a change of delimiters.
    func testALibraryCopiedApartRendersTheSame() throws {
        var library = MustacheLibrary()
        try library.register("<li>{{name}}{{#tags}} #{{.}}{{/tags}}</li>", named: "item")
        try library.register("<html>{{$body}}none{{/body}}</html>", named: "base")
        try library.register(
            "{{<base}}{{$body}}{{#items}}{{> item}}{{/items}}{{^items}}empty{{/items}}{{uppercased(title)}}{{=<% %>=}}<% title %><%/body%>{{/base}}",
            named: "page")
        let copy = library.copiedApart()
        let values: [String: Any] = ["title": "a long enough title for its own storage",
                                     "items": [["name": "one", "tags": ["x", "y"]], ["name": "two"]] as [[String: Any]]]
        let expected = try XCTUnwrap(library.render(values, withTemplate: "page"))
        XCTAssertEqual(copy.render(values, withTemplate: "page"), expected)
        XCTAssertEqual(copy.render(["items": [] as [Any], "title": "t"] as [String: Any], withTemplate: "page"),
                       library.render(["items": [] as [Any], "title": "t"] as [String: Any], withTemplate: "page"))
        XCTAssertTrue(expected.contains("<li>one #x #y</li><li>two</li>"))
    }

    /// A copy shares no storage with the original: not its tokens, not the
    /// text of a token (what two threads would retain at every tag).
    func testACopyMadeApartSharesNoStorage() throws {
        let original = try MustacheTemplate(string: "a text long enough to be kept in storage of its own {{#items}}{{name}}{{/items}}")
        let copy = original.copiedApart()
        func tokensAddress(_ template: MustacheTemplate) -> UnsafeRawPointer? {
            template.tokens.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        }
        func textAddress(_ template: MustacheTemplate) throws -> UnsafeRawPointer? {
            guard case .text(var text) = try XCTUnwrap(template.tokens.first) else { XCTFail("not a text"); return nil }
            return text.withUTF8 { $0.baseAddress.map(UnsafeRawPointer.init) }
        }
        XCTAssertNotEqual(tokensAddress(original), tokensAddress(copy))
        XCTAssertNotEqual(try textAddress(original), try textAddress(copy))
        XCTAssertEqual(copy.identity, original.identity)
    }

    /// What a memo keeps for a body rendered with the original serves the
    /// copy too (the body keeps its identity), and the other way round.
    func testACopyMadeApartSharesTheMemos() throws {
        let template = try MustacheTemplate(string: "{{#items}}[{{name}}]{{/items}}")
        let copy = template.copiedApart()
        let memo = MustacheMemo()
        let makes = Reads()
        XCTAssertEqual(template.render(["items": [lazyElement("a", memo: memo, makes: makes)] as [Any]] as [String: Any]), "[a]")
        XCTAssertEqual(copy.render(["items": [lazyElement("a", memo: memo, makes: makes)] as [Any]] as [String: Any]), "[a]")
        XCTAssertEqual(makes.count, 1)
        XCTAssertEqual(memo.count, 1)
        // Two bodies parsed apart from the same text are two bodies.
        let other = try MustacheTemplate(string: "{{#items}}[{{name}}]{{/items}}")
        XCTAssertEqual(other.render(["items": [lazyElement("a", memo: memo, makes: makes)] as [Any]] as [String: Any]), "[a]")
        XCTAssertEqual(memo.count, 2)
    }

    // MARK: MustacheKey

    /// Keys with the same text are equal and find each other in a dictionary,
    /// whatever the dictionary's size (its seed); different texts do not.
    func testKeysOfTheSameTextAreOneKey() {
        let texts = (0..<500).map { "name\($0)" } + ["", "a", "a\u{0}", "é", "page.title", "\u{0}memo", "directory_title_"]
        var table: MustacheValues = [:]
        for (index, text) in texts.enumerated() { table[MustacheKey(text)] = index }
        XCTAssertEqual(table.count, texts.count)
        for (index, text) in texts.enumerated() {
            XCTAssertEqual(table[MustacheKey(text)] as? Int, index, text)
            XCTAssertEqual(MustacheKey(text), MustacheKey(stringLiteral: text))
            XCTAssertEqual(MustacheKey(text).hashValue, MustacheKey(text).hashValue)
        }
        XCTAssertNil(table["name500"])
        XCTAssertNotEqual(MustacheKey("a"), MustacheKey("b"))
        XCTAssertEqual(Set(texts.map { MustacheKey($0) }).count, texts.count)
        // Distinct hashes, not only distinct keys (a dictionary keeps colliding keys apart, slowly).
        XCTAssertEqual(Set(texts.map { MustacheKey($0).code }).count, texts.count)
    }

    /// A keyed context renders as the same context with `String` keys does:
    /// names, dotted names, sections, inverted sections, lists, a name found
    /// in a context further down the stack, and the two kinds mixed.
    func testAKeyedContextRendersAsAStringKeyedOne() throws {
        let template = try MustacheTemplate(string: """
            {{title}}|{{site.title}}|{{#site}}{{title}}{{/site}}|{{^missing}}none{{/missing}}|\
            {{#items}}[{{name}} of {{title}}{{#deep}}{{x}}{{/deep}}]{{/items}}|{{#flag}}yes{{/flag}}|{{.site.title}}|{{old.inner}}
            """)
        let keyed: MustacheValues = [
            "title": "T<", "site": ["title": "S"] as MustacheValues, "flag": true,
            "items": [["name": "a", "deep": ["x": "!"] as MustacheValues] as MustacheValues, ["name": "b"] as MustacheValues],
            "old": ["inner": "mixed"] as [String: Any],
        ]
        let strings: [String: Any] = [
            "title": "T<", "site": ["title": "S"] as [String: Any], "flag": true,
            "items": [["name": "a", "deep": ["x": "!"] as [String: Any]] as [String: Any], ["name": "b"] as [String: Any]],
            "old": ["inner": "mixed"] as [String: Any],
        ]
        let expected = "T&lt;|S|S|none|[a of T&lt;!][b of T&lt;]|yes|S|mixed"
        XCTAssertEqual(template.render(keyed), expected)
        XCTAssertEqual(template.render(strings), expected)
    }

    /// A keyed element holding a memo under `MustacheMemo.key` is remembered
    /// as a `String`-keyed one is.
    func testAKeyedElementWithAMemoRendersOnce() throws {
        let template = try MustacheTemplate(string: "{{#items}}[{{name}}]{{/items}}")
        let reads = Reads()
        let lambda = MustacheLambda { _ in reads.count += 1; return "a" }
        let item: MustacheValues = ["name": lambda, MustacheMemo.key: MustacheMemo()]
        XCTAssertEqual(template.render(["items": [item]] as MustacheValues), "[a]")
        XCTAssertEqual(template.render(["items": [item, item]] as MustacheValues), "[a][a]")
        XCTAssertEqual(reads.count, 1)
    }
}
