/// One value of an output record: what JSONL and CSV writers serialise.
///
/// Objects keep their keys in insertion order, so output columns and JSON keys come out
/// in the order a model wrote them and nightly files diff cleanly.
public enum Value: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([Value])
  case object(Record)
}

/// An ordered list of named values: one output row or one JSON object.
public struct Record: Equatable, Sendable, ExpressibleByDictionaryLiteral {
  /// The fields in the order they were added.
  public private(set) var fields: [(key: String, value: Value)]

  public init() { fields = [] }

  public init(dictionaryLiteral elements: (String, Value)...) {
    fields = elements.map { (key: $0.0, value: $0.1) }
  }

  /// The value stored under `key`; setting replaces it in place or appends a new field.
  public subscript(key: String) -> Value? {
    get { fields.first { $0.key == key }?.value }
    set {
      let index = fields.firstIndex { $0.key == key }
      switch (index, newValue) {
      case (let i?, let value?): fields[i].value = value
      case (let i?, nil): fields.remove(at: i)
      case (nil, let value?): fields.append((key: key, value: value))
      case (nil, nil): break
      }
    }
  }

  /// The keys in order.
  public var keys: [String] { fields.map(\.key) }

  public static func == (lhs: Record, rhs: Record) -> Bool {
    lhs.fields.elementsEqual(rhs.fields) { $0.key == $1.key && $0.value == $1.value }
  }
}

extension Value {
  /// A number, or `null` when it is not finite (JSON has no NaN or infinity).
  public static func number(_ x: Double) -> Value {
    x.isFinite ? .double(x) : .null
  }

  /// An optional number: `null` when absent or not finite.
  public static func number(_ x: Double?) -> Value {
    x.map(number) ?? .null
  }
}
