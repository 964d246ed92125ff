import Testing

@testable import RiskMLModels

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
  @Test(
    "splits on . ! ? before a capital or digit, not after abbreviations",
    arguments: [
      (
        "Sales rose. Profit fell! Why? 2024 was good.",
        ["Sales rose.", "Profit fell!", "Why?", "2024 was good."]
      ),
      (
        "Mr. Smith of Acme Inc. said so. Then he left.",
        ["Mr. Smith of Acme Inc. said so.", "Then he left."]
      ),
      (
        "The U.S. economy grew 2.5 percent. Stocks rose.",
        ["The U.S. economy grew 2.5 percent.", "Stocks rose."]
      ),
      ("He said \"no.\" Then left.", ["He said \"no.\"", "Then left."]),
      ("lower case. after a stop", ["lower case. after a stop"]),
      ("  ", []),
    ])
  func split(text: String, expected: [String]) {
    #expect(SentenceSplitter().sentences(text) == expected)
  }
}
