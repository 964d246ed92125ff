/// The arithmetic a transformer encoder needs, on row-major `Float` buffers.
///
/// The encoder calls nothing else, so that another implementation (a CUDA one loaded at
/// run time) can replace `CPUBackend`. All matrices are row-major; a "linear" weight has
/// PyTorch's `[out, in]` layout. Pointers stay valid only for the duration of a call.
// FIXME: the buffers are host memory passed per call; a CUDA backend would want weights
// uploaded once (a handle per tensor) and activations kept on the device between calls.
public protocol TensorBackend: Sendable {
  /// A short name for messages, e.g. `cpu/openblas (Haswell), 2 threads`.
  var name: String { get }

  /// `output = input * weight^T + bias (+ residual)`, then GELU if asked.
  ///
  /// - Parameters:
  ///   - input: `rows x inputSize`.
  ///   - weight: `outputSize x inputSize`.
  ///   - bias: `outputSize` values.
  ///   - residual: `rows x outputSize` added before the activation, or nil.
  ///   - applyGELU: apply the exact GELU, x * (1 + erf(x / sqrt 2)) / 2, to the result.
  ///   - output: `rows x outputSize`; must not overlap the other buffers.
  func linear(
    input: UnsafePointer<Float>, rows: Int, inputSize: Int,
    weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, outputSize: Int,
    residual: UnsafePointer<Float>?, applyGELU: Bool, output: UnsafeMutablePointer<Float>)

  /// Layer normalisation of each row in place: `(x - mean) / sqrt(var + eps) * gamma + beta`
  /// with the biased (n) variance, as `torch.nn.LayerNorm`.
  func layerNorm(
    _ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
    gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float)

  /// Multi-head self-attention over packed sequences.
  ///
  /// - Parameters:
  ///   - qkv: `tokens x 3*hidden`: queries, keys and values side by side, each split
  ///     into `headCount` blocks of `headSize` columns.
  ///   - segments: the rows of each sequence; a token attends only within its segment,
  ///     so no padding or mask is needed.
  ///   - output: `tokens x hidden`: softmax(Q K^T / sqrt(headSize)) V per head.
  func attention(
    qkv: UnsafePointer<Float>, segments: [Range<Int>], headCount: Int, headSize: Int,
    output: UnsafeMutablePointer<Float>)
}
