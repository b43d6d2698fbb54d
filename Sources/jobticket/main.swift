import Foundation
import JobTicketApp

exit(CommandLineInterface().run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
