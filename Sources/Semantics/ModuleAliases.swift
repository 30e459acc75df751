/// MicroPython's `u`-prefixed modules and the CPython modules they stand for: the one table that
/// decides when two spellings name the same API (`utime.sleep` ≡ `time.sleep`, `uasyncio.sleep`
/// ≡ `asyncio.sleep`).
///
/// MicroPython 1.x offered `uasyncio`, `utime`, … and later renamed most to the CPython names,
/// keeping the old ones as aliases; code in the wild uses both, often with a fallback import.
public enum ModuleAliases {
  /// MicroPython module name → CPython module name.
  public static let micropythonToCPython: [String: String] = [
    "uasyncio": "asyncio",
    "utime": "time",
    "usocket": "socket",
    "uselect": "select",
    "ussl": "ssl",
    "ujson": "json",
    "uos": "os",
    "usys": "sys",
    "uio": "io",
    "ure": "re",
    "ustruct": "struct",
    "ubinascii": "binascii",
    "ucollections": "collections",
    "uerrno": "errno",
    "uhashlib": "hashlib",
    "uheapq": "heapq",
    "urandom": "random",
    "uzlib": "zlib",
    "urequests": "requests",
    "uarray": "array",
    "uplatform": "platform",
  ]

  /// The CPython name of `module` when it is a MicroPython alias, else `nil`.
  public static func canonicalModule(_ module: String) -> String? { micropythonToCPython[module] }

  /// `module`'s CPython name (itself when it is not an alias).
  public static func canonical(_ module: String) -> String { micropythonToCPython[module] ?? module }
}
