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

    /// A template ending inside a tag is still an error after the bounded read.
    func testUnterminatedTagIsStillAnError() {
        XCTAssertThrowsError(try MustacheTemplate(string: "{{=<% %>=}}<% title"))
    }
}
