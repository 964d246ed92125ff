import Foundation

/// Chooses a faster OpenBLAS kernel where Debian's build picks a slow one.
///
/// Debian's OpenBLAS 0.3.21 detects AMD EPYC cores with AVX-512 as "Cooperlake" and runs
/// its GEMM kernels at about half speed; the Haswell kernel (AVX2 + FMA) runs about twice
/// as fast and gives the same results (measured in ../shared/PERFORMANCE.md). OpenBLAS
/// reads `OPENBLAS_CORETYPE` when it loads, before `main`, so riskml re-executes itself
/// once with the variable set, for the subcommands that spend their time in BLAS. On this
/// project's machines OpenBLAS also reports "Zen" for some EPYC parts; Haswell measured
/// about 35 % faster there too. A user's own `OPENBLAS_CORETYPE` always wins, and nothing
/// changes on CPUs without AVX2 and FMA or on Intel CPUs.
enum BLASKernel {
  static func reexecWithFasterKernelIfUseful() {
    let environment = ProcessInfo.processInfo.environment
    guard environment["OPENBLAS_CORETYPE"] == nil,
      environment["RISKML_BLAS_KERNEL"] != "default",
      let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      cpuinfo.contains("AuthenticAMD"),
      let flagsLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return }
    let flags = Set(flagsLine.split(separator: " ").map(String.init))
    guard flags.contains("avx2"), flags.contains("fma") else { return }

    setenv("OPENBLAS_CORETYPE", "Haswell", 1)
    let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
    execv("/proc/self/exe", arguments)
  }
}
