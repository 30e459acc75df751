# asyncio.run in the program's plain main function: no finding.
import asyncio
import _thread
import threading


async def serve():
    await asyncio.sleep(0)


def main():
    asyncio.run(serve())


def in_thread():
    asyncio.run(serve())


_thread.start_new_thread(in_thread, ())
threading.Thread(target=in_thread).start()

if __name__ == "__main__":
    main()
