"""A def, lambda or class nested in a coroutine is not the coroutine."""
import time


async def main():
    def blocking():
        time.sleep(1)

    callback = lambda: time.sleep(1)

    class Job:
        def run(self):
            time.sleep(1)

    return blocking, callback, Job
