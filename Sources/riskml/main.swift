import Foundation

signal(SIGPIPE, SIG_IGN)
BLASKernel.reexecWithFasterKernelIfUseful()
exit(RiskMLCommand.main(CommandLine.arguments))
