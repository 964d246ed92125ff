import Foundation
import Testing

/// docs/cli.md is generated from the binary's help; it must match the current tables.
@Suite struct DocumentationTests {
  @Test func commandReferenceMatchesHelp() throws {
    let doc = try String(
      contentsOf: BinaryRunner.packageRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
    let overview = try BinaryRunner.run(["--help"])
    #expect(doc.contains(overview.stdout), "docs/cli.md is stale: run scripts/gen-cli-doc.sh")
    let names = overview.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { !$0.hasPrefix("SUBCOMMANDS:") }.dropFirst()
      .prefix { !$0.isEmpty }
      .compactMap { $0.split(separator: " ").first.map(String.init) }
    #expect(!names.isEmpty)
    for name in names {
      let help = try BinaryRunner.run([name, "--help"])
      #expect(doc.contains(help.stdout), "docs/cli.md is stale for \(name)")
    }
  }
}
