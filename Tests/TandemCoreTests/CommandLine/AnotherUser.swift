import Foundation

/// Runs `tandem` as a user who is not root (root reads files at mode 000 and
/// writes into read-only folders), through setpriv: uid 65534 (nobody).
func runAsAnotherUser(_ arguments: [String]) throws -> TandemProcess {
    let process = Process()
    let output = Pipe(), error = Pipe()
    if getuid() == 0 {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", TandemProcess.executable.path] + arguments
    } else {
        process.executableURL = TandemProcess.executable
        process.arguments = arguments
    }
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return TandemProcess(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                         standardError: String(decoding: errData, as: UTF8.self))
}

let canDropRoot = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

/// Gives a folder to the user `runAsAnotherUser` runs as (a no-op when not root).
func giveToAnotherUser(_ url: URL) {
    if getuid() == 0 { chown(url.path, 65534, 65534) }
}
