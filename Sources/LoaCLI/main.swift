#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import LoaCore
import LoaKit

MallocTuning.keepFreedMemory()
// The only place that exits: raw argv (refused unless UTF-8) → LoaKit → exit status.
exit(LoaCommandLine.run(argc: CommandLine.argc, argv: CommandLine.unsafeArgv))
