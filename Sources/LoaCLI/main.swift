#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import LoaKit

// The only place that exits: argv → LoaKit → exit status.
exit(LoaCommandLine.run(arguments: Array(CommandLine.arguments.dropFirst())))
