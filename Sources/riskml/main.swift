import Foundation

signal(SIGPIPE, SIG_IGN)
if CommandLine.arguments.count > 1,
  RiskMLCommand.find(CommandLine.arguments[1])?.isBLASBound == true
{
  BLASKernel.reexecWithFasterKernelIfUseful()
}
exit(RiskMLCommand.main(CommandLine.arguments))
