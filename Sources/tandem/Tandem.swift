import ArgumentParser
import Foundation
import TandemCore

/// The `tandem` command line: each subcommand turns its options into a call on TandemCore.
@main
struct Tandem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Publish the joint public information of two cooperating organisations.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self]
    )

    /// Exit status: 0 ok, 1 content or template errors, 2 usage errors.
    static func main() async {
        Allocator.configure()
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            FileHandle.standardError.write(Data("Run 'tandem help' for the commands and their options.\n".utf8))
            Foundation.exit(2)
        }
    }
}
