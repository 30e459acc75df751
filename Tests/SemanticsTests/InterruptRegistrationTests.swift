import PythonSyntax
import Semantics
import XCTest

/// Which calls register a callback that runs outside the event loop's tasks, and which defs or
/// lambdas their handlers resolve to (DESIGN §3, AF105).
final class InterruptRegistrationTests: XCTestCase {
  /// Each registration as `registrar context argument -> handlers`, handlers by name (`lambda`
  /// for a lambda), in source order.
  private func registrations(_ s: Snippet, configured: [RegistrarSpecification] = []) -> [String] {
    s.model.interruptRegistrations(configured: configured).map { registration in
      let handlers = registration.handlers.map { handler in
        FunctionDefSyntax(handler)?.name ?? (handler.kind == .lambda ? "lambda" : "?")
      }
      return "\(registration.registrar) \(registration.context) \(registration.argument.text) -> "
        + handlers.joined(separator: ",")
    }
  }

  func testIrqOnAnyReceiverByPositionOrKeyword() {
    let s = Snippet(
      """
      from machine import Pin
      def on_edge(pin): pass
      def setup(pin_a, uart):
          Pin(5).irq(on_edge)
          pin_a.irq(trigger=Pin.IRQ_FALLING, handler=on_edge)
          uart.irq(lambda u: None, 1)
          pin_a.irq(trigger=Pin.IRQ_RISING)
      """)
    XCTAssertEqual(
      registrations(s),
      [
        "irq() interrupt on_edge -> on_edge",
        "irq() interrupt on_edge -> on_edge",
        "irq() interrupt lambda u: None -> lambda",
      ])
  }

  func testFunctionRegistrarsThroughImportForms() {
    let s = Snippet(
      """
      import machine, pyb, micropython as mp, _thread
      from sensor import set_vsync_callback
      from openamp import Endpoint
      def f(*args): pass
      machine.Timer(0, period=100, callback=f)
      pyb.Timer(4, freq=2, callback=f)
      pyb.ExtInt(pin, pyb.ExtInt.IRQ_FALLING, pyb.Pin.PULL_UP, f)
      mp.schedule(f, 0)
      _thread.start_new_thread(f, ())
      set_vsync_callback(f)
      Endpoint("ep", f)
      machine.Timer(1)
      print(f)
      """)
    XCTAssertEqual(
      registrations(s),
      [
        "machine.Timer() interrupt f -> f",
        "pyb.Timer() interrupt f -> f",
        "pyb.ExtInt() interrupt f -> f",
        "micropython.schedule() scheduler f -> f",
        "_thread.start_new_thread() thread f -> f",
        "sensor.set_vsync_callback() interrupt f -> f",
        "openamp.Endpoint() interrupt f -> f",
      ])
  }

  func testCallbackCountsOnlyOnPybTimersChannelsAndSwitches() {
    let s = Snippet(
      """
      import pyb, machine
      from primitives import Delay_ms
      def f(t): pass
      tim = pyb.Timer(4, freq=1)
      tim.callback(f)
      ch = tim.channel(1, pyb.Timer.PWM, callback=f)
      ch.callback(f)
      pyb.Switch().callback(f)
      delay = Delay_ms(duration=100)
      delay.callback(f)
      unknown.callback(f)
      soft = machine.Timer(-1)
      soft.init(period=10, callback=f)
      other.init(callback=f)
      delay.init(callback=f)
      """)
    XCTAssertEqual(
      registrations(s),
      [
        "callback() interrupt f -> f",
        "channel(callback=) interrupt f -> f",
        "callback() interrupt f -> f",
        "callback() interrupt f -> f",
        "init(callback=) interrupt f -> f",
        "init(callback=) interrupt f -> f",
      ])
  }

  func testOpenMVCameraCallbacksOnAnyReceiver() {
    let s = Snippet(
      """
      import csi
      def on_frame(): pass
      cam = csi.CSI()
      cam.vsync_callback(on_frame)
      cam.frame_callback(lambda: on_frame())
      """)
    XCTAssertEqual(
      registrations(s),
      ["vsync_callback() interrupt on_frame -> on_frame", "frame_callback() interrupt lambda: on_frame() -> lambda"])
  }

  func testHandlerFormsBoundMethodsPartialsAliasesAndUnknowns() {
    let s = Snippet(
      """
      import functools
      from functools import partial as bind
      def on_edge(pin, n): pass
      handler = on_edge
      class Encoder:
          def __init__(self, pin):
              pin.irq(self._isr)
              pin.irq(functools.partial(self._isr, 2))
          def _isr(self, pin): pass
      enc = Encoder(pin)
      pin.irq(enc._isr)
      pin.irq(Encoder._isr)
      pin.irq(bind(on_edge, 1))
      pin.irq(handler)
      def register(pin, callback):
          pin.irq(callback)
      import mylib
      pin.irq(mylib.handler)
      async def coroutine(pin): pass
      pin.irq(coroutine)
      """)
    XCTAssertEqual(
      registrations(s),
      [
        "irq() interrupt self._isr -> _isr",
        "irq() interrupt functools.partial(self._isr, 2) -> _isr",
        "irq() interrupt enc._isr -> _isr",
        "irq() interrupt Encoder._isr -> _isr",
        "irq() interrupt bind(on_edge, 1) -> on_edge",
        "irq() interrupt handler -> on_edge",
        "irq() interrupt callback -> ",
        "irq() interrupt mylib.handler -> ",
        "irq() interrupt coroutine -> ",
      ])
  }

  func testConfiguredFunctionsAndMethods() {
    let s = Snippet(
      """
      import mylib
      from mylib import on_edge as edge
      def f(*args): pass
      edge(f)
      mylib.every(10, cb=f)
      mylib.every(10, f)
      button = mylib.Button(3)
      button.on_press(f)
      other.on_press(f)
      mylib.unrelated(f)
      """)
    let configured = [
      RegistrarSpecification(call: "mylib.on_edge", handlerPosition: 1, handlerKeyword: nil),
      RegistrarSpecification(call: "mylib.every", handlerPosition: nil, handlerKeyword: "cb"),
      RegistrarSpecification(call: "mylib.Button.on_press", handlerPosition: 1, handlerKeyword: nil),
    ]
    XCTAssertEqual(
      registrations(s, configured: configured),
      [
        "mylib.on_edge() interrupt f -> f", "mylib.every() interrupt f -> f",
        "mylib.Button.on_press() interrupt f -> f",
      ])
    XCTAssertEqual(registrations(s), [], "nothing is a registrar without configuration")
  }

  func testCPythonThreads() {
    let s = Snippet(
      """
      import asyncio, threading
      def work(): pass
      threading.Thread(target=work, daemon=True).start()
      threading.Timer(1.0, work).start()
      async def main(loop):
          await asyncio.to_thread(work)
          await loop.run_in_executor(None, work)
      threading.Thread(None, work)
      """)
    XCTAssertEqual(
      registrations(s),
      [
        "threading.Thread() thread work -> work", "threading.Timer() thread work -> work",
        "asyncio.to_thread() thread work -> work", "run_in_executor() thread work -> work",
      ])
  }

  func testStarredArgumentsHideThePosition() {
    let s = Snippet(
      """
      import pyb
      def f(line): pass
      pyb.ExtInt(*args, f)
      pyb.ExtInt(pin, mode, pull, callback=f)
      """)
    XCTAssertEqual(registrations(s), ["pyb.ExtInt() interrupt f -> f"])
  }
}
