import Engine
import PythonSyntax

extension AwaitOutsideCoroutine {
  public static let description = RuleDescription(
    code: "AF107", name: "await-outside-coroutine",
    summary: "`await`, `async for` or `async with` is used outside an `async def`",
    rationale: """
      Only a coroutine can suspend. `await` at module level or in a class body, `async for`, \
      `async with` or an asynchronous comprehension outside an `async def`, and `await` in a \
      plain `def` or a lambda are syntax errors in CPython: the module fails to import. \
      MicroPython rejects them too, with one exception that is worse: an `await` in a plain \
      `def` or lambda compiles, as `yield from` does, and turns the function into a generator. \
      Calling it then returns a generator object and runs none of its body — the LED never \
      blinks, the message is never sent, and nothing says why.

      The message follows the file's dialect. A generator expression may await anywhere (it \
      becomes an asynchronous generator expression), so nothing inside one is reported. \
      Top-level `await` works in the asyncio REPL and in notebooks, not in a module, and is \
      reported. No automatic fix: usually the enclosing `def` should be `async def`, and every \
      caller must then await it.
      """,
    triggeringExamples: [
      RuleExample(
        """
        import asyncio
        ↓await asyncio.sleep(1)
        """),
      RuleExample(
        """
        import uasyncio as asyncio
        def blink(led):
            led.on()
            ↓await asyncio.sleep_ms(100)
            led.off()
        """),
      RuleExample(
        """
        def read_all(stream):
            ↓async with stream:
                return [line ↓async for line in stream]
        """),
      RuleExample(
        """
        class Client:
            ↓await connect()
        """),
      RuleExample(
        """
        handler = lambda message: ↓await message.ack()
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        """
        import asyncio
        async def blink(led):
            led.on()
            await asyncio.sleep_ms(100)
            led.off()
        """),
      RuleExample(
        """
        def lines(stream):
            return (line async for line in stream)
        """),
      RuleExample(
        """
        async def main(items):
            return [await item for item in items]
        """),
      RuleExample(
        """
        def outer():
            async def inner(x):
                await x
            return inner
        """),
    ],
    corrections: [],
    fixAvailability: .none,
    nodeKinds: [.awaitExpression, .asyncForStatement, .asyncWithStatement, .comprehensionClause])
}
