"""Blocking sleeps outside coroutines are fine."""
import time


def wait():
    time.sleep(1)


time.sleep(0.1)


class Worker:
    time.sleep(0)

    def run(self):
        time.sleep(1)
