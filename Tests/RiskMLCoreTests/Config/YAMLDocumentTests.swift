import Testing

@testable import RiskMLCore

extension ConfigTests {
  @Suite struct YAMLDocumentTests {
    @Test func treeKeepsOrderStylesAndPositions() throws {
      let document = try YAMLDocument(parsing: ConfigFixtures.valid, file: "config.yaml")
      let root = try #require(document.root)
      #expect(root.entries?.map(\.key) == ["models", "volatility"])
      #expect(root.node(at: ["models"])?.entries?.map(\.key) == ["sentiment", "risk", "anomaly"])

      let version = try #require(root.node(at: ["models", "sentiment", "version"]))
      #expect(version.kind == .scalar("1", .plain))
      #expect(version.mark == YAMLMark(line: 4, column: 14))

      let returnType = try #require(root.node(at: ["volatility", "return_type"]))
      #expect(returnType.kind == .scalar("simple", .doubleQuoted))
      #expect(returnType.mark == YAMLMark(line: 15, column: 16))

      let factors = try #require(root.node(at: ["models", "risk", "factors"])?.items)
      #expect(factors.map(\.scalar) == ["momentum", "value"])
      #expect(factors[1].mark == YAMLMark(line: 9, column: 25))

      let volatility = try #require(root.entries?[1])
      #expect(volatility.keyMark == YAMLMark(line: 12, column: 1))
    }

    @Test func blockScalarsAndTaggedStringsAreNotPlain() throws {
      let text = "a: |\n  line\nb: !!str 12\nc: 'x'\n"
      let root = try #require(try YAMLDocument(parsing: text, file: "f.yaml").root)
      #expect(root["a"]?.kind == .scalar("line\n", .literal))
      #expect(root["b"]?.kind == .scalar("12", .singleQuoted))
      #expect(root["c"]?.isPlainScalar == false)
    }

    @Test(arguments: ["", "# only\n# comments\n", "\n\n", "---\n"])
    func emptyFilesAreEmptyConfigurations(text: String) throws {
      let configuration = try ConfigFixtures.configuration(text)
      #expect(configuration.isEmpty)
      #expect(try configuration.int(["volatility", "horizon"]) == nil)
    }

    @Test(arguments: [
      ("models: [a, b\n", "config.yaml:2:1: YAML syntax error: did not find expected ',' or ']'"),
      ("a: b: c\n", "config.yaml:1:5: YAML syntax error: mapping values are not allowed"),
      (
        "models:\n\trisk: 1\n",
        "config.yaml:2:1: YAML syntax error: found character that cannot start any token (while scanning "
          + "for the next token at line 2 column 1); indent with spaces, not tabs"
      ),
      ("a: 'open\n", "config.yaml:2:1: YAML syntax error: found unexpected end of stream"),
    ])
    func syntaxErrorsNameTheirPosition(text: String, prefix: String) {
      #expect(throws: ConfigError.self) { try YAMLDocument(parsing: text, file: "config.yaml") }
      let message = ConfigFixtures.error(text)?.description ?? ""
      #expect(message.hasPrefix(prefix), "\(message)")
      #expect(ConfigFixtures.error(text)?.exitCode == .config)
    }

    @Test func invalidUTF8IsASyntaxErrorWithItsLine() throws {
      let path = try ConfigFixtures.temporaryFile(Array("a: 1\nb: é".utf8) + [0xFF, 0x0A])
      #expect {
        try YAMLDocument(contentsOf: path)
      } throws: { error in
        let message = (error as? ConfigError)?.description ?? ""
        return message.hasPrefix("\(path):2:5: YAML syntax error:") && message.contains("0xFF")
      }
    }

    @Test(arguments: [
      (
        "models:\n  risk:\n    type: garch\n    type: egarch\n",
        "config.yaml:4:5: duplicate key 'type' in models.risk (first defined on line 3)"
      ),
      (
        "volatility: {}\n\nvolatility: {}\n",
        "config.yaml:3:1: duplicate key 'volatility' in the top level (first defined on line 1)"
      ),
    ])
    func duplicateKeysNameBothLines(text: String, message: String) {
      #expect(ConfigFixtures.error(text)?.description == message)
    }

    @Test(arguments: [
      ("base: &b {x: 1}\n", "config.yaml:1:7: anchors and aliases are not supported"),
      ("a: 1\nb: *a\n", "config.yaml:2:4: anchors and aliases are not supported"),
      ("a: !custom 1\n", "config.yaml:1:4: YAML tags other than !!str are not supported"),
      ("a: 1\n---\nb: 2\n", "config.yaml:2:1: several documents in one file are not"),
      ("? [a]\n: 1\n", "config.yaml:1:3: mapping keys that are lists or mappings are not"),
      (
        String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
        "config.yaml:1:65: values nested deeper than 64 levels are not supported"
      ),
    ])
    func unsupportedFeaturesAreRejected(text: String, prefix: String) {
      let message = ConfigFixtures.error(text)?.description ?? ""
      #expect(message.hasPrefix(prefix), "\(message)")
    }

    @Test func missingAndUnreadableFiles() throws {
      let directory = try ConfigFixtures.temporaryDirectory()
      #expect(throws: ConfigError.fileNotFound(path: directory + "/none.yaml")) {
        try YAMLDocument(contentsOf: directory + "/none.yaml")
      }
      #expect(throws: ConfigError.unreadable(path: directory)) {
        try YAMLDocument(contentsOf: directory)
      }
    }
  }
}
