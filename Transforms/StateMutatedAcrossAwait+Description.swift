import Engine
import PythonSyntax

extension StateMutatedAcrossAwait {
  public static let description = RuleDescription(
    code: "AF106", name: "state-mutated-across-await",
    summary: "Shared state is changed after an await point on the strength of what was read before it",
    rationale: """
      A coroutine runs alone only between await points. `n = len(items)`, `await …`, \
      `items.append(n)` looks atomic but is not: while the coroutine waits, another task may \
      append too, and `n` is out of date when it is used. The same goes for a check before the \
      await and an action after it (`if key not in cache:` … `cache[key] = await fetch(key)` \
      fetches twice and keeps the last), and for `counter += await f()`, which reads `counter` \
      before awaiting and writes it after.

      Shared state is a module-level name (`global`, or a module-level object changed through a \
      method, item or attribute) and `self.attr` in a method. Reported at the write — an \
      assignment, augmented assignment, `del`, item assignment or a mutating call (`append`, \
      `extend`, `insert`, `pop`, `remove`, `clear`, `update`, `setdefault`, `popitem`, `add`, \
      `discard`) — when its value, arguments or enclosing test come from a read of the same \
      state made before an await point (`await`, `async for`, `async with`) on some path, loops \
      included. Not reported: locals; state read and written with no await in between; a value \
      recomputed, or a test repeated, after the await; a write that does not depend on the read \
      (`if self.closed: return` … `self.closed = True`); await points inside `async with` a \
      lock — an asyncio `Lock`, `Semaphore` or `Condition` by its construction, or any \
      expression whose last name says "lock" (`self._lock`, `write_lock`, `self._locks[key]`; \
      not `clock` or `block`).

      No automatic fix: where the lock goes and which other tasks must take it is a design \
      decision. The suggestion is to hold an `asyncio.Lock` from the read to the write.
      """,
    triggeringExamples: [
      RuleExample(
        """
        items = []
        async def add(source):
            n = len(items)
            await source.ready()
            ↓items.append(n)
        """),
      RuleExample(
        """
        counter = 0
        async def tally(f):
            global counter
            ↓counter += await f()
        """),
      RuleExample(
        """
        class Pool:
            async def connection(self, open_connection):
                if self.conn is None:
                    ↓self.conn = await open_connection()
                return self.conn
        """),
      RuleExample(
        """
        cache = {}
        async def lookup(key, fetch):
            if key not in cache:
                value = await fetch(key)
                ↓cache[key] = value
            return cache[key]
        """),
      RuleExample(
        """
        class Meter:
            async def run(self, sensor):
                while True:
                    total = self.total
                    await sensor.sample()
                    ↓self.total = total + 1
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        """
        import asyncio
        lock = asyncio.Lock()
        items = []
        async def add(source):
            async with lock:
                n = len(items)
                await source.ready()
                items.append(n)
        """),
      RuleExample(
        """
        items = []
        async def add(source):
            await source.ready()
            n = len(items)
            items.append(n)
            await source.done()
        """),
      RuleExample(
        """
        async def add(source):
            items = []
            n = len(items)
            await source.ready()
            items.append(n)
        """),
      RuleExample(
        """
        class Job:
            async def run(self, work):
                if self.busy:
                    raise RuntimeError("busy")
                self.busy = True
                try:
                    await work()
                finally:
                    self.busy = False
        """),
      RuleExample(
        """
        cache = {}
        async def lookup(key, fetch):
            value = await fetch(key)
            if key not in cache:
                cache[key] = value
        """),
      RuleExample(
        """
        class Waiters:
            async def wait(self, future):
                self.waiters.append(future)
                try:
                    await future
                finally:
                    self.waiters.remove(future)
        """),
    ],
    corrections: [],
    fixAvailability: .none,
    nodeKinds: [.asyncFunctionDef])
}
