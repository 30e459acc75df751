import Foundation
import PythonSyntax

// asyncfix-bench: parse-only throughput of PythonSyntax, one thread.
//
//   asyncfix-bench [--rounds N] FILE_LIST
//
// FILE_LIST names one Python file per line. Every file is read into memory first, so only
// lexing and parsing are timed; then all files are parsed once per round on this thread, and
// the median round gives MB/s per core. The total diagnostics count is printed so a parser
// that silently fails (or a file set that changed) shows up in the figures.

/// Seconds of CPU time used by this thread.
func threadCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func wallSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("asyncfix-bench: \(message)\n".utf8))
  exit(64)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var rounds = 5
if let index = arguments.firstIndex(of: "--rounds") {
  guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else {
    fail("--rounds needs a positive number")
  }
  rounds = value
  arguments.removeSubrange(index...index + 1)
}
guard arguments.count == 1, let list = try? String(contentsOfFile: arguments[0], encoding: .utf8) else {
  fail("usage: asyncfix-bench [--rounds N] FILE_LIST")
}

let sources: [[UInt8]] = list.split(separator: "\n").compactMap { path in
  FileManager.default.contents(atPath: String(path)).map { Array($0) }
}
let totalBytes = sources.reduce(0) { $0 + $1.count }

var wallTimes: [Double] = []
var cpuTimes: [Double] = []
var diagnostics = 0
var nodes = 0
for _ in 0..<rounds {
  diagnostics = 0
  nodes = 0
  let wallStart = wallSeconds()
  let cpuStart = threadCPUSeconds()
  for bytes in sources {
    let tree = SyntaxTree.parse(SourceBuffer(bytes))
    diagnostics += tree.diagnostics.count
    nodes += tree.nodeCount
  }
  cpuTimes.append(threadCPUSeconds() - cpuStart)
  wallTimes.append(wallSeconds() - wallStart)
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

let medianCPU = median(cpuTimes)
let megabytes = Double(totalBytes) / 1_000_000
print("files=\(sources.count) bytes=\(totalBytes) rounds=\(rounds) nodes=\(nodes) diagnostics=\(diagnostics)")
print(String(format: "median_cpu_s=%.4f median_wall_s=%.4f mb_per_s_per_core=%.1f",
             medianCPU, median(wallTimes), medianCPU > 0 ? megabytes / medianCPU : 0))
