// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "riskml",
  products: [
    .executable(name: "riskml", targets: ["riskml"])
  ],
  targets: [
    .systemLibrary(name: "CYAML", path: "Sources/CYAML"),
    .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
    .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
    .target(
      name: "RiskMLCore",
      dependencies: ["CYAML", "COpenBLAS"]
    ),
    .target(
      name: "RiskMLModels",
      dependencies: ["RiskMLCore", "COpenBLAS", "CGLPK"]
    ),
    .executableTarget(
      name: "riskml",
      dependencies: ["RiskMLCore", "RiskMLModels"]
    ),
    .testTarget(
      name: "RiskMLCoreTests",
      dependencies: ["RiskMLCore"]
    ),
    .testTarget(
      name: "RiskMLModelsTests",
      dependencies: ["RiskMLModels", "RiskMLCore"],
      exclude: ["Anomaly/Fixtures"]
    ),
    .testTarget(
      name: "RiskMLCLITests",
      dependencies: ["riskml", "RiskMLCore"]
    ),
  ]
)
