/// The manifest.json written beside head.safetensors: what the head expects and how it
/// was trained.
public struct SentimentHeadManifest: Codable, Sendable, Equatable {
  /// One setting tried while choosing the head, with its validation metrics.
  public struct Candidate: Codable, Sendable, Equatable {
    /// `mean` or `cls`.
    public var pooling: String
    /// Whether embeddings were L2-normalised.
    public var normalised: Bool
    /// The L2 penalty (lambda, on the mean log-loss).
    public var penalty: Double
    /// Whether classes were weighted inversely to their frequency.
    public var balanced: Bool
    /// Validation accuracy.
    public var accuracy: Double
    /// Validation macro-F1.
    public var macroF1: Double

    enum CodingKeys: String, CodingKey {
      case pooling, normalised, penalty, balanced, accuracy
      case macroF1 = "macro_f1"
    }
  }

  /// Always `riskml-sentiment-head`.
  public var format = "riskml-sentiment-head"
  /// Version of this layout.
  public var formatVersion = 1
  /// `logistic-regression`: logits = W e + b.
  public var kind = "logistic-regression"
  /// Output labels, in logit order.
  public var labels: [String]
  /// `mean` or `cls`.
  public var pooling: String
  /// Whether embeddings are L2-normalised before the head.
  public var normalised: Bool
  /// The encoder the head was trained on (e.g. `sentence-transformers/all-MiniLM-L6-v2`).
  public var baseModel: String
  /// Width of the embeddings.
  public var embeddingDimension: Int
  /// Token limit used while training.
  public var maxLength: Int
  /// SHA-256 of the training rows (`label` TAB `text` LF each, in order).
  public var trainingDigest: String
  /// Number of training rows.
  public var trainingRows: Int
  /// Training rows per label.
  public var trainingLabelCounts: [String: Int]
  /// SHA-256 of the validation rows, same encoding.
  public var validationDigest: String
  /// Number of validation rows.
  public var validationRows: Int
  /// Whether the validation rows were split off the training data (seeded shuffle).
  public var validationSplitFromTraining: Bool
  /// The chosen L2 penalty.
  public var penalty: Double
  /// Whether classes were weighted inversely to their frequency.
  public var balanced: Bool
  /// Validation accuracy of the chosen head.
  public var validationAccuracy: Double
  /// Validation macro-F1 of the chosen head (the selection criterion).
  public var validationMacroF1: Double
  /// Every setting tried.
  public var candidates: [Candidate]

  enum CodingKeys: String, CodingKey {
    case format, kind, labels, pooling, normalised, penalty, balanced, candidates
    case formatVersion = "format_version"
    case baseModel = "base_model"
    case embeddingDimension = "embedding_dimension"
    case maxLength = "max_length"
    case trainingDigest = "training_sha256"
    case trainingRows = "training_rows"
    case trainingLabelCounts = "training_label_counts"
    case validationDigest = "validation_sha256"
    case validationRows = "validation_rows"
    case validationSplitFromTraining = "validation_split_from_training"
    case validationAccuracy = "validation_accuracy"
    case validationMacroF1 = "validation_macro_f1"
  }
}
